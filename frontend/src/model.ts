// Pure view-model derivations shared by the views: no DOM, no network, all tested.
import type {
  Ack,
  ActionItem,
  Audience,
  Decision,
  ExerciseView,
  ExpectationStatus,
  InjectMedium,
  Member,
  RoomEvent,
  Statement,
  StatusUpdate,
} from './types';
import { readMedium } from './medium';
import { t as consoleT } from './messages/console';
import { t } from './messages/model';
import { t as panelsT } from './messages/panels';
import { roleName } from './messages/terms';

const roleWords = (roles: readonly string[]) => roles.map(roleName).join(', ');

/** "legal and executive" (and "a and b and c"), in the viewer's language. */
const roleList = (roles: readonly string[]) =>
  roles.map(roleName).reduce((first, second) => t('list.and', { first, second }));

// --- Timeline groups -------------------------------------------------------------------------

// Labels are getters: each read answers in the viewer's current language.

export const TIMELINE_GROUPS = [
  { id: 'people', get label() { return consoleT('group.people'); } },
  { id: 'room', get label() { return consoleT('group.room'); } },
  { id: 'notes', get label() { return consoleT('group.notes'); } },
  { id: 'decisions', get label() { return consoleT('group.decisions'); } },
  { id: 'actions', get label() { return consoleT('group.actions'); } },
  { id: 'comms', get label() { return consoleT('group.comms'); } },
  { id: 'exercise', get label() { return consoleT('group.exercise'); } },
  { id: 'other', get label() { return consoleT('group.other'); } },
] as const;
export type TimelineGroup = (typeof TIMELINE_GROUPS)[number]['id'];

const GROUP_BY_PREFIX: Record<string, TimelineGroup> = {
  member: 'people',
  role: 'people',
  invite: 'people',
  room: 'room',
  // Erasure requests and erasures are the room's record keeping, as its legal holds are.
  erasure: 'room',
  event: 'room',
  note: 'notes',
  decision: 'decisions',
  action: 'actions',
  update: 'comms',
  statement: 'comms',
  ack: 'comms',
  exercise: 'exercise',
  inject: 'exercise',
  expectation: 'exercise',
  report: 'exercise',
};

/** "decision.approved" -> "decisions". */
export function kindGroup(kind: string): TimelineGroup {
  return GROUP_BY_PREFIX[kind.split('.')[0] ?? ''] ?? 'other';
}

/** The events of the groups shown, in their order. */
export function filterTimeline<T extends { kind: string }>(events: readonly T[], shown: ReadonlySet<TimelineGroup>): T[] {
  return events.filter((e) => shown.has(kindGroup(e.kind)));
}

/** How many events each group holds. */
export function countByGroup(events: readonly { kind: string }[]): Record<TimelineGroup, number> {
  const counts = Object.fromEntries(TIMELINE_GROUPS.map((g) => [g.id, 0])) as Record<TimelineGroup, number>;
  for (const e of events) counts[kindGroup(e.kind)] += 1;
  return counts;
}

// --- What I may do ---------------------------------------------------------------------------
// The server says which commands this member may issue now: the snapshot's `can`. No role list
// decides here. A command whose authority depends on its content (decision.approve, ack.give,
// action.update, role.release, role.handover, inject.respond) is listed for everyone who might issue
// it for some content; where it applies comes from the item's data (approvers, pending, owner, to).

/** Whether `can` lists the command. */
export function may(can: readonly string[], command: string): boolean {
  return can.includes(command);
}

// --- Roles -----------------------------------------------------------------------------------

/** Role -> the display names holding it, in the order of `roles`; roles nobody holds map to []. */
export function holdersByRole(members: readonly Member[], roles: readonly string[]): Map<string, string[]> {
  const result = new Map<string, string[]>(roles.map((r) => [r, []]));
  for (const m of members) {
    for (const r of m.roles) {
      if (!result.has(r)) result.set(r, []);
      result.get(r)!.push(m.displayName);
    }
  }
  return result;
}

/** A feed of the participant view: the injects to one of my roles. */
export interface InjectFeed {
  role: string;
  count: number;
}

/**
 * One feed per role I hold that the exercise addressed (my roles' order), each with how many injects
 * it holds; an inject to two of my roles is in both feeds. Empty when I hold one role or none: one
 * feed needs no choosing.
 */
export function injectFeeds(injects: readonly DeliveredInject[], myRoles: readonly string[]): InjectFeed[] {
  const roles = myRoles.filter((r) => r !== 'facilitator');
  if (roles.length < 2) return [];
  return roles.map((role) => ({ role, count: injects.filter((i) => i.to.includes(role)).length }));
}

/** The injects of a feed: every one for 'all', else those to the role. */
export function inFeed(injects: readonly DeliveredInject[], feed: string): DeliveredInject[] {
  return feed === 'all' ? [...injects] : injects.filter((i) => i.to.includes(feed));
}

export function holdsAny(myRoles: readonly string[], roles: readonly string[]): boolean {
  return myRoles.some((r) => roles.includes(r));
}

export interface RoleForms {
  /** Assign a role to any member (with its Release button when `release`). */
  assign: boolean;
  release: boolean;
  /** Add a person to the room. */
  add: boolean;
  /**
   * Hand over one of my own roles (the form sends no fromUserId, so it is always mine) to another
   * member; null when I may not or hold no role.
   */
  handover: { roles: string[]; to: Member[] } | null;
}

/** The role-management forms to offer, from `can` and the roles I hold. */
export function roleForms(can: readonly string[], myRoles: readonly string[], members: readonly Member[], myUserId: string): RoleForms {
  const assign = may(can, 'role.assign');
  return {
    assign,
    release: assign && may(can, 'role.release'),
    add: may(can, 'member.add'),
    handover:
      may(can, 'role.handover') && myRoles.length
        ? { roles: [...myRoles], to: members.filter((m) => m.userId !== myUserId) }
        : null,
  };
}

// --- Decisions -------------------------------------------------------------------------------

/** "waiting for legal, executive", or '' when nobody is missing (or the decision is settled). */
export function missingApproversText(decision: Decision): string {
  if (decision.status !== 'proposed') return '';
  if (decision.missingApprovers.length) return t('decision.waitingFor', { roles: roleWords(decision.missingApprovers) });
  return t('decision.waitingForOther');
}

/**
 * Whether I may approve or reject: `can` lists a vote, the decision is proposed, I hold one of its
 * approver roles, and I have not voted.
 */
export function canVote(decision: Decision, myRoles: readonly string[], myUserId: string, can: readonly string[]): boolean {
  if (!may(can, 'decision.approve') && !may(can, 'decision.reject')) return false;
  if (decision.status !== 'proposed') return false;
  if (!holdsAny(myRoles, decision.approvers)) return false;
  return ![...decision.approvals, ...decision.rejections].some((v) => v.by.userId === myUserId);
}

/** Proposed decisions still missing an approval by `role`, oldest first. */
export function awaitingRole(decisions: readonly Decision[], role: string): Decision[] {
  return decisions.filter((d) => d.status === 'proposed' && d.missingApprovers.includes(role)).sort((a, b) => a.seq - b.seq);
}

// --- Actions ---------------------------------------------------------------------------------

const CLOSED = ['done', 'cancelled'];

/** Overdue as the server said, or past its due time now while still open. */
export function isOverdue(action: ActionItem, nowMs: number): boolean {
  if (CLOSED.includes(action.status)) return false;
  if (action.overdue) return true;
  return action.dueAt ? Date.parse(action.dueAt) < nowMs : false;
}

/** Open actions first (overdue, then by due time), then closed ones. */
export function sortActions(actions: readonly ActionItem[], nowMs: number): ActionItem[] {
  const rank = (a: ActionItem) => (CLOSED.includes(a.status) ? 2 : isOverdue(a, nowMs) ? 0 : 1);
  const due = (a: ActionItem) => (a.dueAt ? Date.parse(a.dueAt) : Number.MAX_SAFE_INTEGER);
  return [...actions].sort((a, b) => rank(a) - rank(b) || due(a) - due(b) || a.seq - b.seq);
}

/**
 * Whether to offer the status control of an action: to a member who may update any action
 * (`privileged` lists action.update), and to its owner, by name or by a role they hold, when `can`
 * lists it. Mirrors `ActionDecider.update`.
 */
export function canUpdateAction(
  action: ActionItem,
  can: readonly string[],
  privileged: readonly string[],
  myUserId: string,
  myRoles: readonly string[],
): boolean {
  if (!may(can, 'action.update')) return false;
  if (may(privileged, 'action.update')) return true;
  const owner = action.owner;
  return !!owner && (owner.userId === myUserId || (!!owner.role && myRoles.includes(owner.role)));
}

/**
 * Whether to offer linking an action to a tracker: as for its status (`canUpdateAction`), by `action.track`,
 * which exists in incidents only. Mirrors `TrackerDecider.track`.
 */
export function canTrackAction(
  action: ActionItem,
  can: readonly string[],
  privileged: readonly string[],
  myUserId: string,
  myRoles: readonly string[],
): boolean {
  if (!may(can, 'action.track')) return false;
  if (may(privileged, 'action.track')) return true;
  const owner = action.owner;
  return !!owner && (owner.userId === myUserId || (!!owner.role && myRoles.includes(owner.role)));
}

export function ownerText(action: ActionItem): string {
  const o = action.owner;
  if (!o) return t('owner.none');
  if (o.displayName && o.role) return t('owner.withRole', { name: o.displayName, role: roleName(o.role) });
  return o.displayName ?? (o.role ? roleName(o.role) : t('owner.none'));
}

// --- Statements ------------------------------------------------------------------------------

export interface PublishState {
  enabled: boolean;
  /** Why not, or that it is ready, in plain words. */
  reason: string;
}

/**
 * The two-person rule as the Publish button shows it: enabled once the current version has every
 * approval it needs (the statement's missingApprovers is empty, status approved), is not already
 * out, and `can` lists statement.publish.
 */
export function publishState(statement: Statement, can: readonly string[]): PublishState {
  if (statement.status === 'published') return { enabled: false, reason: t('publish.published', { version: String(statement.version) }) };
  if (statement.missingApprovers.length) {
    return { enabled: false, reason: t('publish.waitingFor', { roles: roleWords(statement.missingApprovers) }) };
  }
  if (statement.status !== 'approved') return { enabled: false, reason: t('publish.waiting') };
  if (!may(can, 'statement.publish')) return { enabled: false, reason: t('publish.notYours') };
  const by = [...new Set(statement.approvals.filter((a) => a.version === statement.version).map((a) => a.role))].sort();
  return { enabled: true, reason: by.length ? t('publish.approvedBy', { roles: roleList(by) }) : t('publish.ready') };
}

/**
 * The roles I may still approve the current version as: those of my roles it still needs, when
 * `can` lists statement.approve and I have not approved this version already (one person, one).
 */
export function approvableAs(statement: Statement, myRoles: readonly string[], myUserId: string, can: readonly string[]): string[] {
  if (!may(can, 'statement.approve') || statement.status === 'published') return [];
  if (statement.approvals.some((a) => a.version === statement.version && a.by.userId === myUserId)) return [];
  return statement.missingApprovers.filter((r) => myRoles.includes(r));
}

// --- Updates ---------------------------------------------------------------------------------

export interface UpdateField {
  name: string;
  label: string;
  required: boolean;
  kind: 'text' | 'datetime';
}

// Labels are getters: each read answers in the viewer's current language.
const UPDATE_FIELDS: Record<Audience, UpdateField[]> = {
  all: [],
  executive: [
    { name: 'impact', get label() { return panelsT('updates.field.impact'); }, required: true, kind: 'text' },
    { name: 'decisionNeeded', get label() { return panelsT('updates.field.decisionNeeded'); }, required: false, kind: 'text' },
    { name: 'nextUpdateAt', get label() { return panelsT('updates.field.nextUpdateAt'); }, required: false, kind: 'datetime' },
  ],
  engineering: [
    { name: 'rootCause', get label() { return panelsT('updates.field.rootCause'); }, required: false, kind: 'text' },
    { name: 'fixOptions', get label() { return panelsT('updates.field.fixOptions'); }, required: false, kind: 'text' },
    { name: 'testPlan', get label() { return panelsT('updates.field.testPlan'); }, required: false, kind: 'text' },
    { name: 'deploymentPath', get label() { return panelsT('updates.field.deploymentPath'); }, required: false, kind: 'text' },
  ],
  legal: [
    { name: 'exposure', get label() { return panelsT('updates.field.exposure'); }, required: true, kind: 'text' },
    { name: 'obligations', get label() { return panelsT('updates.field.obligations'); }, required: false, kind: 'text' },
    { name: 'evidence', get label() { return panelsT('updates.field.evidence'); }, required: false, kind: 'text' },
    { name: 'timeline', get label() { return panelsT('updates.field.timeline'); }, required: false, kind: 'text' },
  ],
};

/** The fields an update for `audience` has besides its summary. */
export function updateFields(audience: string): UpdateField[] {
  return UPDATE_FIELDS[audience as Audience] ?? [];
}

/**
 * The data of update.post: the summary and this audience's fields, blanks left out, a local
 * date-time ("2026-01-02T10:30") turned into an instant. Fields of other audiences never go along.
 */
export function updateData(audience: string, values: Record<string, string>): Record<string, unknown> {
  const data: Record<string, unknown> = { audience, summary: (values.summary ?? '').trim() };
  for (const f of updateFields(audience)) {
    const value = (values[f.name] ?? '').trim();
    if (!value) continue;
    if (f.kind === 'datetime') {
      const at = new Date(value);
      if (!Number.isNaN(at.getTime())) data[f.name] = at.toISOString();
    } else {
      data[f.name] = value;
    }
  }
  return data;
}

/** The latest update for an audience (the snapshot keeps the latest per audience). */
export function latestUpdate(updates: readonly StatusUpdate[] | undefined, audience: string): StatusUpdate | undefined {
  return (updates ?? []).filter((u) => u.audience === audience).sort((a, b) => b.seq - a.seq)[0];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** 3725000 -> "1:02:05", 65000 -> "1:05". */
export function durationText(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

export interface Countdown {
  text: string;
  overdue: boolean;
}

/** The countdown to the next status update: "due in 12:05", "overdue by 0:30", or none owed. */
export function countdown(dueAt: string | null | undefined, nowMs: number): Countdown {
  if (!dueAt) return { text: t('countdown.none'), overdue: false };
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return { text: t('countdown.none'), overdue: false };
  const left = due - nowMs;
  if (left > 0) return { text: t('countdown.due', { time: durationText(left) }), overdue: false };
  return { text: t('countdown.overdue', { time: durationText(-left) }), overdue: true };
}

// --- Acknowledgements ------------------------------------------------------------------------

/** Role -> how many open requests still wait for it. */
export function pendingAcksByRole(acks: readonly Ack[]): Map<string, number> {
  const result = new Map<string, number>();
  for (const a of acks) for (const r of a.pending) result.set(r, (result.get(r) ?? 0) + 1);
  return result;
}

/** The open requests I can answer: `can` lists ack.give and I hold a role they still wait for. */
export function acksForMe(acks: readonly Ack[], myRoles: readonly string[], can: readonly string[]): Ack[] {
  if (!may(can, 'ack.give')) return [];
  return acks.filter((a) => holdsAny(myRoles, a.pending));
}

// --- Exercises -------------------------------------------------------------------------------

/** Scenario time: 5400000 -> "T+1:30:00". */
export function scenarioTime(ms: number | null | undefined): string {
  return ms == null ? 'T+?' : `T+${durationText(ms)}`;
}

/**
 * The scenario clock to show now: `elapsedMs` as last read exactly (at the welcome, or the last
 * playback event), at `readAtMs` of this browser's clock, plus what passed since at the exercise's
 * speed if it runs. Measuring from a moment of this browser's own clock keeps a browser whose clock
 * is off showing the server's scenario time (`reducers.scenarioElapsed` reads it at a server time).
 */
export function exerciseElapsed(view: Pick<ExerciseView, 'status' | 'speed' | 'elapsedMs'>, readAtMs: number, nowMs: number): number {
  if (view.status !== 'running') return view.elapsedMs;
  return view.elapsedMs + Math.max(0, nowMs - readAtMs) * view.speed;
}

export const SPEED_MIN = 0.1;
export const SPEED_MAX = 1000;

/** A speed as typed, or null when it is not a number from 0.1 to 1000. */
export function parseSpeed(text: string): number | null {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(n) && n >= SPEED_MIN && n <= SPEED_MAX ? n : null;
}

export const PLAYBACK = ['start', 'pause', 'resume', 'speed', 'end'] as const;
export type Playback = (typeof PLAYBACK)[number];

/**
 * The facilitator's playback buttons: each shown when `can` lists its command (exercise.start, ...),
 * enabled when the exercise's status allows it.
 */
export function playbackControls(status: string, can: readonly string[]): Record<Playback, { shown: boolean; enabled: boolean }> {
  const enabled: Record<Playback, boolean> = {
    start: status === 'ready',
    pause: status === 'running',
    resume: status === 'paused',
    speed: status !== 'ended',
    end: status !== 'ready' && status !== 'ended',
  };
  return Object.fromEntries(PLAYBACK.map((b) => [b, { shown: may(can, `exercise.${b}`), enabled: enabled[b] }])) as Record<
    Playback,
    { shown: boolean; enabled: boolean }
  >;
}

/**
 * The facilitator's "Release the report" button: shown when `can` lists report.release, enabled once
 * the exercise has ended and until the report is released (the server refuses the rest as conflicts).
 */
export function reportRelease(x: Pick<ExerciseView, 'status' | 'reportReleased'>, can: readonly string[]): { shown: boolean; enabled: boolean } {
  return { shown: may(can, 'report.release'), enabled: x.status === 'ended' && !x.reportReleased };
}

/** A score as a player reads it once released: "met 3 of 4 (75%)". */
export function scoreText(score: { met: number; triggered: number; score: number | null }): string {
  const counts = { met: score.met, triggered: score.triggered };
  return score.score === null ? t('score.met', counts) : t('score.metPercent', { ...counts, percent: Math.round(score.score * 100) });
}

export function expectationCounts(expectations: readonly ExpectationStatus[] | null | undefined): Record<string, number> {
  const counts: Record<string, number> = { met: 0, missed: 0, pending: 0, not_started: 0 };
  for (const e of expectations ?? []) counts[e.status] = (counts[e.status] ?? 0) + 1;
  return counts;
}

export function joinLink(origin: string, code: string): string {
  return `${origin}/join/${encodeURIComponent(code)}`;
}

export interface DeliveredInject {
  seq: number;
  injectId: string;
  title: string;
  body: string;
  to: string[];
  prompts: string[];
  scenarioMs: number | null;
  /** How it reaches me (a news article, an e-mail, ...); null for a plain message. */
  medium: InjectMedium | null;
  /** My response, if I gave one. */
  response: { text: string; seq: number } | null;
  /** Whether to offer a response: none given yet, and `can` lists inject.respond. */
  canRespond: boolean;
}

/**
 * The injects delivered to my roles (their `to`), newest first, from the timeline. The server sends a
 * player only their own; the filter keeps a facilitator's participant view to the roles they play too.
 */
export function injectsForMe(
  timeline: readonly RoomEvent[],
  myRoles: readonly string[],
  myUserId: string,
  can: readonly string[],
): DeliveredInject[] {
  const responses = new Map<string, { text: string; seq: number }>();
  for (const e of timeline) {
    if (e.kind === 'inject.responded' && e.actor?.userId === myUserId && typeof e.data.injectId === 'string') {
      responses.set(e.data.injectId, { text: typeof e.data.text === 'string' ? e.data.text : '', seq: e.seq });
    }
  }
  const result: DeliveredInject[] = [];
  for (const e of timeline) {
    if (e.kind !== 'inject.delivered') continue;
    const d = e.data;
    const to = Array.isArray(d.to) ? d.to.map(String) : [];
    if (!holdsAny(myRoles, to)) continue;
    const injectId = String(d.injectId ?? '');
    const response = responses.get(injectId) ?? null;
    result.push({
      seq: e.seq,
      injectId,
      title: String(d.title ?? injectId),
      body: typeof d.body === 'string' ? d.body : '',
      to,
      prompts: Array.isArray(d.prompts) ? d.prompts.map(String) : [],
      scenarioMs: typeof d.scenarioMs === 'number' ? d.scenarioMs : null,
      medium: readMedium(d.medium),
      response,
      canRespond: response === null && may(can, 'inject.respond'),
    });
  }
  return result.reverse();
}
