import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from './i18n';
import { actorLabel, countBefore, describeEvent, indexFromSeq, pageBefore, phaseLabel, roleLabel } from './timeline';
import type { RoomEvent } from './types';

const alice = { userId: 'u-alice', displayName: 'Alice', roles: ['incident_commander'] };

function event(kind: string, data: Record<string, unknown>, extra: Partial<RoomEvent> = {}): RoomEvent {
  return { type: 'event', roomId: 'r1', seq: 1, at: '2025-01-01T10:00:00Z', kind, actor: alice, data, hash: 'h', ...extra };
}

describe('describeEvent', () => {
  it('tells of an action linked to a tracker, and of the issue state coming back', () => {
    expect(describeEvent(event('action.link_requested', { actionId: 'a', trackerId: 't', tracker: 'Ops repo', kind: 'github', automatic: false }))).toBe(
      'asked for an issue in Ops repo',
    );
    expect(describeEvent(event('action.linked', { actionId: 'a', trackerId: 't', key: 'acme/ops#7', url: 'https://github.com/acme/ops/issues/7' }))).toBe(
      'linked to issue acme/ops#7',
    );
    expect(describeEvent(event('action.tracker_state', { actionId: 'a', trackerId: 't', key: 'OPS-7', state: 'done', status: 'Done', closed: true }))).toBe(
      'issue OPS-7 is now Done',
    );
  });

  it('room.created', () => {
    expect(
      describeEvent(event('room.created', { roomKind: 'INCIDENT', title: 'DB leak', severity: 'SEV2', phase: 'detection' })),
    ).toBe('created the room “DB leak” (SEV2, detection)');
  });

  it('member.added', () => {
    expect(
      describeEvent(
        event('member.added', {
          userId: 'u-bob',
          displayName: 'Bob',
          roles: ['scribe', 'comms_approver'],
          rolesAfter: { 'u-bob': ['scribe', 'comms_approver'] },
        }),
      ),
    ).toBe('added Bob as scribe, comms approver');
    expect(describeEvent(event('member.added', { userId: 'u-bob', displayName: 'Bob', roles: [] }))).toBe(
      'added Bob as no role',
    );
  });

  it('role.assigned and role.released', () => {
    const data = { userId: 'u-bob', displayName: 'Bob', role: 'containment_lead', rolesAfter: {} };
    expect(describeEvent(event('role.assigned', data))).toBe('made Bob containment lead');
    expect(describeEvent(event('role.released', data))).toBe('released Bob from containment lead');
  });

  it('role.handed_over', () => {
    expect(
      describeEvent(
        event('role.handed_over', {
          role: 'incident_commander',
          fromUserId: 'u-alice',
          fromDisplayName: 'Alice',
          toUserId: 'u-bob',
          toDisplayName: 'Bob',
          rolesAfter: {},
        }),
      ),
    ).toBe('handed incident commander over from Alice to Bob');
  });

  it('falls back to the user id when a display name is missing', () => {
    expect(describeEvent(event('role.assigned', { userId: 'u-carol', role: 'legal' }))).toBe('made u-carol legal');
  });

  it('room.severity_changed and room.phase_changed', () => {
    expect(describeEvent(event('room.severity_changed', { from: 'SEV3', to: 'SEV1' }))).toBe(
      'changed severity from SEV3 to SEV1',
    );
    expect(describeEvent(event('room.phase_changed', { from: 'recovery', to: 'post_incident' }))).toBe(
      'moved the phase from recovery to post-incident',
    );
  });

  it('note.added, open and restricted', () => {
    expect(describeEvent(event('note.added', { text: 'Rotated the keys' }))).toBe('noted: Rotated the keys');
    expect(
      describeEvent(
        event('note.added', { text: 'Counsel engaged', visibleTo: ['legal', 'executive'] }, { visibleTo: ['legal', 'executive'] }),
      ),
    ).toBe('noted: Counsel engaged (visible to legal, executive only)');
    expect(describeEvent(event('note.added', { text: 'x' }, { visibleTo: ['legal'] }))).toBe(
      'noted: x (visible to legal only)',
    );
  });

  it('names an unknown kind in words instead of failing', () => {
    expect(describeEvent(event('decision.recorded', {}))).toBe('decision recorded');
  });

  it('decisions, statements, updates and acknowledgements, with who is still missing', () => {
    expect(
      describeEvent(event('decision.proposed', { title: 'Isolate', choice: 'VLAN 20 off', approvers: ['legal', 'executive'] })),
    ).toBe('proposed the decision “Isolate”: VLAN 20 off (approvers: legal, executive)');
    expect(describeEvent(event('decision.approved', { roles: ['legal'], missing: ['executive'] }))).toBe(
      'approved a decision as legal; still waiting for executive',
    );
    expect(describeEvent(event('statement.approved', { version: 2, role: 'comms_approver', missing: ['legal'] }))).toBe(
      'approved statement version 2 as comms approver; still waiting for legal',
    );
    expect(describeEvent(event('update.posted', { audience: 'executive', summary: 'Down' }))).toBe('posted an executive update: Down');
    expect(describeEvent(event('update.posted', { audience: 'legal', summary: 'Down' }))).toBe('posted a legal update: Down');
    expect(describeEvent(event('update.posted', { audience: 'all', summary: 'Down' }))).toBe('posted an update for everyone: Down');
    expect(describeEvent(event('ack.given', { roles: ['legal'], pending: [] }))).toBe('acknowledged as legal');
  });

  it('exercise events', () => {
    expect(describeEvent(event('inject.delivered', { title: 'Ransom note', to: ['legal'], manual: true }))).toBe(
      'inject “Ransom note” delivered to legal (by hand)',
    );
    expect(describeEvent(event('exercise.started', { speed: 60 }))).toBe('started the exercise at speed 60×');
    expect(describeEvent(event('expectation.missed', { expectationId: 'exec-update', role: 'incident_commander' }))).toBe(
      'expectation exec-update missed (incident commander)',
    );
  });

  it('tolerates missing data fields', () => {
    expect(describeEvent(event('room.severity_changed', {}))).toBe('changed severity from ? to ?');
  });
});

describe('labels', () => {
  it('actor, or system without one', () => {
    expect(actorLabel(event('note.added', { text: 'x' }))).toBe('Alice');
    const { actor: _actor, ...anonymous } = event('room.created', {});
    expect(actorLabel(anonymous)).toBe('system');
  });

  it('roles and phases in words', () => {
    expect(roleLabel('incident_commander')).toBe('incident commander');
    expect(phaseLabel('post_incident')).toBe('post-incident');
  });
});

describe('the window of a long timeline', () => {
  const timeline = Array.from({ length: 20_000 }, (_, i) => ({ seq: i + 1, kind: i % 10 === 0 ? 'decision.proposed' : 'note.added' }));
  const all = () => true;
  const decisions = (e: { kind: string }) => e.kind === 'decision.proposed';

  it('indexFromSeq finds the first entry at or after a seq, past the end for a seq beyond it', () => {
    expect(indexFromSeq(timeline, 1)).toBe(0);
    expect(indexFromSeq(timeline, 500)).toBe(499);
    expect(indexFromSeq(timeline, Infinity)).toBe(20_000);
    expect(indexFromSeq([{ seq: 2 }, { seq: 5 }, { seq: 9 }], 6)).toBe(2);
    expect(indexFromSeq([], 3)).toBe(0);
  });

  it('pageBefore_givesTheNewestEntries_oldestFirst_whenAskedForTheWindow', () => {
    const window = pageBefore(timeline, Infinity, all, 200);
    expect(window).toHaveLength(200);
    expect(window[0]!.seq).toBe(19_801);
    expect(window[199]!.seq).toBe(20_000);
  });

  it('pageBefore_givesThePageRightAboveTheWindow_withNoGap', () => {
    const older = pageBefore(timeline, 19_801, all, 100);
    expect(older.map((e) => e.seq)).toEqual(Array.from({ length: 100 }, (_, i) => 19_701 + i));
  });

  it('pageBefore_keepsOnlyWhatTheFiltersShow_andStopsAtTheStart', () => {
    const page = pageBefore(timeline, 51, decisions, 100);
    expect(page.map((e) => e.seq)).toEqual([1, 11, 21, 31, 41]);
    expect(pageBefore(timeline, 1, all, 100)).toEqual([]);
  });

  it('countBefore_countsWhatIsLeftAboveTheWindow', () => {
    expect(countBefore(timeline, 19_801, all)).toBe(19_800);
    expect(countBefore(timeline, 19_801, decisions)).toBe(1_980);
    expect(countBefore(timeline, 1, all)).toBe(0);
  });
});

describe('describeEvent in German', () => {
  afterEach(() => setLocale('en'));

  it('speaks German after setLocale("de"), with role and phase names from the terms', () => {
    setLocale('de');
    expect(describeEvent(event('role.assigned', { userId: 'u-bob', displayName: 'Bob', role: 'containment_lead' }))).toBe(
      'übertrug Bob die Rolle Eindämmungsleitung',
    );
    expect(describeEvent(event('room.phase_changed', { from: 'recovery', to: 'post_incident' }))).toBe(
      'wechselte die Phase von Wiederherstellung zu Nachbereitung',
    );
    expect(describeEvent(event('decision.approved', { roles: ['legal'], missing: ['executive'] }))).toBe(
      'stimmte als Recht einer Entscheidung zu; es fehlt noch: Geschäftsleitung',
    );
    expect(describeEvent(event('note.added', { text: 'x' }, { visibleTo: ['legal'] }))).toBe('notierte: x (nur für Recht sichtbar)');
    expect(describeEvent(event('action.updated', { from: 'open', to: 'in_progress' }))).toBe('setzte eine Maßnahme von offen auf in Arbeit');
    expect(describeEvent(event('update.posted', { audience: 'executive', summary: 'Contained' }))).toBe(
      'veröffentlichte einen Lagebericht für Geschäftsleitung: Contained',
    );
    expect(describeEvent(event('member.added', { userId: 'u-bob', displayName: 'Bob', roles: [] }))).toBe('nahm Bob ohne Rolle auf');
    expect(actorLabel({ ...event('exercise.paused', {}), actor: null } as unknown as RoomEvent)).toBe('System');
  });

  it('speaks English again after setLocale("en")', () => {
    setLocale('de');
    setLocale('en');
    expect(describeEvent(event('role.assigned', { userId: 'u-bob', displayName: 'Bob', role: 'containment_lead' }))).toBe(
      'made Bob containment lead',
    );
    expect(describeEvent(event('update.posted', { audience: 'executive', summary: 'Contained' }))).toBe('posted an executive update: Contained');
  });
});
