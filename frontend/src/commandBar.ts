// The command bar: Ctrl/Cmd+K opens it, Escape closes it. A combobox whose listbox completes the
// word being typed (commands.ts decides what; this module only draws and handles keys); Enter sends
// the line as the command a panel would send, and the line below says pending, then done or the
// server's refusal in plain words.
import { incidentTypes } from './api';
import { type BarContext, type IncidentType, type Suggestion, complete, offeredVerbs, parseCommand } from './commands';
import { h, replace, uid } from './dom';
import { t } from './messages/commandBar';
import type { RoomStore } from './roomStore';
import type { Scope } from './ui';

/** The playbook section of the snapshot (absent before the server had one). */
function typed(store: RoomStore): boolean {
  return Boolean((store.room as { playbook?: unknown } | null)?.playbook);
}

function contextOf(store: RoomStore, types: readonly IncidentType[] = []): BarContext {
  const room = store.room;
  return {
    can: store.can,
    privileged: store.privileged,
    myUserId: store.myUserId,
    myRoles: store.myRoles,
    members: room?.members ?? [],
    decisions: room?.decisions ?? [],
    actions: room?.actions ?? [],
    acks: room?.acks ?? [],
    severity: room?.severity ?? '',
    phase: room?.phase ?? '',
    typed: typed(store),
    types,
  };
}

/** The bar (hidden until opened) and the button that opens it; Ctrl/Cmd+K works anywhere on the page. */
export function commandBar(store: RoomStore, scope: Scope): { bar: HTMLElement; opener: HTMLButtonElement } {
  const titleId = uid('bar-title');
  const listId = uid('bar-list');
  const hintId = uid('bar-hint');
  const input = h('input', {
    id: uid('bar-input'),
    type: 'text',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    'aria-describedby': hintId,
    'data-testid': 'command-input',
  });
  const list = h('ul', { id: listId, role: 'listbox', class: 'bar-list', 'aria-label': t('bar.suggestions'), hidden: true });
  const outcome = h('p', { class: 'bar-outcome', role: 'status', 'aria-live': 'polite', 'data-testid': 'command-outcome' });
  const close = h('button', { type: 'button', class: 'secondary small', 'aria-label': t('bar.close') }, '×');
  const opener = h('button', { type: 'button', class: 'secondary open-bar', 'aria-keyshortcuts': 'Control+K Meta+K' }, t('bar.open'));
  const bar = h(
    'div',
    { class: 'command-bar', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': titleId, hidden: true, 'data-testid': 'command-bar' },
    h('div', { class: 'bar-head' }, h('h2', { id: titleId }, t('bar.title')), close),
    h('label', { for: input.id, class: 'sr-only' }, t('bar.input')),
    input,
    list,
    h('p', { id: hintId, class: 'hint' }, t('bar.hint')),
    outcome,
  );

  // The incident types, for /playbook: read when the bar first opens where a type may be applied.
  let types: readonly IncidentType[] = [];
  let typesAsked = false;
  const context = () => contextOf(store, types);
  function readTypes(): void {
    if (typesAsked || !store.may('playbook.apply') || typed(store)) return;
    typesAsked = true;
    incidentTypes()
      .then((list) => {
        types = list.map(({ id, title }) => ({ id, title }));
        if (!bar.hidden && document.activeElement === input) suggest();
      })
      .catch(() => {
        typesAsked = false; // the bar works without the list (any id is sent); asked again on the next opening
      });
  }

  let suggestions: Suggestion[] = [];
  let active = -1;
  let returnTo: HTMLElement | null = null;

  function showList(): void {
    const open = suggestions.length > 0 && !bar.hidden;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    replace(
      list,
      ...suggestions.map((s, i) =>
        h(
          'li',
          {
            id: `${listId}-${i}`,
            role: 'option',
            'aria-selected': String(i === active),
            class: i === active ? 'active' : '',
            // mousedown, not click: the input keeps the focus.
            onmousedown: (event: Event) => {
              event.preventDefault();
              take(i);
            },
          },
          h('span', { class: 'bar-label' }, s.label),
          s.detail ? h('span', { class: 'bar-detail' }, s.detail) : null,
        ),
      ),
    );
    if (active >= 0 && open) input.setAttribute('aria-activedescendant', `${listId}-${active}`);
    else input.removeAttribute('aria-activedescendant');
  }

  function suggest(): void {
    suggestions = complete(input.value, context());
    active = -1;
    showList();
  }

  function take(i: number): void {
    const s = suggestions[i];
    if (!s) return;
    input.value = s.line;
    input.setSelectionRange(s.line.length, s.line.length);
    suggest();
  }

  function say(text: string, state: 'pending' | 'done' | 'refused' | ''): void {
    outcome.className = `bar-outcome ${state}`;
    outcome.dataset.state = state;
    replace(outcome, text);
  }

  function submit(): void {
    const parsed = parseCommand(input.value, context());
    if (!parsed.ok) {
      say(parsed.error, 'refused');
      return;
    }
    const { name, data, label } = parsed.command;
    const sent = store.send(name, data, label, {
      onOk: () => say(t('bar.done', { label }), 'done'),
      onRefused: (error) => say(t('bar.refused', { label, reason: error.message }), 'refused'),
    });
    if (!sent) {
      say(store.alert, 'refused');
      return;
    }
    say(t('bar.sent', { label }), 'pending');
    input.value = '';
    suggest();
  }

  function open(): void {
    if (!bar.hidden) {
      input.focus();
      return;
    }
    returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    bar.hidden = false;
    opener.setAttribute('aria-expanded', 'true');
    if (!input.value) input.value = '/';
    readTypes();
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
    suggest();
    if (!offeredVerbs(context()).length) say(t('bar.nothing'), '');
  }

  function shut(): void {
    bar.hidden = true;
    opener.setAttribute('aria-expanded', 'false');
    suggestions = [];
    showList();
    (returnTo && document.contains(returnTo) ? returnTo : opener).focus();
  }

  input.addEventListener('input', suggest);
  input.addEventListener('keydown', (event) => {
    const listed = !list.hidden && suggestions.length > 0;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (!suggestions.length) return;
        event.preventDefault();
        active = (active + (event.key === 'ArrowDown' ? 1 : -1) + suggestions.length + 1) % (suggestions.length + 1);
        if (active === suggestions.length) active = -1;
        showList();
        return;
      case 'Tab':
        if (!listed || event.shiftKey) return;
        event.preventDefault();
        take(active >= 0 ? active : 0);
        return;
      case 'Enter':
        event.preventDefault();
        if (listed && active >= 0) take(active);
        else submit();
        return;
      case 'Escape':
        event.preventDefault();
        if (listed && active >= 0) {
          active = -1;
          suggestions = [];
          showList();
        } else shut();
        return;
    }
  });
  bar.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && event.target !== input) shut();
  });
  close.addEventListener('click', shut);
  opener.addEventListener('click', open);
  opener.setAttribute('aria-expanded', 'false');

  const onKey = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      open();
    }
  };
  document.addEventListener('keydown', onKey);
  scope.add(() => document.removeEventListener('keydown', onKey));
  // The button is there only when some command is (Ctrl/Cmd+K still opens the bar, which says so).
  const offerButton = () => {
    opener.hidden = !offeredVerbs(context()).length;
  };
  offerButton();
  // What may be completed changes with the room (a new decision, a role given or taken).
  scope.on(store, (c) => {
    if (c.type === 'room') offerButton();
    if (c.type === 'room' && !bar.hidden && document.activeElement === input) {
      const keep = active;
      suggestions = complete(input.value, context());
      active = keep < suggestions.length ? keep : -1;
      showList();
    }
  });
  return { bar, opener };
}
