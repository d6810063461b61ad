import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, mselType, request, startCompanySignIn, takeCompanySignInState } from './api';

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

describe('scenario files', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('an upload sends the YAML as it is, and a refusal carries every problem with its line', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const refusal = { error: { code: 'invalid', message: 'the scenario has 2 error(s)', errors: [{ line: 3, path: 'injects[0].to', message: 'unknown role' }, { message: 'no id' }] } };
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      seen.push({ url, init });
      return new Response(JSON.stringify(refusal), { status: 400 });
    });
    const error = await api.uploadScenario('id: x\ntitle: X\n').catch((e: unknown) => e);
    expect(seen[0]!.url).toBe('/api/scenarios');
    expect(seen[0]!.init.body).toBe('id: x\ntitle: X\n');
    expect((seen[0]!.init.headers as Record<string, string>)['Content-Type']).toBe('application/yaml');
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problems).toEqual(refusal.error.errors);
    expect((error as ApiError).message).toBe('the scenario has 2 error(s)');
  });

  it('a refusal without a list of errors has no problems', async () => {
    vi.stubGlobal('fetch', async () => new Response('{"error":{"code":"rate_limited","message":"slow down"}}', { status: 429 }));
    const error = (await api.uploadScenario('x').catch((e: unknown) => e)) as ApiError;
    expect(error.problems).toEqual([]);
    expect(error.code).toBe('rate_limited');
  });

  it('a spreadsheet goes with the Content-Type its name says', () => {
    expect(mselType('drill-msel.xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(mselType('DRILL.CSV')).toBe('text/csv');
    expect(mselType('drill.yaml')).toBeNull();
    expect(api.mselPath('ransom ware', 'csv')).toBe('/api/scenarios/ransom%20ware/msel.csv');
    expect(api.mselPath('drill', 'xlsx', 2)).toBe('/api/scenarios/drill/msel.xlsx?version=2');
  });
});
