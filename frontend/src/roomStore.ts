// One room as every view of it sees it: one WebSocket (resuming), the snapshot kept current,
// the timeline, and the commands sent with their outcome. Views subscribe and render.
//
// The snapshot comes once, in the welcome; after it, every event is applied to it by the sections'
// reducers (state.ts, reducers.ts) and every `can` frame replaces `can`. Nothing is fetched again
// because an event arrived: a resumed connection's welcome (since = the last seq seen) replaces the
// state, and its replayed events, already in it, change nothing.
import { ApiError, api } from './api';
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
  | { type: 'alert'; message: string };

type Listener = (change: Change) => void;

export interface SendOptions {
  onOk?: () => void;
  onRefused?: (error: ApiErrorBody) => void;
}

/** For tests: the socket and the URL to open (the page's own origin otherwise). */
export interface StoreOptions {
  url?: (since: number) => string;
  createSocket?: (url: string) => SocketLike;
}

export class RoomStore {
  view: RoomView | null = null;
  status: ConnectionStatus = { state: 'connecting' };
  alert = '';
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

  constructor(
    readonly roomId: string,
    readonly session: Session,
    options: StoreOptions = {},
  ) {
    const url =
      options.url ??
      (async (since: number) => {
        // A one-use ticket for each connection: the long-lived token never goes into a URL (which proxies log).
        const ticket = await api.wsTicket();
        const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
        return `${scheme}://${location.host}/ws/rooms/${encodeURIComponent(roomId)}?ticket=${encodeURIComponent(ticket)}&since=${since}`;
      });
    this.connection = new RoomConnection({
      url,
      createSocket: options.createSocket,
      onWelcome: (frame) => {
        // The welcome (first or after a reconnect) replaces the state. Events of the timeline that
        // came after its seq are applied again; those it already reflects are skipped.
        let view: RoomView = { room: frame.room, you: frame.you };
        for (const event of this.connection.timeline) view = applyEvent(view, event);
        this.view = view;
        this.exerciseReadAt = Date.now();
        this.emit({ type: 'room' });
      },
      onEvent: (event) => this.onEvent(event),
      onCan: (frame) => this.onCan(frame),
      onResult: (frame) => this.onResult(frame),
      onError: (error) => this.setAlert(`The server says: ${error.message}`),
      onStatus: (status) => this.onStatus(status),
      // Only decides whether reconnecting is worth it (signed out? still a member?); its answer is
      // never used as state: that comes with the new connection's welcome.
      beforeReconnect: async () => {
        try {
          await api.probe(roomId);
          return null;
        } catch (e) {
          if (e instanceof ApiError && e.status === 401) return 'signed out';
          if (e instanceof ApiError && (e.status === 404 || e.status === 403)) return 'no such room, or you are not a member of it';
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
    this.listeners.clear();
    this.connection.stop('left the room');
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
      this.setAlert('Not connected right now; try again when the connection is live.');
      return false;
    }
    this.commands.unshift({ commandId, label, state: 'pending', outcome: 'pending…' });
    this.commands.splice(10);
    this.callbacks.set(commandId, options);
    this.emit({ type: 'commands' });
    return true;
  }

  setAlert(message: string): void {
    this.alert = message;
    this.emit({ type: 'alert', message });
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
    if (event.commandId) this.settle(event.commandId, true, `done (seq ${event.seq})`);
  }

  private onCan(frame: CanFrame): void {
    if (!this.view) return;
    const before = this.view;
    this.view = applyCan(this.view, frame);
    if (this.view !== before) this.emit({ type: 'room' });
  }

  private onResult(frame: ResultFrame): void {
    if (frame.ok) {
      this.settle(frame.commandId, true, `done (seq ${frame.seq})`);
      return;
    }
    const label = this.commands.find((c) => c.commandId === frame.commandId)?.label ?? 'A command';
    const options = this.callbacks.get(frame.commandId);
    this.settle(frame.commandId, false, `refused: ${frame.error.message}`);
    options?.onRefused?.(frame.error);
    this.setAlert(`${label} was refused: ${frame.error.message}`);
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
        if (c.state === 'pending') c.outcome = 'pending (connection lost; waiting to see whether it went through)';
      }
      this.emit({ type: 'commands' });
    }
    if (status.state === 'stopped') this.setAlert(`Not connected: ${status.reason}.`);
    if (status.state === 'live' || status.state === 'resumed') {
      if (this.alert.startsWith('Not connected')) this.setAlert('');
    }
    this.emit({ type: 'status', status });
  }
}
