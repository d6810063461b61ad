// The checklist of the room's incident type: progress by phase, each item with its owner, due time
// (overdue highlighted), and Done / Reopen / Skip as the snapshot's `can` and the item's owner say;
// the type's custom fields with a form each. Offered only where `can` lists the command.
import { h } from '../dom';
import { timeElement } from '../i18n';
import { t } from '../messages/playbooks';
import type { ChecklistItem, CustomField, PlaybookSections } from '../playbookTypes';
import { checklistProgress } from '../reducers';
import type { RoomStore } from '../roomStore';
import { phaseLabel, roleLabel } from '../timeline';
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

function fieldRow(store: RoomStore, f: CustomField): HTMLElement {
  const value = f.values.join(f.type === 'multi_select' ? ', ' : '');
  const input = h('input', { name: f.fieldId, value, 'aria-label': f.label });
  const edit = store.may('field.set')
    ? form({ class: 'row inline', 'aria-label': f.label }, [input, h('button', { type: 'submit', class: 'secondary' }, t('fields.save'))], () => {
        const raw = input.value.trim();
        const values = raw === '' ? [] : f.type === 'multi_select' ? raw.split(',').map((v) => v.trim()).filter((v) => v) : [raw];
        store.send('field.set', { fieldId: f.fieldId, values }, t('fields.sent', { label: f.label }));
      })
    : null;
  return h('li', { 'data-field': f.fieldId }, h('p', {}, h('strong', {}, f.label), f.required ? ` (${t('fields.required')})` : '', ': ', f.display || t('fields.notSet')), edit);
}

export function checklistPanel(store: RoomStore, scope: Scope): HTMLElement {
  const progress = h('ul', { class: 'chips', 'data-testid': 'checklist-progress' });
  const list = h('ul', { class: 'items', 'data-testid': 'checklist' });
  const fields = h('ul', { class: 'items', 'data-testid': 'fields' });
  const heading = h('p', { class: 'muted' });
  const { section } = panel(t('checklist.title'), heading, progress, list, h('h3', {}, t('fields.title')), fields);

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
    renderKeyed(fields, JSON.stringify([s.fields, store.can]), () => s.fields.map((f) => fieldRow(store, f)));
    section.hidden = !s.playbook && !store.may('playbook.apply');
  }
  scope.on(store, (c) => c.type === 'room' && render());
  render();
  return section;
}
