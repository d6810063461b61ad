// Pure: what the facilitator's improvisation, scheduling and communications check need beyond the
// view's state: scenario times as typed, the planned start in the viewer's time zone, which
// changes an inject still takes, and a player's readiness as the timeline tells it.
import { may } from './model';
import type { ExerciseView, InjectStatus, RoomEvent } from './types';

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
}

/** The questions as typed, one a line, without empty lines. */
export function promptLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The data of `inject.edit`: only the fields that differ from the inject as it stands; null when nothing does. */
export function editData(inject: InjectStatus, draft: InjectDraft): Record<string, unknown> | null {
  const data: Record<string, unknown> = {};
  if (draft.title !== inject.title) data.title = draft.title;
  if (draft.body !== inject.body) data.body = draft.body;
  if ([...draft.to].sort().join() !== [...inject.to].sort().join()) data.to = [...draft.to].sort();
  if (JSON.stringify(draft.prompts) !== JSON.stringify(inject.prompts ?? [])) data.prompts = draft.prompts;
  return Object.keys(data).length ? { injectId: inject.id, ...data } : null;
}

export interface Readiness {
  /** The seq of my own confirmation, if I gave one. */
  mine: number | null;
  /** My roles that someone confirmed ready (a role counts once any holder confirmed). */
  roles: string[];
}

/** Who confirmed ready before the start, as the timeline says: `exercise.ready_confirmed` reaches the confirming roles. */
export function readiness(timeline: readonly RoomEvent[], myUserId: string, myRoles: readonly string[]): Readiness {
  let mine: number | null = null;
  const roles = new Set<string>();
  for (const e of timeline) {
    if (e.kind !== 'exercise.ready_confirmed') continue;
    if (e.actor?.userId === myUserId) mine = e.seq;
    const confirmed = Array.isArray(e.data.roles) ? e.data.roles.map(String) : [];
    for (const role of confirmed) if (myRoles.includes(role)) roles.add(role);
  }
  return { mine, roles: [...roles].sort() };
}
