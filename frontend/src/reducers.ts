// Pure: how each section of a room snapshot follows the events that come after it. One reducer per
// section, (section, event, context) -> section, each applying the same rule as the server code that
// builds that section (named in its comment), so a client that applies every event it receives to the
// snapshot of its welcome holds what the server would send it now; it never fetches the snapshot
// again. `parity.test.ts` proves it against fixtures the server writes (ParityFixturesTest.java).
//
// What a client cannot derive, and so never guesses: items that became visible to this member because
// their roles grew (they were recorded before, and no event of them reaches this member again). See
// `frontend/README.md`, "Keeping the room current".
import type {
  Ack,
  ActionItem,
  ActionLink,
  Actor,
  Decision,
  ExerciseView,
  ExpectationStatus,
  InjectStatus,
  Member,
  Note,
  Person,
  RoomEvent,
  Statement,
  StatusUpdate,
  Vote,
} from './types';
import { readMedium } from './medium';
import type { ChecklistItem, CustomField, PlaybookSections } from './playbookTypes';

/** What a reducer knows besides its section and the event: who looks, and the room around them. */
export interface ReduceContext {
  /** The member whose view this is. */
  userId: string;
  /** Their roles after the event. */
  roles: readonly string[];
  /** INCIDENT or EXERCISE. */
  kind: string;
  /** The room's members after the event (names, and the roles held in the room). */
  members: readonly Member[];
}

// --- Reading event data ----------------------------------------------------------------------

type Data = Record<string, unknown>;

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Role names as the server lists them: sorted (Java's `Role::wire` then `sorted()`, String order). */
export function sortedRoles(value: unknown): string[] {
  return [...new Set(strings(value))].sort();
}

/**
 * A time as the server writes it in views (`WireTime.format`): UTC with exactly three fraction
 * digits, truncated. Event data carries instants as Jackson writes them (`...:05Z`, `...:05.4Z`,
 * `...:05.451136724Z`); views always say `...:05.451Z`.
 */
export function wireTime(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/.exec(value);
  if (!m) return value;
  return `${m[1]}.${((m[2] ?? '') + '000').slice(0, 3)}Z`;
}

function person(actor: Actor | undefined): Person {
  return { userId: actor?.userId ?? '', displayName: actor?.displayName ?? null };
}

/** The room's lead role: it sees everything (`RoomKind.leadRole`). */
export function leadRole(kind: string): string {
  return kind === 'EXERCISE' ? 'facilitator' : 'incident_commander';
}

/**
 * Whether this member may see something restricted to `visibleTo` and written by `authorId`
 * (`Viewer.maySee`): everyone when unrestricted; else the roles named, the room's lead, the author.
 */
export function maySee(visibleTo: readonly string[] | null | undefined, authorId: string | null | undefined, ctx: ReduceContext): boolean {
  if (!visibleTo || visibleTo.length === 0) return true;
  if (authorId && authorId === ctx.userId) return true;
  if (ctx.roles.includes(leadRole(ctx.kind))) return true;
  return ctx.roles.some((r) => visibleTo.includes(r));
}

/** Each affected member's complete roles after an event that changes roles (`ChangesRoles.rolesAfter`). */
export function rolesAfter(event: RoomEvent): Record<string, string[]> {
  const after = event.data?.rolesAfter;
  if (!after || typeof after !== 'object' || Array.isArray(after)) return {};
  const result: Record<string, string[]> = {};
  for (const [userId, roles] of Object.entries(after as Data)) {
    if (Array.isArray(roles)) result[userId] = sortedRoles(roles);
  }
  return result;
}

/** Whether the event changes who holds which role in the room. */
function changesRoles(event: RoomEvent): boolean {
  return Object.keys(rolesAfter(event)).length > 0;
}

/** Whether the event changes this member's own roles (and so what they may see). */
function changesMyRoles(event: RoomEvent, ctx: ReduceContext): boolean {
  return ctx.userId in rolesAfter(event);
}

function replaceWhere<T>(list: readonly T[], match: (item: T) => boolean, change: (item: T) => T): T[] {
  let changed = false;
  const result = list.map((item) => {
    if (!match(item)) return item;
    changed = true;
    return change(item);
  });
  return changed ? result : (list as T[]);
}

/** `object` without the keys whose value is null or undefined: what a `@JsonInclude(NON_NULL)` view leaves out. */
function nonNull<T extends object>(object: T): T {
  const result = { ...object };
  for (const key of Object.keys(result) as (keyof T)[]) {
    if (result[key] === null || result[key] === undefined) delete result[key];
  }
  return result;
}

// --- Members and roles -----------------------------------------------------------------------

/**
 * Mirrors `RoomProjector.project` and the members of `RoomService.snapshot`: a member.added appends the
 * member (members are listed in the order they joined, by the seq of their member.added), a
 * member.removed takes them out; every event with `rolesAfter` sets each named member's roles, sorted.
 */
export function reduceMembers(members: readonly Member[], event: RoomEvent): Member[] {
  let result = members as Member[];
  const d = event.data ?? {};
  if (event.kind === 'member.added') {
    const userId = str(d.userId);
    if (userId && !members.some((m) => m.userId === userId)) {
      result = [...members, { userId, displayName: str(d.displayName) ?? userId, roles: sortedRoles(d.roles) }];
    }
  }
  if (event.kind === 'member.removed') {
    const userId = str(d.userId);
    result = result.filter((m) => m.userId !== userId);
  }
  const after = rolesAfter(event);
  if (Object.keys(after).length) {
    result = replaceWhere(result, (m) => m.userId in after, (m) => ({ ...m, roles: after[m.userId]! }));
  }
  return result;
}

// --- Notes -----------------------------------------------------------------------------------

/** How many notes a snapshot keeps (`RoomService.SNAPSHOT_NOTES`). */
export const SNAPSHOT_NOTES = 100;

/**
 * Mirrors the notes of `RoomService.snapshot`: the latest 100 notes this member may see, oldest
 * first (`EventLog.latestVisible`). A member whose roles shrink stops seeing notes restricted to the
 * roles they lost.
 */
export function reduceNotes(notes: readonly Note[], event: RoomEvent, ctx: ReduceContext): Note[] {
  if (event.kind === 'note.added') {
    if (!event.actor || !maySee(event.visibleTo, event.actor.userId, ctx)) return notes as Note[];
    const note: Note = { seq: event.seq, at: event.at, actor: event.actor, text: str(event.data?.text) ?? '', visibleTo: event.visibleTo ?? null } as Note;
    const result = [...notes, note];
    return result.length > SNAPSHOT_NOTES ? result.slice(result.length - SNAPSHOT_NOTES) : result;
  }
  if (event.kind === 'event.erased') {
    // Mirrors `RoomService.notes`: an erased note keeps its place, without its text.
    const seq = event.data?.seq;
    if (!notes.some((n) => n.seq === seq)) return notes as Note[];
    return notes.map((n) => (n.seq === seq ? erasedNote(n) : n));
  }
  if (changesMyRoles(event, ctx)) {
    const visible = notes.filter((n) => maySee(n.visibleTo, n.actor.userId, ctx));
    return visible.length === notes.length ? (notes as Note[]) : visible;
  }
  return notes as Note[];
}

function erasedNote(note: Note): Note {
  const { text: _text, ...kept } = note;
  return { ...kept, erased: true };
}

// --- Decisions -------------------------------------------------------------------------------

function vote(event: RoomEvent, comment: unknown): Vote {
  const d = event.data ?? {};
  return { by: person(event.actor), roles: sortedRoles(d.roles), comment: str(comment), at: event.at, seq: event.seq };
}

/**
 * Mirrors `DecisionFeature.project` and `DecisionView.of`: decisions in the order they were proposed;
 * votes by seq; `missingApprovers` (for a proposed decision only) the approver roles no approval
 * covers yet (`DecisionState.missingRoles`), which each decision.approved carries as `missing`.
 */
export function reduceDecisions(decisions: readonly Decision[], event: RoomEvent): Decision[] {
  const d = event.data ?? {};
  const id = str(d.decisionId);
  if (!id) return decisions as Decision[];
  const update = (change: (x: Decision) => Decision) => replaceWhere(decisions, (x) => x.decisionId === id, change);
  switch (event.kind) {
    case 'decision.proposed': {
      if (decisions.some((x) => x.decisionId === id)) return decisions as Decision[];
      const approvers = sortedRoles(d.approvers);
      const decision: Decision = nonNull({
        decisionId: id,
        seq: event.seq,
        title: str(d.title) ?? '',
        context: str(d.context),
        options: strings(d.options),
        choice: str(d.choice) ?? '',
        rationale: str(d.rationale) ?? '',
        approvers,
        missingApprovers: approvers,
        status: 'proposed',
        proposedBy: person(event.actor),
        proposedAt: event.at,
        expiresAt: wireTime(d.expiresAt),
        supersedes: str(d.supersedes),
        approvals: [],
        rejections: [],
      });
      return [...decisions, decision];
    }
    case 'decision.approved':
      return update((x) => ({
        ...x,
        approvals: [...x.approvals, vote(event, d.comment)],
        missingApprovers: x.status === 'proposed' ? sortedRoles(d.missing) : [],
      }));
    case 'decision.rejected':
      return update((x) => ({ ...x, rejections: [...x.rejections, vote(event, d.reason)], status: 'rejected', decidedAt: event.at, missingApprovers: [] }));
    case 'decision.accepted':
      return update((x) => ({ ...x, status: 'accepted', decidedAt: event.at, missingApprovers: [] }));
    case 'decision.expired':
      return update((x) => ({ ...x, status: 'expired', missingApprovers: [] }));
    case 'decision.superseded':
      return update((x) => ({ ...x, status: 'superseded', supersededBy: str(d.supersededBy), missingApprovers: [] }));
    default:
      return decisions as Decision[];
  }
}

// --- Actions ---------------------------------------------------------------------------------

const CLOSED_STATUSES = ['done', 'cancelled'];

/**
 * The server's ranking (`ActionFeature.RANKING`): highest risk score first (none counts as 0), then
 * the earliest due (none last), then the oldest, then the order they were created in. Wire times
 * have one fixed width, so comparing them as text compares the instants.
 */
export function compareActions(a: ActionItem, b: ActionItem): number {
  const risk = (b.riskScore ?? 0) - (a.riskScore ?? 0);
  if (risk) return risk;
  if (a.dueAt !== b.dueAt) {
    if (!a.dueAt) return 1;
    if (!b.dueAt) return -1;
    return a.dueAt < b.dueAt ? -1 : 1;
  }
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.seq - b.seq;
}

/**
 * Mirrors `ActionFeature.project` and `ActionView.of`: an action is created open; an update sets its
 * status and `updatedAt`, and `closedAt` while done or cancelled; action.overdue marks it overdue
 * (the server's timer decides when, not the client's clock). The list stays ranked.
 */
export function reduceActions(actions: readonly ActionItem[], event: RoomEvent): ActionItem[] {
  const d = event.data ?? {};
  const id = str(d.actionId);
  if (!id) return actions as ActionItem[];
  let result: ActionItem[];
  switch (event.kind) {
    case 'action.created': {
      if (actions.some((a) => a.actionId === id)) return actions as ActionItem[];
      const ownerId = str(d.ownerId);
      const ownerRole = str(d.ownerRole);
      const riskScore = num(d.riskScore);
      const risk = d.risk && typeof d.risk === 'object' ? (d.risk as ActionItem['risk']) : null;
      const action: ActionItem = nonNull({
        actionId: id,
        roomId: event.roomId,
        seq: event.seq,
        title: str(d.title) ?? '',
        owner: ownerId === null && ownerRole === null ? null : { userId: ownerId, displayName: str(d.ownerName), role: ownerRole },
        dueAt: wireTime(d.dueAt),
        overdue: false,
        status: 'open',
        decisionId: str(d.decisionId),
        risk: riskScore === null || !risk ? null : { likelihood: risk.likelihood, impact: risk.impact, exposure: risk.exposure, effort: risk.effort },
        riskScore,
        createdAt: event.at,
        updatedAt: event.at,
      });
      result = [...actions, action];
      break;
    }
    case 'action.updated': {
      const to = str(d.to) ?? 'open';
      result = replaceWhere(actions, (a) => a.actionId === id, (a) => {
        const { closedAt: _, ...rest } = a;
        return CLOSED_STATUSES.includes(to) ? { ...rest, status: to, updatedAt: event.at, closedAt: event.at } : { ...rest, status: to, updatedAt: event.at };
      });
      break;
    }
    case 'action.overdue':
      result = replaceWhere(actions, (a) => a.actionId === id, (a) => ({ ...a, overdue: true }));
      break;
    default:
      return actions as ActionItem[];
  }
  return result === actions ? result : [...result].sort(compareActions);
}

/**
 * Mirrors `TrackerFeature.project` and `LinkView`: a request (again, after a failure) starts the link afresh at
 * the end of the list; the outcome and the remote state change it in place. Key and URL show once linked, the
 * reason once failed.
 */
export function reduceActionLinks(links: readonly ActionLink[], event: RoomEvent): ActionLink[] {
  const d = event.data ?? {};
  const actionId = str(d.actionId);
  const trackerId = str(d.trackerId);
  if (!actionId || !trackerId) return links as ActionLink[];
  const same = (l: ActionLink) => l.actionId === actionId && l.trackerId === trackerId;
  switch (event.kind) {
    case 'action.link_requested':
      return [
        ...links.filter((l) => !same(l)),
        { actionId, trackerId, tracker: str(d.tracker) ?? '', kind: str(d.kind) ?? '', status: 'requested', requestedSeq: event.seq },
      ];
    case 'action.linked':
      return replaceWhere(links, same, (l) => nonNull({ ...withoutOutcome(l), status: 'linked', key: str(d.key) ?? undefined, url: str(d.url) ?? undefined }));
    case 'action.link_failed':
      return replaceWhere(links, same, (l) => nonNull({ ...withoutOutcome(l), status: 'failed', error: str(d.reason) ?? undefined }));
    case 'action.tracker_state':
      return replaceWhere(links, same, (l) => nonNull({ ...l, remoteState: str(d.state) ?? undefined }));
    default:
      return links as ActionLink[];
  }
}

function withoutOutcome(link: ActionLink): ActionLink {
  const { key: _k, url: _u, error: _e, ...rest } = link;
  return rest;
}

// --- Status updates and their cadence --------------------------------------------------------

/** Audiences in the server's order (`Audience`, an enum: the snapshot's `EnumMap` lists them so). */
export const AUDIENCE_ORDER = ['all', 'executive', 'engineering', 'legal'] as const;

/** Who reads an update for an audience besides the leads and its author (`Audience.readers`); null: everyone. */
export const AUDIENCE_READERS: Record<string, string[] | null> = {
  all: null,
  executive: ['executive'],
  engineering: ['containment_lead'],
  legal: ['legal'],
};

export interface UpdatesSection {
  updates: StatusUpdate[];
  nextUpdateDue: string | null;
  lastUpdateAt: string | null;
}

function audienceRank(audience: string): number {
  const i = (AUDIENCE_ORDER as readonly string[]).indexOf(audience);
  return i < 0 ? AUDIENCE_ORDER.length : i;
}

/**
 * Mirrors `CommsFeature.addToSnapshot`: the latest update per audience that this member may read, in
 * the audiences' order, its author named as a member now; `nextUpdateDue` and `lastUpdateAt` as the
 * last update.rescheduled said (the server appends one, for everyone, whenever an update or a new
 * severity moves the cadence). A member whose roles shrink stops seeing updates for audiences they
 * left.
 */
export function reduceUpdates(section: UpdatesSection, event: RoomEvent, ctx: ReduceContext): UpdatesSection {
  const d = event.data ?? {};
  switch (event.kind) {
    case 'update.posted': {
      const audience = str(d.audience) ?? 'all';
      const by = event.actor?.userId ?? '';
      if (!maySee(AUDIENCE_READERS[audience] ?? null, by, ctx)) return section;
      const author = ctx.members.find((m) => m.userId === by);
      const update: StatusUpdate = { seq: event.seq, at: event.at, audience, by: { userId: by, displayName: author?.displayName ?? null }, data: d };
      const updates = [...section.updates.filter((u) => u.audience !== audience), update].sort((a, b) => audienceRank(a.audience) - audienceRank(b.audience));
      return { ...section, updates };
    }
    case 'update.rescheduled':
      return { ...section, nextUpdateDue: wireTime(d.nextDueAt), lastUpdateAt: wireTime(d.lastUpdateAt) };
    default:
      if (changesMyRoles(event, ctx)) {
        const updates = section.updates.filter((u) => maySee(AUDIENCE_READERS[u.audience] ?? null, u.by.userId, ctx));
        return updates.length === section.updates.length ? section : { ...section, updates };
      }
      return section;
  }
}

// --- Statements ------------------------------------------------------------------------------

/** The roles whose approvals a statement's version needs (`CommsDecider.STATEMENT_APPROVERS`), sorted. */
export const STATEMENT_APPROVERS = ['comms_approver', 'legal'] as const;

/**
 * The status the server shows (`CommsFeature.statements`): published when the current version went
 * out, approved when it has every approval it needs (`StatementState.missing` is empty), else draft.
 */
function withStatus(s: Statement): Statement {
  const approved = new Set(s.approvals.filter((a) => a.version === s.version).map((a) => a.role));
  const missingApprovers = STATEMENT_APPROVERS.filter((r) => !approved.has(r));
  const status = s.publishedVersion != null && s.publishedVersion === s.version ? 'published' : missingApprovers.length ? 'draft' : 'approved';
  return { ...s, missingApprovers, status };
}

/**
 * Mirrors `CommsFeature.project` and `CommsFeature.statements`: statements in the order they were
 * first drafted; a revision makes a new current version with no approvals; approvals of the current
 * version by seq; publishing records the version and its time.
 */
export function reduceStatements(statements: readonly Statement[], event: RoomEvent): Statement[] {
  const d = event.data ?? {};
  const id = str(d.statementId);
  if (!id) return statements as Statement[];
  switch (event.kind) {
    case 'statement.drafted': {
      const version = num(d.version) ?? 1;
      const text = {
        version,
        title: str(d.title) ?? '',
        body: str(d.body) ?? '',
        channel: str(d.channel) ?? '',
        textHash: str(d.textHash) ?? '',
        draftedBy: person(event.actor),
      };
      if (!statements.some((s) => s.statementId === id)) {
        return [...statements, withStatus({ statementId: id, ...text, status: 'draft', approvals: [], missingApprovers: [] })];
      }
      return replaceWhere(statements, (s) => s.statementId === id, (s) => withStatus({ ...s, ...text, approvals: [] }));
    }
    case 'statement.approved':
      return replaceWhere(statements, (s) => s.statementId === id && s.version === num(d.version), (s) =>
        withStatus({
          ...s,
          approvals: [...s.approvals, { role: str(d.role) ?? '', by: person(event.actor), version: s.version, textHash: str(d.textHash) ?? '', at: event.at }],
        }),
      );
    case 'statement.published':
      return replaceWhere(statements, (s) => s.statementId === id, (s) => withStatus({ ...s, publishedVersion: num(d.version), publishedAt: event.at }));
    default:
      return statements as Statement[];
  }
}

// --- Acknowledgements ------------------------------------------------------------------------

/**
 * Mirrors `CommsFeature.project` and `CommsFeature.acks`: requests by seq; each acknowledgement adds
 * one answer per role it covers (by seq, then role), `pending` the requested roles not answered yet
 * (`AckState.pending`); ack.overdue (appended for everyone when the time runs out) marks it overdue.
 */
export function reduceAcks(acks: readonly Ack[], event: RoomEvent): Ack[] {
  const d = event.data ?? {};
  const id = str(d.ackId);
  if (!id) return acks as Ack[];
  switch (event.kind) {
    case 'ack.requested': {
      if (acks.some((a) => a.ackId === id)) return acks as Ack[];
      const roles = sortedRoles(d.roles);
      return [...acks, { ackId: id, seq: event.seq, about: num(d.about) ?? 0, roles, acknowledged: [], pending: roles, dueAt: wireTime(d.dueAt) ?? '', overdue: false }];
    }
    case 'ack.given':
      return replaceWhere(acks, (a) => a.ackId === id, (a) => {
        const acknowledged = [...a.acknowledged, ...sortedRoles(d.roles).map((role) => ({ role, by: person(event.actor), at: event.at }))];
        const answered = new Set(acknowledged.map((x) => x.role));
        return { ...a, acknowledged, pending: a.roles.filter((r) => !answered.has(r)) };
      });
    case 'ack.overdue':
      return replaceWhere(acks, (a) => a.ackId === id, (a) => ({ ...a, overdue: true }));
    default:
      return acks as Ack[];
  }
}

// --- Exercise --------------------------------------------------------------------------------

/**
 * The scenario clock read at `nowMs` (server time), as `ScenarioClock.elapsedMs` reads it: the
 * anchor's scenario time, plus, while running, the whole milliseconds since the anchor times the speed.
 */
export function scenarioElapsed(exercise: Pick<ExerciseView, 'status' | 'speed' | 'clock'>, nowMs: number): number {
  const { scenarioMs, at } = exercise.clock;
  if (exercise.status !== 'running' || at === null) return scenarioMs;
  const wallMs = Math.max(0, Math.floor(nowMs) - Date.parse(at));
  return scenarioMs + Math.floor(wallMs * exercise.speed);
}

/** Playback moves the clock's anchor as `ExerciseFeature.project` does. */
function playback(x: ExerciseView, event: RoomEvent): ExerciseView {
  const d = event.data ?? {};
  const scenarioMs = num(d.scenarioMs) ?? 0;
  switch (event.kind) {
    case 'exercise.started':
      return { ...x, status: 'running', speed: num(d.speed) ?? 1, elapsedMs: 0, clock: { scenarioMs: 0, at: event.at } };
    case 'exercise.paused':
      return { ...x, status: 'paused', elapsedMs: scenarioMs, clock: { scenarioMs, at: null } };
    case 'exercise.resumed':
      return { ...x, status: 'running', elapsedMs: scenarioMs, clock: { scenarioMs, at: event.at } };
    case 'exercise.speed_changed':
      return { ...x, speed: num(d.to) ?? x.speed, elapsedMs: scenarioMs, clock: { scenarioMs, at: x.status === 'running' ? event.at : null } };
    case 'exercise.ended':
      return { ...x, status: 'ended', elapsedMs: scenarioMs, clock: { scenarioMs, at: null } };
    default:
      return x;
  }
}

/** The facilitator's view of a delivery (`ExerciseView.of`, `plannedAt`, `notReacted`; `ExerciseFeature.projectDelivery`). */
function delivered(x: ExerciseView, event: RoomEvent): ExerciseView {
  const d = event.data ?? {};
  const id = str(d.injectId);
  const at = num(d.scenarioMs) ?? 0;
  const inject = x.injects.find((i) => i.id === id);
  if (!id || !inject || inject.status === 'delivered') return x;
  const injects = x.injects.map((i): InjectStatus => {
    if (i.id === id) {
      const { dueAtMs: _, ...rest } = i;
      return { ...rest, status: 'delivered', deliveredAtMs: at };
    }
    // An inject chained after this one is now planned: this delivery plus its delay (`plannedAt`).
    if (i.status === 'upcoming' && i.timing?.type === 'after' && i.timing.after === id) {
      return { ...i, dueAtMs: at + (i.timing.delaySeconds ?? 0) * 1000 };
    }
    return i;
  });
  // Each expectation of the inject is pending until its deadline: the delivery plus `within`.
  const expectations = x.expectations?.map(
    (e): ExpectationStatus => (e.injectId === id && e.status === 'not_started' ? { ...e, status: 'pending', dueAtMs: at + e.withinMs } : e),
  );
  // Who has not reacted: every role it went to (nobody answered yet), held by someone or not.
  const silent = sortedRoles(d.to);
  let notReacted = x.notReacted;
  if (notReacted && silent.length) {
    const order = new Map(injects.map((i, index) => [i.id, index]));
    notReacted = [...notReacted.filter((n) => n.injectId !== id), { injectId: id, roles: silent }].sort(
      (a, b) => (order.get(a.injectId) ?? 0) - (order.get(b.injectId) ?? 0),
    );
  }
  return { ...x, injects, ...(expectations ? { expectations } : {}), ...(notReacted ? { notReacted } : {}) };
}

/** An inject's timing once it falls due at a fixed scenario time (`Improvisation.at`, `ScenarioView.timing`: whole seconds). */
function atTiming(atMs: number): NonNullable<InjectStatus['timing']> {
  return { type: 'at', atSeconds: Math.floor(atMs / 1000) };
}

/** What a change leaves in `improvised`: an added inject stays "added", a scenario one is "changed" (`ExerciseView.improvised`). */
function changedMark(inject: InjectStatus): string {
  return inject.improvised === 'added' ? 'added' : 'changed';
}

/**
 * An expectation's description names its inject by title (`AfterActionReport.describe`: "… of 'title'",
 * and "acknowledge 'title'"), so a new title is a new description.
 */
function retitled(description: string | null | undefined, action: string, from: string, to: string): string | null | undefined {
  if (!description || from === to) return description;
  let text = description;
  const tail = ` of '${from}'`;
  if (text.endsWith(tail)) text = `${text.slice(0, -tail.length)} of '${to}'`;
  if (action === 'acknowledge') text = text.replace(` to acknowledge '${from}' within `, ` to acknowledge '${to}' within `);
  return text;
}

/**
 * The facilitator's improvisation (`Improvisation.script` and `ExerciseView.listed`): the list holds the
 * scenario's injects in the file's order, as changed (a dropped one stays in its place, as it stood when
 * dropped), then the added ones in the order they were added (a dropped added inject is gone).
 */
function improvise(x: ExerciseView, event: RoomEvent): ExerciseView {
  const d = event.data ?? {};
  const id = str(d.injectId);
  if (!id) return x;
  const index = x.injects.findIndex((i) => i.id === id);
  switch (event.kind) {
    case 'inject.added': {
      if (index >= 0) return x;
      const atMs = num(d.atMs);
      const inject: InjectStatus = {
        id,
        title: str(d.title) ?? id,
        body: str(d.body) ?? '',
        to: sortedRoles(d.to),
        prompts: strings(d.prompts),
        status: 'upcoming',
        ...(atMs !== null ? { dueAtMs: atMs } : {}),
        timing: atMs !== null ? atTiming(atMs) : { type: 'manual' },
        improvised: 'added',
      };
      return { ...x, injects: [...x.injects, inject] };
    }
    case 'inject.edited': {
      const before = x.injects[index];
      if (!before || before.status !== 'upcoming') return x;
      const title = str(d.title);
      const body = str(d.body);
      const prompts = Array.isArray(d.prompts) ? strings(d.prompts) : null;
      const inject: InjectStatus = {
        ...before,
        ...(title !== null ? { title } : {}),
        ...(body !== null ? { body } : {}),
        ...(Array.isArray(d.to) ? { to: sortedRoles(d.to) } : {}),
        ...(prompts ? { prompts } : {}),
        improvised: changedMark(before),
      };
      const expectations =
        x.expectations && title !== null
          ? x.expectations.map((e) =>
              e.injectId === id ? { ...e, description: retitled(e.description, e.action, before.title, title) } : e,
            )
          : x.expectations;
      return { ...x, injects: x.injects.map((i, n) => (n === index ? inject : i)), ...(expectations ? { expectations } : {}) };
    }
    case 'inject.moved': {
      const before = x.injects[index];
      const atMs = num(d.atMs);
      if (!before || before.status !== 'upcoming' || atMs === null) return x;
      const inject: InjectStatus = { ...before, dueAtMs: atMs, timing: atTiming(atMs), improvised: changedMark(before) };
      return { ...x, injects: x.injects.map((i, n) => (n === index ? inject : i)) };
    }
    case 'inject.dropped': {
      const before = x.injects[index];
      if (!before || before.status !== 'upcoming') return x;
      // Its expectations leave the list with it (the server lists those of the script's injects).
      const expectations = x.expectations?.filter((e) => e.injectId !== id);
      const kept = expectations ? { expectations } : {};
      // An added inject that is dropped is gone; a scenario inject stays in its place, as dropped.
      if (before.improvised === 'added') return { ...x, injects: x.injects.filter((_, n) => n !== index), ...kept };
      const { dueAtMs: _due, deliveredAtMs: _delivered, ...inject } = before;
      const dropped: InjectStatus = { ...inject, status: 'dropped', improvised: 'dropped' };
      return { ...x, injects: x.injects.map((i, n) => (n === index ? dropped : i)), ...kept };
    }
    default:
      return x;
  }
}

/** `exercise.scheduled`: the planned start for everyone (`ExerciseView.startsAt`, absent when cleared). */
function scheduled(x: ExerciseView, event: RoomEvent): ExerciseView {
  const { startsAt: _old, ...rest } = x;
  const startsAt = wireTime(event.data?.startsAt);
  return startsAt ? { ...rest, startsAt } : rest;
}

/**
 * `exercise.ready_confirmed`: the facilitator's communications check moves the roles to `ready`
 * (`ExerciseSchedule.CommsCheck`); a player's own check (`readyRoles`, `notReadyRoles`) moves those of
 * their roles that the event names (it reaches only the confirming roles and the facilitator).
 */
function readyConfirmed(x: ExerciseView, event: RoomEvent): ExerciseView {
  const confirmed = new Set(strings(event.data?.roles));
  if (x.commsCheck) {
    const { ready, notReady } = x.commsCheck;
    const now = notReady.filter((r) => confirmed.has(r));
    if (!now.length) return x;
    return { ...x, commsCheck: { ready: sortedRoles([...ready, ...now]), notReady: notReady.filter((r) => !confirmed.has(r)) } };
  }
  if (!x.readyRoles || !x.notReadyRoles) return x;
  const now = x.notReadyRoles.filter((r) => confirmed.has(r));
  if (!now.length) return x;
  return { ...x, readyRoles: sortedRoles([...x.readyRoles, ...now]), notReadyRoles: x.notReadyRoles.filter((r) => !confirmed.has(r)) };
}

function settle(x: ExerciseView, event: RoomEvent, status: 'met' | 'missed'): ExerciseView {
  const id = str(event.data?.expectationId);
  if (!x.expectations || !id) return x;
  return { ...x, expectations: replaceWhere(x.expectations, (e) => e.id === id, (e) => ({ ...e, status })) };
}

/**
 * Mirrors `ExerciseFeature.project` and `ExerciseView.of`. The facilitator sees the whole script (in
 * the scenario's order): a delivery turns an upcoming inject into a delivered one, plans the injects
 * chained after it, starts its expectations' clocks and lists the roles that have not reacted;
 * responses and met or missed expectations follow; the facilitator's improvisation
 * (added, edited, moved, dropped injects) changes the script, and the communications check before
 * the start follows each confirmation. A player sees the injects delivered
 * to their roles, in the order they came. Playback moves the scenario clock's anchor; `elapsedMs` is
 * the reading at the last event that said it, and `scenarioElapsed` reads the clock at any time.
 */
export function reduceExercise(x: ExerciseView, event: RoomEvent, ctx: ReduceContext): ExerciseView {
  const facilitator = ctx.roles.includes('facilitator');
  const d = event.data ?? {};
  switch (event.kind) {
    case 'exercise.started':
    case 'exercise.paused':
    case 'exercise.resumed':
    case 'exercise.speed_changed':
    case 'exercise.ended':
      return playback(x, event);
    case 'inject.delivered': {
      if (facilitator) return delivered(x, event);
      const id = str(d.injectId);
      const to = sortedRoles(d.to);
      if (!id || x.injects.some((i) => i.id === id) || !to.some((r) => ctx.roles.includes(r))) return x;
      const medium = readMedium(d.medium);
      const inject: InjectStatus = {
        id,
        title: str(d.title) ?? id,
        body: str(d.body) ?? '',
        to,
        prompts: strings(d.prompts),
        status: 'delivered',
        deliveredAtMs: num(d.scenarioMs) ?? 0,
        ...(medium ? { medium } : {}),
      };
      return { ...x, injects: [...x.injects, inject] };
    }
    case 'inject.responded': {
      // Responding covers every role the responder held then (`ExerciseFeature.responded`).
      const id = str(d.injectId);
      const roles = event.actor?.roles ?? [];
      if (!x.notReacted || !id) return x;
      const notReacted = x.notReacted
        .map((n) => (n.injectId === id ? { ...n, roles: n.roles.filter((r) => !roles.includes(r)) } : n))
        .filter((n) => n.roles.length);
      return { ...x, notReacted };
    }
    case 'report.released':
      // For everyone: from now on every member reads the score and the report.
      return { ...x, reportReleased: true };
    case 'inject.added':
    case 'inject.edited':
    case 'inject.moved':
    case 'inject.dropped':
      // The facilitator's only; a player learns of an inject when it is delivered.
      return facilitator ? improvise(x, event) : x;
    case 'exercise.scheduled':
      return scheduled(x, event);
    case 'exercise.ready_confirmed':
      return readyConfirmed(x, event);
    case 'expectation.met':
      return settle(x, event, 'met');
    case 'expectation.missed':
      return settle(x, event, 'missed');
    default:
      break;
  }
  if (!changesRoles(event) && event.kind !== 'member.added') return x;
  // The facilitator's `notReacted` names roles, held or not: a role changing hands changes nothing.
  if (!facilitator && changesMyRoles(event, ctx)) {
    // A role gained comes with a resync (what it may see is in no frame); a role lost takes its injects
    // and its part of the check with it.
    const injects = x.injects.filter((i) => i.to.some((r) => ctx.roles.includes(r)));
    const mine = (roles: string[] | null | undefined) => roles?.filter((r) => ctx.roles.includes(r));
    const readyRoles = mine(x.readyRoles);
    const notReadyRoles = mine(x.notReadyRoles);
    if (injects.length === x.injects.length && readyRoles?.length === x.readyRoles?.length && notReadyRoles?.length === x.notReadyRoles?.length) {
      return x;
    }
    return { ...x, injects, ...(readyRoles ? { readyRoles } : {}), ...(notReadyRoles ? { notReadyRoles } : {}) };
  }
  return x;
}

// --- Incident types: the playbook, its checklist and custom fields ----------------------------

function bool(value: unknown): boolean {
  return value === true;
}

/**
 * Mirrors `PlaybookFeature.project` and `PlaybookViews`: playbook.applied sets the type and lays out its
 * checklist (every item open, due as the event says) and its fields (not set); checklist.checked and
 * checklist.skipped close an item (when and by whom), checklist.unchecked opens it again, checklist.assigned
 * names its assignee, checklist.overdue marks it (the server's timer decides when); field.set sets a field.
 * Each item's and field's `seq` is its last event. Everything here is for everyone in the room.
 */
export function reducePlaybook(section: PlaybookSections, event: RoomEvent): PlaybookSections {
  const d = event.data ?? {};
  switch (event.kind) {
    case 'playbook.applied': {
      if (section.playbook) return section;
      const items = Array.isArray(d.items) ? (d.items as Record<string, unknown>[]) : [];
      const fields = Array.isArray(d.fields) ? (d.fields as Record<string, unknown>[]) : [];
      return {
        playbook: {
          typeId: str(d.typeId) ?? '',
          title: str(d.title) ?? '',
          version: num(d.version) ?? 0,
          sha256: str(d.sha256) ?? '',
          roles: sortedRoles(d.roles),
          seq: event.seq,
        },
        checklist: items.map((i) => ({
          itemId: str(i.itemId) ?? '',
          phase: str(i.phase) ?? '',
          text: str(i.text) ?? '',
          ownerRole: str(i.ownerRole),
          dueAt: wireTime(i.dueAt),
          decision: bool(i.decision),
          status: 'open',
          assigneeId: null,
          assigneeName: null,
          overdue: false,
          late: false,
          note: null,
          skipReason: null,
          doneAt: null,
          doneBy: null,
          doneByName: null,
          seq: event.seq,
        })),
        fields: fields.map((f) => ({
          fieldId: str(f.fieldId) ?? '',
          label: str(f.label) ?? '',
          type: str(f.type) ?? 'text',
          options: strings(f.options),
          required: bool(f.required),
          values: [],
          display: '',
          seq: null,
        })),
      };
    }
    case 'field.set': {
      const id = str(d.fieldId);
      const fields = replaceWhere(section.fields, (f) => f.fieldId === id, (f): CustomField => ({
        ...f,
        values: strings(d.values),
        display: str(d.display) ?? '',
        seq: event.seq,
      }));
      return fields === section.fields ? section : { ...section, fields };
    }
    default: {
      const id = str(d.itemId);
      const change = checklistChange(event, d);
      if (!id || !change) return section;
      const checklist = replaceWhere(section.checklist, (i) => i.itemId === id, (i) => ({ ...change(i), seq: event.seq }));
      return checklist === section.checklist ? section : { ...section, checklist };
    }
  }
}

function checklistChange(event: RoomEvent, d: Data): ((item: ChecklistItem) => ChecklistItem) | null {
  const by = { doneAt: event.at, doneBy: event.actor?.userId ?? null, doneByName: event.actor?.displayName ?? null };
  switch (event.kind) {
    case 'checklist.checked':
      return (i) => ({ ...i, ...by, status: 'done', late: bool(d.late), note: str(d.note) });
    case 'checklist.skipped':
      return (i) => ({ ...i, ...by, status: 'skipped', skipReason: str(d.reason) });
    case 'checklist.unchecked':
      return (i) => ({ ...i, status: 'open', late: false, note: null, skipReason: null, doneAt: null, doneBy: null, doneByName: null });
    case 'checklist.assigned':
      return (i) => ({ ...i, assigneeId: str(d.assigneeId), assigneeName: str(d.assigneeName) });
    case 'checklist.overdue':
      return (i) => ({ ...i, overdue: true });
    default:
      return null;
  }
}

/** Progress of the checklist by phase, in the checklist's order (the console's view of it). */
export function checklistProgress(items: readonly ChecklistItem[]): { phase: string; total: number; done: number; skipped: number; overdue: number }[] {
  const phases = new Map<string, { phase: string; total: number; done: number; skipped: number; overdue: number }>();
  for (const item of items) {
    const p = phases.get(item.phase) ?? { phase: item.phase, total: 0, done: 0, skipped: 0, overdue: 0 };
    p.total++;
    if (item.status === 'done') p.done++;
    if (item.status === 'skipped') p.skipped++;
    if (item.status === 'open' && item.overdue) p.overdue++;
    phases.set(item.phase, p);
  }
  return [...phases.values()];
}
