// Acknowledgements: who is still silent per role, the open requests, give one, request one; offered
// as the snapshot's `can` and each request's pending roles say.
import { field, h, replace } from '../dom';
import { acksForMe, pendingAcksByRole } from '../model';
import type { RoomStore } from '../roomStore';
import { timeElement } from '../i18n';
import { roleLabel } from '../timeline';
import { ADDRESSABLE_ROLES, type Ack } from '../types';
import { t as c } from '../messages/console';
import { t } from '../messages/panels';
import { type Scope, form, onDemand, panel, renderKeyed } from '../ui';

function ackItem(store: RoomStore, a: Ack, mine: boolean): HTMLElement {
  return h(
    'li',
    { class: a.overdue ? 'overdue' : '', 'data-ack': a.ackId },
    h(
      'p',
      {},
      h('strong', {}, t('acks.about', { about: String(a.about) })),
      t('acks.askedOf', { roles: a.roles.map(roleLabel).join(', ') }),
      timeElement(a.dueAt, 'time'),
      a.overdue ? h('span', { class: 'overdue-text' }, t('acks.overdue')) : '',
    ),
    h(
      'p',
      {},
      a.acknowledged.length
        ? t('acks.acknowledged', { list: a.acknowledged.map((x) => `${x.by.displayName ?? '?'} (${roleLabel(x.role)})`).join(', ') })
        : t('acks.nobody'),
      a.pending.length ? h('span', { class: 'waiting' }, t('acks.waiting', { roles: a.pending.map(roleLabel).join(', ') })) : t('acks.complete'),
    ),
    mine
      ? h(
          'button',
          {
            type: 'button',
            'data-focus': `ack-${a.ackId}`,
            onclick: () => store.send('ack.give', { ackId: a.ackId }, t('acks.give', { about: String(a.about) })),
          },
          t('acks.give', { about: String(a.about) }),
        )
      : null,
  );
}

export function acksPanel(store: RoomStore, scope: Scope): HTMLElement {
  const perRole = h('ul', { class: 'chips', 'aria-label': t('acks.perRole'), 'data-testid': 'acks-per-role' });
  const list = h('ul', { class: 'items', 'data-testid': 'acks' });
  const about = h('input', { name: 'about', type: 'number', min: 1, required: true, inputmode: 'numeric' });
  const boxes = ADDRESSABLE_ROLES.map((r) => h('input', { type: 'checkbox', name: 'roles', value: r }));
  const request = form(
    { 'aria-label': t('acks.requestForm'), class: 'subform' },
    [
      field(t('acks.aboutField'), about, t('acks.aboutHint')),
      h('fieldset', { class: 'roles' }, h('legend', {}, t('acks.from')), ...boxes.map((b) => h('label', { class: 'check' }, b, ` ${roleLabel(b.value)}`))),
      h('button', { type: 'submit' }, t('acks.request')),
    ],
    () => {
      const roles = boxes.filter((b) => b.checked).map((b) => b.value);
      if (!roles.length) {
        store.setAlert(t('acks.chooseRole'));
        return;
      }
      store.send('ack.request', { about: Number(about.value), roles }, t('acks.sentRequest', { roles: roles.map(roleLabel).join(', '), about: about.value }), {
        onOk: () => request.reset(),
      });
    },
  );
  const { section, state } = panel(t('acks.title'), perRole, list, onDemand(store, scope, c('form.ack'), request, () => store.may('ack.request')));

  function render(): void {
    const acks = store.room?.acks ?? [];
    if (!about.value && store.room) about.placeholder = String(store.room.seq);
    const open = acks.filter((a) => a.pending.length);
    state.className = open.length ? 'card-state waiting' : 'card-state muted';
    replace(state, open.length ? c.plural('state.acks', open.length) : c('state.none'));
    const mine = new Set(acksForMe(acks, store.myRoles, store.can).map((a) => a.ackId));
    renderKeyed(perRole, JSON.stringify([...pendingAcksByRole(acks)]), () => {
      const pending = [...pendingAcksByRole(acks)];
      return pending.length
        ? pending.map(([role, n]) => h('li', { class: 'chip' }, t('acks.pendingForRole', { role: roleLabel(role), count: n })))
        : [h('li', { class: 'muted' }, t('acks.nonePending'))];
    });
    renderKeyed(list, JSON.stringify([acks, [...mine]]), () =>
      [...open, ...acks.filter((a) => !a.pending.length)].map((a) => ackItem(store, a, mine.has(a.ackId))),
    );
  }
  scope.on(store, (c) => c.type === 'room' && render());
  render();
  return section;
}
