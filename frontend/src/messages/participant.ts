// The participant view: the injects delivered to my roles, my responses, and the released report.
import { defineMessages } from '../i18n';
import type { InjectMedium } from '../types';

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
    feeds: 'Feed by role',
    feedAll: 'All ({count})',
    feedRole: '{role} ({count})',
    feedEmpty: 'No inject to {role} yet.',
    'medium.news': 'News article',
    'medium.social': 'Social media post',
    'medium.socialOn': 'Post on {platform}',
    'medium.email': 'E-mail',
    'medium.call': 'Call transcript',
    'medium.document': 'Document',
    'medium.by': 'By {byline}',
    'medium.from': 'From',
    'medium.to': 'To',
    'medium.cc': 'Cc',
    'medium.subject': 'Subject',
    'medium.caller': 'Caller',
    'medium.callee': 'Called',
    'medium.duration': 'Duration',
    'medium.durationValue': '{time} min',
    'medium.title': 'Title',
    'medium.filename': 'File',
    'medium.classification': 'Classification',
    'medium.reactions': 'Reactions',
    'likes.one': '{count} like',
    'likes.other': '{count} likes',
    'shares.one': '{count} share',
    'shares.other': '{count} shares',
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
    feeds: 'Nach Rolle',
    feedAll: 'Alle ({count})',
    feedRole: '{role} ({count})',
    feedEmpty: 'Noch keine Einspielung an {role}.',
    'medium.news': 'Zeitungsartikel',
    'medium.social': 'Beitrag in sozialen Medien',
    'medium.socialOn': 'Beitrag auf {platform}',
    'medium.email': 'E-Mail',
    'medium.call': 'Gesprächsprotokoll',
    'medium.document': 'Dokument',
    'medium.by': 'Von {byline}',
    'medium.from': 'Von',
    'medium.to': 'An',
    'medium.cc': 'Kopie',
    'medium.subject': 'Betreff',
    'medium.caller': 'Anrufer',
    'medium.callee': 'Angerufen',
    'medium.duration': 'Dauer',
    'medium.durationValue': '{time} Min.',
    'medium.title': 'Titel',
    'medium.filename': 'Datei',
    'medium.classification': 'Einstufung',
    'medium.reactions': 'Reaktionen',
    'likes.one': '{count} Like',
    'likes.other': '{count} Likes',
    'shares.one': '{count}-mal geteilt',
    'shares.other': '{count}-mal geteilt',
  },
});

/** The exercise's score as the player reads it: "Score: met 3 of 4 (75%)". */
export function scoreLine(score: { met: number; triggered: number; score: number | null }): string {
  const counts = { met: score.met, triggered: score.triggered };
  return score.score === null ? t('score', counts) : t('scorePercent', { ...counts, percent: Math.round(score.score * 100) });
}

/** A medium's parts in the viewer's language, for the participant's inject card (pure: tested without a DOM). */
export interface MediumParts {
  kind: InjectMedium['kind'];
  /** What it is: "News article", "Post on Mastodon", "E-mail", "Call transcript", "Document". */
  label: string;
  /** Header lines, in order (an e-mail's From, To, Cc, Subject; a call's caller; a document's file). */
  headers: { label: string; value: string }[];
  /** A news article's masthead. */
  news?: { outlet: string; headline: string; byline: string | null };
  /** A social post's author line and its reactions. */
  social?: { author: string; handle: string; likes: string; shares: string };
}

/** "2:40", "1:05:00": a call's length. */
export function callLength(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}` : `${Math.floor(s / 60)}:${two(s % 60)}`;
}

export function mediumParts(m: InjectMedium): MediumParts {
  const line = (key: Parameters<typeof t>[0], value: string | null | undefined) => (value ? [{ label: t(key), value }] : []);
  switch (m.kind) {
    case 'news':
      return { kind: m.kind, label: t('medium.news'), headers: [], news: { outlet: m.outlet, headline: m.headline, byline: m.byline ? t('medium.by', { byline: m.byline }) : null } };
    case 'social':
      return {
        kind: m.kind,
        label: m.platform ? t('medium.socialOn', { platform: m.platform }) : t('medium.social'),
        headers: [],
        social: { author: m.author, handle: `@${m.handle}`, likes: t.plural('likes', m.likes), shares: t.plural('shares', m.shares) },
      };
    case 'email':
      return {
        kind: m.kind,
        label: t('medium.email'),
        headers: [
          ...line('medium.from', m.from),
          ...line('medium.to', m.to.join(', ')),
          ...line('medium.cc', m.cc?.join(', ')),
          ...line('medium.subject', m.subject),
        ],
      };
    case 'call':
      return {
        kind: m.kind,
        label: t('medium.call'),
        headers: [
          ...line('medium.caller', m.caller),
          ...line('medium.callee', m.callee),
          ...line('medium.duration', m.durationSeconds == null ? null : t('medium.durationValue', { time: callLength(m.durationSeconds) })),
        ],
      };
    case 'document':
      return {
        kind: m.kind,
        label: t('medium.document'),
        headers: [...line('medium.title', m.title), ...line('medium.filename', m.filename), ...line('medium.classification', m.classification)],
      };
  }
}
