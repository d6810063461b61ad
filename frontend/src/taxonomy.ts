// The deployment's severities and phases (GET /api/taxonomy): their order, names in each language,
// descriptions and colours. Read once a page load, after sign-in; until then, and if the read fails,
// Sitroom's own list. A room keeps a severity or phase the list no longer has: it shows by its id.
import { request } from './api';
import { h } from './dom';
import { locale } from './i18n';

export type Texts = Readonly<Record<string, string>>;

export interface SeverityDef {
  id: string;
  name: Texts;
  description?: Texts;
  colour?: string;
  updateCadenceMinutes?: number;
  aliases?: readonly string[];
}

export interface PhaseDef {
  id: string;
  name: Texts;
  description?: Texts;
  colour?: string;
  contained: boolean;
  aliases?: readonly string[];
}

export interface TaxonomyView {
  severities: readonly SeverityDef[];
  defaultSeverity: string;
  phases: readonly PhaseDef[];
}

/** Sitroom's own list, as GET /api/taxonomy answers without a deployment file (taxonomy.test.ts holds it to the server's). */
export const DEFAULT_TAXONOMY: TaxonomyView = {
  severities: [
    {
      id: 'SEV1',
      name: { en: 'SEV1' },
      colour: '#b3261e',
      updateCadenceMinutes: 30,
      description: {
        en: 'Critical: customers cannot use a core service, data is confirmed stolen or destroyed, or ransomware is spreading. Everyone needed is pulled in now and executives are told at once.',
        de: 'Kritisch: Kunden können einen Kerndienst nicht nutzen, Daten sind nachweislich gestohlen oder zerstört, oder Ransomware breitet sich aus. Alle Nötigen werden sofort geholt, die Geschäftsleitung sofort informiert.',
      },
    },
    {
      id: 'SEV2',
      name: { en: 'SEV2' },
      colour: '#c2410c',
      updateCadenceMinutes: 60,
      description: {
        en: 'High: a major function is degraded, or a confirmed compromise is being contained. Executives are informed.',
        de: 'Hoch: eine wichtige Funktion ist beeinträchtigt, oder eine bestätigte Kompromittierung wird eingedämmt. Die Geschäftsleitung wird informiert.',
      },
    },
    {
      id: 'SEV3',
      name: { en: 'SEV3' },
      colour: '#fde68a',
      updateCadenceMinutes: 240,
      description: {
        en: 'Medium: limited impact, or a suspected compromise under investigation.',
        de: 'Mittel: begrenzte Auswirkung, oder ein Verdacht auf Kompromittierung wird untersucht.',
      },
    },
    {
      id: 'SEV4',
      name: { en: 'SEV4' },
      colour: '#e5e7eb',
      description: {
        en: 'Low: little or no impact; handled in working hours. No status update cadence.',
        de: 'Niedrig: kaum oder keine Auswirkung; wird in der Arbeitszeit bearbeitet. Kein Takt für Lagemeldungen.',
      },
    },
  ],
  defaultSeverity: 'SEV3',
  phases: [
    {
      id: 'detection',
      name: { en: 'detection', de: 'Erkennung' },
      contained: false,
      description: {
        en: 'Something was reported or alerted; it is being confirmed as an incident.',
        de: 'Etwas wurde gemeldet oder alarmiert; es wird als Vorfall bestätigt.',
      },
    },
    {
      id: 'analysis',
      name: { en: 'analysis', de: 'Analyse' },
      contained: false,
      description: { en: 'Scope, impact and cause are being worked out.', de: 'Umfang, Auswirkung und Ursache werden ermittelt.' },
    },
    {
      id: 'containment',
      name: { en: 'containment', de: 'Eindämmung' },
      contained: true,
      description: {
        en: 'Stopping the spread: isolating systems, revoking access. The time to contain counts until here.',
        de: 'Die Ausbreitung wird gestoppt: Systeme isoliert, Zugänge entzogen. Bis hier zählt die Zeit bis zur Eindämmung.',
      },
    },
    {
      id: 'eradication',
      name: { en: 'eradication', de: 'Beseitigung' },
      contained: true,
      description: {
        en: 'Removing what the attacker left: malware, accounts, persistence.',
        de: 'Was der Angreifer hinterließ, wird entfernt: Schadsoftware, Konten, Persistenz.',
      },
    },
    {
      id: 'recovery',
      name: { en: 'recovery', de: 'Wiederherstellung' },
      contained: true,
      description: {
        en: 'Restoring services and watching for a return.',
        de: 'Dienste werden wiederhergestellt und auf eine Rückkehr überwacht.',
      },
    },
    {
      id: 'post_incident',
      name: { en: 'post-incident', de: 'Nachbereitung' },
      contained: true,
      description: { en: 'Lessons learned and follow-up actions.', de: 'Lehren und Folgemaßnahmen.' },
    },
    {
      id: 'closed',
      name: { en: 'closed', de: 'geschlossen' },
      contained: true,
      description: {
        en: 'The room is closed; the incident commander can reopen it.',
        de: 'Der Raum ist geschlossen; die Einsatzleitung kann ihn wieder öffnen.',
      },
    },
  ],
};

let current: TaxonomyView = DEFAULT_TAXONOMY;
let loading: Promise<void> | null = null;
let settled = false;

export function taxonomy(): TaxonomyView {
  return current;
}

/** Replaces the list (what a read of GET /api/taxonomy does; tests set their own). */
export function setTaxonomy(view: TaxonomyView): void {
  current = view;
}

/** Reads the deployment's list once a page load; a failed read keeps the current list and is tried again next time. */
export function loadTaxonomy(): Promise<void> {
  loading ??= request<TaxonomyView>('GET', '/api/taxonomy').then(
    (view) => {
      setTaxonomy(view);
      settled = true;
    },
    () => {
      loading = null;
      settled = true;
    },
  );
  return loading;
}

/** Whether a read of the list has finished (read, or failed and left Sitroom's own in place). */
export function taxonomyRead(): boolean {
  return settled;
}

export const severityIds = (): string[] => current.severities.map((s) => s.id);
export const phaseIds = (): string[] => current.phases.map((p) => p.id);

/** A text in the reader's language, else English, else any. */
function text(texts: Texts | undefined): string | undefined {
  if (!texts) return undefined;
  return texts[locale()] ?? texts['en'] ?? Object.values(texts)[0];
}

export const severityDef = (id: string): SeverityDef | undefined => current.severities.find((s) => s.id === id);
export const phaseDef = (id: string): PhaseDef | undefined => current.phases.find((p) => p.id === id);

/** A severity's name in the reader's language; its id if the list does not have it. */
export const severityName = (id: string): string => text(severityDef(id)?.name) ?? id;
/** A phase's name in the reader's language; its id made readable if the list does not have it. */
export const phaseName = (id: string): string => text(phaseDef(id)?.name) ?? id.replace(/_/g, ' ');
export const severityDescription = (id: string): string | undefined => text(severityDef(id)?.description);
export const phaseDescription = (id: string): string | undefined => text(phaseDef(id)?.description);

/** Whether `id` is on the list, case-insensitively by id or alias, or as the reader's name for it; the id if so. */
function find(list: readonly (SeverityDef | PhaseDef)[], value: string): string | undefined {
  const wanted = value.trim().toLowerCase();
  if (!wanted) return undefined;
  const hit = list.find(
    (d) =>
      d.id.toLowerCase() === wanted ||
      (d.aliases ?? []).some((a) => a.toLowerCase() === wanted) ||
      text(d.name)?.toLowerCase() === wanted,
  );
  return hit?.id;
}

/** The severity a typed value names: an id, alias or name, or its place on the list ("2", "sev2" on Sitroom's own). */
export function severityOf(value: string): string | undefined {
  const found = find(current.severities, value);
  if (found) return found;
  const place = /^(\d{1,2})$/.exec(value.trim());
  return place ? current.severities[Number(place[1]) - 1]?.id : undefined;
}

/** The phase a typed value names: an id, alias or name ("post-incident" for post_incident). */
export function phaseOf(value: string): string | undefined {
  return find(current.phases, value) ?? find(current.phases, value.trim().replace(/[-\s]+/g, '_'));
}

/** The text colour that reads on a background: near-black or white, whichever contrasts more (WCAG relative luminance). */
export function textOn(background: string): string {
  const channel = (i: number) => {
    const c = parseInt(background.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  const dark = 0.0103; // #1a1a1a
  return (l + 0.05) / (dark + 0.05) >= 1.05 / (l + 0.05) ? '#1a1a1a' : '#ffffff';
}

/** Gives a badge the colour its severity or phase has on the list (none: the stylesheet's neutral look). */
export function paint(badge: HTMLElement, colour: string | undefined): HTMLElement {
  if (colour) {
    badge.style.setProperty('background-color', colour);
    badge.style.setProperty('color', textOn(colour));
  }
  return badge;
}

/** A severity as a badge: its name and colour, its description on hover. */
export function severityBadge(id: string): HTMLElement {
  const description = severityDescription(id);
  return paint(h('span', { class: 'sev', 'data-severity': id, title: description }, severityName(id)), severityDef(id)?.colour);
}

/** A phase as a badge: its name, and its colour when the list gives it one. */
export function phaseBadge(id: string): HTMLElement {
  const description = phaseDescription(id);
  return paint(h('span', { class: 'phase', 'data-phase': id, title: description }, phaseName(id)), phaseDef(id)?.colour);
}
