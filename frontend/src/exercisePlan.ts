// Pure: what the facilitator's improvisation, scheduling and communications check need beyond the
// view's state: scenario times as typed, the planned start in the viewer's time zone, which
// changes an inject still takes, the medium an improvised inject is sent with, and a player's readiness.
import { durationText, may } from './model';
import type { ExerciseView, InjectMedium, InjectStatus, RoomEvent } from './types';

/**
 * A scenario time as typed: "T+1:30" or "1:30" (m:ss), "1:02:05" (h:mm:ss), or a number of minutes
 * ("90", "2.5"). Empty is null (no time: the inject is delivered by hand); anything else is undefined.
 */
export function parseScenarioTime(text: string): number | null | undefined {
  const value = text.trim().replace(/^T\+/i, '');
  if (value === '') return null;
  if (/^\d+([.,]\d+)?$/.test(value)) return Math.round(Number(value.replace(',', '.')) * 60_000);
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [, hours, minutes, seconds] = m;
  if (Number(seconds) > 59 || (hours !== undefined && Number(minutes) > 59)) return undefined;
  return ((Number(hours ?? 0) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000;
}

/** "2026-03-02T10:30" in the viewer's time zone, as a datetime-local field holds it; '' for none. */
export function localDateTimeValue(iso: string | null | undefined): string {
  const date = iso ? new Date(iso) : null;
  if (!date || Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local field's value (the viewer's time zone) as an instant in UTC, or null when it is not one. */
export function utcFromLocal(value: string): string | null {
  if (!/^\d{4,}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(value)) return null;
  // Without a zone, Date reads a date-time as local time.
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The viewer's time zone, as the browser names it ("Europe/Berlin"). */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
}

/** The roles of the scenario: the communications check lists them all; else those the script addresses. */
export function scenarioRoles(x: Pick<ExerciseView, 'commsCheck' | 'injects'>): string[] {
  const roles = x.commsCheck ? [...x.commsCheck.ready, ...x.commsCheck.notReady] : x.injects.flatMap((i) => i.to);
  return [...new Set(roles)].sort();
}

export interface InjectChanges {
  edit: boolean;
  move: boolean;
  drop: boolean;
}

/**
 * What the facilitator may still do to an inject: only an upcoming one changes, only before the
 * exercise has ended, and each change only when `can` lists its command.
 */
export function injectChanges(inject: Pick<InjectStatus, 'status'>, exerciseStatus: string, can: readonly string[]): InjectChanges {
  const open = inject.status === 'upcoming' && exerciseStatus !== 'ended';
  return { edit: open && may(can, 'inject.edit'), move: open && may(can, 'inject.move'), drop: open && may(can, 'inject.drop') };
}

export interface InjectDraft {
  title: string;
  body: string;
  to: string[];
  prompts: string[];
  /** The medium as `mediumData` built it; null: a plain message (add) or the inject's medium unchanged (edit). */
  medium?: Record<string, unknown> | null;
}

/** The questions as typed, one a line, without empty lines. */
export function promptLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * The data of `inject.edit`: only the fields that differ from the inject as it stands; null when nothing
 * does. A medium is sent when it differs from the inject's (an edit cannot take one away: null leaves it).
 */
export function editData(inject: InjectStatus, draft: InjectDraft): Record<string, unknown> | null {
  const data: Record<string, unknown> = {};
  if (draft.title !== inject.title) data.title = draft.title;
  if (draft.body !== inject.body) data.body = draft.body;
  if ([...draft.to].sort().join() !== [...inject.to].sort().join()) data.to = [...draft.to].sort();
  if (JSON.stringify(draft.prompts) !== JSON.stringify(inject.prompts ?? [])) data.prompts = draft.prompts;
  if (draft.medium && JSON.stringify(draft.medium) !== JSON.stringify(currentMedium(inject.medium))) data.medium = draft.medium;
  return Object.keys(data).length ? { injectId: inject.id, ...data } : null;
}

// --- An improvised inject's medium (issue 18): the "Looks like" fields, checked as Medium.java checks them.

export type MediumKind = InjectMedium['kind'];
/** A kind, or '' for a plain message from exercise control. */
export type MediumChoice = MediumKind | '';

export const MEDIUM_KINDS: readonly MediumKind[] = ['news', 'social', 'email', 'call', 'document'];

export interface MediumFieldSpec {
  /** The field's name on the wire (`Medium.java`). */
  name: string;
  required: boolean;
  /** text: one line; count: a whole number, 0 or more; addresses: a comma-separated list; duration: m:ss or minutes. */
  type: 'text' | 'count' | 'addresses' | 'duration';
  /** The longest text (an address, for addresses) the server takes. */
  max: number;
}

const MAX_TEXT = 300;
const MAX_ADDRESSES = 30;
const MAX_CALL_SECONDS = 86_400;
const spec = (name: string, required: boolean, type: MediumFieldSpec['type'] = 'text', max = MAX_TEXT): MediumFieldSpec => ({ name, required, type, max });

/** Each kind's fields, in the order the form shows them; a document needs a title or a file name (or both). */
export const MEDIUM_FIELDS: Readonly<Record<MediumKind, readonly MediumFieldSpec[]>> = {
  news: [spec('outlet', true), spec('headline', true), spec('byline', false)],
  social: [spec('author', true), spec('handle', true, 'text', 65), spec('likes', true, 'count'), spec('shares', true, 'count'), spec('platform', false, 'text', 100)],
  email: [spec('from', true), spec('to', true, 'addresses'), spec('subject', true), spec('cc', false, 'addresses')],
  call: [spec('caller', true), spec('callee', false), spec('durationSeconds', false, 'duration')],
  document: [spec('title', false), spec('filename', false, 'text', 255), spec('classification', false, 'text', 100)],
};

export interface MediumProblem {
  /** The field to fix (its wire name). */
  field: string;
  problem: 'required' | 'count' | 'duration' | 'handle' | 'titleOrFilename' | 'tooMany' | 'tooLong';
}

export type MediumResult = { medium: Record<string, unknown> | null } | { problem: MediumProblem };

function addressList(text: string): string[] {
  return text
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

/**
 * The `medium` of `inject.add` / `inject.edit` from the fields as typed (by wire name), or the first
 * problem, checked before sending as the server would: required fields, whole counts not negative, a
 * call of at most a day, a handle without spaces. '' (a plain message) is null.
 */
export function mediumData(kind: MediumChoice, values: Readonly<Record<string, string>>): MediumResult {
  if (!kind) return { medium: null };
  const medium: Record<string, unknown> = { kind };
  for (const f of MEDIUM_FIELDS[kind]) {
    const text = (values[f.name] ?? '').replace(/\s+/g, ' ').trim();
    if (!text) {
      if (f.required) return { problem: { field: f.name, problem: 'required' } };
      continue;
    }
    switch (f.type) {
      case 'count':
        if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) return { problem: { field: f.name, problem: 'count' } };
        medium[f.name] = Number(text);
        break;
      case 'duration': {
        const ms = parseScenarioTime(text);
        if (ms === undefined || ms === null || ms > MAX_CALL_SECONDS * 1000) return { problem: { field: f.name, problem: 'duration' } };
        medium[f.name] = Math.round(ms / 1000);
        break;
      }
      case 'addresses': {
        const list = addressList(text);
        if (!list.length) {
          if (f.required) return { problem: { field: f.name, problem: 'required' } };
          continue;
        }
        if (list.length > MAX_ADDRESSES) return { problem: { field: f.name, problem: 'tooMany' } };
        if (list.some((a) => a.length > f.max)) return { problem: { field: f.name, problem: 'tooLong' } };
        medium[f.name] = list;
        break;
      }
      default: {
        const value = f.name === 'handle' ? text.replace(/^@/, '') : text;
        if (f.name === 'handle' && !/^[\p{L}\p{N}_.-]{1,64}$/u.test(value)) return { problem: { field: f.name, problem: 'handle' } };
        if (value.length > f.max) return { problem: { field: f.name, problem: 'tooLong' } };
        medium[f.name] = value;
      }
    }
  }
  if (kind === 'document' && medium.title === undefined && medium.filename === undefined) {
    return { problem: { field: 'title', problem: 'titleOrFilename' } };
  }
  return { medium };
}

/** The fields of an inject's medium as the form shows them (to pre-fill the editor); '' for a plain message. */
export function mediumValues(medium: InjectMedium | null | undefined): { kind: MediumChoice; values: Record<string, string> } {
  if (!medium) return { kind: '', values: {} };
  const values: Record<string, string> = {};
  const m = medium as unknown as Record<string, unknown>;
  for (const f of MEDIUM_FIELDS[medium.kind]) {
    const value = m[f.name];
    if (value === null || value === undefined) continue;
    if (f.type === 'addresses' && Array.isArray(value)) values[f.name] = value.join(', ');
    else if (f.type === 'duration' && typeof value === 'number') values[f.name] = durationText(value * 1000);
    else values[f.name] = String(value);
  }
  return { kind: medium.kind, values };
}

/** An inject's medium as `mediumData` would build it from the pre-filled form, so that an untouched form sends none. */
function currentMedium(medium: InjectMedium | null | undefined): Record<string, unknown> | null {
  const { kind, values } = mediumValues(medium);
  const built = mediumData(kind, values);
  return 'medium' in built ? built.medium : null;
}

export interface Readiness {
  /** The seq of my own confirmation, when the loaded timeline holds it (it may not, after a reload). */
  mine: number | null;
  /** My roles that confirmed ready (a role counts once any holder confirmed), as the server's view says. */
  roles: string[];
  /** My roles the scenario has that have not confirmed yet: while there are any, "I'm ready" is offered. */
  waiting: string[];
}

/**
 * A player's part of the communications check: which of their roles confirmed comes from the exercise
 * view (`readyRoles`, `notReadyRoles`, kept current by `exercise.ready_confirmed`), so it survives a
 * reload and a windowed timeline; the timeline adds, when it has it, the seq of my own confirmation.
 */
export function readiness(x: Pick<ExerciseView, 'readyRoles' | 'notReadyRoles'>, timeline: readonly RoomEvent[], myUserId: string): Readiness {
  let mine: number | null = null;
  for (const e of timeline) {
    if (e.kind === 'exercise.ready_confirmed' && e.actor?.userId === myUserId) mine = e.seq;
  }
  return { mine, roles: [...(x.readyRoles ?? [])], waiting: [...(x.notReadyRoles ?? [])] };
}
