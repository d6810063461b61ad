// Shared pieces of the room views: a scope that undoes subscriptions, panels that re-render only
// when their data changed (keeping focus), the room header with the connection state, the command
// log, the chain badge, download links and the live timeline with filters (a window of it).
import { api, download, errorText } from './api';
import { type Child, h, replace, uid } from './dom';
import { markdown } from './markdown';
import { t } from './messages/console';
import { t as p } from './messages/panels';
import { kindName } from './messages/terms';
import { TIMELINE_GROUPS, type TimelineGroup, countByGroup, kindGroup } from './model';
import { roomPath } from './router';
import type { Change, RoomStore } from './roomStore';
import { erasedSeq, indexOfSeq, statusText } from './socket';
import { timeElement } from './i18n';
import { phaseBadge, severityBadge } from './taxonomy';
import { countBefore, describeEvent, pageBefore, roleLabel } from './timeline';
import type { RoomEvent } from './types';

/** Collects what a view must undo when it closes: store subscriptions and timers. */
export class Scope {
  private readonly undo: (() => void)[] = [];

  on(store: RoomStore, listener: (change: Change) => void): void {
    this.undo.push(store.subscribe(listener));
  }

  every(ms: number, fn: () => void): void {
    const timer = setInterval(fn, ms);
    this.undo.push(() => clearInterval(timer));
  }

  add(fn: () => void): void {
    this.undo.push(fn);
  }

  dispose(): void {
    for (const fn of this.undo.splice(0)) fn();
  }
}

const lastKeys = new WeakMap<Element, string>();

/**
 * Replaces `el`'s children with `build()` unless `key` is what it was last time. Elements marked
 * data-focus keep what was typed into them, and focus moves to the new element with the same
 * data-focus value, so a re-render never loses a keyboard user's place or their words.
 */
export function renderKeyed(el: HTMLElement, key: string, build: () => Child[]): void {
  if (lastKeys.get(el) === key) return;
  lastKeys.set(el, key);
  const restore = captureInput(el);
  replace(el, ...build());
  restore(el);
}

/**
 * What was typed into `el`'s data-focus elements, and whether the focus is in one; the function
 * returned puts both into the elements with the same data-focus values under `into`.
 */
function captureInput(el: Element): (into: Element) => void {
  const focused = document.activeElement;
  const focusKey = focused instanceof HTMLElement && el.contains(focused) ? focused.dataset.focus : undefined;
  const typed = new Map<string, string>();
  for (const input of el.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[data-focus], textarea[data-focus]')) {
    if (input.value) typed.set(input.dataset.focus!, input.value);
  }
  return (into) => {
    for (const [name, value] of typed) {
      const input = into.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-focus="${CSS.escape(name)}"]`);
      if (input && !input.value) input.value = value;
    }
    if (focusKey) into.querySelector<HTMLElement>(`[data-focus="${CSS.escape(focusKey)}"]`)?.focus();
  };
}

/** An item of a keyed list: its identity, and a signature that changes whenever its row would. */
export interface Keyed {
  key: string;
  signature: string;
}

/**
 * Which rows of a keyed list can stay as they are: for each new item, the row to keep (same key, same
 * signature) or null to build. Pure.
 */
export function reuse<R>(previous: ReadonlyMap<string, { signature: string; row: R }>, items: readonly Keyed[]): (R | null)[] {
  return items.map((item) => {
    const old = previous.get(item.key);
    return old && old.signature === item.signature ? old.row : null;
  });
}

const lastRows = new WeakMap<Element, Map<string, { signature: string; row: HTMLElement }>>();

/**
 * Keeps `el`'s children one row per item, in order, touching only what changed: a row whose item kept
 * its signature stays (with its focus and whatever was typed in it), a changed item's row is built
 * anew (keeping typed words and focus as renderKeyed does), rows of items gone are removed. With 50
 * actions, an event about one rebuilds one row, not 50. `empty` stands in for an empty list.
 */
export function renderRows<T extends Keyed>(el: HTMLElement, items: readonly T[], build: (item: T) => HTMLElement, empty: () => HTMLElement): void {
  const previous = lastRows.get(el) ?? new Map<string, { signature: string; row: HTMLElement }>();
  const kept = reuse(previous, items);
  const next = new Map<string, { signature: string; row: HTMLElement }>();
  const restores: (() => void)[] = [];
  const rows = items.map((item, i) => {
    let row = kept[i];
    if (!row) {
      const old = previous.get(item.key)?.row;
      const built = build(item);
      if (old?.isConnected) {
        const restore = captureInput(old);
        restores.push(() => restore(built));
      }
      row = built;
    }
    next.set(item.key, { signature: item.signature, row });
    return row;
  });
  lastRows.set(el, next);
  lastKeys.delete(el);
  const wanted: HTMLElement[] = rows.length ? rows : [empty()];
  const keep = new Set<Node>(wanted);
  let cursor = el.firstChild;
  for (const row of wanted) {
    while (cursor && !keep.has(cursor)) {
      const after = cursor.nextSibling;
      el.removeChild(cursor);
      cursor = after;
    }
    if (cursor === row) {
      cursor = cursor.nextSibling;
    } else {
      el.insertBefore(row, cursor);
    }
  }
  while (cursor) {
    const after = cursor.nextSibling;
    el.removeChild(cursor);
    cursor = after;
  }
  for (const restore of restores) restore();
}

let panels = 0;
/**
 * A titled card; `body` is where its content goes, `state` a short line beside the title that says
 * the card's state at a glance ("2 waiting", "1 overdue · 3 open").
 */
export function panel(title: string, ...children: Child[]): { section: HTMLElement; body: HTMLElement; state: HTMLElement } {
  panels += 1;
  const id = `panel-${panels}`;
  const body = h('div', { class: 'panel-body' }, ...children);
  const state = h('span', { class: 'card-state' });
  const section = h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id }, title, ' ', state), body);
  return { section, body, state };
}

/**
 * A form offered on demand: closed under its summary until asked for, so a page of a dozen forms
 * shows a dozen lines. `offered` (from the server's `can`) decides whether it is there at all; it is
 * asked again whenever the room changes.
 */
export function onDemand(store: RoomStore, scope: Scope, label: string, content: HTMLFormElement, offered: () => boolean): HTMLDetailsElement {
  const details = h('details', { class: 'on-demand', 'data-form': content.getAttribute('aria-label') ?? label }, h('summary', {}, label), content);
  const render = () => {
    details.hidden = !offered();
    if (details.hidden) details.open = false;
  };
  scope.on(store, (c) => c.type === 'room' && render());
  render();
  return details;
}

/** A form whose submit runs `action` (the default navigation prevented). */
export function form(attrs: Record<string, string>, children: Child[], action: (submitter: HTMLElement | null) => void): HTMLFormElement {
  const el = h('form', attrs, ...children);
  el.addEventListener('submit', (event) => {
    event.preventDefault();
    action(event.submitter);
  });
  return el;
}

/** "incident" -> "Incident": a kind of room shown on its own. */
function capitalised(word: string): string {
  return word.charAt(0).toLocaleUpperCase() + word.slice(1);
}

export type RoomViewName = 'console' | 'exec' | 'facilitate' | 'play';

/**
 * The room's title, severity, phase and links to its other views; then a bar that stays on screen
 * while the page scrolls, with the connection state, the commands still pending and the last alert.
 */
export function roomHeader(store: RoomStore, scope: Scope, current: RoomViewName): DocumentFragment {
  const title = h('h1', { tabindex: -1 }, p('head.room'));
  const facts = h('p', { class: 'facts sevphase' });
  const conn = h('span', { class: 'conn conn-connecting', 'data-testid': 'connection' }, p('head.connecting'));
  const pending = h('span', { class: 'pending-count' });
  const links = h('nav', { class: 'views', 'aria-label': p('head.views') });
  const alertText = h('span', { 'data-testid': 'alert' });
  const dismiss = h('button', { type: 'button', class: 'secondary small', 'aria-label': p('head.dismiss') }, '×');
  const alert = h('p', { class: 'error alert-line', role: 'alert' }, alertText, ' ', dismiss);
  const guest = Boolean(store.session.roomId);
  dismiss.addEventListener('click', () => store.setAlert(''));

  function render(): void {
    const room = store.room;
    if (!room) return;
    replace(title, room.title);
    renderKeyed(facts, `${room.severity}|${room.phase}|${room.kind}`, () => [
      h('span', {}, p('head.severity'), severityBadge(room.severity)),
      h('span', {}, p('head.phase'), phaseBadge(room.phase)),
      h('span', { class: 'muted' }, capitalised(kindName(room.kind))),
    ]);
    const roles = store.myRoles;
    const views: [RoomViewName, string, boolean][] = [
      ['console', p('head.console'), !guest || !roles.every((r) => r === 'participant' || r === 'observer')],
      ['exec', p('head.exec'), true],
      ['facilitate', p('head.facilitate'), room.kind === 'EXERCISE' && roles.includes('facilitator')],
      ['play', p('head.play'), room.kind === 'EXERCISE'],
    ];
    renderKeyed(links, `${current}|${views.map((v) => v[2]).join()}`, () =>
      views
        .filter(([, , shown]) => shown)
        .map(([view, label]) =>
          view === current
            ? h('span', { class: 'current', 'aria-current': 'page' }, label)
            : h('a', { href: roomPath(store.roomId, view), 'data-nav': true }, label),
        ),
    );
  }

  function showStatus(): void {
    conn.className = `conn conn-${store.status.state}`;
    replace(conn, statusText(store.status));
  }

  function showPending(): void {
    const n = store.commands.filter((c) => c.state === 'pending').length;
    replace(pending, n ? p.plural('head.pending', n) : '');
  }

  function showAlert(): void {
    replace(alertText, store.alert);
    alert.hidden = !store.alert;
  }

  scope.on(store, (change) => {
    if (change.type === 'room') render();
    if (change.type === 'status') showStatus();
    if (change.type === 'commands') showPending();
    if (change.type === 'alert') showAlert();
  });
  render();
  showStatus();
  showPending();
  showAlert();

  const fragment = document.createDocumentFragment();
  fragment.append(
    h(
      'header',
      { class: 'room-head' },
      guest ? null : h('p', { class: 'back' }, h('a', { href: '/', 'data-nav': true }, p('head.back'))),
      title,
      facts,
      links,
    ),
    h(
      'div',
      { class: 'status-bar' },
      h('p', { class: 'facts' }, h('span', { role: 'status', 'aria-live': 'polite' }, p('head.connection'), conn), pending),
      alert,
    ),
  );
  return fragment;
}

/** The commands this browser sent, newest first: pending until their result, then done or refused. */
export function commandLog(store: RoomStore, scope: Scope): HTMLElement {
  const { section, body } = panel(p('commands.title'));
  const list = h('ul', { class: 'commands', 'aria-live': 'polite', 'data-testid': 'commands' });
  function render(): void {
    if (!store.commands.length) {
      replace(list, h('li', { class: 'muted' }, p('commands.none')));
      return;
    }
    replace(
      list,
      ...store.commands.map((c) => h('li', { class: c.state, 'data-state': c.state }, `${c.label}: ${c.outcome}`)),
    );
  }
  scope.on(store, (change) => {
    if (change.type === 'commands') render();
  });
  render();
  replace(body, list);
  return section;
}

/** The chain-verified badge: checked when the room opens and on demand. */
export function chainBadge(store: RoomStore, scope: Scope): HTMLElement {
  const badge = h('span', { class: 'badge', 'aria-live': 'polite', 'data-testid': 'chain' }, p('chain.unchecked'));
  const button = h('button', { type: 'button', class: 'secondary small' }, p('chain.verify'));
  async function verify(): Promise<void> {
    button.disabled = true;
    badge.className = 'badge';
    replace(badge, p('chain.verifying'));
    try {
      const report = await api.verify(store.roomId);
      badge.className = report.ok ? 'badge badge-ok' : 'badge badge-bad';
      replace(
        badge,
        report.ok
          ? p('chain.ok', { events: String(report.events) })
          : report.firstBadSeq != null
            ? p('chain.brokenAt', { seq: String(report.firstBadSeq), events: String(report.events) })
            : p('chain.broken', { events: String(report.events) }),
      );
    } catch (e) {
      badge.className = 'badge badge-bad';
      replace(badge, p('chain.failed', { error: errorText(e) }));
    } finally {
      button.disabled = false;
    }
  }
  button.addEventListener('click', () => void verify());
  // Checked once the room is open, and again when the log has been quiet for a few seconds.
  let checked = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  scope.add(() => clearTimeout(timer));
  scope.on(store, (change) => {
    if (change.type === 'room' && !checked) {
      checked = true;
      void verify();
    }
    if (change.type === 'event' && checked) {
      clearTimeout(timer);
      timer = setTimeout(() => void verify(), 3000);
    }
  });
  if (store.room) {
    checked = true;
    void verify();
  }
  return h('span', { class: 'chain' }, badge, ' ', button);
}

/** A link to a signed-in file (report, export): fetched with the token, saved as `filename`. */
export function downloadLink(label: string, path: string, filename: string, ariaLabel?: string): HTMLElement {
  const message = h('span', { class: 'muted', role: 'status' });
  const link = h('a', { href: path, class: 'download', 'aria-label': ariaLabel }, label);
  link.addEventListener('click', async (event) => {
    event.preventDefault();
    replace(message, ` ${p('download.busy')}`);
    try {
      await download(path, filename);
      replace(message);
    } catch (e) {
      replace(message, ` ${label}: ${errorText(e)}`);
    }
  });
  return h('span', {}, link, message);
}

/** What an entry says: a note's text as Markdown (the safe subset, DOM nodes only), anything else in plain words. */
function entryText(event: RoomEvent): HTMLElement {
  const d = event.data ?? {};
  if (event.kind === 'note.added' && typeof d.text === 'string') {
    const roles = Array.isArray(d.visibleTo) && d.visibleTo.length ? d.visibleTo.map(String) : (event.visibleTo ?? []);
    return h(
      'div',
      { class: 'text note' },
      t('timeline.noted'),
      ' ',
      markdown(d.text),
      roles.length ? h('span', { class: 'muted' }, ' ', t('timeline.only', { roles: roles.map(roleLabel).join(', ') })) : null,
    );
  }
  return h('span', { class: 'text' }, describeEvent(event));
}

function timelineItem(event: RoomEvent): HTMLLIElement {
  const time = timeElement(event.at, 'time');
  return h(
    'li',
    { 'data-seq': event.seq, 'data-kind': event.kind, 'data-group': kindGroup(event.kind) },
    h('span', { class: 'seq' }, `#${event.seq}`),
    ' ',
    time,
    ' ',
    h('span', { class: 'actor' }, event.actor?.displayName ?? t('timeline.system')),
    ' ',
    entryText(event),
    event.visibleTo?.length ? h('span', { class: 'chip restricted' }, t('timeline.restricted')) : null,
  );
}

/** Entries the timeline shows on opening, and keeps while it follows the newest. */
const TIMELINE_WINDOW = 200;
/** Entries each "Show older" (or scrolling to the top) adds above the window. */
const TIMELINE_PAGE = 100;

/**
 * The live timeline, with filters by kind group. The page holds a window of it, not the whole log:
 * the newest entries (kept in view as events arrive, the oldest dropped while it follows them), and
 * older pages on demand ("Show older", or scrolling to the top of the list). Events are drawn once
 * per frame, so a room's history arriving at once costs one layout, not one per event.
 */
export function timelinePanel(store: RoomStore, scope: Scope, title = t('timeline.title'), ...tools: Child[]): HTMLElement {
  const shown = new Set<TimelineGroup>(TIMELINE_GROUPS.map((g) => g.id));
  const accept = (event: RoomEvent): boolean => shown.has(kindGroup(event.kind));
  // A list inside the log region: role="log" on the <ol> itself would take away its list semantics.
  const list = h('ol', { class: 'timeline' });
  const scroller = h('div', { id: uid('timeline'), class: 'timeline-log', role: 'log', 'aria-label': title, tabindex: 0, 'data-testid': 'timeline' }, list);
  const older = h('button', { type: 'button', class: 'secondary show-older', 'aria-controls': scroller.id, hidden: true }, t('timeline.older', { count: 0 }));
  /** Shown while the reader looks at older entries and new ones arrived below: how many, and a way back to them. */
  const unseen = h('button', { type: 'button', class: 'new-entries small', 'aria-controls': scroller.id, hidden: true });
  let unseenCount = 0;
  const boxes = TIMELINE_GROUPS.map((g) => {
    const box = h('input', { type: 'checkbox', value: g.id, checked: true });
    const count = h('span', { class: 'count' });
    box.addEventListener('change', () => {
      if (box.checked) shown.add(g.id);
      else shown.delete(g.id);
      rebuild = true;
      draw();
    });
    return { group: g.id, label: h('label', { class: 'check' }, box, ` ${t(`group.${g.id}`)} `, count), count };
  });
  const filters = h(
    'fieldset',
    { class: 'filters' },
    h('legend', {}, t('timeline.show')),
    ...boxes.map((b) => b.label),
  );

  // Counted once, then one by one as events arrive: recounting the whole timeline per event would
  // make a long incident quadratic.
  const c = countByGroup(store.timeline);
  function counts(): void {
    for (const b of boxes) {
      replace(b.count, `(${c[b.group]})`);
      // Groups that cannot occur in this room and have no entry take no room on screen.
      b.label.hidden = (b.group === 'other' || (b.group === 'exercise' && store.room?.kind !== 'EXERCISE')) && c[b.group] === 0;
    }
  }

  /** Accepted events older than the first entry in the page. */
  let olderCount = 0;
  /** Entries the page keeps while following: the window, and the older pages asked for since it was drawn. */
  let limit = TIMELINE_WINDOW;
  /** Events that arrived since the last drawing, in arrival order. */
  let pending: RoomEvent[] = [];
  let rebuild = true;
  let frame = 0;
  let drawnAt = 0;
  let catchUpTimer: ReturnType<typeof setTimeout> | undefined;

  const seqOf = (item: Element | null): number | undefined => (item ? Number((item as HTMLElement).dataset.seq) : undefined);

  function following(): boolean {
    return list.childElementCount === 0 || scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 40;
  }

  function showOlderLabel(): void {
    const loading = olderCount === 0 && !store.historyComplete && list.childElementCount > 0;
    older.hidden = olderCount === 0 && !loading;
    older.disabled = loading;
    replace(older, loading ? t('timeline.olderLoading') : t('timeline.older', { count: olderCount }));
    unseen.hidden = unseenCount === 0;
    replace(unseen, t.plural('timeline.new', unseenCount));
  }

  /** The newest entries the filters show, in place of what the list held. */
  function showNewest(): void {
    const entries = pageBefore(store.timeline, Infinity, accept, TIMELINE_WINDOW);
    olderCount = entries.length ? countBefore(store.timeline, entries[0]!.seq, accept) : 0;
    limit = TIMELINE_WINDOW;
    list.replaceChildren(...entries.map(timelineItem));
  }

  /**
   * Puts events that arrived into the page: the next ones at the bottom, a late one at its place,
   * and one older than the page is only counted ("Show older").
   */
  function insert(events: RoomEvent[]): void {
    const tail = document.createDocumentFragment();
    const first = seqOf(list.firstElementChild) ?? Infinity;
    let last = seqOf(list.lastElementChild) ?? 0;
    for (const event of events) {
      redrawErased(event);
      if (!accept(event)) continue;
      if (event.seq > last) {
        tail.append(timelineItem(event));
        last = event.seq;
      } else if (event.seq < first) {
        olderCount += 1;
      } else {
        list.append(tail); // so that the search below sees every entry
        let next = list.lastElementChild;
        while (next?.previousElementSibling && seqOf(next.previousElementSibling)! > event.seq) next = next.previousElementSibling;
        if (seqOf(next) !== event.seq) list.insertBefore(timelineItem(event), next);
      }
    }
    list.append(tail);
  }

  /** An `event.erased` arrived: the entry it names, when on the page, is drawn again without its content. */
  function redrawErased(event: RoomEvent): void {
    const seq = erasedSeq(event);
    const at = seq === undefined ? -1 : indexOfSeq(store.timeline, seq);
    const item = at < 0 ? null : list.querySelector(`li[data-seq="${seq}"]`);
    if (item) item.replaceWith(timelineItem(store.timeline[at]!));
  }

  /** While following, the oldest entries beyond the window (and the pages asked for) leave the page. */
  function trim(): void {
    let extra = list.childElementCount - limit;
    while (extra-- > 0) {
      list.firstElementChild!.remove();
      olderCount += 1;
    }
  }

  /**
   * Whether the room's history is still arriving over the socket: the welcome's seq (the snapshot's,
   * which live events move on) is ahead of the last event received. It is drawn every half second
   * then, not frame by frame, and at once when it is all in.
   */
  function catchingUp(): boolean {
    const room = store.room;
    const timeline = store.timeline;
    return room !== null && (timeline[timeline.length - 1]?.seq ?? 0) < room.seq;
  }

  function draw(): void {
    if (!frame) frame = requestAnimationFrame(drawNow);
  }

  function drawNow(): void {
    frame = 0;
    if (!rebuild && catchingUp() && performance.now() - drawnAt < 500) {
      catchUpTimer ??= setTimeout(() => {
        catchUpTimer = undefined;
        draw();
      }, 500);
      return;
    }
    clearTimeout(catchUpTimer);
    catchUpTimer = undefined;
    drawnAt = performance.now();
    const follow = rebuild || following();
    const events = pending;
    pending = [];
    const last = seqOf(list.lastElementChild) ?? 0;
    if (follow) unseenCount = 0;
    else unseenCount += events.filter((e) => e.seq > last && accept(e)).length;
    if (rebuild || (follow && events.filter((e) => e.seq > last).length >= TIMELINE_WINDOW)) {
      rebuild = false;
      showNewest();
    } else {
      insert(events);
      if (follow) trim();
      // Older events read after a short window (a filter, a page of history) fill it up.
      if (follow && olderCount > 0 && list.childElementCount < TIMELINE_WINDOW) showNewest();
    }
    if (follow) scroller.scrollTop = scroller.scrollHeight;
    counts();
    showOlderLabel();
  }

  function showOlder(): void {
    const first = seqOf(list.firstElementChild);
    if (first === undefined || olderCount === 0) return;
    const page = pageBefore(store.timeline, first, accept, TIMELINE_PAGE);
    const height = scroller.scrollHeight;
    list.prepend(...page.map(timelineItem));
    limit += page.length;
    olderCount = page.length ? countBefore(store.timeline, page[0]!.seq, accept) : 0;
    // The entries that were in view stay where they were, the new ones above them.
    scroller.scrollTop += scroller.scrollHeight - height;
    showOlderLabel();
  }
  older.addEventListener('click', showOlder);
  scroller.addEventListener('scroll', () => {
    if (scroller.scrollTop < 40 && olderCount > 0 && scroller.scrollHeight > scroller.clientHeight) showOlder();
    if (unseenCount && following()) {
      unseenCount = 0;
      showOlderLabel();
    }
  });
  unseen.addEventListener('click', () => {
    scroller.scrollTop = scroller.scrollHeight;
    unseenCount = 0;
    showOlderLabel();
    scroller.focus();
  });

  scope.on(store, (change) => {
    if (change.type === 'event') {
      pending.push(change.event);
      c[kindGroup(change.event.kind)] += 1;
      draw();
    }
    if (change.type === 'history') draw();
  });
  scope.add(() => {
    cancelAnimationFrame(frame);
    clearTimeout(catchUpTimer);
  });
  draw();
  const { section } = panel(title, filters, older, scroller, unseen);
  section.classList.add('timeline-card');
  // Tools (the command bar's button) sit on the title's line, where they cost no height.
  if (tools.length) section.querySelector('h2')!.append(h('span', { class: 'timeline-tools' }, ...tools));
  return section;
}
