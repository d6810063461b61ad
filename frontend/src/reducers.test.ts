import { describe, expect, it } from 'vitest';
import {
  type ReduceContext,
  SNAPSHOT_NOTES,
  compareActions,
  maySee,
  reduceAcks,
  reduceActionLinks,
  reduceActions,
  reduceDecisions,
  reduceExercise,
  reduceMembers,
  reduceNotes,
  reduceStatements,
  reduceUpdates,
  scenarioElapsed,
  wireTime,
} from './reducers';
import type { ActionItem, Actor, ExerciseView, Note, RoomEvent } from './types';

const ALICE: Actor = { userId: 'a', displayName: 'Alice', roles: ['incident_commander'] };
const LEE: Actor = { userId: 'l', displayName: 'Lee', roles: ['legal'] };
const EVE: Actor = { userId: 'e', displayName: 'Eve', roles: ['executive', 'legal'] };

function ev(seq: number, kind: string, data: Record<string, unknown>, actor?: Actor, visibleTo?: string[]): RoomEvent {
  return {
    type: 'event',
    roomId: 'r',
    seq,
    at: `2026-01-01T10:00:${String(seq).padStart(2, '0')}.000Z`,
    kind,
    data,
    hash: `h${seq}`,
    ...(actor ? { actor } : {}),
    ...(visibleTo ? { visibleTo } : {}),
  };
}

function ctx(userId: string, roles: string[], kind = 'INCIDENT'): ReduceContext {
  return {
    userId,
    roles,
    kind,
    members: [
      { userId: 'a', displayName: 'Alice', roles: ['incident_commander'] },
      { userId: 'l', displayName: 'Lee', roles: ['legal'] },
      { userId: 'e', displayName: 'Eve', roles: ['executive', 'legal'] },
      { userId: userId, displayName: 'Me', roles },
    ],
  };
}

describe('wireTime', () => {
  it('writes instants as the server does: three fraction digits, truncated', () => {
    expect(wireTime('2026-01-01T10:00:00Z')).toBe('2026-01-01T10:00:00.000Z');
    expect(wireTime('2026-01-01T10:00:00.4Z')).toBe('2026-01-01T10:00:00.400Z');
    expect(wireTime('2026-01-01T10:00:00.451136724Z')).toBe('2026-01-01T10:00:00.451Z');
    expect(wireTime('2026-01-01T10:00:00.999999Z')).toBe('2026-01-01T10:00:00.999Z');
    expect(wireTime(null)).toBeNull();
  });
});

describe('maySee', () => {
  it('lets everyone see unrestricted items, and restricted ones the roles named, the lead and the author', () => {
    expect(maySee(null, 'x', ctx('s', ['scribe']))).toBe(true);
    expect(maySee(['legal'], 'x', ctx('s', ['scribe']))).toBe(false);
    expect(maySee(['legal'], 's', ctx('s', ['scribe']))).toBe(true);
    expect(maySee(['legal'], 'x', ctx('s', ['legal', 'scribe']))).toBe(true);
    expect(maySee(['legal'], 'x', ctx('a', ['incident_commander']))).toBe(true);
    expect(maySee(['legal'], 'x', ctx('i', ['incident_commander'], 'EXERCISE'))).toBe(false); // an exercise's IC is a player
    expect(maySee(['legal'], 'x', ctx('f', ['facilitator'], 'EXERCISE'))).toBe(true);
  });
});

describe('reduceMembers', () => {
  it('appends who joins and sets roles from rolesAfter, sorted', () => {
    let members = reduceMembers([], ev(1, 'member.added', { userId: 'a', displayName: 'Alice', roles: ['scribe', 'legal'], rolesAfter: { a: ['scribe', 'legal'] } }));
    expect(members).toEqual([{ userId: 'a', displayName: 'Alice', roles: ['legal', 'scribe'] }]);
    members = reduceMembers(members, ev(2, 'role.released', { userId: 'a', role: 'legal', rolesAfter: { a: ['scribe'] } }));
    expect(members[0]!.roles).toEqual(['scribe']);
    expect(reduceMembers(members, ev(3, 'note.added', { text: 'x' }))).toBe(members);
  });
});

describe('reduceNotes', () => {
  const note = (seq: number, visibleTo?: string[]) => ev(seq, 'note.added', { text: `n${seq}`, visibleTo: visibleTo ?? null }, ALICE, visibleTo);

  it('keeps the latest 100 this member may see, oldest first', () => {
    let notes: Note[] = [];
    for (let seq = 1; seq <= SNAPSHOT_NOTES + 5; seq++) notes = reduceNotes(notes, note(seq), ctx('s', ['scribe']));
    expect(notes).toHaveLength(SNAPSHOT_NOTES);
    expect(notes[0]!.seq).toBe(6);
    expect(notes.at(-1)).toEqual({ seq: 105, at: note(105).at, actor: ALICE, text: 'n105', visibleTo: null });
  });

  it('keeps an erased note in its place, without its text', () => {
    const me = ctx('s', ['scribe']);
    let notes = reduceNotes([], note(1), me);
    notes = reduceNotes(notes, note(2), me);
    const erased = reduceNotes(notes, ev(3, 'event.erased', { erasureId: 'x', seq: 1, kind: 'note.added', reason: 'GDPR' }, ALICE), me);
    expect(erased).toEqual([{ seq: 1, at: note(1).at, actor: ALICE, visibleTo: null, erased: true }, notes[1]]);
    expect(reduceNotes(notes, ev(3, 'event.erased', { seq: 99 }, ALICE), me)).toBe(notes);
  });

  it('drops notes restricted to a role this member just lost', () => {
    const me = ctx('s', ['legal', 'scribe']);
    let notes = reduceNotes([], note(1, ['legal']), me);
    notes = reduceNotes(notes, note(2), me);
    expect(notes.map((n) => n.seq)).toEqual([1, 2]);
    notes = reduceNotes(notes, ev(3, 'role.released', { userId: 's', role: 'legal', rolesAfter: { s: ['scribe'] } }), ctx('s', ['scribe']));
    expect(notes.map((n) => n.seq)).toEqual([2]);
  });
});

describe('reduceDecisions', () => {
  const proposed = ev(1, 'decision.proposed', {
    decisionId: 'd1',
    title: 'Isolate',
    context: null,
    options: [],
    choice: 'Yes',
    rationale: 'Because',
    approvers: ['legal', 'executive'],
    expiresAt: '2026-01-01T11:00:00Z',
    supersedes: null,
  }, ALICE);

  it('follows approvals to acceptance, with the missing roles the events carry', () => {
    let list = reduceDecisions([], proposed);
    expect(list[0]).toEqual({
      decisionId: 'd1',
      seq: 1,
      title: 'Isolate',
      options: [],
      choice: 'Yes',
      rationale: 'Because',
      approvers: ['executive', 'legal'],
      missingApprovers: ['executive', 'legal'],
      status: 'proposed',
      proposedBy: { userId: 'a', displayName: 'Alice' },
      proposedAt: proposed.at,
      expiresAt: '2026-01-01T11:00:00.000Z',
      approvals: [],
      rejections: [],
    });
    list = reduceDecisions(list, ev(2, 'decision.approved', { decisionId: 'd1', roles: ['legal'], comment: null, missing: ['executive'] }, LEE));
    expect(list[0]!.missingApprovers).toEqual(['executive']);
    list = reduceDecisions(list, ev(3, 'decision.approved', { decisionId: 'd1', roles: ['legal', 'executive'], comment: 'ok', missing: [] }, EVE));
    list = reduceDecisions(list, ev(4, 'decision.accepted', { decisionId: 'd1', approvedBy: ['l', 'e'] }, EVE));
    expect(list[0]).toMatchObject({ status: 'accepted', decidedAt: ev(4, '', {}).at, missingApprovers: [] });
    expect(list[0]!.approvals.map((v) => [v.by.userId, v.roles, v.comment, v.seq])).toEqual([
      ['l', ['legal'], null, 2],
      ['e', ['executive', 'legal'], 'ok', 3],
    ]);
    list = reduceDecisions(list, ev(5, 'decision.expired', { decisionId: 'd1', expiresAt: '2026-01-01T11:00:00Z', statusBefore: 'accepted' }));
    expect(list[0]).toMatchObject({ status: 'expired', decidedAt: ev(4, '', {}).at });
  });

  it('keeps a rejection as dissent, and marks what a newer decision supersedes', () => {
    let list = reduceDecisions([], proposed);
    list = reduceDecisions(list, ev(2, 'decision.rejected', { decisionId: 'd1', roles: ['legal'], reason: 'no' }, LEE));
    expect(list[0]).toMatchObject({ status: 'rejected', missingApprovers: [], rejections: [{ comment: 'no', seq: 2 }] });
    list = reduceDecisions(list, ev(3, 'decision.superseded', { decisionId: 'd1', supersededBy: 'd2' }));
    expect(list[0]).toMatchObject({ status: 'superseded', supersededBy: 'd2' });
  });
});

describe('actions', () => {
  const action = (seq: number, riskScore: number | null, dueAt: string | null, createdAt = 'T'): ActionItem => ({
    actionId: `x${seq}`,
    seq,
    title: '',
    overdue: false,
    status: 'open',
    riskScore,
    dueAt,
    createdAt,
  });

  it('ranks as the server does: risk, then due time (none last), then age, then seq', () => {
    const list = [action(1, null, null), action(2, 40, '2026-01-02'), action(3, 40, '2026-01-01'), action(4, 40, null), action(5, 0, null), action(6, 40, null)];
    expect([...list].sort(compareActions).map((a) => a.seq)).toEqual([3, 2, 4, 6, 1, 5]);
  });

  it('creates, updates (closedAt while closed) and marks overdue', () => {
    const created = ev(1, 'action.created', {
      actionId: 'x',
      title: 'Patch',
      ownerId: null,
      ownerName: null,
      ownerRole: 'legal',
      dueAt: '2026-01-01T12:00:00Z',
      decisionId: null,
      risk: null,
      riskScore: null,
    }, ALICE);
    let list = reduceActions([], created);
    expect(list[0]).toEqual({
      actionId: 'x',
      roomId: 'r',
      seq: 1,
      title: 'Patch',
      owner: { userId: null, displayName: null, role: 'legal' },
      dueAt: '2026-01-01T12:00:00.000Z',
      overdue: false,
      status: 'open',
      createdAt: created.at,
      updatedAt: created.at,
    });
    list = reduceActions(list, ev(2, 'action.updated', { actionId: 'x', from: 'open', to: 'done', note: null }, ALICE));
    expect(list[0]).toMatchObject({ status: 'done', closedAt: ev(2, '', {}).at, updatedAt: ev(2, '', {}).at });
    list = reduceActions(list, ev(3, 'action.updated', { actionId: 'x', from: 'done', to: 'open', note: null }, ALICE));
    expect(list[0]!.closedAt).toBeUndefined();
    list = reduceActions(list, ev(4, 'action.overdue', { actionId: 'x' }));
    expect(list[0]!.overdue).toBe(true);
  });
});

describe('reduceActionLinks', () => {
  const requested = ev(5, 'action.link_requested', { actionId: 'a1', trackerId: 't1', tracker: 'Ops repo', kind: 'github', automatic: false });

  it('shows a requested link, then its key and address once linked, and the state the tracker reports', () => {
    let links = reduceActionLinks([], requested);
    expect(links).toEqual([{ actionId: 'a1', trackerId: 't1', tracker: 'Ops repo', kind: 'github', status: 'requested', requestedSeq: 5 }]);
    links = reduceActionLinks(links, ev(6, 'action.linked', { actionId: 'a1', trackerId: 't1', key: 'acme/ops#7', url: 'https://github.com/acme/ops/issues/7' }));
    expect(links[0]).toMatchObject({ status: 'linked', key: 'acme/ops#7', url: 'https://github.com/acme/ops/issues/7' });
    links = reduceActionLinks(links, ev(7, 'action.tracker_state', { actionId: 'a1', trackerId: 't1', key: 'acme/ops#7', state: 'closed', closed: true }));
    expect(links[0]?.remoteState).toBe('closed');
  });

  it('shows why a link failed, and starts afresh at the end when it is asked for again', () => {
    const other = ev(6, 'action.link_requested', { actionId: 'a2', trackerId: 't1', tracker: 'Ops repo', kind: 'github', automatic: true });
    let links = reduceActionLinks(reduceActionLinks([], requested), other);
    links = reduceActionLinks(links, ev(7, 'action.link_failed', { actionId: 'a1', trackerId: 't1', reason: 'HTTP 401' }));
    expect(links[0]).toEqual({ actionId: 'a1', trackerId: 't1', tracker: 'Ops repo', kind: 'github', status: 'failed', error: 'HTTP 401', requestedSeq: 5 });
    links = reduceActionLinks(links, { ...requested, seq: 8 });
    expect(links.map((l) => [l.actionId, l.status, l.requestedSeq])).toEqual([
      ['a2', 'requested', 6],
      ['a1', 'requested', 8],
    ]);
    expect(links[1]).not.toHaveProperty('error');
  });
});

describe('reduceUpdates', () => {
  const empty = { updates: [], nextUpdateDue: '2026-01-01T11:00:00.000Z', lastUpdateAt: null };
  const post = (seq: number, audience: string, actor = ALICE) =>
    ev(seq, 'update.posted', { audience, summary: `s${seq}` }, actor, audience === 'all' ? undefined : [audience === 'engineering' ? 'containment_lead' : audience]);

  it('keeps the latest per audience, in the audiences order, and the cadence from update.rescheduled', () => {
    const ic = ctx('a', ['incident_commander']);
    let s = reduceUpdates(empty, post(1, 'legal'), ic);
    s = reduceUpdates(s, post(2, 'all'), ic);
    s = reduceUpdates(s, post(3, 'legal'), ic);
    expect(s.updates.map((u) => [u.audience, u.seq])).toEqual([
      ['all', 2],
      ['legal', 3],
    ]);
    expect(s.updates[0]!.by).toEqual({ userId: 'a', displayName: 'Alice' });
    s = reduceUpdates(s, ev(4, 'update.rescheduled', { nextDueAt: null, lastUpdateAt: '2026-01-01T10:00:03.5Z' }), ic);
    expect([s.nextUpdateDue, s.lastUpdateAt]).toEqual([null, '2026-01-01T10:00:03.500Z']);
  });

  it('drops an audience this member no longer reads, but not what they wrote', () => {
    const me = ctx('s', ['legal', 'scribe']);
    let s = reduceUpdates(empty, post(1, 'legal'), me);
    s = reduceUpdates(s, post(2, 'executive', { userId: 's', displayName: 'Me', roles: ['scribe'] }), me);
    s = reduceUpdates(s, ev(3, 'role.released', { userId: 's', role: 'legal', rolesAfter: { s: ['scribe'] } }), ctx('s', ['scribe']));
    expect(s.updates.map((u) => u.audience)).toEqual(['executive']);
  });
});

describe('reduceStatements', () => {
  const drafted = (seq: number, version: number) =>
    ev(seq, 'statement.drafted', { statementId: 's1', version, title: `T${version}`, body: 'B', channel: 'web', textHash: `h${version}` }, ALICE);
  const approved = (seq: number, version: number, role: string, actor: Actor) =>
    ev(seq, 'statement.approved', { statementId: 's1', version, textHash: `h${version}`, role, missing: [] }, actor);

  it('needs both approvals of the current version, and a revision voids them', () => {
    let list = reduceStatements([], drafted(1, 1));
    expect(list[0]).toMatchObject({ status: 'draft', missingApprovers: ['comms_approver', 'legal'], approvals: [] });
    list = reduceStatements(list, approved(2, 1, 'legal', LEE));
    expect(list[0]).toMatchObject({ status: 'draft', missingApprovers: ['comms_approver'] });
    list = reduceStatements(list, approved(3, 1, 'comms_approver', ALICE));
    expect(list[0]).toMatchObject({ status: 'approved', missingApprovers: [] });
    list = reduceStatements(list, ev(4, 'statement.published', { statementId: 's1', version: 1, textHash: 'h1' }, ALICE));
    expect(list[0]).toMatchObject({ status: 'published', publishedVersion: 1, publishedAt: ev(4, '', {}).at });
    list = reduceStatements(list, drafted(5, 2));
    expect(list[0]).toMatchObject({ version: 2, title: 'T2', status: 'draft', approvals: [], publishedVersion: 1, missingApprovers: ['comms_approver', 'legal'] });
    expect(reduceStatements(list, approved(6, 1, 'legal', LEE))).toBe(list); // an approval of an older version changes nothing
  });
});

describe('reduceAcks', () => {
  it('answers each role once, in role order within one acknowledgement, until overdue or done', () => {
    let list = reduceAcks([], ev(1, 'ack.requested', { ackId: 'k', about: 1, roles: ['legal', 'executive', 'scribe'], dueAt: '2026-01-01T10:15:01.123456Z' }, ALICE));
    expect(list[0]).toEqual({ ackId: 'k', seq: 1, about: 1, roles: ['executive', 'legal', 'scribe'], acknowledged: [], pending: ['executive', 'legal', 'scribe'], dueAt: '2026-01-01T10:15:01.123Z', overdue: false });
    list = reduceAcks(list, ev(2, 'ack.given', { ackId: 'k', roles: ['legal', 'executive'], pending: ['scribe'] }, EVE));
    expect(list[0]!.acknowledged.map((a) => a.role)).toEqual(['executive', 'legal']);
    expect(list[0]!.pending).toEqual(['scribe']);
    list = reduceAcks(list, ev(3, 'ack.overdue', { ackId: 'k', about: 1, pending: ['scribe'] }));
    expect(list[0]!.overdue).toBe(true);
  });
});

describe('reduceExercise', () => {
  const base: ExerciseView = {
    scenarioId: 'drill',
    title: 'Drill',
    summary: '',
    status: 'ready',
    reportReleased: false,
    speed: 1,
    elapsedMs: 0,
    clock: { scenarioMs: 0, at: null },
    injects: [],
  };
  const script: ExerciseView = {
    ...base,
    injects: [
      { id: 'kickoff', title: 'K', body: 'b', to: ['incident_commander'], prompts: [], status: 'upcoming', dueAtMs: 0, timing: { type: 'at', atSeconds: 0 } },
      { id: 'legal', title: 'L', body: 'b', to: ['legal'], prompts: [], status: 'upcoming', dueAtMs: 300_000, timing: { type: 'at', atSeconds: 300 } },
      { id: 'ask', title: 'A', body: 'b', to: ['executive', 'legal'], prompts: [], status: 'upcoming', timing: { type: 'after', after: 'legal', delaySeconds: 600 } },
    ],
    expectations: [{ id: 'x', injectId: 'legal', role: 'legal', action: 'acknowledge', objective: 'o', withinMs: 300_000, status: 'not_started', dueAtMs: null }],
    notReacted: [{ injectId: 'kickoff', roles: ['incident_commander'] }],
    debrief: [],
  };
  const delivery = (seq: number, injectId: string, to: string[], scenarioMs: number) =>
    ev(seq, 'inject.delivered', { injectId, title: injectId, body: 'b', to, prompts: [], scenarioMs, manual: false }, undefined, to);

  it('marks the report released for every member, facilitator and player alike', () => {
    for (const roles of [['facilitator'], ['executive'], ['observer']]) {
      const x = reduceExercise({ ...base, status: 'ended' }, ev(9, 'report.released', { scenarioMs: 60_000 }), ctx('u', roles, 'EXERCISE'));
      expect(x.reportReleased).toBe(true);
      expect(x.status).toBe('ended');
    }
  });

  it('moves the scenario clock as playback does, and reads it like ScenarioClock', () => {
    const me = ctx('f', ['facilitator'], 'EXERCISE');
    let x = reduceExercise(base, ev(1, 'exercise.started', { scenarioId: 'drill', speed: 2.5 }), me);
    expect(x).toMatchObject({ status: 'running', speed: 2.5, clock: { scenarioMs: 0, at: ev(1, '', {}).at } });
    const started = Date.parse(ev(1, '', {}).at);
    expect(scenarioElapsed(x, started + 1001)).toBe(2502);
    expect(scenarioElapsed(x, started - 5)).toBe(0);
    x = reduceExercise(x, ev(2, 'exercise.paused', { scenarioMs: 2500 }), me);
    expect(scenarioElapsed(x, started + 99_999)).toBe(2500);
    x = reduceExercise(x, ev(3, 'exercise.speed_changed', { from: 2.5, to: 60, scenarioMs: 2500 }), me);
    expect(x.clock).toEqual({ scenarioMs: 2500, at: null });
    x = reduceExercise(x, ev(4, 'exercise.resumed', { scenarioMs: 2500 }), me);
    expect(scenarioElapsed(x, Date.parse(ev(4, '', {}).at) + 10)).toBe(3100);
  });

  it('shows the facilitator a delivery: planned successors, pending expectations, who has not reacted', () => {
    const f = ctx('f', ['facilitator'], 'EXERCISE');
    const x = reduceExercise(script, delivery(5, 'legal', ['legal'], 290_000), f);
    expect(x.injects[1]).toEqual({ id: 'legal', title: 'L', body: 'b', to: ['legal'], prompts: [], status: 'delivered', deliveredAtMs: 290_000, timing: { type: 'at', atSeconds: 300 } });
    expect(x.injects[2]!.dueAtMs).toBe(890_000);
    expect(x.expectations![0]).toMatchObject({ status: 'pending', dueAtMs: 590_000 });
    expect(x.notReacted).toEqual([
      { injectId: 'kickoff', roles: ['incident_commander'] },
      { injectId: 'legal', roles: ['legal'] },
    ]);
    const answered = reduceExercise(x, ev(6, 'inject.responded', { injectId: 'legal', text: null }, EVE, ['legal']), f);
    expect(answered.notReacted).toEqual([{ injectId: 'kickoff', roles: ['incident_commander'] }]);
    expect(reduceExercise(answered, ev(7, 'expectation.met', { expectationId: 'x' }), f).expectations![0]!.status).toBe('met');
  });

  it('shows a player the injects for their roles, in the order they came', () => {
    const lee = ctx('l', ['legal'], 'EXERCISE');
    let x = reduceExercise(base, delivery(5, 'ask', ['legal', 'executive'], 10), lee);
    x = reduceExercise(x, delivery(6, 'legal', ['legal'], 5), lee);
    expect(x.injects.map((i) => i.id)).toEqual(['ask', 'legal']);
    expect(x.injects[0]).toEqual({ id: 'ask', title: 'ask', body: 'b', to: ['executive', 'legal'], prompts: [], status: 'delivered', deliveredAtMs: 10 });
    x = reduceExercise(x, ev(7, 'role.handed_over', { role: 'legal', fromUserId: 'l', toUserId: 'e', rolesAfter: { l: ['executive'], e: ['legal'] } }), ctx('l', ['executive'], 'EXERCISE'));
    expect(x.injects.map((i) => i.id)).toEqual(['ask']);
  });

  describe('improvisation (the facilitator only)', () => {
    const f = ctx('f', ['facilitator'], 'EXERCISE');
    const withDescription: ExerciseView = {
      ...script,
      expectations: [
        { id: 'x', injectId: 'legal', role: 'legal', action: 'acknowledge', objective: 'o', description: "legal to acknowledge 'L' within 5 min of 'L'", withinMs: 300_000, status: 'not_started', dueAtMs: null },
        { id: 'y', injectId: 'kickoff', role: 'incident_commander', action: 'assign_role', objective: 'o', description: "incident_commander to assign legal within 10 min of 'K'", withinMs: 600_000, status: 'not_started', dueAtMs: null },
      ],
    };
    const added = (seq: number, injectId: string, atMs: number | null) =>
      ev(seq, 'inject.added', { injectId, title: 'Press call', body: '**Now**', to: ['legal', 'executive'], prompts: ['Who talks?'], atMs, scenarioMs: 1000 }, undefined, ['facilitator']);

    it('adds an inject after the script, timed or by hand', () => {
      let x = reduceExercise(script, added(8, 'improvised-001', 900_500), f);
      expect(x.injects.map((i) => i.id)).toEqual(['kickoff', 'legal', 'ask', 'improvised-001']);
      expect(x.injects[3]).toEqual({
        id: 'improvised-001', title: 'Press call', body: '**Now**', to: ['executive', 'legal'], prompts: ['Who talks?'],
        status: 'upcoming', dueAtMs: 900_500, timing: { type: 'at', atSeconds: 900 }, improvised: 'added',
      });
      x = reduceExercise(x, added(9, 'later', null), f);
      expect(x.injects[4]).toEqual({
        id: 'later', title: 'Press call', body: '**Now**', to: ['executive', 'legal'], prompts: ['Who talks?'],
        status: 'upcoming', timing: { type: 'manual' }, improvised: 'added',
      });
      // The same event again (a resume replays it) adds nothing.
      expect(reduceExercise(x, added(9, 'later', null), f)).toBe(x);
    });

    it('adds an inject after the scenario injects, a dropped one among them in its place', () => {
      let x = reduceExercise(script, ev(8, 'inject.dropped', { injectId: 'kickoff', scenarioMs: 0 }), f);
      x = reduceExercise(x, added(9, 'new', null), f);
      expect(x.injects.map((i) => [i.id, i.status])).toEqual([['kickoff', 'dropped'], ['legal', 'upcoming'], ['ask', 'upcoming'], ['new', 'upcoming']]);
    });

    it('edits an upcoming inject: the given fields change, the rest stay, and its expectations name its new title', () => {
      const x = reduceExercise(withDescription, ev(8, 'inject.edited', { injectId: 'legal', title: 'Lawyers', body: null, to: ['legal', 'executive'], prompts: null, scenarioMs: 10 }), f);
      expect(x.injects[1]).toEqual({
        id: 'legal', title: 'Lawyers', body: 'b', to: ['executive', 'legal'], prompts: [], status: 'upcoming', dueAtMs: 300_000,
        timing: { type: 'at', atSeconds: 300 }, improvised: 'changed',
      });
      expect(x.expectations!.map((e) => e.description)).toEqual([
        "legal to acknowledge 'Lawyers' within 5 min of 'Lawyers'",
        "incident_commander to assign legal within 10 min of 'K'",
      ]);
      const prompts = reduceExercise(x, ev(9, 'inject.edited', { injectId: 'legal', title: null, body: 'new', to: null, prompts: ['Q?'], scenarioMs: 10 }), f);
      expect(prompts.injects[1]).toMatchObject({ title: 'Lawyers', body: 'new', to: ['executive', 'legal'], prompts: ['Q?'], improvised: 'changed' });
    });

    it('keeps an added inject marked "added" when it is edited or moved', () => {
      let x = reduceExercise(script, added(8, 'new', null), f);
      x = reduceExercise(x, ev(9, 'inject.edited', { injectId: 'new', title: 'Renamed', scenarioMs: 10 }), f);
      x = reduceExercise(x, ev(10, 'inject.moved', { injectId: 'new', fromMs: null, atMs: 61_999, scenarioMs: 10 }), f);
      expect(x.injects[3]).toMatchObject({ title: 'Renamed', improvised: 'added', dueAtMs: 61_999, timing: { type: 'at', atSeconds: 61 } });
    });

    it('moves an upcoming inject to a fixed time, whatever its timing was', () => {
      const x = reduceExercise(script, ev(8, 'inject.moved', { injectId: 'ask', fromMs: null, atMs: 120_000, scenarioMs: 10 }), f);
      expect(x.injects[2]).toEqual({
        id: 'ask', title: 'A', body: 'b', to: ['executive', 'legal'], prompts: [], status: 'upcoming', dueAtMs: 120_000,
        timing: { type: 'at', atSeconds: 120 }, improvised: 'changed',
      });
      // A moved inject is no longer chained: the delivery it followed does not plan it.
      const delivered = reduceExercise(x, delivery(9, 'legal', ['legal'], 200_000), f);
      expect(delivered.injects[2]!.dueAtMs).toBe(120_000);
    });

    it('drops a scenario inject: in its place as it stood, its expectations gone', () => {
      const moved = reduceExercise(withDescription, ev(7, 'inject.moved', { injectId: 'legal', fromMs: 300_000, atMs: 420_000, scenarioMs: 10 }), f);
      const x = reduceExercise(moved, ev(8, 'inject.dropped', { injectId: 'legal', scenarioMs: 10 }), f);
      expect(x.injects.map((i) => i.id)).toEqual(['kickoff', 'legal', 'ask']);
      expect(x.injects[1]).toEqual({
        id: 'legal', title: 'L', body: 'b', to: ['legal'], prompts: [], status: 'dropped', timing: { type: 'at', atSeconds: 420 }, improvised: 'dropped',
      });
      expect(x.expectations!.map((e) => e.id)).toEqual(['y']);
      // Nothing more happens to a dropped inject.
      expect(reduceExercise(x, ev(9, 'inject.edited', { injectId: 'legal', title: 'Z', scenarioMs: 10 }), f)).toBe(x);
    });

    it('drops an added inject altogether', () => {
      let x = reduceExercise(script, added(8, 'new', 5000), f);
      x = reduceExercise(x, ev(9, 'inject.dropped', { injectId: 'new', scenarioMs: 10 }), f);
      expect(x.injects.map((i) => i.id)).toEqual(['kickoff', 'legal', 'ask']);
    });

    it('changes nothing for a delivered or unknown inject', () => {
      const x = reduceExercise(script, delivery(8, 'kickoff', ['incident_commander'], 0), f);
      for (const kind of ['inject.edited', 'inject.moved', 'inject.dropped']) {
        expect(reduceExercise(x, ev(9, kind, { injectId: 'kickoff', title: 'T', atMs: 5, scenarioMs: 1 }), f)).toBe(x);
        expect(reduceExercise(x, ev(9, kind, { injectId: 'nope', title: 'T', atMs: 5, scenarioMs: 1 }), f)).toBe(x);
      }
    });

    it('delivers an edited inject in its place, as it now stands', () => {
      let x = reduceExercise(script, ev(8, 'inject.edited', { injectId: 'legal', title: 'Lawyers', scenarioMs: 10 }), f);
      x = reduceExercise(x, ev(9, 'inject.delivered', { injectId: 'legal', title: 'Lawyers', body: 'b', to: ['legal'], prompts: [], scenarioMs: 300_000, manual: false }), f);
      expect(x.injects[1]).toMatchObject({ id: 'legal', title: 'Lawyers', status: 'delivered', deliveredAtMs: 300_000, improvised: 'changed' });
      expect(x.injects[1]!.dueAtMs).toBeUndefined();
    });

    it('is not a player’s: their view ignores the events (they never receive them)', () => {
      const lee = ctx('l', ['legal'], 'EXERCISE');
      expect(reduceExercise(base, added(8, 'new', null), lee)).toBe(base);
      expect(reduceExercise(base, ev(9, 'inject.dropped', { injectId: 'new', scenarioMs: 1 }), lee)).toBe(base);
    });
  });

  describe('scheduling and the communications check', () => {
    it('sets and clears the planned start for everyone, written as the snapshot writes times', () => {
      for (const roles of [['facilitator'], ['legal']]) {
        const me = ctx('u', roles, 'EXERCISE');
        const x = reduceExercise(base, ev(3, 'exercise.scheduled', { startsAt: '2026-03-02T09:30:00Z' }), me);
        expect(x.startsAt).toBe('2026-03-02T09:30:00.000Z');
        const cleared = reduceExercise(x, ev(4, 'exercise.scheduled', { startsAt: null }), me);
        expect('startsAt' in cleared).toBe(false);
        expect(cleared).toEqual(base);
      }
    });

    it('moves confirmed roles from not ready to ready, in the facilitator’s check', () => {
      const f = ctx('f', ['facilitator'], 'EXERCISE');
      const check: ExerciseView = { ...script, commsCheck: { ready: [], notReady: ['executive', 'incident_commander', 'legal'] } };
      let x = reduceExercise(check, ev(5, 'exercise.ready_confirmed', { roles: ['legal', 'executive'] }, EVE, ['executive', 'facilitator', 'legal']), f);
      expect(x.commsCheck).toEqual({ ready: ['executive', 'legal'], notReady: ['incident_commander'] });
      x = reduceExercise(x, ev(6, 'exercise.ready_confirmed', { roles: ['incident_commander'] }, ALICE), f);
      expect(x.commsCheck).toEqual({ ready: ['executive', 'incident_commander', 'legal'], notReady: [] });
      // A second confirmation of a ready role changes nothing.
      expect(reduceExercise(x, ev(7, 'exercise.ready_confirmed', { roles: ['legal'] }, LEE), f)).toBe(x);
    });

    it('gives a player no facilitator’s check, whoever confirms', () => {
      const lee = ctx('l', ['legal'], 'EXERCISE');
      expect(reduceExercise(base, ev(5, 'exercise.ready_confirmed', { roles: ['legal'] }, LEE), lee)).toBe(base);
    });

    it('keeps a player’s own check current: their roles the event names move to ready, no other role joins', () => {
      const lee = ctx('l', ['executive', 'legal'], 'EXERCISE');
      const own: ExerciseView = { ...base, readyRoles: [], notReadyRoles: ['executive', 'legal'] };
      // Another holder of legal confirmed for legal and a role Lee does not hold.
      const other: Actor = { userId: 'o', displayName: 'Olga', roles: ['incident_commander', 'legal'] };
      let x = reduceExercise(own, ev(5, 'exercise.ready_confirmed', { roles: ['incident_commander', 'legal'] }, other), lee);
      expect(x.readyRoles).toEqual(['legal']);
      expect(x.notReadyRoles).toEqual(['executive']);
      expect(x.commsCheck).toBeUndefined();
      x = reduceExercise(x, ev(6, 'exercise.ready_confirmed', { roles: ['executive', 'legal'] }, LEE), lee);
      expect(x.readyRoles).toEqual(['executive', 'legal']);
      expect(x.notReadyRoles).toEqual([]);
      expect(reduceExercise(x, ev(7, 'exercise.ready_confirmed', { roles: ['legal'] }, LEE), lee)).toBe(x);
    });
  });
});
