// Pure: the room as this client shows it, kept current by the events that follow a snapshot.
import type { Member, RoomEvent, RoomSnapshot, You } from './types';

export interface RoomView {
  room: RoomSnapshot;
  you: You;
}

function rolesAfter(event: RoomEvent): Record<string, string[]> {
  const after = event.data?.rolesAfter;
  if (!after || typeof after !== 'object' || Array.isArray(after)) return {};
  const result: Record<string, string[]> = {};
  for (const [userId, roles] of Object.entries(after as Record<string, unknown>)) {
    if (Array.isArray(roles)) result[userId] = roles.map(String);
  }
  return result;
}

/**
 * The view after `event`. Events at or below the snapshot's seq are already in it (a resume
 * replays them) and change nothing; later ones update severity, phase, members and roles.
 */
export function applyEvent(view: RoomView, event: RoomEvent): RoomView {
  if (event.seq <= view.room.seq) return view;
  const d = event.data ?? {};
  let room: RoomSnapshot = { ...view.room, seq: event.seq };
  let you = view.you;

  switch (event.kind) {
    case 'room.severity_changed':
      if (typeof d.to === 'string') room.severity = d.to;
      break;
    case 'room.phase_changed':
      if (typeof d.to === 'string') room.phase = d.to;
      break;
    case 'member.added':
      if (typeof d.userId === 'string' && !room.members.some((m) => m.userId === d.userId)) {
        const member: Member = {
          userId: d.userId,
          displayName: typeof d.displayName === 'string' ? d.displayName : d.userId,
          roles: Array.isArray(d.roles) ? d.roles.map(String) : [],
        };
        room = { ...room, members: [...room.members, member] };
      }
      break;
  }

  const after = rolesAfter(event);
  if (Object.keys(after).length) {
    room = {
      ...room,
      members: room.members.map((m) => (after[m.userId] ? { ...m, roles: after[m.userId]! } : m)),
    };
    const mine = after[you.userId];
    if (mine) you = { ...you, roles: mine };
  }
  return { room, you };
}
