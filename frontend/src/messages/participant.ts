// The participant view: the injects delivered to my roles, my responses, and the released report.
import { defineMessages } from '../i18n';

export const t = defineMessages({
  en: {
    pageTitle: 'My injects · Sitroom',
    heading: 'My injects',
    youPlay: 'You play ',
    youPlayEnd: '.',
    noRole: 'no role yet',
    exerciseStatus: ' · exercise {status}',
    situation: 'The situation at the start',
    noInject: 'No inject for you yet. They appear here as the exercise runs.',
    sentTo: '{time} · to {roles}',
    questions: 'Questions for you',
    respondTo: 'Respond to {title}',
    respondToQuoted: 'Respond to “{title}”',
    response: 'Your response (optional)',
    respond: 'Respond',
    responded: 'You responded (#{seq}).',
    respondedWith: 'You responded (#{seq}): {text}',
    released: 'The facilitator released the after-action report.',
    report: 'After-action report',
    scoreLoading: 'Score: loading…',
    score: 'Score: met {met} of {triggered}',
    scorePercent: 'Score: met {met} of {triggered} ({percent}%)',
    scoreNone: 'Score: not available.',
    scoreFailed: 'Score: {error}',
  },
  de: {
    pageTitle: 'Meine Einspielungen · Sitroom',
    heading: 'Meine Einspielungen',
    youPlay: 'Sie spielen ',
    youPlayEnd: '.',
    noRole: 'noch keine Rolle',
    exerciseStatus: ' · Übung {status}',
    situation: 'Die Lage zu Beginn',
    noInject: 'Noch keine Einspielung für Sie. Einspielungen erscheinen hier, während die Übung läuft.',
    sentTo: '{time} · an {roles}',
    questions: 'Fragen an Sie',
    respondTo: 'Auf {title} antworten',
    respondToQuoted: 'Auf „{title}“ antworten',
    response: 'Ihre Antwort (optional)',
    respond: 'Antworten',
    responded: 'Sie haben geantwortet (#{seq}).',
    respondedWith: 'Sie haben geantwortet (#{seq}): {text}',
    released: 'Die Moderation hat den Nachbesprechungsbericht freigegeben.',
    report: 'Nachbesprechungsbericht',
    scoreLoading: 'Ergebnis: wird geladen …',
    score: 'Ergebnis: {met} von {triggered} erfüllt',
    scorePercent: 'Ergebnis: {met} von {triggered} erfüllt ({percent} %)',
    scoreNone: 'Ergebnis: nicht verfügbar.',
    scoreFailed: 'Ergebnis: {error}',
  },
});

/** The exercise's score as the player reads it: "Score: met 3 of 4 (75%)". */
export function scoreLine(score: { met: number; triggered: number; score: number | null }): string {
  const counts = { met: score.met, triggered: score.triggered };
  return score.score === null ? t('score', counts) : t('scorePercent', { ...counts, percent: Math.round(score.score * 100) });
}
