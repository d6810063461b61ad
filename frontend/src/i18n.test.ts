import { describe, expect, it } from 'vitest';
import { defineMessages, formattingTag, interpolate, localText, pickLocale, setLocale, utcText } from './i18n';

describe('i18n', () => {
  it('picks the first preferred language it speaks', () => {
    expect(pickLocale(['fr-FR', 'de-AT', 'en'])).toBe('de');
    expect(pickLocale(['en-GB'])).toBe('en');
    expect(pickLocale(['ja'])).toBe('en');
  });

  it('fills parameters and formats numbers for the locale', () => {
    expect(interpolate('{n} more by {who}', { n: 12345, who: 'Ada' }, 'de')).toBe('12.345 more by Ada');
    expect(interpolate('{missing} stays', {}, 'en')).toBe('{missing} stays');
  });

  it('answers in the chosen language, with plural forms', () => {
    const t = defineMessages({
      en: { hello: 'Hello {name}', 'older.one': '{count} older entry', 'older.other': '{count} older entries' },
      de: { hello: 'Hallo {name}', 'older.one': '{count} älterer Eintrag', 'older.other': '{count} ältere Einträge' },
    });
    setLocale('de');
    expect(t('hello', { name: 'Ada' })).toBe('Hallo Ada');
    expect(t.plural('older', 1)).toBe('1 älterer Eintrag');
    expect(t.plural('older', 2000)).toBe('2.000 ältere Einträge');
    setLocale('en');
    expect(t.plural('older', 1)).toBe('1 older entry');
  });

  it('formats in the regional form the browser prefers for the chosen language', () => {
    expect(formattingTag('en', ['en-GB', 'de-DE'])).toBe('en-GB');
    expect(formattingTag('de', ['en-GB', 'de-AT'])).toBe('de-AT');
    expect(formattingTag('de', ['en-US'])).toBe('de');
    expect(localText(new Date('2026-12-01T14:30:00Z'), 'time', formattingTag('en', ['en-GB']))).not.toMatch(/PM/);
  });

  it('shows UTC on hover and the local time in the text', () => {
    const at = new Date('2026-12-01T21:05:09Z');
    expect(utcText(at)).toBe('2026-12-01 21:05:09 UTC');
    expect(localText(at, 'time', 'de')).toMatch(/\d\d:05:09/);
  });
});
