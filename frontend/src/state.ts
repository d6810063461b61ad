// Pure: the room as this client shows it, kept current by the events that follow the welcome's
// snapshot, section by section (reducers.ts), and by `can` frames. Nothing here fetches anything.
import {
  type ReduceContext,
  type UpdatesSection,
  reduceAcks,
  reduceActionLinks,
  reduceActions,
  reduceDecisions,
  reduceExercise,
  reduceMembers,
  reduceNotes,
  reducePlaybook,
  reduceStatements,
  reduceUpdates,
  rolesAfter,
  scenarioElapsed,
} from './reducers';
import type { PlaybookSections } from './playbookTypes';
import type { CanFrame, RoomEvent, RoomSnapshot, You } from './types';

export interface RoomView {
  room: RoomSnapshot;
  you: You;
}

/**
 * The view after `event`. Events at or below the snapshot's seq are already in it (a resume replays
 * them) and change nothing; each later one goes through every section's reducer. `seq` and `headHash`
 * follow the last event this member received (events they may not see move the server's head too).
 */
export function applyEvent(view: RoomView, event: RoomEvent): RoomView {
  if (event.seq <= view.room.seq) return view;
  const before = view.room;
  const d = event.data ?? {};
  const room: RoomSnapshot = { ...before, seq: event.seq, headHash: event.hash };
  if (event.kind === 'room.severity_changed' && typeof d.to === 'string') room.severity = d.to;
  if (event.kind === 'room.phase_changed' && typeof d.to === 'string') room.phase = d.to;
  if (event.kind === 'room.made_public') room.public = true;
  if (event.kind === 'room.made_private') room.public = false;

  room.members = reduceMembers(before.members, event);
  const mine = rolesAfter(event)[view.you.userId];
  const you = mine ? { ...view.you, roles: mine } : view.you;
  const ctx: ReduceContext = { userId: you.userId, roles: you.roles, kind: room.kind, members: room.members };

  room.notes = reduceNotes(before.notes, event, ctx);
  if (before.decisions) room.decisions = reduceDecisions(before.decisions, event);
  if (before.actions) room.actions = reduceActions(before.actions, event);
  if (before.actionLinks) room.actionLinks = reduceActionLinks(before.actionLinks, event);
  if (before.statements) room.statements = reduceStatements(before.statements, event);
  if (before.acks) room.acks = reduceAcks(before.acks, event);
  if (before.updates) {
    const section: UpdatesSection = { updates: before.updates, nextUpdateDue: before.nextUpdateDue ?? null, lastUpdateAt: before.lastUpdateAt ?? null };
    const after = reduceUpdates(section, event, ctx);
    if (after !== section) Object.assign(room, after);
  }
  if (before.exercise) room.exercise = reduceExercise(before.exercise, event, ctx);
  const typed = before as RoomSnapshot & Partial<PlaybookSections>;
  if (typed.checklist) {
    const section: PlaybookSections = { playbook: typed.playbook ?? null, checklist: typed.checklist, fields: typed.fields ?? [] };
    const after = reducePlaybook(section, event);
    if (after !== section) Object.assign(room, after);
  }
  return { room, you };
}

/**
 * What this member may issue, as the `can` frame that follows an event changing their roles or the
 * room's phase says. A frame about an event older than the view's is stale and changes nothing.
 */
export function applyCan(view: RoomView, frame: CanFrame): RoomView {
  if (frame.seq < view.room.seq || !Array.isArray(frame.can)) return view;
  const privileged = Array.isArray(frame.privileged) ? [...frame.privileged] : view.room.privileged;
  return { ...view, room: { ...view.room, can: [...frame.can], privileged } };
}

/**
 * The room as a snapshot taken at `nowMs` (server time) would show it: the only value that moves
 * with time alone is the exercise's `elapsedMs` (overdue actions, acknowledgements, updates and
 * expired decisions each come as an event when their timer fires).
 */
export function readAt(room: RoomSnapshot, nowMs: number): RoomSnapshot {
  if (!room.exercise) return room;
  return { ...room, exercise: { ...room.exercise, elapsedMs: scenarioElapsed(room.exercise, nowMs) } };
}
