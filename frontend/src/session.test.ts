import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { request, setUnauthenticatedHandler } from './api';
import { CHANNEL_NAME, type SessionChange, SessionKeeper } from './session';

const alice = { id: 'u1', username: 'alice', displayName: 'Alice' };
const later = () => new Date(Date.now() + 3_600_000).toISOString();

/** A fake server: the browser's cookie is `signedIn`; each answer as the server gives it. */
function fakeServer() {
  const server = { signedIn: null as typeof alice | null, expiresAt: later(), calls: [] as { url: string; init: RequestInit }[] };
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    server.calls.push({ url, init });
    const json = (status: number, body?: unknown) => new Response(body === undefined ? null : JSON.stringify(body), { status });
    if (url === '/api/auth/session') return server.signedIn ? json(200, { expiresAt: server.expiresAt, user: server.signedIn }) : json(401);
    if (url === '/api/auth/login') {
      server.signedIn = alice;
      return json(200, { expiresAt: server.expiresAt, user: alice });
    }
    if (url === '/api/auth/join') {
      server.signedIn = { id: 'g1', username: 'guest-1', displayName: 'Gil' };
      return json(200, { expiresAt: server.expiresAt, roomId: 'r1', role: 'observer', user: server.signedIn });
    }
    if (url === '/api/auth/logout') {
      server.signedIn = null;
      return json(204);
    }
    return server.signedIn ? json(200, []) : json(401);
  });
  return server;
}

/** A tab: its keeper on a real BroadcastChannel (Node's, shared within the process like a browser's tabs). */
function tab() {
  const channel = new BroadcastChannel(CHANNEL_NAME);
  const keeper = new SessionKeeper(channel);
  const changes: SessionChange[] = [];
  keeper.onChange((change) => changes.push(change));
  return { keeper, changes, channel };
}

/** Waits until `check` holds (messages between tabs arrive asynchronously). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}

describe('SessionKeeper: one sign-in for every tab of the browser', () => {
  const open: BroadcastChannel[] = [];
  let server: ReturnType<typeof fakeServer>;
  beforeEach(() => {
    server = fakeServer();
  });
  afterEach(() => {
    open.splice(0).forEach((c) => c.close());
    vi.unstubAllGlobals();
  });
  const newTab = () => {
    const t = tab();
    open.push(t.channel);
    return t;
  };

  it('a new tab is signed in by the cookie the first tab got', async () => {
    const first = newTab();
    await first.keeper.signIn('alice', 'pw');
    expect(first.keeper.session?.user).toEqual(alice);
    const second = newTab();
    expect(await second.keeper.restore()).toEqual({ expiresAt: server.expiresAt, user: alice });
    // The token never reaches a script: it is in the HttpOnly cookie, and every request says it is the web app.
    for (const call of server.calls) {
      expect((call.init.headers as Record<string, string>)['X-Sitroom-Session']).toBe('cookie');
      expect(JSON.stringify(call.init)).not.toContain('Bearer');
    }
  });

  it('signing out in one tab revokes on the server and signs every other tab out', async () => {
    const first = newTab();
    const second = newTab();
    await first.keeper.signIn('alice', 'pw');
    await until(() => second.keeper.session !== null); // told by the first tab
    expect(second.changes).toEqual([{ type: 'signed-in', session: { expiresAt: server.expiresAt, user: alice }, elsewhere: true }]);

    await second.keeper.signOut();
    expect(server.calls.filter((c) => c.url === '/api/auth/logout')).toHaveLength(1);
    expect(server.signedIn).toBeNull();
    expect(second.changes.at(-1)).toEqual({ type: 'signed-out', elsewhere: false });
    await until(() => first.keeper.session === null);
    expect(first.changes.at(-1)).toEqual({ type: 'signed-out', elsewhere: true });
  });

  it('a tab that hears nothing finds out from its next refused request', async () => {
    const lonely = new SessionKeeper(null); // no channel: told by no other tab
    await lonely.signIn('alice', 'pw');
    const changes: SessionChange[] = [];
    lonely.onChange((c) => changes.push(c));
    setUnauthenticatedHandler(() => lonely.ended());
    server.signedIn = null; // signed out elsewhere: the server revoked the token
    await expect(request('GET', '/api/rooms')).rejects.toMatchObject({ status: 401 });
    expect(lonely.session).toBeNull();
    expect(changes).toEqual([{ type: 'signed-out', elsewhere: false }]);
    setUnauthenticatedHandler(() => {});
  });

  it('signing out still signs this browser out when the server cannot be reached', async () => {
    const only = newTab();
    await only.keeper.signIn('alice', 'pw');
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('network down');
    });
    await only.keeper.signOut();
    expect(only.keeper.session).toBeNull();
  });

  it('a guest who joins keeps their one room; an expired session is none', async () => {
    let now = Date.now();
    const guest = new SessionKeeper(null, () => now);
    const joined = await guest.join('ABCD-EFGH-JKLM', 'Gil');
    expect(joined.roomId).toBe('r1');
    expect(guest.session?.roomId).toBe('r1');
    now = Date.parse(server.expiresAt) + 1;
    expect(guest.session).toBeNull();
  });
});
