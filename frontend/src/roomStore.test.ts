// The store against a fake socket and a watched api: after the welcome it never fetches the snapshot
// (nor the exercise) again, whatever the events; it keeps its view from the events and `can` frames;
// a reconnect resumes with since= and its welcome replaces the state.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from './api';
import { setLocale } from './i18n';
import { RoomStore } from './roomStore';
import type { SocketLike } from './socket';
import type { RoomEvent, RoomSnapshot, Session } from './types';

class FakeSocket implements SocketLike {
  readyState = 0;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  sent: string[] = [];
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
  }
  frame(data: unknown) {
    this.onmessage?.({ data: JSON.stringify(data) } as MessageEvent);
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({} as CloseEvent);
  }
}

const session: Session = { expiresAt: '2099-01-01T00:00:00Z', user: { id: 'u1', username: 'ines', displayName: 'Ines' } };

function snapshot(seq: number): RoomSnapshot {
  return {
    id: 'r1',
    kind: 'INCIDENT',
    title: 'T',
    severity: 'SEV3',
    phase: 'detection',
    createdAt: '2026-01-01T10:00:00.000Z',
    createdBy: 'u1',
    seq,
    headHash: 'h',
    members: [{ userId: 'u1', displayName: 'Ines', roles: ['incident_commander'] }],
    can: ['decision.propose', 'note.add'],
    notes: [],
    decisions: [],
    actions: [],
    updates: [],
    nextUpdateDue: null,
    lastUpdateAt: null,
    statements: [],
    acks: [],
  };
}

const IC = { userId: 'u1', displayName: 'Ines', roles: ['incident_commander'] };

function event(seq: number, kind: string, data: Record<string, unknown>): RoomEvent {
  return { type: 'event', roomId: 'r1', seq, at: '2026-01-01T10:00:00.000Z', kind, actor: IC, data, hash: `h${seq}` };
}

/** An event of every section, in turn: 200 of them change a section each. */
function sectionEvent(seq: number): RoomEvent {
  const i = seq % 10;
  const id = `id-${seq}`;
  switch (i) {
    case 0:
      return event(seq, 'decision.proposed', { decisionId: id, title: 't', options: [], choice: 'c', rationale: 'r', approvers: ['legal'] });
    case 1:
      return event(seq, 'action.created', { actionId: id, title: 't', riskScore: seq % 7, risk: { likelihood: 1, impact: 1, exposure: 1, effort: 1 } });
    case 2:
      return event(seq, 'action.updated', { actionId: `id-${seq - 1}`, from: 'open', to: 'done' });
    case 3:
      return event(seq, 'update.posted', { audience: 'all', summary: `s${seq}` });
    case 4:
      return event(seq, 'update.rescheduled', { nextDueAt: '2026-01-01T11:00:00Z', lastUpdateAt: '2026-01-01T10:00:00Z' });
    case 5:
      return event(seq, 'statement.drafted', { statementId: id, version: 1, title: 't', body: 'b', channel: 'web', textHash: 'x' });
    case 6:
      return event(seq, 'ack.requested', { ackId: id, about: 1, roles: ['legal'], dueAt: '2026-01-01T10:15:00Z' });
    case 7:
      return event(seq, 'room.severity_changed', { from: 'SEV3', to: seq % 2 ? 'SEV2' : 'SEV3' });
    case 8:
      return event(seq, 'member.added', { userId: `m${seq}`, displayName: `M${seq}`, roles: ['scribe'], rolesAfter: { [`m${seq}`]: ['scribe'] } });
    default:
      return event(seq, 'role.assigned', { userId: 'u1', role: 'scribe', rolesAfter: { u1: seq % 2 ? ['incident_commander', 'scribe'] : ['incident_commander'] } });
  }
}

describe('RoomStore', () => {
  let sockets: FakeSocket[];
  let room: ReturnType<typeof vi.spyOn>;
  let exercise: ReturnType<typeof vi.spyOn>;
  let probe: ReturnType<typeof vi.spyOn>;

  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
    room = vi.spyOn(api, 'room').mockResolvedValue(snapshot(0));
    exercise = vi.spyOn(api, 'exercise').mockRejectedValue(new Error('not expected'));
    probe = vi.spyOn(api, 'probe').mockResolvedValue({});
  });

  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  function start(): RoomStore {
    return new RoomStore('r1', session, {
      url: (since) => `ws://test/ws/rooms/r1?since=${since}`,
      createSocket: (url) => {
        const s = new FakeSocket(url);
        sockets.push(s);
        return s;
      },
    }).start();
  }

  it('fetches no snapshot after the welcome, across 200 events that change sections', async () => {
    const store = start();
    sockets[0]!.open();
    sockets[0]!.frame({ type: 'welcome', roomId: 'r1', seq: 10, you: IC, room: snapshot(10) });
    for (let seq = 11; seq <= 210; seq++) {
      sockets[0]!.frame(sectionEvent(seq));
      if (seq % 10 === 9) sockets[0]!.frame({ type: 'can', roomId: 'r1', seq, can: seq % 2 ? ['note.add', 'update.post'] : ['note.add'] });
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(10_000); // a refresh put off by a timer would have run by now
    expect(room).not.toHaveBeenCalled();
    expect(exercise).not.toHaveBeenCalled();
    expect(probe).not.toHaveBeenCalled();
    // ... and the view kept up from the events alone.
    expect(store.room!.seq).toBe(210);
    expect(store.room!.decisions).toHaveLength(20);
    expect(store.room!.actions).toHaveLength(20);
    expect(store.room!.actions!.every((a) => a.status === 'done')).toBe(true);
    expect(store.room!.statements).toHaveLength(20);
    expect(store.room!.acks).toHaveLength(20);
    expect(store.room!.updates!.map((u) => u.data.summary)).toEqual(['s203']);
    expect(store.room!.nextUpdateDue).toBe('2026-01-01T11:00:00.000Z');
    expect(store.room!.members).toHaveLength(21);
    expect(store.myRoles).toEqual(['incident_commander', 'scribe']);
    expect(store.can).toEqual(['note.add', 'update.post']);
    expect(store.timeline).toHaveLength(200);
    store.stop();
  });

  it('says in German that it is not connected, and takes that back once the connection is live, whatever the language', async () => {
    setLocale('de');
    try {
      const store = start();
      expect(store.send('note.add', { text: 'x' }, 'Notiz')).toBe(false);
      expect(store.alert).toBe('Gerade besteht keine Verbindung; versuchen Sie es erneut, sobald sie wieder steht.');
      sockets[0]!.open();
      sockets[0]!.frame({ type: 'welcome', roomId: 'r1', seq: 2, you: IC, room: snapshot(2) });
      expect(store.alert).toBe(''); // a flag, not the English prefix, says the alert was about the connection
      expect(store.send('note.add', { text: 'x' }, 'Notiz')).toBe(true);
      expect(store.commands[0]!.outcome).toBe('ausstehend…');
      store.setAlert('Bitte eine Rolle wählen.');
      sockets[0]!.drop();
      await vi.advanceTimersByTimeAsync(10_000);
      expect(store.commands[0]!.outcome).toBe('ausstehend (Verbindung unterbrochen; wird nach dem Wiederverbinden erneut gesendet und höchstens einmal erfasst)');
      sockets[1]!.open();
      sockets[1]!.frame({ type: 'welcome', roomId: 'r1', seq: 2, you: IC, room: snapshot(2) });
      expect(store.alert).toBe('Bitte eine Rolle wählen.'); // other alerts stay until dismissed
      store.stop();
    } finally {
      setLocale('en');
    }
  });

  it('resumes with since= and takes the new welcome as its state, never the snapshot endpoint', async () => {
    const store = start();
    sockets[0]!.open();
    sockets[0]!.frame({ type: 'welcome', roomId: 'r1', seq: 2, you: IC, room: snapshot(2) });
    sockets[0]!.frame(sectionEvent(3));
    sockets[0]!.drop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(probe).toHaveBeenCalledTimes(1); // only to decide whether to reconnect
    expect(sockets[1]!.url).toContain('since=3');
    sockets[1]!.open();
    const fresh = { ...snapshot(5), title: 'Renamed', severity: 'SEV1' };
    sockets[1]!.frame({ type: 'welcome', roomId: 'r1', seq: 5, you: IC, room: fresh });
    sockets[1]!.frame(sectionEvent(4)); // replayed: the welcome already reflects it
    sockets[1]!.frame(sectionEvent(5));
    sockets[1]!.frame(sectionEvent(6));
    expect(store.room!.title).toBe('Renamed');
    expect(store.room!.severity).toBe('SEV1');
    expect(store.room!.statements).toHaveLength(0); // seq 5 was in the welcome
    expect(store.room!.acks).toHaveLength(1); // seq 6 came after it
    expect(room).not.toHaveBeenCalled();
    store.stop();
  });

  it('readsTheNewestEventsFirst_thenTheRestOfTheLog_inPages_whenHistoryIsReadOverRest', async () => {
    const pages: [number, number][] = [];
    const history = async (since: number, limit: number) => {
      pages.push([since, limit]);
      return Array.from({ length: limit }, (_, i) => event(since + i + 1, 'note.added', { text: `n${since + i + 1}` }));
    };
    const changes: string[] = [];
    const store = new RoomStore('r1', session, {
      url: (since) => `ws://test/ws/rooms/r1${since === null ? '' : `?since=${since}`}`,
      createSocket: (url) => {
        const s = new FakeSocket(url);
        sockets.push(s);
        return s;
      },
      history,
    }).start();
    store.subscribe((c) => changes.push(c.type));
    expect(sockets[0]!.url).toBe('ws://test/ws/rooms/r1'); // no history over the socket
    expect(store.historyComplete).toBe(false);
    sockets[0]!.open();
    sockets[0]!.frame({ type: 'welcome', roomId: 'r1', seq: 2_500, you: IC, room: snapshot(2_500) });
    sockets[0]!.frame(event(2_501, 'note.added', { text: 'live' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(pages).toEqual([
      [2_300, 200],
      [1_300, 1_000],
      [300, 1_000],
      [0, 300],
    ]);
    expect(store.timeline.map((e) => e.seq)).toEqual(Array.from({ length: 2_501 }, (_, i) => i + 1));
    expect(store.historyComplete).toBe(true);
    expect(changes.filter((c) => c === 'event')).toHaveLength(2_501);
    expect(changes.at(-1)).toBe('history');
    expect(store.room!.seq).toBe(2_501);
    store.stop();
  });
});
