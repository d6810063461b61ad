// One room as every view of it sees it: one WebSocket (resuming), the snapshot kept current,
// the timeline, and the commands sent with their outcome. Views subscribe and render.
//
// The snapshot comes once, in the welcome; after it, every event is applied to it by the sections'
// reducers (state.ts, reducers.ts) and every `can` frame replaces `can`. Nothing is fetched again
// because an event arrived: a resumed connection's welcome (since = the last seq seen) replaces the
// state, and its replayed events, already in it, change nothing.
import { ApiError, api } from './api';
import { t } from './messages/connection';
import { may } from './model';
import { type ConnectionStatus, RoomConnection, type SocketLike } from './socket';
import { type RoomView, applyCan, applyEvent } from './state';
import type { ApiErrorBody, CanFrame, ResultFrame, RoomEvent, RoomSnapshot, Session } from './types';

export interface SentCommand {
  commandId: string;
  label: string;
  state: 'pending' | 'done' | 'refused';
  /** Plain words: "done (seq 12)", or the server's reason for refusing. */
  outcome: string;
}

export type Change =
  | { type: 'room' }
  | { type: 'event'; event: RoomEvent }
  | { type: 'status'; status: ConnectionStatus }
  | { type: 'commands' }
  | { type: 'history' }
  | { type: 'alert'; message: string };

type Listener = (change: Change) => void;

export interface SendOptions {
  onOk?: () => void;
  onRefused?: (error: ApiErrorBody) => void;
}

/** For tests: the socket and the URL to open (the page's own origin otherwise). */
export interface StoreOptions {
  url?: (since: number | null) => string;
  createSocket?: (url: string) => SocketLike;
  /**
   * Reads a page of the log (`GET /api/rooms/{id}/events`): given, the first connection asks for no
   * history and the log before its welcome is read with this, newest page first. The web app does
   * (the default without `url`); tests that pass `url` get the history over the socket unless they
   * pass this too.
   */
  history?: (since: number, limit: number) => Promise<readonly RoomEvent[]>;
}

/** Events read first (what the timeline shows on opening), then the rest of the log in pages of the most the server gives. */
const HISTORY_FIRST_PAGE = 200;
const HISTORY_PAGE = 1000;

export class RoomStore {
  view: RoomView | null = null;
  status: ConnectionStatus = { state: 'connecting' };
  alert = '';
  /** Whether `alert` only says the connection is down (it clears itself once the connection is back). */
  private alertAboutConnection = false;
  readonly commands: SentCommand[] = [];
  private readonly listeners = new Set<Listener>();
  private readonly callbacks = new Map<string, SendOptions>();
  private readonly connection: RoomConnection;
  /**
   * When (this browser's clock) the exercise's `elapsedMs` was last read exactly: at the welcome and
   * at each playback event. The scenario clock shown runs on from there, so a browser whose clock is
   * off by some seconds still shows the server's scenario time (see `model.exerciseElapsed`).
   */
  exerciseReadAt = 0;
  /** Whether the timeline holds the whole log this member may see (false while older pages are being read). */
  historyComplete: boolean;
  private readonly history?: (since: number, limit: number) => Promise<readonly RoomEvent[]>;
  private historyStarted = false;
  private stopped = false;

  constructor(
    readonly roomId: string,
    readonly session: Session,
    options: StoreOptions = {},
  ) {
    const url =
      options.url ??
      (async (since: number | null) => {
        // A one-use ticket for each connection: the long-lived token never goes into a URL (which proxies log).
        const ticket = await api.wsTicket();
        const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
        const resume = since === null ? '' : `&since=${since}`;
        return `${scheme}://${location.host}/ws/rooms/${encodeURIComponent(roomId)}?ticket=${encodeURIComponent(ticket)}${resume}`;
      });
    this.history =
      options.history ??
      (options.url ? undefined : async (since: number, limit: number) => (await api.events(roomId, since, limit)).events);
    this.historyComplete = !this.history;
    this.connection = new RoomConnection({
      url,
      createSocket: options.createSocket,
      historyOverRest: !!this.history,
      onWelcome: (frame) => {
        // The welcome (first or after a reconnect) replaces the state. Events of the timeline that
        // came after its seq are applied again; those it already reflects are skipped.
        let view: RoomView = { room: frame.room, you: frame.you };
        for (const event of this.connection.timeline) view = applyEvent(view, event);
        this.view = view;
        this.exerciseReadAt = Date.now();
        this.emit({ type: 'room' });
        if (this.history && !this.historyStarted) {
          this.historyStarted = true;
          void this.readHistory(frame.seq);
        }
      },
      onEvent: (event) => this.onEvent(event),
      onCan: (frame) => this.onCan(frame),
      onResult: (frame) => this.onResult(frame),
      onError: (error) => this.setAlert(t('alert.server', { message: error.message })),
      onStatus: (status) => this.onStatus(status),
      // Only decides whether reconnecting is worth it (signed out? still a member?); its answer is
      // never used as state: that comes with the new connection's welcome.
      beforeReconnect: async () => {
        try {
          await api.probe(roomId);
          return null;
        } catch (e) {
          if (e instanceof ApiError && e.status === 401) return t('reason.signedOut');
          if (e instanceof ApiError && (e.status === 404 || e.status === 403)) return t('reason.noRoom');
          return null; // the server is down or restarting: keep trying
        }
      },
    });
  }

  start(): this {
    this.connection.start();
    return this;
  }

  stop(): void {
    this.stopped = true;
    this.listeners.clear();
    this.connection.stop(t('reason.left'));
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get timeline(): readonly RoomEvent[] {
    return this.connection.timeline;
  }

  get myRoles(): string[] {
    return this.view?.you.roles ?? [];
  }

  get myUserId(): string {
    return this.view?.you.userId ?? this.session.user.id;
  }

  get room(): RoomSnapshot | null {
    return this.view?.room ?? null;
  }

  /**
   * The commands I may issue now: the welcome's, replaced by each `can` frame (which follows an
   * event that changed my roles or the room's phase). Forms and buttons are offered from this,
   * never from role names.
   */
  get can(): readonly string[] {
    return this.view?.room.can ?? [];
  }

  /** Of `can`, the commands I may issue for any item, whatever its content. */
  get privileged(): readonly string[] {
    return this.view?.room.privileged ?? [];
  }

  may(command: string): boolean {
    return may(this.can, command);
  }

  /** Sends a command and lists it as pending until its result arrives; false when not connected. */
  send(name: string, data: Record<string, unknown>, label: string, options: SendOptions = {}): boolean {
    const commandId = this.connection.command(name, data);
    if (!commandId) {
      this.setAlert(t('alert.notConnectedNow'), { aboutConnection: true });
      return false;
    }
    this.commands.unshift({ commandId, label, state: 'pending', outcome: t('command.pending') });
    this.commands.splice(10);
    this.callbacks.set(commandId, options);
    this.emit({ type: 'commands' });
    return true;
  }

  /**
   * Shows `message` (or clears it with ''). `aboutConnection` marks an alert that only says the
   * connection is down, so that it goes away by itself once the connection is back.
   */
  setAlert(message: string, { aboutConnection = false }: { aboutConnection?: boolean } = {}): void {
    this.alert = message;
    this.alertAboutConnection = aboutConnection && message !== '';
    this.emit({ type: 'alert', message });
  }

  /**
   * Reads the log up to `head` (the first welcome's seq), newest page first: the events the timeline
   * shows on opening, then the rest, so views that look through the whole timeline (injects, notes)
   * get it too. A page that fails is asked for again a little later.
   */
  private async readHistory(head: number): Promise<void> {
    let before = head;
    let size = HISTORY_FIRST_PAGE;
    while (before > 0 && !this.stopped) {
      const since = Math.max(0, before - size);
      let page: readonly RoomEvent[];
      try {
        page = await this.history!(since, before - since);
      } catch (e) {
        if (e instanceof ApiError && (e.status === 401 || e.status === 403 || e.status === 404)) return; // the socket says why
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        continue;
      }
      if (this.stopped) return;
      this.connection.addHistory(page);
      before = since;
      size = HISTORY_PAGE;
    }
    this.historyComplete = true;
    this.emit({ type: 'history' });
  }

  private emit(change: Change): void {
    for (const listener of [...this.listeners]) listener(change);
  }

  private onEvent(event: RoomEvent): void {
    const before = this.view;
    if (this.view) this.view = applyEvent(this.view, event);
    if (this.view !== before && event.kind.startsWith('exercise.')) this.exerciseReadAt = Date.now();
    this.emit({ type: 'event', event });
    if (this.view !== before) this.emit({ type: 'room' });
    if (event.commandId) this.settle(event.commandId, true, t('command.done', { seq: String(event.seq) }));
  }

  private onCan(frame: CanFrame): void {
    if (!this.view) return;
    const before = this.view;
    this.view = applyCan(this.view, frame);
    if (this.view !== before) this.emit({ type: 'room' });
  }

  private onResult(frame: ResultFrame): void {
    if (frame.ok) {
      this.settle(frame.commandId, true, t('command.done', { seq: String(frame.seq) }));
      return;
    }
    const label = this.commands.find((c) => c.commandId === frame.commandId)?.label ?? t('command.someCommand');
    const options = this.callbacks.get(frame.commandId);
    this.settle(frame.commandId, false, t('command.refused', { message: frame.error.message }));
    options?.onRefused?.(frame.error);
    this.setAlert(t('alert.refused', { label, message: frame.error.message }));
  }

  private settle(commandId: string, ok: boolean, outcome: string): void {
    const sent = this.commands.find((c) => c.commandId === commandId);
    const options = this.callbacks.get(commandId);
    this.callbacks.delete(commandId);
    if (!sent || sent.state !== 'pending') return;
    sent.state = ok ? 'done' : 'refused';
    sent.outcome = outcome;
    this.emit({ type: 'commands' });
    if (ok) options?.onOk?.();
  }

  private onStatus(status: ConnectionStatus): void {
    this.status = status;
    if (status.state === 'reconnecting') {
      for (const c of this.commands) {
        if (c.state === 'pending') c.outcome = t('command.pendingLost');
      }
      this.emit({ type: 'commands' });
    }
    if (status.state === 'stopped') this.setAlert(t('alert.notConnected', { reason: status.reason }), { aboutConnection: true });
    if (status.state === 'live' || status.state === 'resumed') {
      if (this.alertAboutConnection) this.setAlert('');
    }
    this.emit({ type: 'status', status });
  }
}
