import { afterEach, describe, expect, it, vi } from 'vitest';
import { RoomConnection, type SocketLike, backoffDelay, eraseContentInPlace, goingAwayDelay, mergeBySeq, mergeBySeqInPlace, newCommandId } from './socket';
import type { RoomEvent } from './types';

const seqs = (list: readonly { seq: number }[]) => list.map((e) => e.seq);
const e = (seq: number, tag = '') => ({ seq, tag });

describe('mergeBySeq', () => {
  it('appends events in order', () => {
    expect(seqs(mergeBySeq([e(1), e(2)], [e(3), e(4)]))).toEqual([1, 2, 3, 4]);
  });

  it('drops duplicates, keeping the first one seen', () => {
    const merged = mergeBySeq([e(1, 'a'), e(2, 'a'), e(3, 'a')], [e(2, 'b'), e(3, 'b'), e(4, 'b')]);
    expect(seqs(merged)).toEqual([1, 2, 3, 4]);
    expect(merged.map((x) => x.tag)).toEqual(['a', 'a', 'a', 'b']);
  });

  it('drops duplicates within one batch', () => {
    expect(seqs(mergeBySeq([], [e(5), e(5), e(6), e(5)]))).toEqual([5, 6]);
  });

  it('puts out-of-order events in their place', () => {
    expect(seqs(mergeBySeq([e(1), e(4)], [e(3), e(2), e(6), e(5)]))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(seqs(mergeBySeq([e(5)], [e(1)]))).toEqual([1, 5]);
  });

  it('tolerates gaps (events not visible to this member)', () => {
    expect(seqs(mergeBySeq([e(1), e(7)], [e(4), e(9)]))).toEqual([1, 4, 7, 9]);
  });

  it('does not change its input', () => {
    const list = [e(1), e(3)];
    mergeBySeq(list, [e(2)]);
    expect(seqs(list)).toEqual([1, 3]);
  });

  it('is idempotent and order-independent over any mix of replays', () => {
    const all = Array.from({ length: 30 }, (_, i) => e(i + 1));
    const shuffled = [...all, ...all.slice(10, 20)].sort((a, b) => ((a.seq * 7919) % 31) - ((b.seq * 7919) % 31));
    const merged = mergeBySeq([], shuffled);
    expect(seqs(merged)).toEqual(seqs(all));
    expect(seqs(mergeBySeq(merged, shuffled))).toEqual(seqs(all));
  });
});

describe('mergeBySeqInPlace', () => {
  it('merges into the list itself, with mergeBySeq\'s order and no duplicates', () => {
    const list = [e(1), e(3)];
    const merged = mergeBySeqInPlace(list, [e(4), e(2), e(3)]);
    expect(merged).toBe(list);
    expect(seqs(list)).toEqual([1, 2, 3, 4]);
  });

  it('appends a long run of events without copying the list (linear, not quadratic)', () => {
    const list: { seq: number; tag: string }[] = [];
    const start = performance.now();
    for (let seq = 1; seq <= 200_000; seq++) mergeBySeqInPlace(list, [e(seq)]);
    expect(list).toHaveLength(200_000);
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});

describe('eraseContentInPlace', () => {
  const event = (seq: number, kind: string, data: Record<string, unknown>): RoomEvent =>
    ({ type: 'event', roomId: 'r', seq, at: 't', kind, data, hash: `h${seq}` }) as RoomEvent;

  it('drops the data of the entry an event.erased names, and nothing else', () => {
    const list = [event(1, 'note.added', { text: 'Call Jane Roe' }), event(2, 'note.added', { text: 'kept' })];
    const erasure = event(3, 'event.erased', { seq: 1, reason: 'GDPR' });
    list.push(erasure);
    expect(eraseContentInPlace(list, erasure)).toBe(true);
    expect(list[0]).toEqual({ ...event(1, 'note.added', {}), erased: true });
    expect(list[1]!.data).toEqual({ text: 'kept' });
    expect(eraseContentInPlace(list, erasure)).toBe(false);
    expect(eraseContentInPlace(list, event(4, 'note.added', { seq: 2 }))).toBe(false);
  });
});

describe('backoffDelay', () => {
  it('doubles from half a second and stays at or under ten seconds', () => {
    expect(backoffDelay(0, 1)).toBe(500);
    expect(backoffDelay(1, 1)).toBe(1000);
    expect(backoffDelay(3, 1)).toBe(4000);
    expect(backoffDelay(10, 1)).toBe(10_000);
    expect(backoffDelay(50, 1)).toBe(10_000);
    expect(backoffDelay(2, 0)).toBe(1500);
  });
});

describe('goingAwayDelay', () => {
  it('is a random moment in the window the server names', () => {
    const reason = 'the server is restarting: reconnect at a random moment within 5 s';
    expect(goingAwayDelay(reason, 0)).toBe(0);
    expect(goingAwayDelay(reason, 0.5)).toBe(2500);
    expect(goingAwayDelay(reason, 1)).toBe(5000);
  });
  it('spreads over 5 s when the reason names no window, and never over a minute', () => {
    expect(goingAwayDelay('', 1)).toBe(5000);
    expect(goingAwayDelay('within 3600 s', 1)).toBe(60_000);
  });
});

describe('newCommandId', () => {
  it('is unique and at most 64 characters', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newCommandId()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(64);
  });
});

// --- The connection, against a fake socket -------------------------------------------------

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
    this.onopen?.(new Event('open'));
  }
  frame(data: unknown) {
    this.onmessage?.({ data: JSON.stringify(data) } as MessageEvent);
  }
  drop(code?: number, reason = '') {
    this.readyState = 3;
    this.onclose?.({ code, reason } as CloseEvent);
  }
}

function ev(seq: number, commandId?: string): RoomEvent {
  return {
    type: 'event',
    roomId: 'r1',
    seq,
    at: '2025-01-01T10:00:00Z',
    kind: 'note.added',
    data: { text: `n${seq}` },
    hash: `h${seq}`,
    ...(commandId ? { commandId } : {}),
  };
}

function welcome(seq: number) {
  return {
    type: 'welcome',
    roomId: 'r1',
    seq,
    you: { userId: 'u1', displayName: 'Alice', roles: ['incident_commander'] },
    room: { id: 'r1', seq, members: [], notes: [] },
  };
}

describe('RoomConnection', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  function setup(historyOverRest = false) {
    vi.useFakeTimers();
    const sockets: FakeSocket[] = [];
    const statuses: string[] = [];
    const seen: number[] = [];
    const results: unknown[] = [];
    const cans: unknown[] = [];
    const connection = new RoomConnection({
      url: (since) => `ws://test/ws/rooms/r1?token=t&since=${since}`,
      createSocket: (url) => {
        const s = new FakeSocket(url);
        sockets.push(s);
        return s;
      },
      onWelcome: () => {},
      onEvent: (event) => seen.push(event.seq),
      onResult: (frame) => results.push(frame),
      onCan: (frame) => cans.push(frame.can),
      onError: () => {},
      onStatus: (s) => statuses.push(s.state === 'resumed' ? `resumed@${s.since}` : s.state),
      historyOverRest,
    });
    /** Starts, and the first socket opens and is welcomed at seq 0. */
    const live = () => {
      connection.start();
      sockets[0]!.open();
      sockets[0]!.frame(welcome(0));
    };
    return { connection, sockets, statuses, seen, results, cans, live };
  }

  it('opens each connection with a URL it first asks for (a fresh one-use ticket), and retries when none comes', async () => {
    vi.useFakeTimers();
    const sockets: FakeSocket[] = [];
    const statuses: string[] = [];
    let tickets = 0;
    let failNext = false;
    const connection = new RoomConnection({
      url: async (since) => {
        if (failNext) {
          failNext = false;
          throw new Error('no ticket');
        }
        tickets += 1;
        return `ws://test/ws/rooms/r1?ticket=t${tickets}&since=${since}`;
      },
      createSocket: (url) => {
        const s = new FakeSocket(url);
        sockets.push(s);
        return s;
      },
      onWelcome: () => {},
      onEvent: () => {},
      onResult: () => {},
      onError: () => {},
      onStatus: (s) => statuses.push(s.state),
    });
    connection.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(sockets.map((s) => s.url)).toEqual(['ws://test/ws/rooms/r1?ticket=t1&since=0']);
    sockets[0]!.open();
    sockets[0]!.frame(welcome(0));
    failNext = true;
    sockets[0]!.drop();
    await vi.advanceTimersByTimeAsync(10_000); // the ticket is refused: no socket, another try later
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sockets.map((s) => s.url)).toEqual([
      'ws://test/ws/rooms/r1?ticket=t1&since=0',
      'ws://test/ws/rooms/r1?ticket=t2&since=0',
    ]);
    expect(statuses.filter((s) => s === 'reconnecting').length).toBeGreaterThanOrEqual(2);
    connection.stop();
  });

  it('after a 1001 from a draining server, reconnects once within the window the reason names, resuming from its last seq', async () => {
    const { connection, sockets, statuses } = setup();
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.4);
    connection.start();
    sockets[0]!.open();
    sockets[0]!.frame(welcome(0));
    sockets[0]!.frame(ev(1));
    sockets[0]!.drop(1001, 'the server is restarting: reconnect at a random moment within 5 s');
    await vi.advanceTimersByTimeAsync(1_999);
    expect(sockets.length).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets.length).toBe(2);
    expect(sockets[1]!.url).toBe('ws://test/ws/rooms/r1?token=t&since=1');
    expect(statuses).toContain('reconnecting');
    random.mockRestore();
    connection.stop();
  });

  it('keeps one timeline, grown in place, and passes `can` frames on', () => {
    const { connection, sockets, cans } = setup();
    connection.start();
    sockets[0]!.open();
    sockets[0]!.frame(welcome(0));
    const timeline = connection.timeline;
    for (const s of [1, 2, 3]) sockets[0]!.frame(ev(s));
    sockets[0]!.frame({ type: 'can', roomId: 'r1', seq: 3, can: ['note.add'] });
    expect(connection.timeline).toBe(timeline);
    expect(timeline.map((x) => x.seq)).toEqual([1, 2, 3]);
    expect(cans).toEqual([['note.add']]);
    connection.stop();
  });

  it('reconnects with since = last seq, and shows no event twice', async () => {
    const { connection, sockets, statuses, seen } = setup();
    connection.start();
    expect(sockets[0]!.url).toContain('since=0');
    sockets[0]!.open();
    sockets[0]!.frame(welcome(3));
    for (const s of [1, 2, 3, 4]) sockets[0]!.frame(ev(s));
    sockets[0]!.frame(ev(3)); // a duplicate frame
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(statuses).toEqual(['connecting', 'live']);

    sockets[0]!.drop();
    expect(statuses.at(-1)).toBe('reconnecting');
    expect(connection.ready).toBe(false);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sockets).toHaveLength(2);
    expect(sockets[1]!.url).toContain('since=4');

    sockets[1]!.open();
    sockets[1]!.frame(welcome(6));
    // the server replays from since; an overlap and a reordering must not duplicate or misorder
    for (const s of [4, 6, 5]) sockets[1]!.frame(ev(s));
    expect(statuses.at(-1)).toBe('resumed@4');
    expect(seen).toEqual([1, 2, 3, 4, 6, 5]);
    expect(connection.timeline.map((x) => x.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(connection.lastSeq).toBe(6);
    connection.stop();
  });

  it('firstConnection_asksForNoHistory_andReconnectResumesAfterItsWelcome_whenHistoryIsReadOverRest', async () => {
    const { connection, sockets, seen } = setup(true);
    connection.start();
    expect(sockets[0]!.url).toContain('since=null');
    sockets[0]!.open();
    sockets[0]!.frame(welcome(20_000));
    sockets[0]!.frame(ev(20_001)); // live
    sockets[0]!.drop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sockets[1]!.url).toContain('since=20001');
    sockets[1]!.open();
    sockets[1]!.frame(welcome(20_001));
    sockets[1]!.drop(); // dropped again before any event: still resumes after what came live, not from 0
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sockets[2]!.url).toContain('since=20001');
    expect(seen).toEqual([20_001]);
    connection.stop();
  });

  it('resumesAfterTheWelcome_notFromZero_whenDroppedBeforeAnyEvent_withHistoryOverRest', async () => {
    const { connection, sockets } = setup(true);
    connection.start();
    sockets[0]!.open();
    sockets[0]!.frame(welcome(500));
    sockets[0]!.drop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sockets[1]!.url).toContain('since=500');
    connection.stop();
  });

  it('addHistory_putsOlderPagesInFront_andReportsEachNewEventOnce', () => {
    const { connection, sockets, seen } = setup(true);
    connection.start();
    sockets[0]!.open();
    sockets[0]!.frame(welcome(6));
    sockets[0]!.frame(ev(7));
    const timeline = connection.timeline;
    connection.addHistory([ev(4), ev(5), ev(6)] as RoomEvent[]); // the newest page, read first
    connection.addHistory([ev(1), ev(2), ev(3)] as RoomEvent[]); // then the one before it
    connection.addHistory([ev(3), ev(6), ev(7)] as RoomEvent[]); // an overlap changes nothing
    expect(connection.timeline).toBe(timeline);
    expect(seqs(connection.timeline)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(seen).toEqual([7, 4, 5, 6, 1, 2, 3]);
    connection.stop();
  });

  it('sends commands only when welcomed, and passes results on', () => {
    const { connection, sockets, results } = setup();
    connection.start();
    expect(connection.command('note.add', { text: 'x' })).toBeNull();
    sockets[0]!.open();
    sockets[0]!.frame(welcome(0));
    const id = connection.command('note.add', { text: 'hello' });
    expect(id).toBeTruthy();
    expect(JSON.parse(sockets[0]!.sent.at(-1)!)).toEqual({
      type: 'command',
      commandId: id,
      name: 'note.add',
      data: { text: 'hello' },
    });
    sockets[0]!.frame({ type: 'result', commandId: id, ok: false, error: { code: 'forbidden', message: 'no' } });
    expect(results).toHaveLength(1);
    connection.stop();
  });

  it('sends a command left unanswered by a dropped connection again after the welcome, with the same commandId', async () => {
    const { connection, sockets, results, live } = setup();
    live();
    const id = connection.command('note.add', { text: 'lost?' })!;
    const answered = connection.command('note.add', { text: 'answered' })!;
    sockets[0]!.frame(ev(1, answered));
    sockets[0]!.drop(1006);
    await vi.advanceTimersByTimeAsync(10_000);
    sockets[1]!.open();
    sockets[1]!.frame(welcome(1));
    const resent = sockets[1]!.sent.map((text) => JSON.parse(text) as { commandId: string; data: unknown });
    expect(resent).toEqual([{ type: 'command', commandId: id, name: 'note.add', data: { text: 'lost?' } }]);
    // The server appends it once and answers a repeat with the first result: either settles it, once.
    sockets[1]!.frame({ type: 'result', commandId: id, ok: true, seq: 2 });
    expect(results).toEqual([{ type: 'result', commandId: id, ok: true, seq: 2 }]);
    sockets[1]!.drop(1006);
    await vi.advanceTimersByTimeAsync(10_000);
    sockets[2]!.open();
    sockets[2]!.frame(welcome(2));
    expect(sockets[2]!.sent).toEqual([]);
    connection.stop();
  });

  it('does not report a command a draining server took nothing of (unavailable): sends it again after reconnecting', async () => {
    const { connection, sockets, results, live } = setup();
    vi.spyOn(Math, 'random').mockReturnValue(0);
    live();
    const id = connection.command('decision.propose', { question: 'Pay?' })!;
    sockets[0]!.frame({ type: 'result', commandId: id, ok: false, error: { code: 'unavailable', message: 'the server is restarting' } });
    sockets[0]!.drop(1001, 'the server is restarting: reconnect at a random moment within 2 s');
    expect(results).toEqual([]);
    await vi.advanceTimersByTimeAsync(0);
    sockets[1]!.open();
    sockets[1]!.frame(welcome(0));
    expect(sockets[1]!.sent.map((text) => (JSON.parse(text) as { commandId: string }).commandId)).toEqual([id]);
    sockets[1]!.frame(ev(1, id));
    sockets[1]!.frame({ type: 'result', commandId: id, ok: true, seq: 1 });
    expect(results).toEqual([{ type: 'result', commandId: id, ok: true, seq: 1 }]);
    vi.restoreAllMocks();
    connection.stop();
  });

  it('sends a command answered unavailable again shortly on a connection that stays open (the database was away)', async () => {
    const { connection, sockets, results, live } = setup();
    live();
    const id = connection.command('note.add', { text: 'during the outage' })!;
    sockets[0]!.frame({ type: 'result', commandId: id, ok: false, error: { code: 'unavailable', message: 'the database cannot be reached' } });
    expect(sockets[0]!.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(sockets[0]!.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets[0]!.sent).toHaveLength(2);
    expect(JSON.parse(sockets[0]!.sent[1]!)).toEqual(JSON.parse(sockets[0]!.sent[0]!));
    // Any other refusal is the answer.
    sockets[0]!.frame({ type: 'result', commandId: id, ok: false, error: { code: 'forbidden', message: 'not yours' } });
    expect(results).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sockets[0]!.sent.filter((text) => text.includes('"command"'))).toHaveLength(2);
    connection.stop();
  });

  it('gives up a command still unanswered two minutes after it was first sent, and says so', async () => {
    const { connection, sockets, results, live } = setup();
    live();
    const id = connection.command('note.add', { text: 'too late' })!;
    sockets[0]!.drop(1006);
    await vi.advanceTimersByTimeAsync(121_000);
    const last = sockets.at(-1)!;
    last.open();
    last.frame(welcome(0));
    expect(last.sent.filter((text) => text.includes(id))).toEqual([]);
    expect(results).toEqual([
      { type: 'result', commandId: id, ok: false, error: { code: 'unavailable', message: expect.stringContaining('two minutes') } },
    ]);
    connection.stop();
  });

  it('stops when told to, without reconnecting', async () => {
    const { connection, sockets, statuses } = setup();
    connection.start();
    sockets[0]!.open();
    connection.stop('left');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(sockets).toHaveLength(1);
    expect(statuses.at(-1)).toBe('stopped');
  });

  it('backs off further on each failed attempt, and stops when the check says so', async () => {
    vi.useFakeTimers();
    const sockets: FakeSocket[] = [];
    const delays: number[] = [];
    let reason: string | null = null;
    const connection = new RoomConnection({
      url: (since) => `ws://x?since=${since}`,
      createSocket: (url) => {
        const s = new FakeSocket(url);
        sockets.push(s);
        return s;
      },
      onWelcome: () => {},
      onEvent: () => {},
      onResult: () => {},
      onError: () => {},
      onStatus: (s) => {
        if (s.state === 'reconnecting') delays.push(s.delayMs);
        if (s.state === 'stopped') reason = s.reason;
      },
      beforeReconnect: async () => (sockets.length >= 4 ? 'no such room' : null),
    });
    connection.start();
    for (let i = 0; i < 4; i++) {
      sockets.at(-1)!.drop();
      await vi.advanceTimersByTimeAsync(10_000);
    }
    expect(delays).toHaveLength(4);
    expect(delays[1]!).toBeGreaterThan(delays[0]!);
    expect(delays[3]!).toBeGreaterThan(delays[2]!);
    expect(Math.max(...delays)).toBeLessThanOrEqual(10_000);
    expect(sockets).toHaveLength(4);
    expect(reason).toBe('no such room');
  });
});
