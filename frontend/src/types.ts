// The wire shapes of the Sitroom REST API and room socket, as far as this client reads them.

// --- Role vocabulary -------------------------------------------------------------------------
// The one place role names are listed. This is vocabulary, not authority: the names the server
// knows, to label things and to offer in selects and checkboxes (whom to assign, invite, ask,
// give an action to or name as an approver). What this member may do is never decided from a list
// of roles: the snapshot's `can` lists the commands they may issue now, and an item's own data
// (a decision's approvers, an ack's pending roles, an action's owner, an inject's `to`) says where.

/** Every role the server knows, in the order they are shown. */
export const ROLES = [
  'incident_commander',
  'containment_lead',
  'comms_approver',
  'legal',
  'scribe',
  'executive',
  'facilitator',
  'participant',
  'observer',
] as const;
export type Role = (typeof ROLES)[number];

/** The roles a room of this kind has: facilitators run exercises only. */
export function rolesOfKind(kind: string): Role[] {
  return ROLES.filter((r) => kind === 'EXERCISE' || r !== 'facilitator');
}

/** The roles offered as addressees of an acknowledgement or as an action's owner: observers only watch. */
export const ADDRESSABLE_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'observer');

/** The roles offered for an invitation: it never gives the facilitator's (the exercise's lead) role. */
export const INVITABLE_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'facilitator');

/** The roles the propose form offers as a decision's approvers (the server accepts any role). */
export const APPROVER_CHOICES: readonly Role[] = [
  'incident_commander',
  'containment_lead',
  'comms_approver',
  'legal',
  'executive',
  'scribe',
];

export interface User {
  id: string;
  username: string;
  displayName: string;
  /** Only on the administrator's account: the admin's screens are offered to them alone. */
  admin?: boolean;
}

/** Who this browser's session cookie signs in (the token itself is in the cookie, out of scripts' reach). */
export interface Session {
  expiresAt: string;
  user: User;
  /** Set for a guest who joined one room by invitation code. */
  roomId?: string;
  role?: string;
}

/** POST /api/auth/join, for a browser session (the token went into the cookie). */
export interface Joined {
  expiresAt: string;
  roomId: string;
  role: string;
  user: User;
}

export interface ScenarioSummary {
  id: string;
  title: string;
  summary: string;
  durationSeconds?: number | null;
  roles: string[];
  objectives: number;
  injects: number;
  /** 0 for a shipped or folder file, else the upload's number. */
  version?: number;
  /** bundled, folder or upload */
  source?: string;
}

/** One uploaded version of a scenario (GET /api/scenarios/{id}/versions). */
export interface ScenarioVersionInfo {
  version: number;
  title: string;
  uploadedBy: string;
  uploadedAt: string;
}

/** An upload that was stored (POST /api/scenarios, POST /api/scenarios/import?upload=true). */
export interface ScenarioUploaded {
  id: string;
  version: number;
  title: string;
}

/**
 * One error of a refused scenario: a YAML file's at `line` and field `path`, a spreadsheet's at
 * `sheet`, `row` (1 = the header) and `column` (a letter; `field` its header).
 */
export interface ScenarioProblem {
  message: string;
  line?: number | null;
  path?: string | null;
  sheet?: string | null;
  row?: number | null;
  column?: string | null;
  field?: string | null;
}

export interface Invite {
  code: string;
  expiresAt: string;
  role: string;
}

export interface RoomSummary {
  id: string;
  kind: string;
  title: string;
  severity: string;
  phase: string;
  createdAt: string;
  seq: number;
  myRoles: string[];
}

export interface Actor {
  userId: string;
  displayName: string;
  roles: string[];
}

export interface Member {
  userId: string;
  displayName: string;
  roles: string[];
}

export interface Note {
  seq: number;
  at: string;
  actor: Actor;
  /** Absent once the note's content was erased (`erased`). */
  text?: string;
  visibleTo?: string[] | null;
  erased?: boolean;
}

export interface RoomSnapshot {
  id: string;
  kind: string;
  title: string;
  severity: string;
  phase: string;
  createdAt: string;
  createdBy: string;
  seq: number;
  headHash: string;
  members: Member[];
  /**
   * The commands this member may issue now, sorted. One whose authority depends on its content
   * (decision.approve/reject, ack.give, action.update, action.track, role.release/handover, inject.respond) is
   * listed for everyone who might issue it for some content; the item's data says for which. A
   * closed room lists only room.phase, for the incident commander. invite.create is a REST call.
   */
  can: string[];
  /** Of `can`, those this member may issue for any item whatever its content (update any action...). */
  privileged?: string[];
  notes: Note[];
  decisions?: Decision[];
  actions?: ActionItem[];
  /** Actions' links to issues in trackers (GitHub, Jira), in the order they were asked for. */
  actionLinks?: ActionLink[];
  updates?: StatusUpdate[];
  nextUpdateDue?: string | null;
  lastUpdateAt?: string | null;
  statements?: Statement[];
  acks?: Ack[];
  exercise?: ExerciseView;
  /** Whether the room is on the public status page (room.public / room.private). */
  public?: boolean;
}

export interface Person {
  userId: string;
  displayName: string | null;
}

export interface Vote {
  by: Person;
  roles: string[];
  comment?: string | null;
  at: string;
  seq: number;
}

export interface Decision {
  decisionId: string;
  seq: number;
  title: string;
  context?: string | null;
  options?: string[] | null;
  choice: string;
  rationale: string;
  approvers: string[];
  missingApprovers: string[];
  /** proposed, accepted, rejected, expired or superseded */
  status: string;
  proposedBy: Person;
  proposedAt: string;
  expiresAt?: string | null;
  supersedes?: string | null;
  supersededBy?: string | null;
  decidedAt?: string | null;
  approvals: Vote[];
  rejections: Vote[];
}

export const ACTION_STATUSES = ['open', 'in_progress', 'blocked', 'done', 'cancelled'] as const;

export interface Risk {
  likelihood: number;
  impact: number;
  exposure: number;
  effort: number;
}

export interface ActionItem {
  actionId: string;
  roomId?: string;
  seq: number;
  title: string;
  owner?: { userId: string | null; displayName: string | null; role: string | null } | null;
  dueAt?: string | null;
  overdue: boolean;
  status: string;
  decisionId?: string | null;
  risk?: Risk | null;
  riskScore?: number | null;
  createdAt: string;
  updatedAt?: string;
  closedAt?: string | null;
}

/**
 * An action's link to an issue in a tracker (`TrackerFeature.LinkView`): `requested` until the server created the
 * issue (`key` and `url` once `linked`), `failed` with the reason when it gave up (it may be asked for again).
 * `remoteState`: the state as the tracker's webhook last reported it.
 */
export interface ActionLink {
  actionId: string;
  trackerId: string;
  tracker: string;
  kind: string;
  status: 'requested' | 'linked' | 'failed' | string;
  key?: string;
  url?: string;
  remoteState?: string;
  error?: string;
  requestedSeq: number;
}

/** A tracker an action may be linked to (GET /api/trackers). */
export interface TrackerChoice {
  id: string;
  name: string;
  kind: string;
}

export const AUDIENCES = ['all', 'executive', 'engineering', 'legal'] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface StatusUpdate {
  seq: number;
  at: string;
  audience: string;
  by: Person;
  data: Record<string, unknown>;
}

export interface StatementApproval {
  role: string;
  by: Person;
  version: number;
  textHash: string;
  at: string;
}

export interface Statement {
  statementId: string;
  version: number;
  title: string;
  body: string;
  channel: string;
  textHash: string;
  draftedBy: Person;
  /** draft, approved or published */
  status: string;
  approvals: StatementApproval[];
  missingApprovers: string[];
  publishedVersion?: number | null;
  publishedAt?: string | null;
}

export interface Ack {
  ackId: string;
  seq: number;
  about: number;
  roles: string[];
  acknowledged: { role: string; by: Person; at: string }[];
  pending: string[];
  dueAt: string;
  overdue: boolean;
}

/**
 * How an inject reaches the players (`medium` of inject.delivered and of the exercise view): a news
 * article, a social post, an e-mail, a call transcript or a document; absent for a plain message.
 */
export type InjectMedium =
  | { kind: 'news'; outlet: string; headline: string; byline?: string | null }
  | { kind: 'social'; author: string; handle: string; likes: number; shares: number; platform?: string | null }
  | { kind: 'email'; from: string; to: string[]; subject: string; cc?: string[] | null }
  | { kind: 'call'; caller: string; callee?: string | null; durationSeconds?: number | null }
  | { kind: 'document'; title?: string | null; filename?: string | null; classification?: string | null };

export interface InjectStatus {
  id: string;
  title: string;
  body: string;
  to: string[];
  prompts?: string[] | null;
  /** delivered, upcoming, or (the facilitator's view only) dropped */
  status: string;
  deliveredAtMs?: number | null;
  dueAtMs?: number | null;
  timing?: { type: string; atSeconds?: number; after?: string; delaySeconds?: number; when?: Record<string, string> } | null;
  facilitatorNotes?: string | null;
  /** The facilitator's view only: "added" (not in the scenario), "changed" (edited or moved) or "dropped". */
  improvised?: string | null;
  medium?: InjectMedium | null;
}

export interface ExpectationStatus {
  id: string;
  injectId: string;
  role: string;
  action: string;
  objective: string;
  /** What is expected, in words. */
  description?: string | null;
  /** How long after its inject's delivery it falls due. */
  withinMs: number;
  /** pending, met, missed or not_started */
  status: string;
  dueAtMs?: number | null;
}

/** The scenario clock's anchor: scenario time `scenarioMs` at wall time `at` (null unless running). */
export interface ScenarioAnchor {
  scenarioMs: number;
  at: string | null;
}

/** GET /api/rooms/{id}/exercise: the facilitator sees all of it, a player the injects delivered to them. */
export interface ExerciseView {
  scenarioId: string;
  title: string;
  summary: string;
  /** ready, running, paused or ended */
  status: string;
  /** Whether the facilitator released the after-action report (and the score) to every member: `report.released`. */
  reportReleased: boolean;
  speed: number;
  /** The scenario clock's reading when the server wrote this (see `clock` to read it at any time). */
  elapsedMs: number;
  clock: ScenarioAnchor;
  injects: InjectStatus[];
  expectations?: ExpectationStatus[] | null;
  notReacted?: { injectId: string; roles: string[] }[] | null;
  debrief?: string[] | null;
  /** When the exercise is planned to start (`exercise.scheduled`); absent when not scheduled. */
  startsAt?: string | null;
  /** The facilitator's view only: the scenario's roles that confirmed they are ready, and the others. */
  commsCheck?: CommsCheck | null;
  /**
   * Anyone else's view: the same check for the viewer's own roles (those the scenario has) only, so a
   * player knows after a reload whether they confirmed; never another role's.
   */
  readyRoles?: string[] | null;
  notReadyRoles?: string[] | null;
}

export interface CommsCheck {
  ready: string[];
  notReady: string[];
}

export interface ApiErrorBody {
  code: string;
  message: string;
}

export interface RoomEvent {
  type: 'event';
  roomId: string;
  seq: number;
  at: string;
  kind: string;
  actor?: Actor;
  commandId?: string;
  data: Record<string, unknown>;
  visibleTo?: string[];
  hash: string;
  /** True when the event's content was erased (`event.erased`): its data is gone, its place in the chain stays. */
  erased?: boolean;
}

export interface You {
  userId: string;
  displayName: string;
  roles: string[];
}

/** `welcome` opens a connection; `resync` welcomes it again after the member's roles changed. */
export interface WelcomeFrame {
  type: 'welcome' | 'resync';
  roomId: string;
  seq: number;
  you: You;
  room: RoomSnapshot;
}

export type ResultFrame =
  | { type: 'result'; commandId: string; ok: true; seq: number; lastSeq?: number }
  | { type: 'result'; commandId: string; ok: false; error: ApiErrorBody };

export interface ErrorFrame {
  type: 'error';
  error: ApiErrorBody;
}

/** What this member may issue now, after the event at `seq` changed their roles or the room's phase. */
export interface CanFrame {
  type: 'can';
  roomId?: string;
  seq: number;
  can: string[];
  privileged?: string[];
}

export type ServerFrame = WelcomeFrame | RoomEvent | ResultFrame | ErrorFrame | CanFrame | { type: 'pong' };

export interface CommandFrame {
  type: 'command';
  commandId: string;
  name: string;
  data: Record<string, unknown>;
}

export interface ChainReport {
  ok: boolean;
  events: number;
  headHash: string;
  firstBadSeq?: number;
}

/** GET /api/metrics: one room's measures. A null duration means it never happened. */
export interface RoomMetrics {
  roomId: string;
  kind: string;
  title: string;
  severity: string;
  phase: string;
  openedAt: string;
  closedAt: string | null;
  timeToAcknowledgeSeconds: number | null;
  timeToFirstExecutiveUpdateSeconds: number | null;
  timeToContainmentSeconds: number | null;
  decisionLatencySeconds: number | null;
  overdueActions: number;
  openExceptions: number;
  oldestOpenExceptionAgeSeconds: number | null;
  meanTimeToCloseHighRiskActionsSeconds: number | null;
  /** Exercises only; score is met / triggered (0..1), null when nothing was triggered. */
  exerciseScore?: { met: number; triggered: number; score: number | null; endedAt: string | null } | null;
}

/** GET /api/metrics: every room I am in, and totals across them. */
export interface Metrics {
  totals: {
    openIncidentsBySeverity: Record<string, number>;
    overdueActions: number;
    openExceptions: number;
    meanTimeToContainmentSeconds: number | null;
    meanDecisionLatencySeconds: number | null;
    meanTimeToAcknowledgeSeconds: number | null;
    meanTimeToFirstExecutiveUpdateSeconds: number | null;
    exerciseScoresOverTime: { roomId: string; title: string; endedAt: string; score: number | null }[];
  };
  rooms: RoomMetrics[];
}
