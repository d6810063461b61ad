// The web client's copy of Sitroom's own severities and phases (used until the deployment's list is
// read) must be the server's: TaxonomyTest writes what GET /api/taxonomy answers by default into
// ../target/parity-fixtures/taxonomy/default.json; with PARITY_FIXTURES set (CI), the file must be there.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from './i18n';
import {
  DEFAULT_TAXONOMY,
  type TaxonomyView,
  phaseName,
  phaseOf,
  setTaxonomy,
  paint,
  severityName,
  severityOf,
  textOn,
} from './taxonomy';

const explicit = process.env.PARITY_FIXTURES;
const file = resolve(explicit || '../target/parity-fixtures', 'taxonomy', 'default.json');

/** As the server writes it: without the empty alias lists. */
function normalised(view: TaxonomyView): unknown {
  const strip = <T extends { aliases?: readonly string[] }>(d: T) => {
    const { aliases, ...rest } = d;
    return aliases && aliases.length ? { ...rest, aliases } : rest;
  };
  return { ...view, severities: view.severities.map(strip), phases: view.phases.map(strip) };
}

describe('the default list', () => {
  it.skipIf(!explicit && !existsSync(file))('is the one the server tells', () => {
    expect(existsSync(file), `${file}: run ./mvnw test -Dtest=TaxonomyTest first`).toBe(true);
    const server = JSON.parse(readFileSync(file, 'utf8')) as TaxonomyView;
    expect(normalised(DEFAULT_TAXONOMY)).toEqual(normalised(server));
  });
});

const PRIORITIES: TaxonomyView = {
  severities: [
    { id: 'P1', name: { en: 'P1 critical', de: 'P1 kritisch' }, colour: '#7f1d1d', aliases: ['sev0', 'blocker'] },
    { id: 'P2', name: { en: 'P2 high' } },
    { id: 'P3', name: { en: 'P3 moderate' } },
  ],
  defaultSeverity: 'P3',
  phases: [
    { id: 'triage', name: { en: 'triage', de: 'Sichtung' }, contained: false, aliases: ['detection', 'analysis'] },
    { id: 'mitigate', name: { en: 'mitigate' }, contained: true },
    { id: 'closed', name: { en: 'resolved' }, contained: true },
  ],
};

describe('a deployment list', () => {
  afterEach(() => {
    setTaxonomy(DEFAULT_TAXONOMY);
    setLocale('en');
  });

  it('names severities and phases in the reader’s language, and unknown ones by their id', () => {
    setTaxonomy(PRIORITIES);
    expect(severityName('P1')).toBe('P1 critical');
    expect(phaseName('closed')).toBe('resolved');
    setLocale('de');
    expect(severityName('P1')).toBe('P1 kritisch');
    expect(severityName('P2')).toBe('P2 high');
    expect(phaseName('triage')).toBe('Sichtung');
    expect(severityName('SEV3')).toBe('SEV3');
    expect(phaseName('post_incident')).toBe('post incident');
  });

  it('reads what people type: ids, aliases, names, places on the list', () => {
    setTaxonomy(PRIORITIES);
    expect(severityOf('blocker')).toBe('P1');
    expect(severityOf('p2')).toBe('P2');
    expect(severityOf('3')).toBe('P3');
    expect(severityOf('P3 MODERATE')).toBe('P3');
    expect(severityOf('SEV1')).toBeUndefined();
    expect(severityOf('9')).toBeUndefined();
    expect(phaseOf('Analysis')).toBe('triage');
    expect(phaseOf('resolved')).toBe('closed');
    expect(phaseOf('hunting')).toBeUndefined();
  });

  it('paints a badge in its colour with text that reads on it, and leaves one without a colour to the stylesheet', () => {
    const styled = (): { set: Record<string, string>; el: HTMLElement } => {
      const set: Record<string, string> = {};
      return { set, el: { style: { setProperty: (k: string, v: string) => (set[k] = v) } } as unknown as HTMLElement };
    };
    const dark = styled();
    paint(dark.el, '#7f1d1d');
    expect(dark.set).toEqual({ 'background-color': '#7f1d1d', color: '#ffffff' });
    const none = styled();
    paint(none.el, undefined);
    expect(none.set).toEqual({});
  });

  it('picks dark text on light colours and white on dark ones', () => {
    expect(textOn('#fde68a')).toBe('#1a1a1a');
    expect(textOn('#e5e7eb')).toBe('#1a1a1a');
    expect(textOn('#b3261e')).toBe('#ffffff');
    expect(textOn('#c2410c')).toBe('#ffffff');
  });
});
