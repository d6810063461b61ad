// REST calls: JSON in and out, the bearer token added, error bodies turned into ApiError.
import type {
  ActionItem,
  ChainReport,
  ExerciseView,
  Invite,
  Joined,
  Metrics,
  RoomEvent,
  RoomSnapshot,
  RoomSummary,
  ScenarioSummary,
  Session,
  User,
} from './types';

const SESSION_KEY = 'sitroom.session';

export function loadSession(): Session | null {
  const raw = sessionStorage.getItem(SESSION_KEY);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    if (!session.token || Date.parse(session.expiresAt) <= Date.now()) {
      sessionStorage.removeItem(SESSION_KEY);
      return null;
    }
    return session;
  } catch {
    sessionStorage.removeItem(SESSION_KEY);
    return null;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(SESSION_KEY);
}

/**
 * Ends the session on the server (`POST /api/auth/logout`: the token stops working at once, and its sockets are
 * closed), then forgets it here. Best effort: a server that cannot be reached, or a token already ended, still
 * leaves this tab signed out.
 */
export async function logout(): Promise<void> {
  const session = loadSession();
  if (session) {
    try {
      // fetch, not request(): a 401 here (the token had already ended) must not start another sign-out.
      await fetch('/api/auth/logout', { method: 'POST', headers: { Authorization: `Bearer ${session.token}` } });
    } catch {
      /* the server cannot be reached: the token still expires on its own */
    }
  }
  clearSession();
}

/** A refused or failed request. status 0 means the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Called when the server answers 401 to a signed-in request (token expired or revoked). */
let onUnauthenticated: () => void = () => {};
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const session = loadSession();
  if (session) headers.Authorization = `Bearer ${session.token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'unavailable', 'the server cannot be reached');
  }

  const text = await response.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (!response.ok) {
    const error = (json as { error?: { code?: string; message?: string } } | undefined)?.error;
    if (response.status === 401 && session) onUnauthenticated();
    throw new ApiError(
      response.status,
      error?.code ?? `http_${response.status}`,
      error?.message ?? `the server answered ${response.status} ${response.statusText}`.trim(),
    );
  }
  return json as T;
}

export async function login(username: string, password: string): Promise<Session> {
  const session = await request<Session>('POST', '/api/auth/login', { username, password });
  saveSession(session);
  return session;
}

const COMPANY_STATE_KEY = 'sitroom.companySignInState';

/**
 * Starts company sign-in in this tab: a random state kept in this tab's sessionStorage goes to the server,
 * which hands it back with the answer; only an answer with it is taken (`takeCompanySignInState`).
 */
export function startCompanySignIn(loginPath: string): void {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  const state = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  sessionStorage.setItem(COMPANY_STATE_KEY, state);
  location.assign(`${loginPath}?clientState=${state}`);
}

/** The state of a company sign-in this tab started (null if none), forgotten as it is read: it is used once. */
export function takeCompanySignInState(): string | null {
  const state = sessionStorage.getItem(COMPANY_STATE_KEY);
  sessionStorage.removeItem(COMPANY_STATE_KEY);
  return state;
}

export interface CompanySignIn {
  enabled: boolean;
  providerName?: string;
  loginPath?: string;
}

/** Whether the server offers company sign-in (OpenID Connect), and where it starts. */
export async function companySignIn(): Promise<CompanySignIn> {
  return request<CompanySignIn>('GET', '/api/auth/oidc');
}

/** Joins a room with an invitation code, as a guest; keeps the guest's token like a sign-in. */
export async function join(code: string, displayName: string): Promise<Joined> {
  const joined = await request<Joined>('POST', '/api/auth/join', { code, displayName });
  saveSession({ ...joined });
  return joined;
}

/**
 * Fetches a signed-in file (report, export) and hands it to the browser as a download: a plain
 * link cannot carry the bearer token.
 */
export async function download(path: string, filename: string): Promise<void> {
  const session = loadSession();
  let response: Response;
  try {
    response = await fetch(path, { headers: session ? { Authorization: `Bearer ${session.token}` } : {} });
  } catch {
    throw new ApiError(0, 'unavailable', 'the server cannot be reached');
  }
  if (!response.ok) {
    const text = await response.text();
    let message = `the server answered ${response.status}`;
    try {
      message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? message;
    } catch {
      /* not JSON */
    }
    throw new ApiError(response.status, 'http', message);
  }
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The formats of GET /api/rooms/{id}/export: a label and the file name's ending. */
export const EXPORT_FORMATS = [
  { format: 'markdown', label: 'Markdown', ext: 'md' },
  { format: 'html', label: 'HTML', ext: 'html' },
  { format: 'json', label: 'JSON', ext: 'json' },
  { format: 'veris', label: 'VERIS', ext: 'veris.json' },
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number]['format'];

const room = (id: string) => `/api/rooms/${encodeURIComponent(id)}`;

export const api = {
  rooms: () => request<RoomSummary[]>('GET', '/api/rooms'),
  createIncident: (title: string, severity: string) =>
    request<RoomSnapshot>('POST', '/api/rooms', { kind: 'INCIDENT', title, severity }),
  createExercise: (title: string, scenarioId: string) =>
    request<RoomSnapshot>('POST', '/api/rooms', { kind: 'EXERCISE', title, scenarioId }),
  scenarios: () => request<ScenarioSummary[]>('GET', '/api/scenarios'),
  myOpenActions: () => request<ActionItem[]>('GET', '/api/actions?owner=me&status=open'),
  room: (id: string) => request<RoomSnapshot>('GET', room(id)),
  /**
   * Whether this member may still open the room: the smallest page of its log (one row), for the
   * reconnect check. It answers 401 and 404 as the snapshot does, without building one.
   */
  probe: (id: string) => request<unknown>('GET', `${room(id)}/events?since=0&limit=1`),
  /** A page of the room's log: the events after `since` among the next `limit` rows that this member may see. */
  events: (id: string, since: number, limit: number) =>
    request<{ events: RoomEvent[]; hasMore: boolean; nextSince: number }>('GET', `${room(id)}/events?since=${since}&limit=${limit}`),
  /** A one-use ticket (valid 30 s) to open a room's WebSocket with `?ticket=`. */
  wsTicket: async () => (await request<{ ticket: string; expiresAt: string }>('POST', '/api/ws-ticket')).ticket,
  exercise: (id: string) => request<ExerciseView>('GET', `${room(id)}/exercise`),
  users: () => request<User[]>('GET', '/api/users'),
  addMember: (roomId: string, userId: string, roles: string[]) =>
    request<unknown>('POST', `${room(roomId)}/members`, { userId, roles }),
  invite: (roomId: string, role: string, ttlMinutes: number) =>
    request<Invite>('POST', `${room(roomId)}/invites`, { role, ttlMinutes }),
  verify: (roomId: string) => request<ChainReport>('GET', `${room(roomId)}/verify`),
  reportPath: (roomId: string) => `${room(roomId)}/report?format=markdown`,
  exportPath: (roomId: string, format: ExportFormat = 'markdown') => `${room(roomId)}/export?format=${format}`,
  metrics: () => request<Metrics>('GET', '/api/metrics'),
};
