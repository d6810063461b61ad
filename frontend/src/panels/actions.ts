// Actions: owner, due time (overdue highlighted), status changes, and a form to create one; both
// offered as the snapshot's `can` says.
import { field, h, replace, select, setOptions } from '../dom';
import { canUpdateAction, isOverdue, ownerText, sortActions } from '../model';
import type { RoomStore } from '../roomStore';
import { timeElement } from '../i18n';
import { statusName } from '../messages/terms';
import { roleLabel } from '../timeline';
import { ACTION_STATUSES, ADDRESSABLE_ROLES, type ActionItem } from '../types';
import { t as c } from '../messages/console';
import { t } from '../messages/panels';
import { type Scope, form, onDemand, panel, renderRows } from '../ui';

/** The status choices, named in the viewer's language (asked each time: the language may change). */
const statusOptions = () => ACTION_STATUSES.map((s) => ({ value: s, label: statusName(s) }));

/** "due <local time>" with the time in UTC on hover, or "no due time". */
function due(dueAt: string | null | undefined, overdue: boolean): HTMLElement {
  const cls = overdue ? 'overdue-text' : '';
  const date = dueAt ? new Date(dueAt) : null;
  if (!date || Number.isNaN(date.getTime())) return h('span', { class: cls }, overdue ? `${t('actions.overdue')} (${t('actions.noDue')})` : t('actions.noDue'));
  const time = timeElement(dueAt, 'datetime');
  return overdue
    ? h('span', { class: cls }, `${t('actions.overdue')} (${t('actions.due')} `, time, ')')
    : h('span', { class: cls }, `${t('actions.due')} `, time);
}

function actionItem(store: RoomStore, a: ActionItem, now: number): HTMLElement {
  const overdue = isOverdue(a, now);
  const status = select('status', statusOptions(), a.status);
  status.setAttribute('data-focus', `status-${a.actionId}`);
  // Offered to its owner, and to a member who may update any action.
  const change = canUpdateAction(a, store.can, store.privileged, store.myUserId, store.myRoles)
    ? form(
        { class: 'row inline', 'aria-label': t('actions.statusOf', { title: a.title }) },
        [field(t('actions.status'), status), h('button', { type: 'submit', class: 'secondary', 'data-focus': `set-${a.actionId}` }, t('actions.update'))],
        () => {
          if (status.value !== a.status) {
            store.send('action.update', { actionId: a.actionId, status: status.value }, t('actions.sentUpdate', { title: a.title, status: statusName(status.value) }), {
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
    h('h3', {}, a.title, ' ', h('span', { class: `chip st-${a.status}` }, statusName(a.status))),
    h(
      'p',
      {},
      t('actions.owner', { owner: ownerText(a) }),
      due(a.dueAt, overdue),
      a.riskScore != null ? t('actions.risk', { risk: String(a.riskScore) }) : '',
    ),
    change,
  );
}

export function actionsPanel(store: RoomStore, scope: Scope): HTMLElement {
  const list = h('ul', { class: 'items', 'data-testid': 'actions' });
  const title = h('input', { name: 'title', required: true, maxlength: 200 });
  const owner = select('owner', []);
  const dueAt = h('input', { name: 'dueAt', type: 'datetime-local', step: 1 });
  const create = form(
    { 'aria-label': t('actions.createForm'), class: 'subform' },
    [
      field(t('actions.titleField'), title),
      h('div', { class: 'row' }, field(t('actions.ownerField'), owner), field(t('actions.dueField'), dueAt)),
      h('button', { type: 'submit' }, t('actions.create')),
    ],
    () => {
      const data: Record<string, unknown> = { title: title.value.trim() };
      const [kind, value] = owner.value.split(':');
      if (kind === 'user' && value) data.ownerId = value;
      if (kind === 'role' && value) data.ownerRole = value;
      if (dueAt.value) data.dueAt = new Date(dueAt.value).toISOString();
      store.send('action.create', data, t('actions.sentCreate', { title: title.value.trim() }), { onOk: () => create.reset() });
    },
  );
  const { section, state } = panel(t('actions.title'), list, onDemand(store, scope, c('form.action'), create, () => store.may('action.create')));

  let ownersShown = '';
  function render(): void {
    const room = store.room;
    if (!room) return;
    const now = Date.now();
    const actions = sortActions(room.actions ?? [], now);
    const open = actions.filter((a) => a.status !== 'done' && a.status !== 'cancelled').length;
    const overdue = actions.filter((a) => isOverdue(a, now)).length;
    state.className = overdue ? 'card-state overdue-text' : 'card-state muted';
    replace(state, overdue ? c('state.actions', { overdue, open }) : open ? c('state.open', { open }) : c('state.none'));
    const members = JSON.stringify(room.members.map((m) => [m.userId, m.displayName]));
    if (members !== ownersShown) {
      ownersShown = members;
      setOptions(owner, [
        { value: '', label: t('actions.nobodyYet') },
        ...room.members.map((m) => ({ value: `user:${m.userId}`, label: m.displayName })),
        ...ADDRESSABLE_ROLES.map((r) => ({ value: `role:${r}`, label: t('actions.roleOption', { role: roleLabel(r) }) })),
      ]);
    }
    const can = JSON.stringify(store.can);
    renderRows(
      list,
      actions.map((a) => ({ key: a.actionId, signature: JSON.stringify([a, isOverdue(a, now), can]), action: a })),
      (row) => actionItem(store, row.action, now),
      () => h('li', { class: 'muted' }, t('actions.none')),
    );
  }
  scope.on(store, (c) => c.type === 'room' && render());
  scope.every(15_000, render);
  render();
  return section;
}
