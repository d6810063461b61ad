import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { request, startCompanySignIn, takeCompanySignInState } from './api';

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

describe('company sign-in state', () => {
  beforeEach(() => {
    vi.stubGlobal('sessionStorage', fakeStorage());
  });
  afterEach(() => {
    vi.unstubAllGlobals();
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

describe('requests', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('carry the browser session header (the cross-site proof) and no token of their own', async () => {
    const seen: RequestInit[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      seen.push(init);
      return new Response('{"ok":true}', { status: 200 });
    });
    await request('POST', '/api/rooms', { title: 'x' });
    const headers = seen[0]!.headers as Record<string, string>;
    expect(headers['X-Sitroom-Session']).toBe('cookie');
    expect(headers.Authorization).toBeUndefined();
  });
});
