// The browser's one sign-in. The token lives in an HttpOnly cookie that the server sets and that no
// script can read (docs/protocol.md, "Identity"): every tab of this browser shares it, so a room
// opened in a new tab is signed in. What a tab keeps is who is signed in, learnt from the server
// (`GET /api/auth/session`). Tabs tell each other about sign-in and sign-out over a BroadcastChannel,
// so signing out in one shows the sign-in page in all; a tab that missed it finds out with its next
// request (401), because the server revoked the token and the browser dropped the cookie.
import { SESSION_HEADERS, request } from './api';
import type { Joined, Session } from './types';

export const CHANNEL_NAME = 'sitroom.session';

/** What one tab tells the others. */
export type SessionMessage = { type: 'signed-in' } | { type: 'signed-out' };

/** A change of this browser's sign-in; `elsewhere` when another tab (or the server) made it. */
export type SessionChange = { type: 'signed-in'; session: Session; elsewhere: boolean } | { type: 'signed-out'; elsewhere: boolean };

/** The part of BroadcastChannel this needs (a test passes a real one, or none). */
export interface Channel {
  postMessage(message: SessionMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

export class SessionKeeper {
  private current: Session | null = null;
  private readonly listeners = new Set<(change: SessionChange) => void>();

  constructor(
    private readonly channel: Channel | null,
    private readonly now: () => number = Date.now,
  ) {
    channel?.addEventListener('message', (event) => void this.heard(event.data as SessionMessage));
  }

  /** Who is signed in, if anyone (null once the token's time is up). */
  get session(): Session | null {
    if (this.current && Date.parse(this.current.expiresAt) <= this.now()) this.current = null;
    return this.current;
  }

  onChange(listener: (change: SessionChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Asks the server who this browser's cookie signs in (a new tab, a reload, back from company
   * sign-in). Not signed in, or the server cannot be reached: null (the sign-in page says the rest).
   */
  async restore(): Promise<Session | null> {
    try {
      this.current = sessionOf(await request<Session>('GET', '/api/auth/session'));
    } catch {
      this.current = null;
    }
    return this.session;
  }

  /** Password sign-in: the server sets the cookie; every tab of this browser is then signed in. */
  async signIn(username: string, password: string): Promise<Session> {
    const answer = await request<Session>('POST', '/api/auth/login', { username, password });
    return this.signedIn(sessionOf(answer));
  }

  /** Joins a room by invitation code as a guest: the guest's session replaces this browser's sign-in. */
  async join(code: string, displayName: string): Promise<Joined> {
    const joined = await request<Joined>('POST', '/api/auth/join', { code, displayName });
    this.signedIn(sessionOf(joined));
    return joined;
  }

  /** Company sign-in came back: the server already set the cookie; learn who it is, tell the other tabs. */
  async adopt(): Promise<Session | null> {
    const session = await this.restore();
    if (session) this.signedIn(session);
    return session;
  }

  /**
   * Signs out everywhere: the server revokes the token (its sockets close, on every node) and deletes
   * the cookie; then this tab and every other tab of the browser forget the sign-in. Best effort: a
   * server that cannot be reached still leaves the browser signed out here (the token expires on its own).
   */
  async signOut(): Promise<void> {
    try {
      // fetch, not request(): a 401 here (the token had already ended) must not start another sign-out.
      await fetch('/api/auth/logout', { method: 'POST', headers: { ...SESSION_HEADERS } });
    } catch {
      /* the server cannot be reached */
    }
    this.signedOut(false);
  }

  /** The server said 401: the token ended (expired, revoked, signed out in another tab). Nothing left to revoke. */
  ended(): void {
    if (this.current) this.signedOut(false);
  }

  private signedIn(session: Session): Session {
    this.current = session;
    this.channel?.postMessage({ type: 'signed-in' });
    this.emit({ type: 'signed-in', session, elsewhere: false });
    return session;
  }

  private signedOut(elsewhere: boolean): void {
    this.current = null;
    if (!elsewhere) this.channel?.postMessage({ type: 'signed-out' });
    this.emit({ type: 'signed-out', elsewhere });
  }

  private async heard(message: SessionMessage): Promise<void> {
    if (message?.type === 'signed-out') {
      if (this.current) this.signedOut(true);
    } else if (message?.type === 'signed-in') {
      // Another tab signed in (perhaps as someone else): the shared cookie says who.
      const before = this.current;
      const session = await this.restore();
      if (session && session.user.id !== before?.user.id) this.emit({ type: 'signed-in', session, elsewhere: true });
      else if (!session && before) this.emit({ type: 'signed-out', elsewhere: true });
    }
  }

  private emit(change: SessionChange): void {
    for (const listener of this.listeners) listener(change);
  }
}

/** The session as the server describes it, without anything else its answer carried. */
function sessionOf(answer: { expiresAt: string; user: Session['user']; roomId?: string | null }): Session {
  return { expiresAt: answer.expiresAt, user: answer.user, ...(answer.roomId ? { roomId: answer.roomId } : {}) };
}

let shared: SessionKeeper | null = null;

/** This tab's keeper of the browser's sign-in. */
export function sessions(): SessionKeeper {
  shared ??= new SessionKeeper(typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL_NAME) : null);
  return shared;
}
