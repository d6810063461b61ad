// Roles: who holds what; assign, release, hand over and add people; severity and phase; the note
// form. Each form is offered when the snapshot's `can` lists its command.
import { api, errorText } from '../api';
import { type Option, field, h, replace, select, setOptions } from '../dom';
import { holdersByRole, roleForms } from '../model';
import type { RoomStore } from '../roomStore';
import { phaseIds, phaseName, severityIds, severityName } from '../taxonomy';
import { roleLabel } from '../timeline';
import { ROLES, rolesOfKind } from '../types';
import { t as c } from '../messages/console';
import { t } from '../messages/panels';
import { type Scope, form, onDemand, panel, renderKeyed } from '../ui';

/** The roles to choose from, named in the viewer's language. */
const roleOptions = (): Option[] => ROLES.map((r) => ({ value: r, label: roleLabel(r) }));

export function rolesPanel(store: RoomStore, scope: Scope): HTMLElement {
  const table = h('div', { 'data-testid': 'roles' });
  const memberSelect = select('member', []);
  const roleSelect = select('role', roleOptions(), 'participant');
  const handRole = select('role', roleOptions(), 'incident_commander');
  const handTo = select('toUser', []);
  const userSelect = select('user', []);
  const newRole = select('role', roleOptions(), 'participant');
  const addMessage = h('p', { class: 'error', role: 'alert' });
  let allUsers: Option[] = [];
  let usersAsked = false;

  const name = (userId: string) => store.room?.members.find((m) => m.userId === userId)?.displayName ?? userId;

  const releaseButton = h('button', { type: 'submit', value: 'release', class: 'secondary' }, t('roles.release'));
  const assign = form(
    { 'aria-label': t('roles.assignForm'), class: 'subform' },
    [
      h('div', { class: 'row' }, field(t('roles.member'), memberSelect), field(t('roles.role'), roleSelect)),
      h('div', { class: 'row' }, h('button', { type: 'submit', value: 'assign' }, t('roles.assign')), releaseButton),
    ],
    (submitter) => {
      if (!memberSelect.value) return;
      const release = (submitter as HTMLButtonElement | null)?.value === 'release';
      const who = name(memberSelect.value);
      store.send(
        release ? 'role.release' : 'role.assign',
        { userId: memberSelect.value, role: roleSelect.value },
        t(release ? 'roles.sentRelease' : 'roles.sentAssign', { name: who, role: roleLabel(roleSelect.value) }),
      );
    },
  );
  const handover = form(
    { 'aria-label': t('roles.handoverForm'), class: 'subform' },
    [h('div', { class: 'row' }, field(t('roles.role'), handRole), field(t('roles.toMember'), handTo)), h('button', { type: 'submit' }, t('roles.handover'))],
    () => {
      if (!handTo.value) return;
      store.send(
        'role.handover',
        { role: handRole.value, toUserId: handTo.value },
        t('roles.sentHandover', { role: roleLabel(handRole.value), name: name(handTo.value) }),
      );
    },
  );
  const add = form(
    { 'aria-label': t('roles.addForm'), class: 'subform' },
    [
      h('div', { class: 'row' }, field(t('roles.person'), userSelect), field(t('roles.firstRole'), newRole)),
      h('button', { type: 'submit' }, t('roles.add')),
      addMessage,
    ],
    async () => {
      if (!userSelect.value) return;
      replace(addMessage);
      try {
        await api.addMember(store.roomId, userSelect.value, [newRole.value]);
      } catch (e) {
        replace(addMessage, t('roles.couldNotAdd', { error: errorText(e) }));
      }
    },
  );

  function userOptions(): void {
    const inRoom = new Set(store.room?.members.map((m) => m.userId));
    setOptions(
      userSelect,
      allUsers.filter((u) => !inRoom.has(u.value)),
    );
  }

  function render(): void {
    const room = store.room;
    if (!room) return;
    const holders = holdersByRole(room.members, rolesOfKind(room.kind));
    renderKeyed(table, JSON.stringify([room.members, store.myUserId]), () => [
      h(
        'table',
        { class: 'roles-table' },
        h('caption', { class: 'sr-only' }, t('roles.caption')),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('roles.role')), h('th', { scope: 'col' }, t('roles.heldBy')))),
        h(
          'tbody',
          {},
          ...[...holders].map(([role, names]) =>
            h(
              'tr',
              { 'data-role': role },
              h('th', { scope: 'row' }, roleLabel(role)),
              h('td', { class: names.length ? '' : 'muted' }, names.join(', ') || t('roles.nobody')),
            ),
          ),
        ),
      ),
      h(
        'p',
        { class: 'muted' },
        t('roles.you'),
        store.myRoles.length ? store.myRoles.map(roleLabel).join(', ') : t('roles.noRole'),
      ),
    ]);
    const offer = roleForms(store.can, store.myRoles, room.members, store.myUserId);
    releaseButton.hidden = !offer.release;
    setOptions(memberSelect, room.members.map((m) => ({ value: m.userId, label: m.displayName })));
    setOptions(handTo, (offer.handover?.to ?? []).map((m) => ({ value: m.userId, label: m.displayName })));
    setOptions(handRole, roleOptions().filter((o) => offer.handover?.roles.includes(o.value)));
    userOptions();
    if (offer.add && !usersAsked) {
      usersAsked = true;
      api
        .users()
        .then((users) => {
          allUsers = users.map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }));
          userOptions();
        })
        .catch((e: unknown) => {
          usersAsked = false;
          replace(addMessage, t('roles.couldNotList', { error: errorText(e) }));
        });
    }
  }
  scope.on(store, (c) => c.type === 'room' && render());
  render();
  const offer = () => roleForms(store.can, store.myRoles, store.room?.members ?? [], store.myUserId);
  const { section } = panel(
    t('roles.title'),
    table,
    onDemand(store, scope, c('form.assign'), assign, () => offer().assign),
    onDemand(store, scope, c('form.handover'), handover, () => !!offer().handover),
    onDemand(store, scope, c('form.add'), add, () => offer().add),
  );
  return section;
}

/**
 * Severity and phase controls, each offered when `can` lists room.severity or room.phase; a closed
 * room offers only the phase, to whoever may reopen it.
 */
export function roomControls(store: RoomStore, scope: Scope): HTMLElement {
  // The deployment's list; a room's value the list no longer has stays selectable as it is, by its id.
  const severityOptions = (current: string): Option[] => withCurrent(severityIds(), current).map((s) => ({ value: s, label: severityName(s) }));
  const phaseOptions = (current: string): Option[] => withCurrent(phaseIds(), current).map((p) => ({ value: p, label: phaseName(p) }));
  const severity = select('severity', severityOptions(''));
  const phase = select('phase', phaseOptions(''));
  let shown = '';
  const severityRow = h(
    'div',
    { class: 'row' },
    field(t('controls.severity'), severity, t('controls.severityHint', { first: severityName(severityIds()[0] ?? '') })),
    h('button', { type: 'submit', value: 'severity' }, t('controls.setSeverity')),
  );
  const phaseRow = h('div', { class: 'row' }, field(t('controls.phase'), phase), h('button', { type: 'submit', value: 'phase' }, t('controls.setPhase')));
  const el = form(
    { 'aria-label': t('controls.form'), class: 'subform' },
    [severityRow, phaseRow],
    (submitter) => {
      if ((submitter as HTMLButtonElement | null)?.value === 'phase') {
        store.send('room.phase', { phase: phase.value }, t('controls.sentPhase', { phase: phaseName(phase.value) }));
      } else {
        store.send('room.severity', { severity: severity.value }, t('controls.sentSeverity', { severity: severityName(severity.value) }));
      }
    },
  );
  function render(): void {
    const room = store.room;
    severityRow.hidden = !store.may('room.severity');
    phaseRow.hidden = !store.may('room.phase');
    // Follow the room's values, but never overwrite a choice the IC is making.
    if (room && shown !== `${room.severity}|${room.phase}`) {
      shown = `${room.severity}|${room.phase}`;
      setOptions(severity, severityOptions(room.severity), room.severity);
      setOptions(phase, phaseOptions(room.phase), room.phase);
    }
  }
  scope.on(store, (c) => c.type === 'room' && render());
  render();
  return onDemand(store, scope, c('form.controls'), el, () => !!store.room && (store.may('room.severity') || store.may('room.phase')));
}

function withCurrent(list: string[], current: string): string[] {
  return !current || list.includes(current) ? list : [...list, current];
}

/** A note, for everyone or only some roles (visibleTo); offered when `can` lists note.add. */
export function noteForm(store: RoomStore, scope: Scope, options: { title?: string; onlyFor?: string[]; onDemand?: boolean } = {}): HTMLElement {
  const text = h('textarea', { name: 'text', rows: 3, required: true, maxlength: 10000 });
  const boxes = options.onlyFor ? [] : ROLES.map((role) => h('input', { type: 'checkbox', name: 'visibleTo', value: role }));
  const el = form(
    { class: options.onDemand ? 'subform' : 'card', 'aria-label': options.title ?? t('note.form') },
    [
      options.onDemand ? null : h('h2', {}, options.title ?? t('note.form')),
      field(t('note.field'), text, c('form.noteHint')),
      boxes.length
        ? h(
            'fieldset',
            { class: 'roles' },
            h('legend', {}, t('note.visibleTo')),
            ...boxes.map((box) => h('label', { class: 'check' }, box, ` ${roleLabel(box.value)}`)),
          )
        : h('p', { class: 'muted' }, t('note.onlyFor', { roles: options.onlyFor!.map(roleLabel).join(', ') })),
      h('button', { type: 'submit' }, t('note.add')),
    ],
    () => {
      const value = text.value.trim();
      if (!value) return;
      const visibleTo = options.onlyFor ?? boxes.filter((b) => b.checked).map((b) => b.value);
      const data: Record<string, unknown> = visibleTo.length ? { text: value, visibleTo } : { text: value };
      const short = value.length > 40 ? `${value.slice(0, 40)}…` : value;
      store.send('note.add', data, t('note.sent', { text: short }), {
        onOk: () => {
          if (text.value.trim() === value) text.value = '';
          for (const b of boxes) b.checked = false;
        },
      });
    },
  );
  if (options.onDemand) return onDemand(store, scope, c('form.note'), el, () => store.may('note.add'));
  const render = () => {
    el.hidden = !store.may('note.add');
  };
  scope.on(store, (c) => c.type === 'room' && render());
  render();
  return el;
}
