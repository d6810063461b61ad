// One room as every view of it sees it: one WebSocket (resuming), the snapshot kept current,
// the timeline, and the commands sent with their outcome. Views subscribe and render.
import { ApiError, api } from './api';
import { changesSections, may } from './model';
import { type ConnectionStatus, RoomConnection } from './socket';
import { type RoomView, applyEvent } from './state';
import type { ApiErrorBody, ResultFrame, RoomEvent, RoomSnapshot, Session } from './types';

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

export class RoomStore {
  view: RoomView | null = null;
  status: ConnectionStatus = { state: 'connecting' };
  alert = '';
  readonly commands: SentCommand[] = [];
  private readonly listeners = new Set<Listener>();
  private readonly callbacks = new Map<string, SendOptions>();
  private readonly connection: RoomConnection;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshing = false;
  private refreshAgain = false;

  constructor(
    readonly roomId: string,
    readonly session: Session,
  ) {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    this.connection = new RoomConnection({
      url: (since) =>
        `${scheme}://${location.host}/ws/rooms/${encodeURIComponent(roomId)}?token=${encodeURIComponent(session.token)}&since=${since}`,
      onWelcome: (frame) => {
        let view: RoomView = { room: frame.room, you: frame.you };
        // A resume replays events the snapshot already reflects; applyEvent skips those.
        for (const event of this.connection.timeline) view = applyEvent(view, event);
        this.view = view;
        this.emit({ type: 'room' });
      },
      onEvent: (event) => this.onEvent(event),
      onResult: (frame) => this.onResult(frame),
      onError: (error) => this.setAlert(`The server says: ${error.message}`),
      onStatus: (status) => this.onStatus(status),
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
  }

  start(): this {
    this.connection.start();
    return this;
  }

  stop(): void {
    clearTimeout(this.refreshTimer);
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
   * The commands I may issue now, as the last snapshot said (fetched again after events that change
   * roles, phase or sections). Forms and buttons are offered from this, never from role names.
   */
  get can(): readonly string[] {
    return this.view?.room.can ?? [];
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
    this.emit({ type: 'event', event });
    if (this.view !== before) this.emit({ type: 'room' });
    if (event.commandId) this.settle(event.commandId, true, `done (seq ${event.seq})`);
    if (changesSections(event.kind)) this.scheduleRefresh();
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

  /**
   * The snapshot's sections (decisions, actions, statements, ...) are computed by the server; after
   * an event that changes them, the snapshot is fetched again (batched, newest answer wins).
   */
  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), 120);
  }

  private async refresh(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return;
    }
    this.refreshing = true;
    try {
      const room = await api.room(this.roomId);
      if (this.view && room.seq >= this.view.room.seq) {
        // Members and roles follow the log; keep "you" in step with the snapshot's members.
        const me = room.members.find((m) => m.userId === this.view!.you.userId);
        this.view = { room, you: me ? { ...this.view.you, roles: me.roles } : this.view.you };
        this.emit({ type: 'room' });
      } else if (this.view) {
        this.refreshAgain = true;
      }
    } catch {
      /* the socket reports connection trouble; the next event tries again */
    } finally {
      this.refreshing = false;
      if (this.refreshAgain) {
        this.refreshAgain = false;
        this.scheduleRefresh();
      }
    }
  }
}
