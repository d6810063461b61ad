// Pure: one timeline event -> one line of plain words.
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
