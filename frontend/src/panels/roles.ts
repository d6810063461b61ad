// Roles: who holds what; assign, release, hand over and add people; severity and phase; the note
// form. Each form is offered when the snapshot's `can` lists its command.
import { api, errorText } from '../api';
import { type Option, field, h, replace, select, setOptions } from '../dom';
import { holdersByRole, roleForms } from '../model';
import type { RoomStore } from '../roomStore';
import { phaseLabel, roleLabel } from '../timeline';
import { PHASES, ROLES, SEVERITIES, rolesOfKind } from '../types';
import { t } from '../messages/console';
import { type Scope, form, onDemand, panel, renderKeyed } from '../ui';

const roleOptions: Option[] = ROLES.map((r) => ({ value: r, label: roleLabel(r) }));

export function rolesPanel(store: RoomStore, scope: Scope): HTMLElement {
  const table = h('div', { 'data-testid': 'roles' });
  const memberSelect = select('member', []);
  const roleSelect = select('role', roleOptions, 'participant');
  const handRole = select('role', roleOptions, 'incident_commander');
  const handTo = select('toUser', []);
  const userSelect = select('user', []);
  const newRole = select('role', roleOptions, 'participant');
  const addMessage = h('p', { class: 'error', role: 'alert' });
  let allUsers: Option[] = [];
  let usersAsked = false;

  const name = (userId: string) => store.room?.members.find((m) => m.userId === userId)?.displayName ?? userId;

  const releaseButton = h('button', { type: 'submit', value: 'release', class: 'secondary' }, 'Release role');
  const assign = form(
    { 'aria-label': 'Assign or release a role', class: 'subform' },
    [
      h('div', { class: 'row' }, field('Member', memberSelect), field('Role', roleSelect)),
      h('div', { class: 'row' }, h('button', { type: 'submit', value: 'assign' }, 'Assign role'), releaseButton),
    ],
    (submitter) => {
      if (!memberSelect.value) return;
      const release = (submitter as HTMLButtonElement | null)?.value === 'release';
      const who = name(memberSelect.value);
      store.send(
        release ? 'role.release' : 'role.assign',
        { userId: memberSelect.value, role: roleSelect.value },
        release ? `Release ${roleLabel(roleSelect.value)} from ${who}` : `Make ${who} ${roleLabel(roleSelect.value)}`,
      );
    },
  );
  const handover = form(
    { 'aria-label': 'Hand over a role', class: 'subform' },
    [h('div', { class: 'row' }, field('Role', handRole), field('To member', handTo)), h('button', { type: 'submit' }, 'Hand over role')],
    () => {
      if (!handTo.value) return;
      store.send(
        'role.handover',
        { role: handRole.value, toUserId: handTo.value },
        `Hand ${roleLabel(handRole.value)} over to ${name(handTo.value)}`,
      );
    },
  );
  const add = form(
    { 'aria-label': 'Add a member', class: 'subform' },
    [
      h('div', { class: 'row' }, field('Person', userSelect), field('First role', newRole)),
      h('button', { type: 'submit' }, 'Add member'),
      addMessage,
    ],
    async () => {
      if (!userSelect.value) return;
      replace(addMessage);
      try {
        await api.addMember(store.roomId, userSelect.value, [newRole.value]);
      } catch (e) {
        replace(addMessage, `Could not add: ${errorText(e)}`);
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
        h('caption', { class: 'sr-only' }, 'Who holds which role'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Role'), h('th', { scope: 'col' }, 'Held by'))),
        h(
          'tbody',
          {},
          ...[...holders].map(([role, names]) =>
            h(
              'tr',
              { 'data-role': role },
              h('th', { scope: 'row' }, roleLabel(role)),
              h('td', { class: names.length ? '' : 'muted' }, names.join(', ') || 'nobody'),
            ),
          ),
        ),
      ),
      h(
        'p',
        { class: 'muted' },
        'You: ',
        store.myRoles.length ? store.myRoles.map(roleLabel).join(', ') : 'no role',
      ),
    ]);
    const offer = roleForms(store.can, store.myRoles, room.members, store.myUserId);
    releaseButton.hidden = !offer.release;
    setOptions(memberSelect, room.members.map((m) => ({ value: m.userId, label: m.displayName })));
    setOptions(handTo, (offer.handover?.to ?? []).map((m) => ({ value: m.userId, label: m.displayName })));
    setOptions(handRole, roleOptions.filter((o) => offer.handover?.roles.includes(o.value)));
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
          replace(addMessage, `Could not list people: ${errorText(e)}`);
        });
    }
  }
  scope.on(store, (c) => c.type === 'room' && render());
  render();
  const offer = () => roleForms(store.can, store.myRoles, store.room?.members ?? [], store.myUserId);
  const { section } = panel(
    'Roles',
    table,
    onDemand(store, scope, t('form.assign'), assign, () => offer().assign),
    onDemand(store, scope, t('form.handover'), handover, () => !!offer().handover),
    onDemand(store, scope, t('form.add'), add, () => offer().add),
  );
  return section;
}

/**
 * Severity and phase controls, each offered when `can` lists room.severity or room.phase; a closed
 * room offers only the phase, to whoever may reopen it.
 */
export function roomControls(store: RoomStore, scope: Scope): HTMLElement {
  const severity = select('severity', SEVERITIES.map((s) => ({ value: s, label: s })));
  const phase = select('phase', PHASES.map((p) => ({ value: p, label: phaseLabel(p) })));
  let shown = '';
  const severityRow = h(
    'div',
    { class: 'row' },
    field('Severity', severity, 'SEV1 is the worst'),
    h('button', { type: 'submit', value: 'severity' }, 'Set severity'),
  );
  const phaseRow = h('div', { class: 'row' }, field('Phase', phase), h('button', { type: 'submit', value: 'phase' }, 'Set phase'));
  const el = form(
    { 'aria-label': 'Severity and phase', class: 'subform' },
    [severityRow, phaseRow],
    (submitter) => {
      if ((submitter as HTMLButtonElement | null)?.value === 'phase') {
        store.send('room.phase', { phase: phase.value }, `Phase → ${phaseLabel(phase.value)}`);
      } else {
        store.send('room.severity', { severity: severity.value }, `Severity → ${severity.value}`);
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
      severity.value = room.severity;
      phase.value = room.phase;
    }
  }
  scope.on(store, (c) => c.type === 'room' && render());
  render();
  return onDemand(store, scope, t('form.controls'), el, () => !!store.room && (store.may('room.severity') || store.may('room.phase')));
}

/** A note, for everyone or only some roles (visibleTo); offered when `can` lists note.add. */
export function noteForm(store: RoomStore, scope: Scope, options: { title?: string; onlyFor?: string[]; onDemand?: boolean } = {}): HTMLElement {
  const text = h('textarea', { name: 'text', rows: 3, required: true, maxlength: 10000 });
  const boxes = options.onlyFor ? [] : ROLES.map((role) => h('input', { type: 'checkbox', name: 'visibleTo', value: role }));
  const el = form(
    { class: options.onDemand ? 'subform' : 'card', 'aria-label': options.title ?? 'Add a note' },
    [
      options.onDemand ? null : h('h2', {}, options.title ?? 'Add a note'),
      field('Note', text, t('form.noteHint')),
      boxes.length
        ? h(
            'fieldset',
            { class: 'roles' },
            h('legend', {}, 'Visible to (leave all unchecked for everyone)'),
            ...boxes.map((box) => h('label', { class: 'check' }, box, ` ${roleLabel(box.value)}`)),
          )
        : h('p', { class: 'muted' }, `Visible to ${options.onlyFor!.map(roleLabel).join(', ')} only.`),
      h('button', { type: 'submit' }, 'Add note'),
    ],
    () => {
      const value = text.value.trim();
      if (!value) return;
      const visibleTo = options.onlyFor ?? boxes.filter((b) => b.checked).map((b) => b.value);
      const data: Record<string, unknown> = visibleTo.length ? { text: value, visibleTo } : { text: value };
      const short = value.length > 40 ? `${value.slice(0, 40)}…` : value;
      store.send('note.add', data, `Note “${short}”`, {
        onOk: () => {
          if (text.value.trim() === value) text.value = '';
          for (const b of boxes) b.checked = false;
        },
      });
    },
  );
  if (options.onDemand) return onDemand(store, scope, t('form.note'), el, () => store.may('note.add'));
  const render = () => {
    el.hidden = !store.may('note.add');
  };
  scope.on(store, (c) => c.type === 'room' && render());
  render();
  return el;
}
