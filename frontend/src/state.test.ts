import { describe, expect, it } from 'vitest';
import { type RoomView, applyCan, applyEvent } from './state';
import { ev, icView } from './roomViewFixture';

const view: RoomView = icView(['note.add', 'room.phase', 'room.severity']);

describe('applyEvent', () => {
  it('ignores events the snapshot already reflects', () => {
    expect(applyEvent(view, ev(2, 'room.severity_changed', { from: 'SEV4', to: 'SEV1' }))).toBe(view);
  });

  it('follows severity and phase', () => {
    let v = applyEvent(view, ev(3, 'room.severity_changed', { from: 'SEV3', to: 'SEV1' }));
    v = applyEvent(v, ev(4, 'room.phase_changed', { from: 'detection', to: 'analysis' }));
    expect([v.room.severity, v.room.phase, v.room.seq]).toEqual(['SEV1', 'analysis', 4]);
    expect(view.room.severity).toBe('SEV3');
  });

  it('adds members and applies rolesAfter, also to you', () => {
    let v = applyEvent(
      view,
      ev(3, 'member.added', { userId: 'b', displayName: 'Bob', roles: ['scribe'], rolesAfter: { b: ['scribe'] } }),
    );
    expect(v.room.members.map((m) => m.displayName)).toEqual(['Alice', 'Bob']);
    v = applyEvent(
      v,
      ev(4, 'role.handed_over', {
        role: 'incident_commander',
        fromUserId: 'a',
        toUserId: 'b',
        rolesAfter: { a: [], b: ['scribe', 'incident_commander'] },
      }),
    );
    expect(v.room.members.find((m) => m.userId === 'b')!.roles).toEqual(['incident_commander', 'scribe']); // sorted, as the server lists them
    expect(v.you.roles).toEqual([]);
  });

  it('keeps `can` until a `can` frame replaces it', () => {
    let v = applyEvent(view, ev(3, 'room.phase_changed', { from: 'detection', to: 'closed' }));
    expect(v.room.can).toEqual(view.room.can);
    v = applyCan(v, { type: 'can', seq: 3, can: ['room.phase'] });
    expect(v.room.can).toEqual(['room.phase']);
    expect(applyCan(v, { type: 'can', seq: 2, can: [] })).toBe(v); // about an older event: stale
  });
});
