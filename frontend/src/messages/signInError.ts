// The page a failed company sign-in ends on (views/signInError.ts).
import { defineMessages } from '../i18n';

export const t = defineMessages({
  en: {
    title: 'Sign-in did not work',
    'reason.access_denied': 'The sign-in was declined: you, or your company’s sign-in service, said no.',
    'reason.login_required': 'Your company’s sign-in service wants you to sign in there first.',
    'reason.consent_required': 'Your company’s sign-in service needs your consent before it lets Sitroom sign you in.',
    'reason.temporarily_unavailable': 'Your company’s sign-in service is busy or down for a moment.',
    'reason.server_error': 'Your company’s sign-in service had a problem.',
    'reason.expired': 'The sign-in took too long or was already used. Start it again.',
    'reason.unknown': 'Your company’s sign-in service did not sign you in.',
    detail: 'What the service said: {detail}',
    hint: 'Try again. If it keeps failing, tell your Sitroom administrator the time it happened; signing in with a password may still work.',
    back: 'Back to sign-in',
  },
  de: {
    title: 'Die Anmeldung hat nicht geklappt',
    'reason.access_denied': 'Die Anmeldung wurde abgelehnt: von Ihnen oder vom Anmeldedienst Ihres Unternehmens.',
    'reason.login_required': 'Der Anmeldedienst Ihres Unternehmens möchte, dass Sie sich zuerst dort anmelden.',
    'reason.consent_required': 'Der Anmeldedienst Ihres Unternehmens braucht Ihre Zustimmung, bevor er Sie bei Sitroom anmeldet.',
    'reason.temporarily_unavailable': 'Der Anmeldedienst Ihres Unternehmens ist gerade ausgelastet oder kurz nicht erreichbar.',
    'reason.server_error': 'Beim Anmeldedienst Ihres Unternehmens ist ein Fehler aufgetreten.',
    'reason.expired': 'Die Anmeldung hat zu lange gedauert oder wurde schon verwendet. Beginnen Sie sie neu.',
    'reason.unknown': 'Der Anmeldedienst Ihres Unternehmens hat Sie nicht angemeldet.',
    detail: 'Was der Dienst gemeldet hat: {detail}',
    hint: 'Versuchen Sie es noch einmal. Wenn es weiter scheitert, nennen Sie Ihrer Sitroom-Administration die Uhrzeit; die Anmeldung mit Passwort funktioniert eventuell trotzdem.',
    back: 'Zurück zur Anmeldung',
  },
});
