import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadSession, logout, saveSession, startCompanySignIn, takeCompanySignInState } from './api';

function fakeStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

const session = {
  token: 'tok-1',
  expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  user: { id: 'u1', username: 'alice', displayName: 'Alice' },
};

describe('signing out and company sign-in state', () => {
  beforeEach(() => {
    vi.stubGlobal('sessionStorage', fakeStorage());
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('sign-out revokes the token on the server before forgetting it', async () => {
    saveSession(session);
    const calls: { url: string; init: RequestInit; stored: boolean }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({ url, init, stored: loadSession() !== null });
      return new Response(null, { status: 204 });
    });
    await logout();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('/api/auth/logout');
    expect(calls[0]!.init.method).toBe('POST');
    expect((calls[0]!.init.headers as Record<string, string>).Authorization).toBe('Bearer tok-1');
    expect(calls[0]!.stored).toBe(true);
    expect(loadSession()).toBeNull();
  });

  it('sign-out still forgets the token when the server cannot be reached', async () => {
    saveSession(session);
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('network down');
    });
    await logout();
    expect(loadSession()).toBeNull();
  });

  it('a company sign-in keeps a fresh state for this tab, sends it, and gives it back once', () => {
    const assigned: string[] = [];
    vi.stubGlobal('location', { assign: (url: string) => assigned.push(url) });
    startCompanySignIn('/api/auth/oidc/login');
    expect(assigned).toHaveLength(1);
    const state = new URL(assigned[0]!, 'http://x').searchParams.get('clientState');
    expect(state).toMatch(/^[0-9a-f]{48}$/);
    expect(takeCompanySignInState()).toBe(state);
    expect(takeCompanySignInState()).toBeNull();
  });
});
