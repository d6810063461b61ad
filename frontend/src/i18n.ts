// Message catalogues and the viewer's locale. Each screen area defines its messages once, in
// English and German (src/messages/<area>.ts); the compiler refuses a catalogue that misses a key
// the English one has. Times are shown in the viewer's locale and time zone, with UTC on hover.

export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = 'sitroom.locale';

function storedLocale(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** The first of the browser's preferred languages that Sitroom speaks, or English. */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if ((LOCALES as readonly string[]).includes(base)) return base as Locale;
  }
  return 'en';
}

let current: Locale = pickLocale([
  ...(storedLocale() ? [storedLocale() as string] : []),
  ...(globalThis.navigator?.languages ?? []),
]);

export function locale(): Locale {
  return current;
}

/**
 * Pure: the tag to format times and numbers with for a language: the browser's own preference for it
 * (en-GB writes 14:30 and 1,000; en-US 2:30 PM), else the language itself.
 */
export function formattingTag(language: Locale, preferred: readonly string[]): string {
  return preferred.find((tag) => tag.toLowerCase().split('-')[0] === language) ?? language;
}

/** What times and numbers are formatted with: the chosen language in the viewer's regional form. */
export function formatLocale(): string {
  return formattingTag(current, globalThis.navigator?.languages ?? []);
}

/** Chooses the language (kept in this browser); the caller re-renders. */
export function setLocale(next: Locale): void {
  current = next;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  } catch {
    // private mode: the choice lasts for this page only
  }
  if (globalThis.document) document.documentElement.lang = next;
}

export type Params = Record<string, string | number>;

/** Replaces {name} with params.name; numbers are formatted for the locale. */
export function interpolate(template: string, params: Params | undefined, loc: Locale = current): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? value.toLocaleString(loc === current ? formatLocale() : loc) : value;
  });
}

export type Catalogue<K extends string> = { readonly [key in K]: string };

export interface Messages<K extends string> {
  /** The message for `key` in the viewer's language, with {params} filled in. */
  (key: K, params?: Params): string;
  /** The catalogues themselves (tests compare them). */
  readonly catalogues: { readonly en: Catalogue<K>; readonly de: Catalogue<K> };
}

/**
 * Defines one area's messages. Keys ending in `.one` / `.other` are plural forms: t.plural('older', n)
 * picks the form the locale's plural rules give for n and passes n as {count}.
 */
export function defineMessages<K extends string>(catalogues: { en: Catalogue<K>; de: Catalogue<NoInfer<K>> }): Messages<K> & {
  plural(base: string, count: number, params?: Params): string;
} {
  const t = ((key: K, params?: Params) => interpolate(catalogues[current][key] ?? catalogues.en[key] ?? key, params)) as Messages<K> & {
    plural(base: string, count: number, params?: Params): string;
  };
  Object.defineProperty(t, 'catalogues', { value: catalogues });
  t.plural = (base, count, params) => {
    const form = new Intl.PluralRules(current).select(count);
    const table = catalogues[current] as Record<string, string>;
    const template = table[`${base}.${form}`] ?? table[`${base}.other`] ?? (catalogues.en as Record<string, string>)[`${base}.other`] ?? base;
    return interpolate(template, { count, ...params });
  };
  return t;
}

const UTC = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** "2026-12-01 21:05:09 UTC": the hover text of every shown time. */
export function utcText(date: Date): string {
  const parts = Object.fromEntries(UTC.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} UTC`;
}

export type TimeStyle = 'time' | 'datetime' | 'date';

/** A time in the viewer's locale and time zone. */
export function localText(date: Date, style: TimeStyle = 'datetime', loc: string = formatLocale()): string {
  switch (style) {
    case 'time':
      return date.toLocaleTimeString(loc, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    case 'date':
      return date.toLocaleDateString(loc, { dateStyle: 'medium' });
    default:
      return date.toLocaleString(loc, { dateStyle: 'medium', timeStyle: 'short' });
  }
}

/**
 * A calendar date written yyyy-mm-dd (no time, no zone: a custom field's date) in the viewer's locale;
 * the text as it is when it is no such date.
 */
export function dateText(value: string, loc: Locale = current): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  // Local midnight of that day, so no time zone moves it to the day before or after.
  const date = new Date(2000, 0, 1);
  date.setFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? value : date.toLocaleDateString(loc, { dateStyle: 'medium' });
}

/**
 * A decimal number as the server writes it (plain, "12.5") in the viewer's locale ("12,5"); the text as
 * it is when a double would not hold it exactly (more digits than 15), so nothing is rounded.
 */
export function numberText(value: string, loc: Locale = current): string {
  if (!/^-?\d+(\.\d+)?$/.test(value) || value.replace(/[-.]/g, '').replace(/^0+/, '').length > 15) return value;
  const decimals = value.split('.')[1]?.length ?? 0;
  return Number(value).toLocaleString(loc, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** <time datetime="ISO" title="… UTC">local text</time>; '—' for a missing or unreadable value. */
export function timeElement(iso: string | null | undefined, style: TimeStyle = 'datetime'): HTMLElement {
  const date = iso ? new Date(iso) : null;
  if (!date || Number.isNaN(date.getTime())) {
    const none = document.createElement('span');
    none.textContent = '—';
    return none;
  }
  const el = document.createElement('time');
  el.dateTime = date.toISOString();
  el.title = utcText(date);
  el.textContent = localText(date, style);
  return el;
}
