// Actions: owner, due time (overdue highlighted), status changes, and a form to create one; both
// offered as the snapshot's `can` says.
import { field, h, replace, select, setOptions } from '../dom';
import { canUpdateAction, isOverdue, ownerText, sortActions } from '../model';
import type { RoomStore } from '../roomStore';
import { roleLabel } from '../timeline';
import { ACTION_STATUSES, ADDRESSABLE_ROLES, type ActionItem } from '../types';
import { t } from '../messages/console';
import { type Scope, form, onDemand, panel, renderKeyed } from '../ui';

const statusOptions = ACTION_STATUSES.map((s) => ({ value: s, label: roleLabel(s) }));

function dueText(dueAt: string | null | undefined): string {
  if (!dueAt) return 'no due time';
  const d = new Date(dueAt);
  return `due ${d.toLocaleString([], { dateStyle: 'short', timeStyle: 'short' })}`;
}

function actionItem(store: RoomStore, a: ActionItem, now: number): HTMLElement {
  const overdue = isOverdue(a, now);
  const status = select('status', statusOptions, a.status);
  status.setAttribute('data-focus', `status-${a.actionId}`);
  // Offered to its owner, and to a member who may update any action.
  const change = canUpdateAction(a, store.can, store.privileged, store.myUserId, store.myRoles)
    ? form(
        { class: 'row inline', 'aria-label': `Status of ${a.title}` },
        [field('Status', status), h('button', { type: 'submit', class: 'secondary', 'data-focus': `set-${a.actionId}` }, 'Update')],
        () => {
          if (status.value !== a.status) {
            store.send('action.update', { actionId: a.actionId, status: status.value }, `“${a.title}” → ${roleLabel(status.value)}`, {
              onRefused: () => {
                status.value = a.status;
              },
            });
          }
        },
      )
    : null;
  return h(
    'li',
    { class: overdue ? 'action overdue' : 'action', 'data-action': a.actionId },
    h('h3', {}, a.title, ' ', h('span', { class: `chip st-${a.status}` }, roleLabel(a.status))),
    h(
      'p',
      {},
      `Owner: ${ownerText(a)} · `,
      h('span', { class: overdue ? 'overdue-text' : '' }, overdue ? `OVERDUE (${dueText(a.dueAt)})` : dueText(a.dueAt)),
      a.riskScore != null ? ` · risk ${a.riskScore}` : '',
    ),
    change,
  );
}

export function actionsPanel(store: RoomStore, scope: Scope): HTMLElement {
  const list = h('ul', { class: 'items', 'data-testid': 'actions' });
  const title = h('input', { name: 'title', required: true, maxlength: 200 });
  const owner = select('owner', []);
  const due = h('input', { name: 'dueAt', type: 'datetime-local', step: 1 });
  const create = form(
    { 'aria-label': 'Create an action', class: 'subform' },
    [
      field('Title', title),
      h('div', { class: 'row' }, field('Owner', owner), field('Due (optional)', due)),
      h('button', { type: 'submit' }, 'Create action'),
    ],
    () => {
      const data: Record<string, unknown> = { title: title.value.trim() };
      const [kind, value] = owner.value.split(':');
      if (kind === 'user' && value) data.ownerId = value;
      if (kind === 'role' && value) data.ownerRole = value;
      if (due.value) data.dueAt = new Date(due.value).toISOString();
      store.send('action.create', data, `Action “${title.value.trim()}”`, { onOk: () => create.reset() });
    },
  );
  const { section, state } = panel('Actions', list, onDemand(store, scope, t('form.action'), create, () => store.may('action.create')));

  function render(): void {
    const room = store.room;
    if (!room) return;
    const now = Date.now();
    const actions = sortActions(room.actions ?? [], now);
    const open = actions.filter((a) => a.status !== 'done' && a.status !== 'cancelled').length;
    const overdue = actions.filter((a) => isOverdue(a, now)).length;
    state.className = overdue ? 'card-state overdue-text' : 'card-state muted';
    replace(state, overdue ? t('state.actions', { overdue, open }) : open ? t('state.open', { open }) : t('state.none'));
    setOptions(owner, [
      { value: '', label: 'nobody yet' },
      ...room.members.map((m) => ({ value: `user:${m.userId}`, label: m.displayName })),
      ...ADDRESSABLE_ROLES.map((r) => ({ value: `role:${r}`, label: `role: ${roleLabel(r)}` })),
    ]);
    renderKeyed(list, JSON.stringify([actions, actions.map((a) => isOverdue(a, now)), store.can]), () =>
      actions.length ? actions.map((a) => actionItem(store, a, now)) : [h('li', { class: 'muted' }, 'No action yet.')],
    );
  }
  scope.on(store, (c) => c.type === 'room' && render());
  scope.every(15_000, render);
  render();
  return section;
}
