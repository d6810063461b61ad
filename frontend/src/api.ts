// REST calls: JSON in and out, signed in by the browser's session cookie, error bodies turned into ApiError.
import type {
  ActionItem,
  TrackerChoice,
  ChainReport,
  ExerciseView,
  Invite,
  Metrics,
  RoomEvent,
  RoomSnapshot,
  RoomSummary,
  ScenarioProblem,
  ScenarioSummary,
  ScenarioUploaded,
  ScenarioVersionInfo,
  User,
} from './types';
import { t } from './messages/api';

/**
 * Sent with every request: "this is the web app, signed in by this browser's session cookie". The
 * server sets the cookie on sign-in when it sees this, and takes it as the proof that a request
 * changing something comes from this page, not from another site (which cannot add a header
 * without a CORS preflight that the server never approves).
 */
export const SESSION_HEADERS: Readonly<Record<string, string>> = { 'X-Sitroom-Session': 'cookie' };

/**
 * A refused or failed request. status 0 means the server could not be reached. `problems`: every
 * error of a refused scenario file or spreadsheet (the error body's `errors`), empty otherwise.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: readonly ScenarioProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Called when the server answers 401 (the sign-in ended: expired, revoked, signed out in another tab; or none). */
let onUnauthenticated: () => void = () => {};
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  return send<T>(method, path, body === undefined ? undefined : { body: JSON.stringify(body), type: 'application/json' });
}

/** A request whose body is a file as it is (a scenario's YAML, a spreadsheet), of the given Content-Type. */
export async function requestFile<T>(method: string, path: string, body: Blob | string, type: string): Promise<T> {
  return send<T>(method, path, { body, type });
}

async function send<T>(method: string, path: string, content?: { body: BodyInit; type: string }): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...SESSION_HEADERS };
  if (content) headers['Content-Type'] = content.type;

  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: content?.body });
  } catch {
    throw new ApiError(0, 'unavailable', t('unreachable'));
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
    const error = (json as { error?: { code?: string; message?: string; errors?: unknown } } | undefined)?.error;
    if (response.status === 401) onUnauthenticated();
    throw new ApiError(
      response.status,
      error?.code ?? `http_${response.status}`,
      error?.message ?? t('answered', { status: `${response.status} ${response.statusText}`.trim() }),
      Array.isArray(error?.errors) ? (error.errors as ScenarioProblem[]) : [],
    );
  }
  return json as T;
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

/**
 * Fetches a signed-in file (report, export) and hands it to the browser as a download, with the
 * server's error message when it is refused.
 */
export async function download(path: string, filename: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { ...SESSION_HEADERS } });
  } catch {
    throw new ApiError(0, 'unavailable', t('unreachable'));
  }
  if (!response.ok) {
    const text = await response.text();
    let message = t('answered', { status: response.status });
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
const scenario = (id: string) => `/api/scenarios/${encodeURIComponent(id)}`;

/** The spreadsheet formats of a master scenario events list: the file name's ending and its Content-Type. */
export const MSEL_FORMATS = [
  { ext: 'xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  { ext: 'csv', type: 'text/csv' },
] as const;
export type MselFormat = (typeof MSEL_FORMATS)[number]['ext'];

/** The Content-Type to send a spreadsheet with, by its name (the browser's `type` is often empty for .csv), or null. */
export function mselType(fileName: string): string | null {
  const ext = fileName.toLowerCase().split('.').pop();
  return MSEL_FORMATS.find((f) => f.ext === ext)?.type ?? null;
}

/** An incident type as GET /api/playbooks lists it. */
export interface IncidentTypeSummary {
  id: string;
  title: string;
  severity: string;
}

let incidentTypeList: Promise<IncidentTypeSummary[]> | null = null;

/**
 * The incident types, read once a page load (the server reads its types once, at start); a read that
 * failed is tried again the next time.
 */
export function incidentTypes(): Promise<IncidentTypeSummary[]> {
  incidentTypeList ??= api.playbooks().catch((e: unknown) => {
    incidentTypeList = null;
    throw e;
  });
  return incidentTypeList;
}

export const api = {
  rooms: () => request<RoomSummary[]>('GET', '/api/rooms'),
  /** `type`: an incident type's id (GET /api/playbooks), or empty for none. */
  createIncident: (title: string, severity: string, type = '') =>
    request<RoomSnapshot>('POST', '/api/rooms', type ? { kind: 'INCIDENT', title, severity, type } : { kind: 'INCIDENT', title, severity }),
  playbooks: () => request<IncidentTypeSummary[]>('GET', '/api/playbooks'),
  createExercise: (title: string, scenarioId: string) =>
    request<RoomSnapshot>('POST', '/api/rooms', { kind: 'EXERCISE', title, scenarioId }),
  scenarios: () => request<ScenarioSummary[]>('GET', '/api/scenarios'),
  /** The issue trackers an action may be linked to (id, name, kind); configured by the admin. */
  trackers: () => request<TrackerChoice[]>('GET', '/api/trackers'),
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
  /** The uploaded versions of a scenario, oldest first. */
  scenarioVersions: (id: string) => request<ScenarioVersionInfo[]>('GET', `${scenario(id)}/versions`),
  /** Stores a scenario file as the next version of its id; a file the linter refuses is an ApiError with every problem. */
  uploadScenario: (yaml: string) => requestFile<ScenarioUploaded>('POST', '/api/scenarios', yaml, 'application/yaml'),
  /** A spreadsheet (.xlsx or .csv) read back into a scenario and stored as the next version of its id. */
  importMsel: (file: Blob, type: string) => requestFile<ScenarioUploaded>('POST', '/api/scenarios/import?upload=true', file, type),
  /** The master scenario events list of a scenario (its current version, or `version`). */
  mselPath: (id: string, format: MselFormat, version?: number) =>
    `${scenario(id)}/msel.${format}${version === undefined ? '' : `?version=${version}`}`,
};
