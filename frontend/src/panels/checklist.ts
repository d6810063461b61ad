// The checklist of the room's incident type: progress by phase, each item with its owner, due time
// (overdue highlighted), and Done / Reopen / Skip as the snapshot's `can` and the item's owner say;
// the type's custom fields, each with the input of its type (number, date, select, the options of a
// multi select, a member), its value as people read it. Before a type is applied, the choice of one.
// Offered only where `can` lists the command.
import { errorText, incidentTypes } from '../api';
import { field, h, select, setOptions } from '../dom';
import { dateText, numberText, timeElement } from '../i18n';
import { t } from '../messages/playbooks';
import type { ChecklistItem, CustomField, PlaybookSections } from '../playbookTypes';
import { checklistProgress } from '../reducers';
import type { RoomStore } from '../roomStore';
import { phaseLabel, roleLabel } from '../timeline';
import type { Member } from '../types';
import { type Scope, form, panel, renderKeyed } from '../ui';

/** The playbook sections of the room as the store holds them (absent before the server had them). */
export function playbookSections(store: RoomStore): PlaybookSections {
  const room = store.room as unknown as Partial<PlaybookSections> | null;
  return { playbook: room?.playbook ?? null, checklist: room?.checklist ?? [], fields: room?.fields ?? [] };
}

/** Whether this member may work the item: its owner role, its assignee, or privileged for the command. */
function mayWork(store: RoomStore, item: ChecklistItem, command: string): boolean {
  if (!store.may(command)) return false;
  if ((store.privileged ?? []).includes(command)) return true;
  return item.assigneeId === store.myUserId || (item.ownerRole !== null && store.myRoles.includes(item.ownerRole));
}

function itemRow(store: RoomStore, item: ChecklistItem): HTMLElement {
  const overdue = item.status === 'open' && item.overdue;
  const actions: HTMLElement[] = [];
  if (item.status === 'open' && mayWork(store, item, 'checklist.check')) {
    actions.push(h('button', { type: 'button', onclick: () => store.send('checklist.check', { itemId: item.itemId }, t('checklist.sentCheck', { text: item.text })) }, t('checklist.check')));
  }
  if (item.status !== 'open' && mayWork(store, item, 'checklist.uncheck')) {
    actions.push(h('button', { type: 'button', class: 'secondary', onclick: () => store.send('checklist.uncheck', { itemId: item.itemId }, t('checklist.sentUncheck', { text: item.text })) }, t('checklist.uncheck')));
  }
  if (item.status === 'open' && mayWork(store, item, 'checklist.skip')) {
    const reason = h('input', { name: 'reason', required: true, maxlength: 2000, 'aria-label': t('checklist.skipReason'), placeholder: t('checklist.skipReason') });
    actions.push(form({ class: 'row inline', 'aria-label': `${t('checklist.skip')}: ${item.text}` }, [reason, h('button', { type: 'submit', class: 'secondary' }, t('checklist.skip'))], () =>
      store.send('checklist.skip', { itemId: item.itemId, reason: reason.value.trim() }, t('checklist.sentSkip', { text: item.text })),
    ));
  }
  return h(
    'li',
    { class: `checklist-item st-${item.status}${overdue ? ' overdue' : ''}`, 'data-item': item.itemId },
    h('p', {}, h('strong', {}, item.text), item.decision ? h('span', { class: 'chip' }, ` ${t('checklist.decision')}`) : ''),
    h(
      'p',
      {},
      t('checklist.owner', { owner: item.ownerRole ? roleLabel(item.ownerRole) : '—' }),
      item.assigneeName ? ` · ${t('checklist.assignee', { name: item.assigneeName })}` : '',
      item.dueAt ? h('span', { class: overdue ? 'overdue-text' : '' }, ` · ${overdue ? t('checklist.overdue') : t('checklist.due')} `, timeElement(item.dueAt)) : '',
    ),
    item.status === 'done' ? h('p', { class: 'muted' }, t('checklist.doneBy', { name: item.doneByName ?? '?' }), item.late ? ` · ${t('checklist.late')}` : '', item.note ? ` · ${item.note}` : '') : '',
    item.status === 'skipped' ? h('p', { class: 'muted' }, t('checklist.skipped', { reason: item.skipReason ?? '' })) : '',
    ...actions,
  );
}

/** A field's value as people read it: a member by their name now, a date and a number in the viewer's locale. */
export function fieldText(f: CustomField, members: readonly Member[]): string {
  if (!f.values.length) return '';
  switch (f.type) {
    case 'user':
      return f.values.map((id) => members.find((m) => m.userId === id)?.displayName ?? f.display).join(', ');
    case 'date':
      return f.values.map((v) => dateText(v)).join(', ');
    case 'number':
      return f.values.map((v) => numberText(v)).join(', ');
    default:
      return f.values.join(', ');
  }
}

/** The control of a field's type, filled with its value, and how to read the values to send from it. */
export function fieldControl(f: CustomField, members: readonly Member[]): { control: HTMLElement; values: () => string[] } {
  const one = (el: HTMLInputElement | HTMLSelectElement) => () => (el.value.trim() ? [el.value.trim()] : []);
  const current = f.values[0] ?? '';
  const focus = `field-${f.fieldId}`;
  switch (f.type) {
    case 'number': {
      const input = h('input', { name: f.fieldId, type: 'number', step: 'any', inputmode: 'decimal', value: current, 'data-focus': focus });
      return { control: input, values: one(input) };
    }
    case 'date': {
      // The browser shows the date in the viewer's locale and sends it as yyyy-mm-dd, as the server takes it.
      const input = h('input', { name: f.fieldId, type: 'date', value: current, 'data-focus': focus });
      return { control: input, values: one(input) };
    }
    case 'select':
    case 'user': {
      const options =
        f.type === 'select'
          ? f.options.map((o) => ({ value: o, label: o }))
          : [...members].sort((a, b) => a.displayName.localeCompare(b.displayName)).map((m) => ({ value: m.userId, label: m.displayName }));
      // A member who has left stays chosen, under the name the server recorded.
      if (current && !options.some((o) => o.value === current)) options.push({ value: current, label: f.display || current });
      const el = select(f.fieldId, [{ value: '', label: t('fields.none') }, ...options], current);
      return { control: el, values: one(el) };
    }
    case 'multi_select': {
      const boxes = f.options.map((o) => h('input', { type: 'checkbox', name: f.fieldId, value: o, checked: f.values.includes(o) }));
      const control = h('fieldset', { class: 'roles' }, h('legend', { class: 'sr-only' }, f.label), ...boxes.map((b) => h('label', { class: 'check' }, b, ` ${b.value}`)));
      return { control, values: () => boxes.filter((b) => b.checked).map((b) => b.value) };
    }
    default: {
      const input = h('input', { name: f.fieldId, type: 'text', maxlength: 2000, value: current, 'data-focus': focus });
      return { control: input, values: one(input) };
    }
  }
}

function fieldRow(store: RoomStore, f: CustomField): HTMLElement {
  const members = store.room?.members ?? [];
  const shown = fieldText(f, members);
  let edit: HTMLElement | null = null;
  if (store.may('field.set')) {
    const { control, values } = fieldControl(f, members);
    if (!(control instanceof HTMLFieldSetElement)) control.setAttribute('aria-label', f.label);
    edit = form({ class: 'row inline', 'aria-label': f.label }, [control, h('button', { type: 'submit', class: 'secondary' }, t('fields.save'))], () =>
      store.send('field.set', { fieldId: f.fieldId, values: values() }, t('fields.sent', { label: f.label })),
    );
  }
  return h(
    'li',
    { 'data-field': f.fieldId, 'data-type': f.type },
    h('p', {}, h('strong', {}, f.label), f.required ? ` (${t('fields.required')})` : '', ': ', shown ? h('span', { class: 'field-value' }, shown) : h('span', { class: 'muted' }, t('fields.notSet'))),
    edit,
  );
}

/** Before a type is applied, whoever may apply one chooses it here (the list is read once, when first offered). */
function applyForm(store: RoomStore): { el: HTMLElement; offer: (offered: boolean) => void } {
  const choice = select('type', [{ value: '', label: t('checklist.loading') }]);
  choice.disabled = true;
  const submit = h('button', { type: 'submit', disabled: true }, t('checklist.apply'));
  const problem = h('p', { class: 'error', role: 'alert' });
  let titles = new Map<string, string>();
  let asked = false;
  const el = form({ class: 'row inline', 'aria-label': t('checklist.apply'), 'data-testid': 'apply-type' }, [field(t('checklist.applyLabel'), choice), submit, problem], () => {
    if (!choice.value) return;
    store.send('playbook.apply', { type: choice.value }, t('checklist.sentApply', { title: titles.get(choice.value) ?? choice.value }));
  });
  function read(): void {
    asked = true;
    incidentTypes()
      .then((types) => {
        titles = new Map(types.map((x) => [x.id, x.title]));
        setOptions(choice, types.map((x) => ({ value: x.id, label: x.title })));
        choice.disabled = submit.disabled = types.length === 0;
        problem.textContent = types.length ? '' : t('checklist.noTypes');
      })
      .catch((e: unknown) => {
        asked = false;
        problem.textContent = errorText(e);
      });
  }
  return {
    el,
    offer: (offered) => {
      el.hidden = !offered;
      if (offered && !asked) read();
    },
  };
}

export function checklistPanel(store: RoomStore, scope: Scope): HTMLElement {
  const progress = h('ul', { class: 'chips', 'data-testid': 'checklist-progress' });
  const list = h('ul', { class: 'items', 'data-testid': 'checklist' });
  const fields = h('ul', { class: 'items', 'data-testid': 'fields' });
  const heading = h('p', { class: 'muted' });
  const fieldsHeading = h('h3', {}, t('fields.title'));
  const apply = applyForm(store);
  const { section } = panel(t('checklist.title'), heading, apply.el, progress, list, fieldsHeading, fields);

  function render(): void {
    const s = playbookSections(store);
    heading.textContent = s.playbook ? t('checklist.type', { title: s.playbook.title, version: s.playbook.version }) : t('checklist.none');
    renderKeyed(progress, JSON.stringify(s.checklist), () =>
      checklistProgress(s.checklist).map((p) =>
        h('li', { class: p.overdue ? 'overdue' : '' }, t('checklist.progress', { phase: phaseLabel(p.phase), done: p.done, total: p.total }),
          p.skipped ? t('checklist.progressSkipped', { skipped: p.skipped }) : '', p.overdue ? t('checklist.progressOverdue', { overdue: p.overdue }) : ''),
      ),
    );
    renderKeyed(list, JSON.stringify([s.checklist, store.can]), () => s.checklist.map((item) => itemRow(store, item)));
    // Members count too: a user field names its member as they are called now, and offers the members to choose.
    renderKeyed(fields, JSON.stringify([s.fields, store.can, store.room?.members ?? []]), () => s.fields.map((f) => fieldRow(store, f)));
    fieldsHeading.hidden = s.fields.length === 0;
    apply.offer(!s.playbook && store.may('playbook.apply'));
    section.hidden = !s.playbook && !store.may('playbook.apply');
  }
  scope.on(store, (c) => c.type === 'room' && render());
  render();
  return section;
}
