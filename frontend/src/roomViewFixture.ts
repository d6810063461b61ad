// A small incident as its IC sees it, and events for it: the starting point of the state tests.
import type { RoomView } from './state';
import type { RoomEvent, RoomSnapshot } from './types';

/** An incident at seq 2 with one member, its IC, who may do what `can` says; `extra` adds or overrides snapshot fields. */
export function icView(can: string[], extra: Partial<RoomSnapshot> = {}): RoomView {
  return {
    you: { userId: 'a', displayName: 'Alice', roles: ['incident_commander'] },
    room: {
      id: 'r',
      kind: 'INCIDENT',
      title: 'T',
      severity: 'SEV3',
      phase: 'detection',
      createdAt: '2025-01-01T00:00:00Z',
      createdBy: 'a',
      seq: 2,
      headHash: 'h',
      members: [{ userId: 'a', displayName: 'Alice', roles: ['incident_commander'] }],
      can,
      notes: [],
      ...extra,
    },
  };
}

/** An event of room `r` as the socket delivers it. */
export function ev(seq: number, kind: string, data: Record<string, unknown> = {}): RoomEvent {
  return { type: 'event', roomId: 'r', seq, at: '', kind, data, hash: '' };
}
