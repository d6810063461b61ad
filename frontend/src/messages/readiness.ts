// A player's part before the start: the planned start and the communications check ("I'm ready").
import { defineMessages } from '../i18n';

export const t = defineMessages({
  en: {
    heading: 'Before the start',
    startsAt: 'Planned start: ',
    notScheduled: 'The facilitator has not planned a start time yet.',
    explain: 'Check that you can read and answer here, then tell the facilitator you are ready.',
    ready: 'I’m ready',
    sending: 'Sending…',
    confirmed: 'You confirmed you are ready (#{seq}).',
    rolesConfirmed: 'Confirmed ready: {roles}.',
  },
  de: {
    heading: 'Vor dem Beginn',
    startsAt: 'Geplanter Beginn: ',
    notScheduled: 'Die Moderation hat noch keinen Beginn geplant.',
    explain: 'Prüfen Sie, dass Sie hier lesen und antworten können, und melden Sie dann der Moderation, dass Sie bereit sind.',
    ready: 'Ich bin bereit',
    sending: 'Wird gesendet …',
    confirmed: 'Sie haben Ihre Bereitschaft bestätigt (#{seq}).',
    rolesConfirmed: 'Bereitschaft bestätigt: {roles}.',
  },
});
