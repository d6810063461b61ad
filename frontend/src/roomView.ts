// The room view: header, members, live timeline, note form, the IC's controls, command status.
import { ApiError, api, errorText } from './api';
import { type Option, field, h, replace, select, setOptions } from './dom';
import { type ConnectionStatus, RoomConnection, statusText } from './socket';
import { type RoomView, applyEvent, isCommander } from './state';
import { actorLabel, describeEvent, phaseLabel, roleLabel, timeLabel } from './timeline';
import { PHASES, ROLES, SEVERITIES, type ResultFrame, type RoomEvent, type Session } from './types';

const roleOptions: Option[] = ROLES.map((r) => ({ value: r, label: roleLabel(r) }));

interface Pending {
  item: HTMLLIElement;
  label: string;
  onOk?: () => void;
}

/** Renders the room into `main` and connects; returns what closes it. */
export function openRoom(main: HTMLElement, roomId: string, session: Session): () => void {
  let view: RoomView | null = null;
  const pending = new Map<string, Pending>();

  // --- Skeleton ----------------------------------------------------------------------------
  const title = h('h1', { tabindex: -1 }, 'Room');
  const severity = h('span', { class: 'sev' });
  const phase = h('span', { class: 'phase' });
  const conn = h('span', { class: 'conn conn-connecting' }, 'connecting…');
  const verifyBadge = h('span', { class: 'badge', 'aria-live': 'polite' });
  const verifyButton = h('button', { type: 'button', class: 'secondary' }, 'Verify chain');
  const alert = h('p', { class: 'error', role: 'alert' });
  const members = h('ul', { class: 'members' });
  const timeline = h('ol', { class: 'timeline', role: 'log', 'aria-labelledby': 'timeline-title', tabindex: 0 });
  const commands = h('ul', { class: 'commands', 'aria-live': 'polite' });
  const icPanel = h('section', { class: 'card', 'aria-labelledby': 'ic-title', hidden: true });

  replace(
    main,
    h('p', {}, h('a', { href: '/', 'data-nav': true }, '← My rooms')),
    h(
      'header',
      { class: 'room-head' },
      title,
      h(
        'p',
        { class: 'facts' },
        h('span', {}, 'Severity: ', severity),
        h('span', {}, 'Phase: ', phase),
        h('span', { role: 'status' }, 'Connection: ', conn),
      ),
      h('p', { class: 'facts' }, verifyButton, verifyBadge),
      alert,
    ),
    h(
      'div',
      { class: 'room-grid' },
      h(
        'div',
        {},
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'timeline-title' },
          h('h2', { id: 'timeline-title' }, 'Timeline'),
          timeline,
        ),
        noteForm(),
      ),
      h(
        'div',
        {},
        h('section', { class: 'card', 'aria-labelledby': 'members-title' }, h('h2', { id: 'members-title' }, 'Members'), members),
        icPanel,
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'commands-title' },
          h('h2', { id: 'commands-title' }, 'Your commands'),
          commands,
        ),
      ),
    ),
  );

  // --- The connection ----------------------------------------------------------------------
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const connection = new RoomConnection({
    url: (since) =>
      `${scheme}://${location.host}/ws/rooms/${encodeURIComponent(roomId)}?token=${encodeURIComponent(session.token)}&since=${since}`,
    onWelcome: (frame) => {
      view = { room: frame.room, you: frame.you };
      // A resume replays events the snapshot already reflects; applyEvent skips those.
      for (const event of connection.timeline) view = applyEvent(view, event);
      renderRoom();
    },
    onEvent: (event, all) => {
      insertEvent(event, all);
      if (view) {
        view = applyEvent(view, event);
        renderRoom();
      }
      if (event.commandId) settle(event.commandId, true, `done (seq ${event.seq})`);
    },
    onResult: (frame) => onResult(frame),
    onError: (error) => replace(alert, `The server says: ${error.message}`),
    onStatus: (status) => showStatus(status),
    beforeReconnect: async () => {
      try {
        await api.room(roomId);
        return null;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return 'signed out';
        if (e instanceof ApiError && (e.status === 404 || e.status === 403)) return 'no such room, or you are not a member of it';
        return null; // the server is down or restarting: keep trying
      }
    },
  });
  connection.start();

  // --- Rendering ---------------------------------------------------------------------------
  function showStatus(status: ConnectionStatus): void {
    conn.className = `conn conn-${status.state}`;
    replace(conn, statusText(status));
    if (status.state === 'reconnecting') {
      for (const p of pending.values()) {
        replace(p.item, `${p.label}: pending (connection lost; waiting to see whether it went through)`);
      }
    }
    if (status.state === 'stopped') replace(alert, `Not connected: ${status.reason}.`);
    if (status.state === 'live' || status.state === 'resumed') replace(alert);
  }

  function renderRoom(): void {
    if (!view) return;
    const { room, you } = view;
    document.title = `${room.title} · Sitroom`;
    replace(title, room.title);
    severity.className = `sev sev-${room.severity}`;
    replace(severity, room.severity);
    replace(phase, phaseLabel(room.phase));
    replace(
      members,
      ...room.members.map((m) =>
        h(
          'li',
          {},
          h('span', { class: 'name' }, m.displayName, m.userId === you.userId ? ' (you)' : ''),
          ' ',
          ...(m.roles.length ? m.roles : ['no role']).map((r) => h('span', { class: 'chip' }, roleLabel(r))),
        ),
      ),
    );
    renderIcPanel();
  }

  function insertEvent(event: RoomEvent, all: readonly RoomEvent[]): void {
    const atBottom = timeline.scrollHeight - timeline.scrollTop - timeline.clientHeight < 40;
    const index = all.indexOf(event);
    const item = h(
      'li',
      { 'data-seq': event.seq },
      h('time', { datetime: event.at, title: event.at }, timeLabel(event.at)),
      ' ',
      h('span', { class: 'actor' }, actorLabel(event)),
      ' ',
      h('span', { class: 'text' }, describeEvent(event)),
      event.visibleTo?.length ? h('span', { class: 'chip restricted' }, 'restricted') : null,
    );
    timeline.insertBefore(item, timeline.children[index] ?? null);
    if (atBottom) timeline.scrollTop = timeline.scrollHeight;
  }

  // --- Commands ----------------------------------------------------------------------------
  /** Sends a command and lists it as pending; false when not connected. */
  function send(name: string, data: Record<string, unknown>, label: string, onOk?: () => void): boolean {
    const commandId = connection.command(name, data);
    if (!commandId) {
      replace(alert, 'Not connected right now; try again when the connection is live.');
      return false;
    }
    const item = h('li', { class: 'pending' }, `${label}: pending…`);
    commands.prepend(item);
    while (commands.children.length > 8) commands.lastElementChild?.remove();
    pending.set(commandId, onOk ? { item, label, onOk } : { item, label });
    return true;
  }

  function settle(commandId: string, ok: boolean, outcome: string): void {
    const p = pending.get(commandId);
    if (!p) return;
    pending.delete(commandId);
    p.item.className = ok ? 'ok' : 'refused';
    replace(p.item, `${p.label}: ${outcome}`);
    if (ok) p.onOk?.();
  }

  function onResult(frame: ResultFrame): void {
    if (frame.ok) settle(frame.commandId, true, `done (seq ${frame.seq})`);
    else {
      const label = pending.get(frame.commandId)?.label;
      settle(frame.commandId, false, `refused: ${frame.error.message}`);
      replace(alert, `${label ?? 'Command'} was refused: ${frame.error.message}`);
    }
  }

  function noteForm(): HTMLElement {
    const text = h('textarea', { name: 'text', rows: 3, required: true, maxlength: 4000 });
    const boxes = ROLES.map((role) => h('input', { type: 'checkbox', name: 'visibleTo', value: role }));
    const form = h(
      'form',
      { class: 'card', 'aria-labelledby': 'note-title' },
      h('h2', { id: 'note-title' }, 'Add a note'),
      field('Note', text),
      h(
        'fieldset',
        { class: 'roles' },
        h('legend', {}, 'Visible to (leave all unchecked for everyone)'),
        ...boxes.map((box) => h('label', { class: 'check' }, box, ` ${roleLabel(box.value)}`)),
      ),
      h('button', { type: 'submit' }, 'Add note'),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const value = text.value.trim();
      if (!value) return;
      const visibleTo = boxes.filter((b) => b.checked).map((b) => b.value);
      const data: Record<string, unknown> = visibleTo.length ? { text: value, visibleTo } : { text: value };
      const short = value.length > 40 ? `${value.slice(0, 40)}…` : value;
      send('note.add', data, `Note “${short}”`, () => {
        if (text.value.trim() === value) text.value = '';
        for (const b of boxes) b.checked = false;
      });
    });
    return form;
  }

  // --- The incident commander's controls ---------------------------------------------------
  const sevSelect = select('severity', SEVERITIES.map((s) => ({ value: s, label: s })));
  const phaseSelect = select('phase', PHASES.map((p) => ({ value: p, label: phaseLabel(p) })));
  const memberSelect = select('member', []);
  const roleSelect = select('role', roleOptions, 'participant');
  const handRoleSelect = select('role', roleOptions, 'incident_commander');
  const handToSelect = select('toUser', []);
  const userSelect = select('user', []);
  const newRoleSelect = select('role', roleOptions, 'participant');
  const addMessage = h('p', { class: 'error', role: 'alert' });
  let usersLoaded = false;
  let allUsers: Option[] = [];
  let shownSeverity = '';
  let shownPhase = '';

  function memberName(userId: string): string {
    return view?.room.members.find((m) => m.userId === userId)?.displayName ?? userId;
  }

  function onSubmit(form: HTMLFormElement, action: (submitter: HTMLElement | null) => void): HTMLFormElement {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      action(event.submitter);
    });
    return form;
  }

  replace(
    icPanel,
    h('h2', { id: 'ic-title' }, 'Incident commander'),
    onSubmit(h('form', { class: 'row' }, field('Severity', sevSelect), h('button', { type: 'submit' }, 'Set severity')), () =>
      send('room.severity', { severity: sevSelect.value }, `Severity → ${sevSelect.value}`),
    ),
    onSubmit(h('form', { class: 'row' }, field('Phase', phaseSelect), h('button', { type: 'submit' }, 'Set phase')), () =>
      send('room.phase', { phase: phaseSelect.value }, `Phase → ${phaseLabel(phaseSelect.value)}`),
    ),
    onSubmit(
      h(
        'form',
        { 'aria-label': 'Assign or release a role' },
        h('h3', {}, 'Roles'),
        h('div', { class: 'row' }, field('Member', memberSelect), field('Role', roleSelect)),
        h(
          'div',
          { class: 'row' },
          h('button', { type: 'submit', value: 'assign' }, 'Assign role'),
          h('button', { type: 'submit', value: 'release', class: 'secondary' }, 'Release role'),
        ),
      ),
      (submitter) => {
        const release = (submitter as HTMLButtonElement | null)?.value === 'release';
        const data = { userId: memberSelect.value, role: roleSelect.value };
        const who = memberName(memberSelect.value);
        if (!data.userId) return;
        send(
          release ? 'role.release' : 'role.assign',
          data,
          release ? `Release ${roleLabel(data.role)} from ${who}` : `Make ${who} ${roleLabel(data.role)}`,
        );
      },
    ),
    onSubmit(
      h(
        'form',
        { 'aria-label': 'Hand over a role' },
        h('h3', {}, 'Hand over'),
        h('div', { class: 'row' }, field('Role', handRoleSelect), field('To member', handToSelect)),
        h('button', { type: 'submit' }, 'Hand over role'),
      ),
      () => {
        if (!handToSelect.value) return;
        send(
          'role.handover',
          { role: handRoleSelect.value, toUserId: handToSelect.value },
          `Hand ${roleLabel(handRoleSelect.value)} over to ${memberName(handToSelect.value)}`,
        );
      },
    ),
    onSubmit(
      h(
        'form',
        { 'aria-label': 'Add a member' },
        h('h3', {}, 'Add a member'),
        h('div', { class: 'row' }, field('Person', userSelect), field('First role', newRoleSelect)),
        h('button', { type: 'submit' }, 'Add member'),
        addMessage,
      ),
      async () => {
        if (!userSelect.value) return;
        replace(addMessage);
        try {
          await api.addMember(roomId, userSelect.value, [newRoleSelect.value]);
        } catch (e) {
          replace(addMessage, `Could not add: ${errorText(e)}`);
        }
      },
    ),
  );

  function renderIcPanel(): void {
    if (!view || !isCommander(view)) {
      icPanel.hidden = true;
      return;
    }
    icPanel.hidden = false;
    const { room } = view;
    if (room.severity !== shownSeverity) sevSelect.value = shownSeverity = room.severity;
    if (room.phase !== shownPhase) phaseSelect.value = shownPhase = room.phase;
    const memberOptions = room.members.map((m) => ({ value: m.userId, label: m.displayName }));
    setOptions(memberSelect, memberOptions);
    setOptions(handToSelect, memberOptions);
    renderUserOptions();
    if (!usersLoaded) {
      usersLoaded = true;
      api
        .users()
        .then((users) => {
          allUsers = users.map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }));
          renderUserOptions();
        })
        .catch((e: unknown) => {
          usersLoaded = false;
          replace(addMessage, `Could not list people: ${errorText(e)}`);
        });
    }
  }

  function renderUserOptions(): void {
    const inRoom = new Set(view?.room.members.map((m) => m.userId));
    setOptions(
      userSelect,
      allUsers.filter((u) => !inRoom.has(u.value)),
    );
  }

  // --- Verify ------------------------------------------------------------------------------
  verifyButton.addEventListener('click', async () => {
    verifyButton.disabled = true;
    verifyBadge.className = 'badge';
    replace(verifyBadge, 'verifying…');
    try {
      const report = await api.verify(roomId);
      verifyBadge.className = report.ok ? 'badge badge-ok' : 'badge badge-bad';
      replace(
        verifyBadge,
        report.ok
          ? `✓ chain intact: ${report.events} events`
          : `✗ chain broken${report.firstBadSeq != null ? ` at seq ${report.firstBadSeq}` : ''} (${report.events} events)`,
      );
    } catch (e) {
      verifyBadge.className = 'badge badge-bad';
      replace(verifyBadge, `could not verify: ${errorText(e)}`);
    } finally {
      verifyButton.disabled = false;
    }
  });

  return () => connection.stop('left the room');
}
