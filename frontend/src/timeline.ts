// Pure: one timeline event -> one line of plain words, and the window of a long timeline that the
// page holds (the newest entries, older pages on demand).
import type { RoomEvent } from './types';

/** "incident_commander" -> "incident commander". */
export function roleLabel(role: string): string {
  return role.replace(/_/g, ' ');
}

/** "post_incident" -> "post-incident". */
export function phaseLabel(phase: string): string {
  return phase.replace(/_/g, '-');
}

function str(data: Record<string, unknown>, key: string): string {
  const value = data[key];
  return typeof value === 'string' ? value : value == null ? '?' : String(value);
}

function list(data: Record<string, unknown>, key: string): string[] {
  const value = data[key];
  return Array.isArray(value) ? value.map(String) : [];
}

function roleList(roles: string[]): string {
  return roles.length ? roles.map(roleLabel).join(', ') : 'no role';
}

/** The name to show for a user an event names: its display name, else the id. */
function who(data: Record<string, unknown>, nameKey: string, idKey: string): string {
  const name = data[nameKey];
  return typeof name === 'string' && name ? name : str(data, idKey);
}

/** The human-readable text of an event, without time or actor (shown beside it). */
export function describeEvent(event: RoomEvent): string {
  const d = event.data ?? {};
  switch (event.kind) {
    case 'room.created':
      return `created the room “${str(d, 'title')}” (${str(d, 'severity')}, ${phaseLabel(str(d, 'phase'))})`;
    case 'member.added':
      return `added ${who(d, 'displayName', 'userId')} as ${roleList(list(d, 'roles'))}`;
    case 'role.assigned':
      return `made ${who(d, 'displayName', 'userId')} ${roleLabel(str(d, 'role'))}`;
    case 'role.released':
      return `released ${who(d, 'displayName', 'userId')} from ${roleLabel(str(d, 'role'))}`;
    case 'role.handed_over':
      return `handed ${roleLabel(str(d, 'role'))} over from ${who(d, 'fromDisplayName', 'fromUserId')} to ${who(d, 'toDisplayName', 'toUserId')}`;
    case 'room.severity_changed':
      return `changed severity from ${str(d, 'from')} to ${str(d, 'to')}`;
    case 'room.phase_changed':
      return `moved the phase from ${phaseLabel(str(d, 'from'))} to ${phaseLabel(str(d, 'to'))}`;
    case 'note.added': {
      const visibleTo = list(d, 'visibleTo').length ? list(d, 'visibleTo') : (event.visibleTo ?? []);
      const only = visibleTo.length ? ` (visible to ${roleList(visibleTo)} only)` : '';
      return `noted: ${str(d, 'text')}${only}`;
    }
    case 'decision.proposed': {
      const approvers = list(d, 'approvers');
      return `proposed the decision “${str(d, 'title')}”: ${str(d, 'choice')}${approvers.length ? ` (approvers: ${roleList(approvers)})` : ''}`;
    }
    case 'decision.approved': {
      const missing = list(d, 'missing');
      return `approved a decision as ${roleList(list(d, 'roles'))}${missing.length ? `; still waiting for ${roleList(missing)}` : ''}`;
    }
    case 'decision.rejected':
      return `rejected a decision as ${roleList(list(d, 'roles'))}: ${str(d, 'reason')}`;
    case 'decision.accepted':
      return 'a decision was accepted';
    case 'decision.expired':
      return 'a time-bound decision expired';
    case 'decision.superseded':
      return 'a decision was superseded';
    case 'action.created':
      return `created the action “${str(d, 'title')}”${d.ownerName || d.ownerRole ? ` for ${typeof d.ownerName === 'string' && d.ownerName ? d.ownerName : roleLabel(str(d, 'ownerRole'))}` : ''}`;
    case 'action.updated':
      return `moved an action from ${roleLabel(str(d, 'from'))} to ${roleLabel(str(d, 'to'))}${typeof d.note === 'string' && d.note ? `: ${d.note}` : ''}`;
    case 'action.overdue':
      return `the action “${str(d, 'title')}” is overdue`;
    case 'update.posted': {
      const audience = str(d, 'audience');
      const what = audience === 'all' ? 'an update for everyone' : `${/^[aeiou]/.test(audience) ? 'an' : 'a'} ${audience} update`;
      return `posted ${what}: ${str(d, 'summary')}`;
    }
    case 'update.overdue':
      return `a status update is overdue (${str(d, 'severity')})`;
    case 'statement.drafted':
      return `drafted version ${str(d, 'version')} of the statement “${str(d, 'title')}” (${str(d, 'channel')})`;
    case 'statement.approved': {
      const missing = list(d, 'missing');
      return `approved statement version ${str(d, 'version')} as ${roleLabel(str(d, 'role'))}${missing.length ? `; still waiting for ${roleList(missing)}` : ''}`;
    }
    case 'statement.published':
      return `published statement version ${str(d, 'version')}`;
    case 'ack.requested':
      return `asked ${roleList(list(d, 'roles'))} to acknowledge #${str(d, 'about')}`;
    case 'ack.given': {
      const pending = list(d, 'pending');
      return `acknowledged as ${roleList(list(d, 'roles'))}${pending.length ? `; still waiting for ${roleList(pending)}` : ''}`;
    }
    case 'ack.overdue':
      return `an acknowledgement is overdue; silent: ${roleList(list(d, 'pending'))}`;
    case 'exercise.started':
      return `started the exercise at speed ${str(d, 'speed')}×`;
    case 'exercise.paused':
      return 'paused the exercise';
    case 'exercise.resumed':
      return 'resumed the exercise';
    case 'exercise.speed_changed':
      return `changed the speed from ${str(d, 'from')}× to ${str(d, 'to')}×`;
    case 'exercise.ended':
      return 'ended the exercise';
    case 'inject.delivered':
      return `inject “${str(d, 'title')}” delivered to ${roleList(list(d, 'to'))}${d.manual === true ? ' (by hand)' : ''}`;
    case 'inject.responded':
      return `responded to inject ${str(d, 'injectId')}${typeof d.text === 'string' && d.text ? `: ${d.text}` : ''}`;
    case 'expectation.met':
      return `expectation ${str(d, 'expectationId')} met (${roleLabel(str(d, 'role'))})`;
    case 'expectation.missed':
      return `expectation ${str(d, 'expectationId')} missed (${roleLabel(str(d, 'role'))})`;
    case 'invite.created':
      return `created an invitation for ${roleLabel(str(d, 'role'))}`;
    default:
      return `${event.kind.replace(/[._]/g, ' ')}`;
  }
}

/** Who did it: the actor's display name, or "system" for events without an actor. */
export function actorLabel(event: RoomEvent): string {
  return event.actor?.displayName ?? 'system';
}

/** "14:05:09" in the viewer's local time; the full timestamp goes in the element's datetime. */
export function timeLabel(at: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

/** The index of the first entry whose seq is `seq` or more in a timeline ordered by seq (binary search). */
export function indexFromSeq(timeline: readonly { seq: number }[], seq: number): number {
  let lo = 0;
  let hi = timeline.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timeline[mid]!.seq < seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Of the entries before `beforeSeq` that `accept` takes, the newest `size`, oldest first: the page
 * that goes above the window ("Show older"), or the window itself with `beforeSeq` = Infinity. It
 * looks at no entry older than the page, so a long timeline costs only the page.
 */
export function pageBefore<T extends { seq: number }>(
  timeline: readonly T[],
  beforeSeq: number,
  accept: (entry: T) => boolean,
  size: number,
): T[] {
  const page: T[] = [];
  for (let i = indexFromSeq(timeline, beforeSeq) - 1; i >= 0 && page.length < size; i--) {
    const entry = timeline[i]!;
    if (accept(entry)) page.push(entry);
  }
  return page.reverse();
}

/** How many entries before `beforeSeq` `accept` takes: what "Show older" still has to show. */
export function countBefore<T extends { seq: number }>(timeline: readonly T[], beforeSeq: number, accept: (entry: T) => boolean): number {
  let count = 0;
  const end = indexFromSeq(timeline, beforeSeq);
  for (let i = 0; i < end; i++) if (accept(timeline[i]!)) count += 1;
  return count;
}
