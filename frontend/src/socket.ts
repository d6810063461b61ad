// The room connection: a WebSocket that reconnects with backoff and resumes from the last seq,
// keeping one timeline ordered by seq with no event twice.
import { t } from './messages/connection';
import type { ApiErrorBody, CanFrame, CommandFrame, ResultFrame, RoomEvent, ServerFrame, WelcomeFrame } from './types';

/**
 * Pure: `list` (ordered by seq, no duplicates) with `incoming` merged in. Frames may repeat
 * (a resume replays what was already seen) or arrive out of order; the result is still
 * ordered by seq with one entry per seq, the first one seen winning. `list` is not changed.
 */
export function mergeBySeq<T extends { seq: number }>(list: readonly T[], incoming: readonly T[]): T[] {
  return mergeBySeqInPlace(list.slice(), incoming);
}

/**
 * `mergeBySeq` into `list` itself, which it returns: the next event (the usual case) is pushed, in
 * amortised constant time, so a long incident's timeline is never copied per event; a repeat is
 * dropped and an out-of-order event goes to its place (binary search).
 */
export function mergeBySeqInPlace<T extends { seq: number }>(list: T[], incoming: readonly T[]): T[] {
  const result = list;
  for (const item of incoming) {
    const last = result[result.length - 1];
    if (last === undefined || item.seq > last.seq) {
      result.push(item); // the usual case: the next event
      continue;
    }
    let lo = 0;
    let hi = result.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (result[mid]!.seq < item.seq) lo = mid + 1;
      else hi = mid;
    }
    if (result[lo]?.seq !== item.seq) result.splice(lo, 0, item);
  }
  return result;
}

/**
 * Pure on the entry: when `event` erased an earlier event's content (`event.erased`, naming its seq), the
 * entry for that seq in `list` (ordered by seq) is replaced by one without its data, so that what was erased
 * does not stay on screen or in memory. Returns whether an entry was replaced.
 */
export function eraseContentInPlace(list: RoomEvent[], event: RoomEvent): boolean {
  const seq = erasedSeq(event);
  const at = seq === undefined ? -1 : indexOfSeq(list, seq);
  const entry = list[at];
  if (!entry || entry.erased) return false;
  list[at] = { ...entry, data: {}, erased: true };
  return true;
}

/** The seq whose content `event` erased, when it is an `event.erased`. */
export function erasedSeq(event: RoomEvent): number | undefined {
  const seq = event.kind === 'event.erased' ? event.data?.seq : undefined;
  return typeof seq === 'number' ? seq : undefined;
}

/** Pure: where the entry with this seq is in `list` (ordered by seq), or -1 (binary search). */
export function indexOfSeq(list: readonly { seq: number }[], seq: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.seq < seq) lo = mid + 1;
    else hi = mid;
  }
  return list[lo]?.seq === seq ? lo : -1;
}

function isOrdered(page: readonly { seq: number }[]): boolean {
  for (let i = 1; i < page.length; i++) if (page[i]!.seq <= page[i - 1]!.seq) return false;
  return true;
}

/** Pure: the wait before reconnect attempt `attempt` (0-based): 0.5 s doubling, at most 10 s, with jitter. */
export function backoffDelay(attempt: number, random: number = Math.random()): number {
  const base = Math.min(10_000, 500 * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.75 + 0.25 * random));
}

/** WebSocket close code 1001 (Going Away): the server is restarting or draining, and every client it had comes back. */
export const GOING_AWAY = 1001;
/** How widely the reconnects after a 1001 are spread when the server's reason names no window. */
const DEFAULT_GOING_AWAY_WINDOW_MS = 5_000;

/**
 * Pure: the wait before reconnecting after the server closed with 1001. The server names a window in its
 * reason ("... within 5 s"); a uniformly random moment in it spreads the node's clients over the surviving
 * nodes' welcome queues instead of bringing them all back in the same instant.
 */
export function goingAwayDelay(reason: string, random: number = Math.random()): number {
  const named = /within (\d+(?:\.\d+)?) ?s\b/.exec(reason);
  const windowMs = named ? Math.min(60_000, Number(named[1]) * 1000) : DEFAULT_GOING_AWAY_WINDOW_MS;
  return Math.round(windowMs * random);
}

let counter = 0;
/** A command id unique enough for one client (also where crypto.randomUUID is missing: plain http). */
export function newCommandId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  const random = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  counter += 1;
  return `c-${Date.now().toString(36)}-${counter.toString(36)}-${random}`;
}

export type ConnectionStatus =
  | { state: 'connecting' }
  | { state: 'live' }
  | { state: 'resumed'; since: number }
  | { state: 'reconnecting'; attempt: number; delayMs: number }
  | { state: 'stopped'; reason: string };

export function statusText(status: ConnectionStatus): string {
  switch (status.state) {
    case 'connecting':
      return t('status.connecting');
    case 'live':
      return t('status.live');
    case 'resumed':
      // A seq is an identifier, not an amount: no digit grouping.
      return t('status.resumed', { since: String(status.since) });
    case 'reconnecting':
      return t('status.reconnecting');
    case 'stopped':
      return t('status.stopped', { reason: status.reason });
  }
}

/** The part of the browser's WebSocket this class uses, so tests can hand in a fake. */
export interface SocketLike {
  readyState: number;
  onopen: ((ev: Event) => unknown) | null;
  onmessage: ((ev: MessageEvent) => unknown) | null;
  onclose: ((ev: CloseEvent) => unknown) | null;
  onerror: ((ev: Event) => unknown) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface RoomConnectionOptions {
  /**
   * The socket URL for a connection that resumes after `since` (null: one that asks for no history, only
   * what follows its welcome; see `historyOverRest`); a promise when it must first be asked for (the
   * web app fetches a one-use ticket for each connection, so that no token ever goes into a URL).
   */
  url: (since: number | null) => string | Promise<string>;
  onWelcome: (frame: WelcomeFrame) => void;
  /** A new event was merged in; `timeline` is the whole ordered timeline. */
  onEvent: (event: RoomEvent, timeline: readonly RoomEvent[]) => void;
  /** What this member may issue changed (after an event that changed their roles or the room's phase). */
  onCan?: (frame: CanFrame) => void;
  onResult: (frame: ResultFrame) => void;
  onError: (error: ApiErrorBody) => void;
  onStatus: (status: ConnectionStatus) => void;
  /**
   * Asked before each reconnect: null to go on, or the reason to stop trying (signed out, room gone).
   * Only that: the state always comes from the new connection's welcome.
   */
  beforeReconnect?: () => Promise<string | null>;
  createSocket?: (url: string) => SocketLike;
  /**
   * The first connection asks for no history (`since` left out): the caller reads the log before the
   * welcome over REST, newest page first, and hands it in with `addHistory`. A long room then opens
   * with its newest events instead of replaying its whole log first. Reconnects resume as always.
   */
  historyOverRest?: boolean;
  pingEveryMs?: number;
  /** A connection that has sent nothing for this long is taken for dead. */
  silenceMs?: number;
}

const OPEN = 1;

/**
 * How long after it was first sent a command the server has not answered is still sent again: after a
 * reconnect (the connection dropped before its result came), or when the server answered `unavailable`
 * (a draining server "took nothing", or its database was away). The same commandId goes out each time, so the
 * server appends it at most once and answers a repeat with the first result. Older ones are given up, with
 * a refusal the member sees: a decision taken minutes later than meant is not what they asked for.
 */
export const RESEND_WITHIN_MS = 120_000;
/** The wait before sending again a command answered `unavailable` on a connection that stays open (a database outage). */
export const UNAVAILABLE_RETRY_MS = 2_000;

export class RoomConnection {
  private socket: SocketLike | null = null;
  /** Ordered by seq, one entry per seq; only ever grows, in place (see `mergeBySeqInPlace`). */
  private readonly events: RoomEvent[] = [];
  private attempt = 0;
  private welcomed = false;
  private everWelcomed = false;
  private stopped = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private lastFrameAt = 0;
  private resumedFrom = 0;
  /** The welcome's seq of a connection that asked for no history: what follows it came live. */
  private liveFrom = 0;
  private withoutHistory = false;
  /** Counts connection attempts, so that a URL that arrives after a newer attempt (or a stop) is not used. */
  private connectAttempt = 0;
  /** Commands sent and not yet answered (result or event), by commandId, with when they were first sent. */
  private readonly unanswered = new Map<string, { frame: CommandFrame; firstSentAt: number }>();
  private resendTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: RoomConnectionOptions) {}

  /** The highest seq received so far (0 before any event). */
  get lastSeq(): number {
    return this.events[this.events.length - 1]?.seq ?? 0;
  }

  get timeline(): readonly RoomEvent[] {
    return this.events;
  }

  /**
   * Events of the log read some other way (REST pages, with `historyOverRest`), merged in like
   * received ones: each new one is reported through `onEvent`. A page older than everything held
   * (the usual case: read newest first) goes in front in one move.
   */
  addHistory(page: readonly RoomEvent[]): void {
    const first = this.events[0];
    if (first && page.length && page[page.length - 1]!.seq < first.seq && isOrdered(page)) {
      this.events.unshift(...page);
      for (const event of page) this.options.onEvent(event, this.events);
      return;
    }
    for (const event of page) {
      const before = this.events.length;
      mergeBySeqInPlace(this.events, [event]);
      if (this.events.length !== before) {
        eraseContentInPlace(this.events, event);
        this.options.onEvent(event, this.events);
      }
    }
  }

  /** Whether commands can be sent now (connected and welcomed). */
  get ready(): boolean {
    return this.welcomed && this.socket?.readyState === OPEN;
  }

  start(): void {
    this.stopped = false;
    this.connect();
  }

  /** Stops for good; `reason` is shown to the member, in their language. */
  stop(reason = t('reason.closed')): void {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearTimeout(this.resendTimer);
    this.drop();
    this.options.onStatus({ state: 'stopped', reason });
  }

  /** Sends a command; returns its id, or null when not connected. */
  command(name: string, data: Record<string, unknown>): string | null {
    if (!this.ready) return null;
    const frame: CommandFrame = { type: 'command', commandId: newCommandId(), name, data };
    this.unanswered.set(frame.commandId, { frame, firstSentAt: Date.now() });
    this.socket!.send(JSON.stringify(frame));
    return frame.commandId;
  }

  /**
   * Sends again every command still unanswered (same commandId: appended at most once), on a welcomed
   * connection; those first sent more than {@link RESEND_WITHIN_MS} ago are given up and reported refused.
   */
  private resendUnanswered(): void {
    clearTimeout(this.resendTimer);
    const now = Date.now();
    for (const [commandId, { frame, firstSentAt }] of [...this.unanswered]) {
      if (now - firstSentAt > RESEND_WITHIN_MS) {
        this.unanswered.delete(commandId);
        this.options.onResult({
          type: 'result',
          commandId,
          ok: false,
          error: { code: 'unavailable', message: t('command.gaveUp') },
        });
      } else if (this.ready) {
        this.socket!.send(JSON.stringify(frame));
      }
    }
  }

  /** Feeds one received frame (what the socket's onmessage does; public for tests). */
  receive(text: string): void {
    this.lastFrameAt = Date.now();
    let frame: ServerFrame;
    try {
      frame = JSON.parse(text) as ServerFrame;
    } catch {
      return;
    }
    switch (frame.type) {
      case 'welcome': {
        const resumed = this.everWelcomed;
        if (this.withoutHistory) this.liveFrom = Math.max(this.liveFrom, frame.seq);
        this.welcomed = true;
        this.everWelcomed = true;
        this.attempt = 0;
        this.options.onWelcome(frame);
        this.options.onStatus(resumed ? { state: 'resumed', since: this.resumedFrom } : { state: 'live' });
        this.resendUnanswered();
        break;
      }
      case 'event': {
        if (frame.commandId) this.unanswered.delete(frame.commandId);
        const before = this.events.length;
        mergeBySeqInPlace(this.events, [frame]);
        if (this.events.length !== before) {
          eraseContentInPlace(this.events, frame);
          this.options.onEvent(frame, this.events);
        }
        break;
      }
      case 'resync':
        // The member's roles changed: the snapshot for the new roles replaces the state; events follow from its seq.
        this.options.onWelcome(frame);
        break;
      case 'can':
        this.options.onCan?.(frame);
        break;
      case 'result':
        if (!frame.ok && frame.error.code === 'unavailable' && this.unanswered.has(frame.commandId)) {
          // Nothing was appended: sent again once the server can take it (after the reconnect a draining
          // server asks for, or shortly on this connection while its database is away).
          clearTimeout(this.resendTimer);
          this.resendTimer = setTimeout(() => this.resendUnanswered(), UNAVAILABLE_RETRY_MS);
          break;
        }
        this.unanswered.delete(frame.commandId);
        this.options.onResult(frame);
        break;
      case 'error':
        this.options.onError(frame.error);
        break;
      case 'pong':
        break;
    }
  }

  private connect(): void {
    if (this.stopped) return;
    // Always ask for what follows the last event seen: 0 on the first connection brings the
    // room's history, N on a reconnect only what was missed.
    // With history over REST, the first connection asks for none, and a reconnect resumes after
    // what that connection's welcome covered, even before its history has been read.
    this.withoutHistory = !!this.options.historyOverRest && !this.everWelcomed;
    this.resumedFrom = Math.max(this.lastSeq, this.liveFrom);
    const attempt = ++this.connectAttempt;
    const target = this.options.url(this.withoutHistory ? null : this.resumedFrom);
    if (typeof target === 'string') {
      this.open(target);
      return;
    }
    target.then(
      (url) => {
        if (!this.stopped && attempt === this.connectAttempt) this.open(url);
      },
      () => {
        if (!this.stopped && attempt === this.connectAttempt) this.lost(); // no ticket: try again later
      },
    );
  }

  private open(url: string): void {
    const create = this.options.createSocket ?? ((url: string) => new WebSocket(url));
    const socket = create(url);
    this.socket = socket;
    this.welcomed = false;
    this.lastFrameAt = Date.now();
    if (!this.everWelcomed) this.options.onStatus({ state: 'connecting' });
    socket.onmessage = (ev) => {
      if (typeof ev.data === 'string') this.receive(ev.data);
    };
    socket.onclose = (ev) => this.lost(ev);
    socket.onerror = () => {
      /* a close follows */
    };
    const pingEvery = this.options.pingEveryMs ?? 20_000;
    const silence = this.options.silenceMs ?? 50_000;
    clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => {
      if (Date.now() - this.lastFrameAt > silence) {
        this.lost(); // a dead connection that never reported closing
      } else if (socket.readyState === OPEN) {
        socket.send('{"type":"ping"}');
      }
    }, pingEvery);
  }

  /** Forgets the current socket without triggering a reconnect from its close event. */
  private drop(): void {
    clearInterval(this.pingTimer);
    const socket = this.socket;
    this.socket = null;
    this.welcomed = false;
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
      try {
        socket.close();
      } catch {
        /* already closed */
      }
    }
  }

  private lost(close?: CloseEvent): void {
    if (this.stopped) return;
    this.drop();
    // A draining server says so (1001): come back once, at a random moment of the window it names, not with
    // the backoff for a failing server (its clients are welcome elsewhere at once, just not all at the same instant).
    const goingAway = close?.code === GOING_AWAY;
    const delayMs = goingAway ? goingAwayDelay(close?.reason ?? '') : backoffDelay(this.attempt);
    this.options.onStatus({ state: 'reconnecting', attempt: this.attempt + 1, delayMs });
    if (!goingAway) this.attempt += 1;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.retry(), delayMs);
  }

  private async retry(): Promise<void> {
    if (this.stopped) return;
    const check = this.options.beforeReconnect;
    const stopReason = check ? await check().catch(() => null) : null;
    if (this.stopped) return;
    if (stopReason === null) this.connect();
    else this.stop(stopReason);
  }
}
