// What the app says when a request fails without the server's own words.
import { defineMessages } from '../i18n';

export const t = defineMessages({
  en: {
    unreachable: 'the server cannot be reached',
    answered: 'the server answered {status}',
  },
  de: {
    unreachable: 'der Server ist nicht erreichbar',
    answered: 'der Server antwortete mit {status}',
  },
});
