// The executive view: business status only.
import { defineMessages } from '../i18n';

export const t = defineMessages({
  en: {
    pageTitle: '{title} · executive view · Sitroom',
    from: 'From {name} at ',
    someone: '?',
    summary: 'Summary',
    impact: 'Business impact',
    decisionNeeded: 'Decision needed',
    noUpdate: 'No executive update yet.',
    nothingWaits: 'Nothing waits for an executive.',
    latestUpdate: 'Latest executive update',
    waitingDecisions: 'Decisions waiting for an executive',
  },
  de: {
    pageTitle: '{title} · Ansicht für die Geschäftsleitung · Sitroom',
    from: 'Von {name} um ',
    someone: '?',
    summary: 'Zusammenfassung',
    impact: 'Auswirkung auf das Geschäft',
    decisionNeeded: 'Entscheidung nötig',
    noUpdate: 'Noch kein Lagebericht für die Geschäftsleitung.',
    nothingWaits: 'Keine Entscheidung wartet auf die Geschäftsleitung.',
    latestUpdate: 'Letzter Lagebericht für die Geschäftsleitung',
    waitingDecisions: 'Entscheidungen, die auf die Geschäftsleitung warten',
  },
});
