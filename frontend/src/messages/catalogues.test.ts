import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Messages, locale, setLocale } from '../i18n';

// Every catalogue of src/messages/, whoever wrote it: each exported set of messages is checked.
const modules = import.meta.glob<Record<string, unknown>>('./*.ts', { eager: true });
const catalogues = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter(([, value]) => typeof value === 'function' && 'catalogues' in (value as object))
    .map(([name, value]) => ({ name: `${file.replace('./', '')}:${name}`, messages: value as Messages<string> })),
);

describe('message catalogues', () => {
  afterEach(() => {
    setLocale('en');
    vi.unstubAllGlobals();
  });

  it('are found', () => {
    expect(catalogues.map((c) => c.name)).toEqual(
      expect.arrayContaining(['nav.ts:t', 'signIn.ts:t', 'rooms.ts:t', 'dashboard.ts:t', 'exec.ts:t', 'terms.ts:t', 'facilitate.ts:t', 'participant.ts:t']),
    );
  });

  it.each(catalogues)('$name: German has exactly the English keys, none empty, with the same {parameters}', ({ messages }) => {
    const { en, de } = messages.catalogues as unknown as { en: Record<string, string>; de: Record<string, string> };
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect(de[key]!.trim(), key).not.toBe('');
      const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(params(de[key]!), key).toEqual(params(en[key]!));
    }
  });

  it('the switch answers in the chosen language and marks the page with it', async () => {
    const page = { documentElement: { lang: 'en' } };
    vi.stubGlobal('document', page);
    const { t } = await import('./nav');
    const { roleName, phaseName } = await import('./terms');
    setLocale('de');
    expect(locale()).toBe('de');
    expect(page.documentElement.lang).toBe('de');
    expect(t('signOut')).toBe('Abmelden');
    expect(roleName('incident_commander')).toBe('Incident Commander');
    expect(phaseName('post_incident')).toBe('Nachbereitung');
    expect(roleName('a_role_from_a_newer_server')).toBe('a role from a newer server');
    setLocale('en');
    expect(page.documentElement.lang).toBe('en');
    expect(t('signOut')).toBe('Sign out');
    expect(phaseName('post_incident')).toBe('post-incident');
  });

  it('durations and counts on the dashboard follow the language', async () => {
    const { formatDuration, severitySummary } = await import('../metrics');
    setLocale('de');
    expect(formatDuration(null)).toBe('nie');
    expect(formatDuration(3 * 3600 + 20 * 60)).toBe('3 Std. 20 Min.');
    expect(severitySummary({ ids: ['SEV1', 'SEV2'], labels: ['SEV1', 'SEV2'], counts: [1, 1] })).toBe('2 offene Vorfälle: 1 SEV1, 1 SEV2.');
    setLocale('en');
    expect(formatDuration(3 * 3600 + 20 * 60)).toBe('3 h 20 min');
    expect(severitySummary({ ids: ['SEV1'], labels: ['SEV1'], counts: [1] })).toBe('1 open incident: 1 SEV1.');
  });
});
