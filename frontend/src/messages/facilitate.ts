// The facilitator console: playback, the scenario's injects, expectations, invitations, facilitator
// notes; and the exercise's words (its states, an inject's timing) that the participant view shares.
import { locale } from '../i18n';
import { defineMessages } from '../i18n';
import { roleName } from './terms';

export const t = defineMessages({
  en: {
    pageTitle: 'Facilitator console · Sitroom',
    report: 'After-action report',
    exercise: 'Exercise',
    scenarioTimeline: 'Scenario timeline',
    roomTimeline: 'Room timeline',
    expectations: 'Expectations',
    notReacted: 'Not reacted yet',
    facilitatorNotes: 'Facilitator notes',
    addNote: 'Add a facilitator note',
    noNote: 'No facilitator note yet.',
    playback: 'Playback',
    speed: 'Speed (× real time, 0.1 to 1000)',
    badSpeed: 'The speed must be a number from 0.1 to 1000.',
    start: 'Start',
    startAt: 'Start at {speed}×',
    pause: 'Pause',
    resume: 'Resume',
    setSpeed: 'Set speed',
    speedTo: 'Speed {speed}×',
    end: 'End exercise',
    confirmEnd: 'End the exercise for everyone?',
    release: 'Release the report',
    confirmRelease: 'Release the after-action report and the score to every player?',
    released: 'The report is released: every player reads it and the score.',
    notReleased: 'The players see no score or report until you release it.',
    releaseAfterEnd: 'The report can be released to the players once the exercise has ended.',
    invitePanel: 'Invite players',
    inviteForm: 'Invite a player',
    role: 'Role',
    validFor: 'Valid for (minutes)',
    createInvite: 'Create invitation',
    inviteCode: ': code ',
    inviteLink: ' · link ',
    validUntil: ' · valid until ',
    copy: 'Copy link',
    copied: 'Copied',
    copyNeedsHttps: 'Copying needs https: select the link',
    copyFailed: 'Could not copy: select the link',
    inviteFailed: 'Could not create the invitation: {error}',
    notExercise: 'This room is not an exercise.',
    notFacilitator: 'Only the facilitator sees the whole script.',
    status: 'Status: ',
    speedAndClock: ' · speed {speed}× · scenario clock ',
    summary: 'Scenario summary',
    debrief: 'Debrief questions',
    deliveredAt: 'delivered at {time}',
    dueAt: 'due at {time}',
    notScheduled: 'not scheduled yet',
    timingAndRoles: ' · {timing} · to {roles}',
    playersGet: 'What the players get',
    deliverNow: 'Deliver now',
    deliverTitleNow: 'Deliver “{title}” now',
    counts: '{met} met · {missed} missed · {pending} pending · {notStarted} not started',
    expectationsTable: 'Expectations table',
    expectation: 'Expectation',
    statusColumn: 'Status',
    due: 'Due',
    allReacted: 'Everyone has reacted to what they received.',
    'timing.at': 'at {time}',
    'timing.after': '{delay} after “{inject}”',
    'timing.when': 'when {conditions}',
    'timing.whenAfter': 'when {conditions} (after “{inject}”)',
    'timing.manual': 'by hand only',
    'condition.decision.accepted': 'decision accepted',
    'condition.decision.rejected': 'decision rejected',
    'condition.titleContains': 'titleContains {value}',
    'condition.roleAssigned': 'roleAssigned {value}',
    'condition.expectationMet': 'expectationMet {value}',
    'condition.expectationMissed': 'expectationMissed {value}',
    'exercise.ready': 'ready',
    'exercise.running': 'running',
    'exercise.paused': 'paused',
    'exercise.ended': 'ended',
    'inject.delivered': 'delivered',
    'inject.upcoming': 'upcoming',
    'expectation.pending': 'pending',
    'expectation.met': 'met',
    'expectation.missed': 'missed',
    'expectation.not_started': 'not started',
    'action.assign_role': 'assign role',
    'action.propose_decision': 'propose decision',
    'action.accept_decision': 'accept decision',
    'action.post_update': 'post update',
    'action.approve_statement': 'approve statement',
    'action.publish_statement': 'publish statement',
    'action.acknowledge': 'acknowledge',
  },
  de: {
    pageTitle: 'Moderationskonsole · Sitroom',
    report: 'Nachbesprechungsbericht',
    exercise: 'Übung',
    scenarioTimeline: 'Ablauf des Szenarios',
    roomTimeline: 'Zeitleiste des Raums',
    expectations: 'Erwartungen',
    notReacted: 'Noch nicht reagiert',
    facilitatorNotes: 'Notizen für die Moderation',
    addNote: 'Notiz für die Moderation hinzufügen',
    noNote: 'Noch keine Notiz für die Moderation.',
    playback: 'Ablaufsteuerung',
    speed: 'Tempo (× Echtzeit, 0,1 bis 1000)',
    badSpeed: 'Das Tempo muss eine Zahl von 0,1 bis 1000 sein.',
    start: 'Starten',
    startAt: 'Start mit {speed}×',
    pause: 'Anhalten',
    resume: 'Fortsetzen',
    setSpeed: 'Tempo setzen',
    speedTo: 'Tempo {speed}×',
    end: 'Übung beenden',
    confirmEnd: 'Die Übung für alle beenden?',
    release: 'Bericht freigeben',
    confirmRelease: 'Den Nachbesprechungsbericht und das Ergebnis für alle Teilnehmenden freigeben?',
    released: 'Der Bericht ist freigegeben: Alle Teilnehmenden sehen ihn und das Ergebnis.',
    notReleased: 'Die Teilnehmenden sehen weder Ergebnis noch Bericht, bis Sie ihn freigeben.',
    releaseAfterEnd: 'Der Bericht kann den Teilnehmenden freigegeben werden, sobald die Übung beendet ist.',
    invitePanel: 'Teilnehmende einladen',
    inviteForm: 'Zur Übung einladen',
    role: 'Rolle',
    validFor: 'Gültig für (Minuten)',
    createInvite: 'Einladung erstellen',
    inviteCode: ': Code ',
    inviteLink: ' · Link ',
    validUntil: ' · gültig bis ',
    copy: 'Link kopieren',
    copied: 'Kopiert',
    copyNeedsHttps: 'Kopieren geht nur über https: bitte den Link markieren',
    copyFailed: 'Kopieren fehlgeschlagen: bitte den Link markieren',
    inviteFailed: 'Die Einladung konnte nicht erstellt werden: {error}',
    notExercise: 'Dieser Raum ist keine Übung.',
    notFacilitator: 'Nur die Moderation sieht das ganze Drehbuch.',
    status: 'Status: ',
    speedAndClock: ' · Tempo {speed}× · Szenariouhr ',
    summary: 'Zusammenfassung des Szenarios',
    debrief: 'Fragen für die Nachbesprechung',
    deliveredAt: 'eingespielt um {time}',
    dueAt: 'fällig um {time}',
    notScheduled: 'noch nicht geplant',
    timingAndRoles: ' · {timing} · an {roles}',
    playersGet: 'Was die Teilnehmenden erhalten',
    deliverNow: 'Jetzt einspielen',
    deliverTitleNow: '„{title}“ jetzt einspielen',
    counts: '{met} erfüllt · {missed} verfehlt · {pending} offen · {notStarted} nicht begonnen',
    expectationsTable: 'Tabelle der Erwartungen',
    expectation: 'Erwartung',
    statusColumn: 'Status',
    due: 'Fällig',
    allReacted: 'Alle haben auf das reagiert, was sie erhalten haben.',
    'timing.at': 'um {time}',
    'timing.after': '{delay} nach „{inject}“',
    'timing.when': 'sobald {conditions}',
    'timing.whenAfter': 'sobald {conditions} (nach „{inject}“)',
    'timing.manual': 'nur von Hand',
    'condition.decision.accepted': 'eine Entscheidung angenommen ist',
    'condition.decision.rejected': 'eine Entscheidung abgelehnt ist',
    'condition.titleContains': 'deren Titel „{value}“ enthält',
    'condition.roleAssigned': 'die Rolle {value} vergeben ist',
    'condition.expectationMet': 'die Erwartung {value} erfüllt ist',
    'condition.expectationMissed': 'die Erwartung {value} verfehlt ist',
    'exercise.ready': 'bereit',
    'exercise.running': 'läuft',
    'exercise.paused': 'angehalten',
    'exercise.ended': 'beendet',
    'inject.delivered': 'eingespielt',
    'inject.upcoming': 'geplant',
    'expectation.pending': 'offen',
    'expectation.met': 'erfüllt',
    'expectation.missed': 'verfehlt',
    'expectation.not_started': 'nicht begonnen',
    'action.assign_role': 'Rolle vergeben',
    'action.propose_decision': 'Entscheidung vorschlagen',
    'action.accept_decision': 'Entscheidung annehmen',
    'action.post_update': 'Lagebericht veröffentlichen',
    'action.approve_statement': 'Stellungnahme freigeben',
    'action.publish_statement': 'Stellungnahme veröffentlichen',
    'action.acknowledge': 'Empfang bestätigen',
  },
});

type Key = Parameters<typeof t>[0];

/** The name of `value` in `group`, or the identifier made readable if this version does not know it. */
function term(group: 'exercise' | 'inject' | 'expectation' | 'action', value: string): string {
  const key = `${group}.${value}`;
  return key in t.catalogues.en ? t(key as Key) : value.replace(/_/g, ' ');
}

/** ready, running, paused, ended. */
export const exerciseStatusName = (status: string) => term('exercise', status);
/** delivered, upcoming. */
export const injectStatusName = (status: string) => term('inject', status);
/** pending, met, missed, not_started. */
export const expectationStatusName = (status: string) => term('expectation', status);
/** What an expectation asks of a role (assign_role, propose_decision, ...). */
export const actionName = (action: string) => term('action', action);

/** A playback speed as typed, in the viewer's locale: 0.5 -> "0,5" in German, 1000 -> "1000" (no grouping). */
export function speedText(speed: number): string {
  return speed.toLocaleString(locale(), { useGrouping: false, maximumSignificantDigits: 15 });
}

/** One `when` condition of an inject's timing (a key of the scenario format and its value). */
export function conditionText(name: string, value: string): string {
  switch (name) {
    case 'decision':
      return value === 'accepted' || value === 'rejected' ? t(`condition.decision.${value}`) : `${name} ${value}`;
    case 'roleAssigned':
      return t('condition.roleAssigned', { value: roleName(value) });
    case 'titleContains':
    case 'expectationMet':
    case 'expectationMissed':
      return t(`condition.${name}`, { value });
    default:
      return `${name} ${value}`;
  }
}
