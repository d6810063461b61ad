// Actions: owner, due time (overdue highlighted), status changes, and a form to create one; both
// offered as the snapshot's `can` says.
import { field, h, replace, select, setOptions } from '../dom';
import { api } from '../api';
import { canTrackAction, canUpdateAction, isOverdue, ownerText, sortActions } from '../model';
import type { RoomStore } from '../roomStore';
import { timeElement } from '../i18n';
import { statusName } from '../messages/terms';
import { roleLabel } from '../timeline';
import { ACTION_STATUSES, ADDRESSABLE_ROLES, type ActionItem, type ActionLink, type TrackerChoice } from '../types';
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

/** Only a web address opens from the console: a tracker's answer never becomes a javascript: link. */
function webUrl(url: string | undefined): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

/** An action's issues: the key opening the tracker in a new tab once linked, else where the link stands. */
function linkLine(link: ActionLink): HTMLElement {
  if (link.status === 'linked') {
    const url = webUrl(link.url);
    const key = url ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', 'data-issue': link.key ?? '' }, link.key ?? '') : h('span', {}, link.key ?? '');
    return h('p', { class: 'issue-link' }, `${t('actions.issue')} `, key, ` · ${link.tracker}`, link.remoteState ? t('actions.remoteState', { state: link.remoteState }) : '');
  }
  if (link.status === 'failed') return h('p', { class: 'issue-link overdue-text' }, t('actions.linkFailed', { tracker: link.tracker, error: link.error ?? '' }));
  return h('p', { class: 'issue-link muted' }, t('actions.linking', { tracker: link.tracker }));
}

/** The control that asks for an issue: offered when a tracker is configured that the action is not (being) linked to. */
function trackForm(store: RoomStore, a: ActionItem, links: readonly ActionLink[], trackers: readonly TrackerChoice[]): HTMLElement | null {
  if (!canTrackAction(a, store.can, store.privileged, store.myUserId, store.myRoles)) return null;
  const open = trackers.filter((tr) => !links.some((l) => l.trackerId === tr.id && l.status !== 'failed'));
  const first = open[0];
  if (!first) return null;
  const tracker = select('trackerId', open.map((tr) => ({ value: tr.id, label: tr.name })), first.id);
  return form(
    { class: 'row inline', 'aria-label': t('actions.linkOf', { title: a.title }) },
    [open.length > 1 ? field(t('actions.linkTracker'), tracker) : null, h('button', { type: 'submit', class: 'secondary', 'data-focus': `track-${a.actionId}` }, t('actions.track'))],
    () => {
      const chosen = open.find((tr) => tr.id === tracker.value) ?? first;
      store.send('action.track', { actionId: a.actionId, trackerId: chosen.id }, t('actions.sentTrack', { title: a.title, tracker: chosen.name }));
    },
  );
}

function actionItem(store: RoomStore, a: ActionItem, now: number, links: readonly ActionLink[], trackers: readonly TrackerChoice[]): HTMLElement {
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
    ...links.map(linkLine),
    trackForm(store, a, links, trackers),
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
  // The trackers are asked for once, when this member may first link an action (incidents only).
  let trackers: TrackerChoice[] = [];
  let trackersAsked = false;
  function askTrackers(): void {
    if (trackersAsked || !store.may('action.track')) return;
    trackersAsked = true;
    api.trackers().then(
      (list) => {
        trackers = list;
        render();
      },
      () => {
        trackersAsked = false;
      },
    );
  }
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
    askTrackers();
    const can = JSON.stringify([store.can, trackers]);
    const links = room.actionLinks ?? [];
    const linksOf = (a: ActionItem) => links.filter((l) => l.actionId === a.actionId);
    renderRows(
      list,
      actions.map((a) => ({ key: a.actionId, signature: JSON.stringify([a, isOverdue(a, now), can, linksOf(a)]), action: a })),
      (row) => actionItem(store, row.action, now, linksOf(row.action), trackers),
      () => h('li', { class: 'muted' }, t('actions.none')),
    );
  }
  scope.on(store, (c) => c.type === 'room' && render());
  scope.every(15_000, render);
  render();
  return section;
}
