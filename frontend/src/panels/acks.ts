// Acknowledgements: who is still silent per role, the open requests, give one, request one; offered
// as the snapshot's `can` and each request's pending roles say.
import { field, h, replace } from '../dom';
import { acksForMe, pendingAcksByRole } from '../model';
import type { RoomStore } from '../roomStore';
import { roleLabel, timeLabel } from '../timeline';
import { ADDRESSABLE_ROLES, type Ack } from '../types';
import { t } from '../messages/console';
import { type Scope, form, onDemand, panel, renderKeyed } from '../ui';

function ackItem(store: RoomStore, a: Ack, mine: boolean): HTMLElement {
  return h(
    'li',
    { class: a.overdue ? 'overdue' : '', 'data-ack': a.ackId },
    h(
      'p',
      {},
      h('strong', {}, `About #${a.about}`),
      ` · asked of ${a.roles.map(roleLabel).join(', ')} · due ${timeLabel(a.dueAt)}`,
      a.overdue ? h('span', { class: 'overdue-text' }, ' · OVERDUE') : '',
    ),
    h(
      'p',
      {},
      a.acknowledged.length
        ? `Acknowledged: ${a.acknowledged.map((x) => `${x.by.displayName ?? '?'} (${roleLabel(x.role)})`).join(', ')}`
        : 'Nobody has acknowledged yet',
      a.pending.length ? h('span', { class: 'waiting' }, ` · waiting for ${a.pending.map(roleLabel).join(', ')}`) : ' · complete',
    ),
    mine
      ? h(
          'button',
          {
            type: 'button',
            'data-focus': `ack-${a.ackId}`,
            onclick: () => store.send('ack.give', { ackId: a.ackId }, `Acknowledge #${a.about}`),
          },
          `Acknowledge #${a.about}`,
        )
      : null,
  );
}

export function acksPanel(store: RoomStore, scope: Scope): HTMLElement {
  const perRole = h('ul', { class: 'chips', 'aria-label': 'Pending acknowledgements per role', 'data-testid': 'acks-per-role' });
  const list = h('ul', { class: 'items', 'data-testid': 'acks' });
  const about = h('input', { name: 'about', type: 'number', min: 1, required: true, inputmode: 'numeric' });
  const boxes = ADDRESSABLE_ROLES.map((r) => h('input', { type: 'checkbox', name: 'roles', value: r }));
  const request = form(
    { 'aria-label': 'Request an acknowledgement', class: 'subform' },
    [
      field('About timeline entry #', about, 'The seq number shown in the timeline'),
      h('fieldset', { class: 'roles' }, h('legend', {}, 'From'), ...boxes.map((b) => h('label', { class: 'check' }, b, ` ${roleLabel(b.value)}`))),
      h('button', { type: 'submit' }, 'Request acknowledgement'),
    ],
    () => {
      const roles = boxes.filter((b) => b.checked).map((b) => b.value);
      if (!roles.length) {
        store.setAlert('Choose at least one role to acknowledge.');
        return;
      }
      store.send('ack.request', { about: Number(about.value), roles }, `Ask ${roles.map(roleLabel).join(', ')} to acknowledge #${about.value}`, {
        onOk: () => request.reset(),
      });
    },
  );
  const { section, state } = panel('Acknowledgements', perRole, list, onDemand(store, scope, t('form.ack'), request, () => store.may('ack.request')));

  function render(): void {
    const acks = store.room?.acks ?? [];
    if (!about.value && store.room) about.placeholder = String(store.room.seq);
    const open = acks.filter((a) => a.pending.length);
    state.className = open.length ? 'card-state waiting' : 'card-state muted';
    replace(state, open.length ? t.plural('state.acks', open.length) : t('state.none'));
    const mine = new Set(acksForMe(acks, store.myRoles, store.can).map((a) => a.ackId));
    renderKeyed(perRole, JSON.stringify([...pendingAcksByRole(acks)]), () => {
      const pending = [...pendingAcksByRole(acks)];
      return pending.length
        ? pending.map(([role, n]) => h('li', { class: 'chip' }, `${roleLabel(role)}: ${n} pending`))
        : [h('li', { class: 'muted' }, 'No acknowledgement pending.')];
    });
    renderKeyed(list, JSON.stringify([acks, [...mine]]), () =>
      [...open, ...acks.filter((a) => !a.pending.length)].map((a) => ackItem(store, a, mine.has(a.ackId))),
    );
  }
  scope.on(store, (c) => c.type === 'room' && render());
  render();
  return section;
}
