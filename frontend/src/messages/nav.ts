// The top of every page: the account bar, the language switch, and what the app says about the sign-in.
import { defineMessages } from '../i18n';

export const t = defineMessages({
  en: {
    skip: 'Skip to content',
    account: 'Account',
    signedInAs: 'Signed in as ',
    guest: 'Guest: ',
    signOut: 'Sign out',
    search: 'Search',
    leave: 'Leave',
    language: 'Language',
    loading: 'Loading…',
    sessionEnded: 'Your session has ended. Please sign in again.',
    signedOutElsewhere: 'You signed out in another tab or window.',
    couldNotSignIn: 'Could not sign in: {error}',
    notStartedHere: 'A sign-in that was not started in this tab was ignored.',
  },
  de: {
    skip: 'Zum Inhalt springen',
    account: 'Konto',
    signedInAs: 'Angemeldet als ',
    guest: 'Gast: ',
    signOut: 'Abmelden',
    search: 'Suche',
    leave: 'Verlassen',
    language: 'Sprache',
    loading: 'Wird geladen …',
    sessionEnded: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
    signedOutElsewhere: 'Sie haben sich in einem anderen Tab oder Fenster abgemeldet.',
    couldNotSignIn: 'Anmeldung fehlgeschlagen: {error}',
    notStartedHere: 'Eine Anmeldung, die nicht in diesem Tab begonnen wurde, wurde ignoriert.',
  },
});

/** The names of the languages, each in itself (the switch shows them so whatever the current language). */
export const LANGUAGE_NAMES = { en: 'English', de: 'Deutsch' } as const;
