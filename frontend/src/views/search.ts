// The search page (/search): words and filters (severity, incident type, phase, opening dates, and once
// a type is chosen, its custom fields: field.<id>=value) over GET /api/search; rooms with their number of matches, and the matching entries with their snippets,
// the server's highlight spans marked (as text nodes: user text never becomes markup), each linking
// to the room at its seq. Mount with searchView(main); it returns its cleanup.
import { errorText, request } from '../api';
import { type Child, h, replace, select } from '../dom';
import { phaseIds, phaseName, severityIds, severityName } from '../taxonomy';
import { timeElement } from '../i18n';
import { t } from '../messages/playbooks';
import { roomPath } from '../router';

interface RoomHit {
  roomId: string;
  title: string;
  kind: string;
  severity: string;
  phase: string;
  type: string | null;
  createdAt: string;
  matches: number;
}

interface EntryHit {
  roomId: string;
  roomTitle: string;
  seq: number;
  kind: string;
  at: string;
  snippet: string;
  highlights: [number, number][];
  rank: number;
  link: string;
}

interface SearchResult {
  q: string;
  rooms: RoomHit[];
  entries: EntryHit[];
  more: boolean;
}

/** The snippet cut at its highlight spans (spans out of order or out of range are ignored). */
export function snippetParts(snippet: string, spans: readonly [number, number][]): { text: string; mark: boolean }[] {
  const parts: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const [start, end] of spans) {
    if (start < at || end > snippet.length || start >= end) continue;
    if (start > at) parts.push({ text: snippet.slice(at, start), mark: false });
    parts.push({ text: snippet.slice(start, end), mark: true });
    at = end;
  }
  if (at < snippet.length) parts.push({ text: snippet.slice(at), mark: false });
  return parts;
}

/** The snippet with its highlight spans in <mark>, every part a text node. */
function highlighted(snippet: string, spans: readonly [number, number][]): Child[] {
  return snippetParts(snippet, spans).map((p) => (p.mark ? h('mark', {}, p.text) : p.text));
}

/** The query string of a search form's values (empty ones left out). */
export function searchQuery(values: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value.trim()) params.set(name, value.trim());
  }
  return params.toString();
}

const any = (): { value: string; label: string } => ({ value: '', label: t('search.any') });

/** A custom field of an incident type as GET /api/playbooks/{id} lists it. */
interface TypeField {
  id: string;
  label: string;
  type: string;
  options: string[];
}

/**
 * The filter control of a type's field: its options to choose one of (a select or multi select), a date,
 * a number, else text (a member by name, as the server matches a field's display text too).
 */
function fieldFilter(f: TypeField): HTMLInputElement | HTMLSelectElement {
  const name = `field.${f.id}`;
  if (f.options.length) return select(name, [any(), ...f.options.map((o) => ({ value: o, label: o }))]);
  const type = f.type === 'date' ? 'date' : f.type === 'number' ? 'number' : 'text';
  return h('input', { name, type, ...(type === 'number' ? { step: 'any' } : { maxlength: 200 }) });
}

export function searchView(main: HTMLElement): () => void {
  const q = h('input', { name: 'q', type: 'search', maxlength: 200, 'aria-label': t('search.query'), placeholder: t('search.query') });
  const severity = select('severity', [any(), ...severityIds().map((s) => ({ value: s, label: severityName(s) }))]);
  const type = select('type', [any()]);
  const phase = select('phase', [any(), ...phaseIds().map((p) => ({ value: p, label: phaseName(p) }))]);
  const from = h('input', { name: 'from', type: 'date', 'aria-label': t('search.from') });
  const to = h('input', { name: 'to', type: 'date', 'aria-label': t('search.to') });
  const results = h('div', { 'data-testid': 'search-results' });
  const fieldBox = h('div', { class: 'row', 'data-testid': 'field-filters' });
  let fieldControls: (HTMLInputElement | HTMLSelectElement)[] = [];
  let alive = true;

  // The chosen type's fields become filters; another type (or none) takes them away.
  type.addEventListener('change', () => {
    const chosen = type.value;
    fieldControls = [];
    replace(fieldBox);
    if (!chosen) return;
    void request<{ fields: TypeField[] }>('GET', `/api/playbooks/${encodeURIComponent(chosen)}`)
      .then((playbook) => {
        if (!alive || type.value !== chosen) return;
        fieldControls = playbook.fields.map(fieldFilter);
        replace(fieldBox, ...playbook.fields.map((f, i) => h('label', {}, f.label, ' ', fieldControls[i]!)));
      })
      .catch((e: unknown) => {
        if (alive) replace(fieldBox, h('p', { role: 'alert' }, errorText(e)));
      });
  });

  void request<{ id: string; title: string }[]>('GET', '/api/playbooks')
    .then((types) => {
      if (alive) replace(type, ...[any(), ...types.map((x) => ({ value: x.id, label: x.title }))].map((o) => h('option', { value: o.value }, o.label)));
    })
    .catch(() => undefined);

  async function run(): Promise<void> {
    const fields = Object.fromEntries(fieldControls.map((c) => [c.name, c.value]));
    const query = searchQuery({ q: q.value, severity: severity.value, type: type.value, phase: phase.value, from: from.value, to: to.value, ...fields });
    try {
      const result = await request<SearchResult>('GET', `/api/search?${query}`);
      if (!alive) return;
      const rooms = result.rooms.map((r) =>
        h('li', {}, h('a', { href: roomPath(r.roomId) }, r.title), ` · ${severityName(r.severity)} · ${phaseName(r.phase)}`, r.type ? ` · ${r.type}` : '', ' · ', timeElement(r.createdAt, 'date'),
          result.q ? ` · ${t.plural('search.matches', r.matches)}` : ''),
      );
      const entries = result.entries.map((e) =>
        h('li', {}, h('a', { href: e.link }, `${e.roomTitle} #${e.seq}`), ` · ${e.kind} · `, timeElement(e.at), h('p', {}, ...highlighted(e.snippet, e.highlights))),
      );
      replace(
        results,
        rooms.length || entries.length ? '' : h('p', { class: 'muted' }, t('search.nothing')),
        rooms.length ? h('section', {}, h('h2', {}, t('search.rooms')), h('ul', { class: 'items' }, ...rooms)) : '',
        entries.length ? h('section', {}, h('h2', {}, t('search.entries')), h('ul', { class: 'items' }, ...entries)) : '',
        result.more ? h('p', { class: 'muted' }, t('search.more')) : '',
      );
    } catch (e) {
      if (alive) replace(results, h('p', { role: 'alert' }, errorText(e)));
    }
  }

  const searchForm = h(
    'form',
    { role: 'search', 'aria-label': t('search.title'), onsubmit: (ev: Event) => { ev.preventDefault(); void run(); } },
    q,
    h('label', {}, t('search.severity'), ' ', severity),
    h('label', {}, t('search.type'), ' ', type),
    h('label', {}, t('search.phase'), ' ', phase),
    h('label', {}, t('search.from'), ' ', from),
    h('label', {}, t('search.to'), ' ', to),
    fieldBox,
    h('button', { type: 'submit' }, t('search.submit')),
  );
  replace(main, h('h1', {}, t('search.title')), searchForm, results);
  return () => {
    alive = false;
  };
}
