import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from './i18n';
import {
  acksForMe,
  approvableAs,
  awaitingRole,
  canUpdateAction,
  canVote,
  countByGroup,
  countdown,
  durationText,
  exerciseElapsed,
  expectationCounts,
  filterTimeline,
  holdersByRole,
  injectsForMe,
  isOverdue,
  joinLink,
  kindGroup,
  latestUpdate,
  may,
  missingApproversText,
  parseSpeed,
  pendingAcksByRole,
  playbackControls,
  reportRelease,
  scoreText,
  publishState,
  roleForms,
  scenarioTime,
  sortActions,
  updateData,
  updateFields,
  TIMELINE_GROUPS,
} from './model';
import { statusText } from './socket';
import type { Ack, ActionItem, Decision, RoomEvent, Statement, StatusUpdate } from './types';

const person = (userId: string) => ({ userId, displayName: userId.toUpperCase() });

function decision(over: Partial<Decision> = {}): Decision {
  return {
    decisionId: 'd1',
    seq: 5,
    title: 'Isolate VLAN 20',
    choice: 'yes',
    rationale: 'spread',
    approvers: ['legal', 'executive'],
    missingApprovers: ['legal', 'executive'],
    status: 'proposed',
    proposedBy: person('ic'),
    proposedAt: '2026-01-01T10:00:00.000Z',
    approvals: [],
    rejections: [],
    ...over,
  };
}

function statement(over: Partial<Statement> = {}): Statement {
  return {
    statementId: 's1',
    version: 2,
    title: 'Notice',
    body: 'We are investigating.',
    channel: 'press',
    textHash: 'h2',
    draftedBy: person('comms'),
    status: 'draft',
    approvals: [],
    missingApprovers: ['comms_approver', 'legal'],
    ...over,
  };
}

const approval = (role: string, by: string, version = 2) => ({ role, by: person(by), version, textHash: `h${version}`, at: '' });

function event(seq: number, kind: string, data: Record<string, unknown> = {}, actor?: string): RoomEvent {
  return {
    type: 'event',
    roomId: 'r',
    seq,
    at: '',
    kind,
    data,
    hash: '',
    ...(actor ? { actor: { userId: actor, displayName: actor, roles: [] } } : {}),
  };
}

describe('timeline groups', () => {
  it('groups kinds by their prefix', () => {
    expect(kindGroup('member.added')).toBe('people');
    expect(kindGroup('role.handed_over')).toBe('people');
    expect(kindGroup('room.severity_changed')).toBe('room');
    expect(kindGroup('note.added')).toBe('notes');
    expect(kindGroup('decision.accepted')).toBe('decisions');
    expect(kindGroup('action.overdue')).toBe('actions');
    expect(kindGroup('statement.published')).toBe('comms');
    expect(kindGroup('ack.given')).toBe('comms');
    expect(kindGroup('update.posted')).toBe('comms');
    expect(kindGroup('inject.delivered')).toBe('exercise');
    expect(kindGroup('expectation.missed')).toBe('exercise');
    expect(kindGroup('report.released')).toBe('exercise');
    expect(kindGroup('something.new')).toBe('other');
  });

  it('filters and counts, keeping order', () => {
    const events = [event(1, 'room.created'), event(2, 'note.added'), event(3, 'decision.proposed'), event(4, 'note.added')];
    expect(filterTimeline(events, new Set(['notes'])).map((e) => e.seq)).toEqual([2, 4]);
    expect(filterTimeline(events, new Set()).length).toBe(0);
    const counts = countByGroup(events);
    expect(counts.notes).toBe(2);
    expect(counts.room).toBe(1);
    expect(counts.actions).toBe(0);
  });
});

// What the server lists in `can`, as in the protocol's example: an IC, an observer, a closed room.
const IC_CAN = [
  'ack.give',
  'ack.request',
  'action.create',
  'action.update',
  'decision.approve',
  'decision.propose',
  'decision.reject',
  'invite.create',
  'member.add',
  'note.add',
  'role.assign',
  'role.handover',
  'role.release',
  'room.phase',
  'room.severity',
  'statement.draft',
  'update.post',
];
const OBSERVER_CAN = ['ack.give', 'action.update', 'decision.approve', 'decision.reject', 'role.handover', 'role.release'];
const CLOSED_IC_CAN = ['room.phase'];
const LEGAL_CAN = ['ack.give', 'action.create', 'action.update', 'decision.approve', 'decision.propose', 'decision.reject', 'note.add', 'role.handover', 'role.release', 'statement.approve'];
const COMMS_CAN = [...LEGAL_CAN, 'statement.draft', 'statement.publish', 'update.post'].sort();

describe('may: what the server lists', () => {
  it('is true exactly for the commands `can` lists', () => {
    expect(may(IC_CAN, 'room.severity')).toBe(true);
    expect(may(OBSERVER_CAN, 'room.severity')).toBe(false);
    expect(may(OBSERVER_CAN, 'note.add')).toBe(false);
    expect(may(CLOSED_IC_CAN, 'room.phase')).toBe(true);
    expect(may(CLOSED_IC_CAN, 'note.add')).toBe(false);
    expect(may([], 'note.add')).toBe(false);
  });
});

describe('roles', () => {
  const members = [
    { userId: 'ic', displayName: 'Ines', roles: ['incident_commander'] },
    { userId: 'obs', displayName: 'Otto', roles: ['observer'] },
    { userId: 'new', displayName: 'Nia', roles: [] },
  ];

  it('offers assign, release and add to whoever `can` lets assign and add', () => {
    const ic = roleForms(IC_CAN, ['incident_commander'], members, 'ic');
    expect([ic.assign, ic.release, ic.add]).toEqual([true, true, true]);
    const obs = roleForms(OBSERVER_CAN, ['observer'], members, 'obs');
    expect([obs.assign, obs.release, obs.add]).toEqual([false, false, false]);
  });

  it('offers to hand over my own roles to someone else, when I hold one', () => {
    expect(roleForms(IC_CAN, ['incident_commander'], members, 'ic').handover).toEqual({
      roles: ['incident_commander'],
      to: [members[1], members[2]],
    });
    expect(roleForms(OBSERVER_CAN, ['observer'], members, 'obs').handover?.roles).toEqual(['observer']);
    expect(roleForms(OBSERVER_CAN, [], members, 'new').handover).toBeNull();
  });

  it('offers nothing in a closed room', () => {
    expect(roleForms(CLOSED_IC_CAN, ['incident_commander'], members, 'ic')).toEqual({ assign: false, release: false, add: false, handover: null });
    expect(roleForms([], ['observer'], members, 'obs').handover).toBeNull();
  });

  it('lists the holders of each role, nobody included', () => {
    const holders = holdersByRole(
      [
        { userId: 'a', displayName: 'Ann', roles: ['incident_commander', 'scribe'] },
        { userId: 'b', displayName: 'Bo', roles: ['scribe'] },
      ],
      ['incident_commander', 'scribe', 'legal'],
    );
    expect([...holders]).toEqual([
      ['incident_commander', ['Ann']],
      ['scribe', ['Ann', 'Bo']],
      ['legal', []],
    ]);
  });
});

describe('decisions', () => {
  it('says who is missing, in words', () => {
    expect(missingApproversText(decision())).toBe('waiting for legal, executive');
    expect(missingApproversText(decision({ missingApprovers: ['incident_commander'] }))).toBe('waiting for incident commander');
    expect(missingApproversText(decision({ missingApprovers: [] }))).toBe('waiting for an approver other than the proposer');
    expect(missingApproversText(decision({ status: 'accepted', missingApprovers: [] }))).toBe('');
  });

  it('lets an approver vote once, only on a proposed decision', () => {
    expect(canVote(decision(), ['legal'], 'u-legal', LEGAL_CAN)).toBe(true);
    expect(canVote(decision(), ['scribe'], 'u-scribe', LEGAL_CAN)).toBe(false); // not an approver of this one
    const voted = decision({ approvals: [{ by: person('u-legal'), roles: ['legal'], at: '', seq: 6 }] });
    expect(canVote(voted, ['legal'], 'u-legal', LEGAL_CAN)).toBe(false);
    expect(canVote(decision({ status: 'rejected' }), ['legal'], 'u-legal', LEGAL_CAN)).toBe(false);
  });

  it('lets anyone `can` lists vote where the decision names one of their roles, even an observer', () => {
    expect(canVote(decision({ approvers: ['observer'], missingApprovers: ['observer'] }), ['observer'], 'o', OBSERVER_CAN)).toBe(true);
    expect(canVote(decision(), ['observer'], 'o', OBSERVER_CAN)).toBe(false);
  });

  it('offers no vote when `can` lists none (a closed room)', () => {
    expect(canVote(decision(), ['legal'], 'u-legal', [])).toBe(false);
    expect(canVote(decision(), ['legal', 'incident_commander'], 'u', CLOSED_IC_CAN)).toBe(false);
  });

  it('finds what waits for a role, oldest first', () => {
    const list = [
      decision({ decisionId: 'b', seq: 9 }),
      decision({ decisionId: 'a', seq: 3 }),
      decision({ decisionId: 'c', seq: 4, missingApprovers: ['legal'] }),
      decision({ decisionId: 'd', seq: 2, status: 'accepted', missingApprovers: [] }),
    ];
    expect(awaitingRole(list, 'executive').map((d) => d.decisionId)).toEqual(['a', 'b']);
  });
});

describe('actions', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  const action = (over: Partial<ActionItem>): ActionItem => ({
    actionId: 'x',
    seq: 1,
    title: 't',
    overdue: false,
    status: 'open',
    createdAt: '',
    ...over,
  });

  it('is overdue when the server says so, or past due while open', () => {
    expect(isOverdue(action({ overdue: true }), now)).toBe(true);
    expect(isOverdue(action({ dueAt: '2026-01-01T11:59:00Z' }), now)).toBe(true);
    expect(isOverdue(action({ dueAt: '2026-01-01T12:30:00Z' }), now)).toBe(false);
    expect(isOverdue(action({ dueAt: '2026-01-01T11:00:00Z', status: 'done', overdue: true }), now)).toBe(false);
    expect(isOverdue(action({}), now)).toBe(false);
  });

  it('sorts overdue first, then by due time, closed last', () => {
    const list = [
      action({ actionId: 'closed', status: 'done' }),
      action({ actionId: 'later', dueAt: '2026-01-02T00:00:00Z' }),
      action({ actionId: 'none' }),
      action({ actionId: 'late', dueAt: '2026-01-01T08:00:00Z' }),
      action({ actionId: 'soon', dueAt: '2026-01-01T13:00:00Z' }),
    ];
    expect(sortActions(list, now).map((a) => a.actionId)).toEqual(['late', 'soon', 'later', 'none', 'closed']);
  });

  it('offers the status control to the owner (by name or role) and to whoever may update any action', () => {
    const mine = action({ actionId: 'mine', owner: { userId: 'me', displayName: 'Me', role: null } });
    const legals = action({ actionId: 'legals', owner: { userId: null, displayName: null, role: 'legal' } });
    const others = action({ actionId: 'others', owner: { userId: 'someone', displayName: 'Someone', role: null } });
    expect(canUpdateAction(others, IC_CAN, ['action.update'], 'me', ['incident_commander'])).toBe(true);
    expect(canUpdateAction(mine, OBSERVER_CAN, [], 'me', ['observer'])).toBe(true);
    expect(canUpdateAction(legals, OBSERVER_CAN, [], 'me', ['observer', 'legal'])).toBe(true);
    expect(canUpdateAction(others, OBSERVER_CAN, [], 'me', ['observer'])).toBe(false);
    expect(canUpdateAction(mine, CLOSED_IC_CAN, [], 'me', ['incident_commander'])).toBe(false);
  });
});

describe('publishState: the two-person rule', () => {
  it('is disabled while either approval is missing, saying which', () => {
    expect(publishState(statement(), COMMS_CAN)).toEqual({
      enabled: false,
      reason: 'waiting for approval by comms approver, legal',
    });
    const commsOnly = statement({ approvals: [approval('comms_approver', 'c')], missingApprovers: ['legal'] });
    expect(publishState(commsOnly, COMMS_CAN)).toEqual({ enabled: false, reason: 'waiting for approval by legal' });
  });

  it('goes by the statement’s status and missing approvers, as the server computes them', () => {
    expect(publishState(statement({ missingApprovers: [], status: 'draft' }), COMMS_CAN).enabled).toBe(false);
  });

  it('is enabled once both approved for whoever `can` lets publish, and never for others', () => {
    const approved = statement({
      status: 'approved',
      approvals: [approval('legal', 'l'), approval('comms_approver', 'c')],
      missingApprovers: [],
    });
    expect(publishState(approved, COMMS_CAN)).toEqual({ enabled: true, reason: 'comms approver and legal approved: ready to publish' });
    expect(publishState(approved, LEGAL_CAN)).toEqual({ enabled: false, reason: 'approved; you may not publish it' });
    expect(publishState(approved, []).enabled).toBe(false); // a closed room
    expect(publishState({ ...approved, status: 'published' }, COMMS_CAN)).toEqual({ enabled: false, reason: 'version 2 is published' });
  });

  it('offers the roles of mine the current version still needs', () => {
    expect(approvableAs(statement(), ['comms_approver', 'legal'], 'both', COMMS_CAN)).toEqual(['comms_approver', 'legal']);
    const gave = statement({ approvals: [approval('comms_approver', 'both')], missingApprovers: ['legal'] });
    expect(approvableAs(gave, ['comms_approver', 'legal'], 'both', COMMS_CAN)).toEqual([]); // one person, one approval
    expect(approvableAs(gave, ['legal'], 'l', LEGAL_CAN)).toEqual(['legal']);
    expect(approvableAs(statement(), ['scribe'], 's', IC_CAN)).toEqual([]);
  });

  it('offers no approval when `can` does not list statement.approve, or once published', () => {
    expect(approvableAs(statement(), ['legal'], 'l', [])).toEqual([]);
    expect(approvableAs(statement({ status: 'published' }), ['legal'], 'l', LEGAL_CAN)).toEqual([]);
  });
});

describe('updates', () => {
  it('has each audience’s own fields', () => {
    expect(updateFields('all')).toEqual([]);
    expect(updateFields('executive').map((f) => [f.name, f.required])).toEqual([
      ['impact', true],
      ['decisionNeeded', false],
      ['nextUpdateAt', false],
    ]);
    expect(updateFields('legal').find((f) => f.required)?.name).toBe('exposure');
  });

  it('builds update.post data: blanks and other audiences’ fields left out', () => {
    expect(updateData('executive', { summary: ' Down ', impact: 'No orders', decisionNeeded: '', rootCause: 'x' })).toEqual({
      audience: 'executive',
      summary: 'Down',
      impact: 'No orders',
    });
    const next = updateData('executive', { summary: 's', impact: 'i', nextUpdateAt: '2026-03-01T10:30' });
    expect(next.nextUpdateAt).toBe(new Date('2026-03-01T10:30').toISOString());
    expect(updateData('all', { summary: 's', impact: 'i' })).toEqual({ audience: 'all', summary: 's' });
  });

  it('picks the latest update of an audience', () => {
    const u = (seq: number, audience: string): StatusUpdate => ({ seq, at: '', audience, by: person('a'), data: {} });
    expect(latestUpdate([u(3, 'executive'), u(9, 'executive'), u(12, 'all')], 'executive')?.seq).toBe(9);
    expect(latestUpdate([u(12, 'all')], 'executive')).toBeUndefined();
    expect(latestUpdate(undefined, 'executive')).toBeUndefined();
  });
});

describe('countdown', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  it('counts down to the next update, then up once overdue', () => {
    expect(countdown('2026-01-01T12:12:05Z', now)).toEqual({ text: 'due in 12:05', overdue: false });
    expect(countdown('2026-01-01T13:00:00Z', now)).toEqual({ text: 'due in 1:00:00', overdue: false });
    expect(countdown('2026-01-01T11:59:30Z', now)).toEqual({ text: 'overdue by 0:30', overdue: true });
    expect(countdown('2026-01-01T12:00:00Z', now).overdue).toBe(true);
  });
  it('says when nothing is owed', () => {
    expect(countdown(null, now)).toEqual({ text: 'no update owed', overdue: false });
    expect(countdown('not a date', now).text).toBe('no update owed');
  });
  it('formats durations', () => {
    expect(durationText(0)).toBe('0:00');
    expect(durationText(59_999)).toBe('0:59');
    expect(durationText(3_725_000)).toBe('1:02:05');
  });
});

describe('acknowledgements', () => {
  const ack = (ackId: string, pending: string[]): Ack => ({
    ackId,
    seq: 1,
    about: 1,
    roles: ['legal', 'executive'],
    acknowledged: [],
    pending,
    dueAt: '',
    overdue: false,
  });
  it('counts pending requests per role', () => {
    expect([...pendingAcksByRole([ack('a', ['legal', 'executive']), ack('b', ['legal']), ack('c', [])])]).toEqual([
      ['legal', 2],
      ['executive', 1],
    ]);
  });
  it('finds the requests I can answer: a role of mine is still pending', () => {
    expect(acksForMe([ack('a', ['legal']), ack('b', ['executive'])], ['executive'], OBSERVER_CAN).map((a) => a.ackId)).toEqual(['b']);
    expect(acksForMe([ack('a', ['observer'])], ['observer'], OBSERVER_CAN).map((a) => a.ackId)).toEqual(['a']);
  });
  it('offers none when `can` does not list ack.give (a closed room)', () => {
    expect(acksForMe([ack('b', ['executive'])], ['executive'], [])).toEqual([]);
  });
});

describe('exercises', () => {
  it('formats scenario time', () => {
    expect(scenarioTime(0)).toBe('T+0:00');
    expect(scenarioTime(5_400_000)).toBe('T+1:30:00');
    expect(scenarioTime(null)).toBe('T+?');
  });

  it('runs the scenario clock at the exercise’s speed, and stops it when not running', () => {
    expect(exerciseElapsed({ status: 'running', speed: 60, elapsedMs: 1000 }, 10_000, 12_000)).toBe(121_000);
    expect(exerciseElapsed({ status: 'paused', speed: 60, elapsedMs: 1000 }, 10_000, 12_000)).toBe(1000);
  });

  it('reads a speed from 0.1 to 1000', () => {
    expect(parseSpeed('1000')).toBe(1000);
    expect(parseSpeed(' 0.5 ')).toBe(0.5);
    expect(parseSpeed('0.05')).toBeNull();
    expect(parseSpeed('1001')).toBeNull();
    expect(parseSpeed('')).toBeNull();
    expect(parseSpeed('fast')).toBeNull();
  });

  it('shows the playback buttons `can` lists, enabled as the status allows', () => {
    const facilitator = ['exercise.end', 'exercise.inject', 'exercise.pause', 'exercise.resume', 'exercise.speed', 'exercise.start'];
    expect(playbackControls('ready', facilitator)).toEqual({
      start: { shown: true, enabled: true },
      pause: { shown: true, enabled: false },
      resume: { shown: true, enabled: false },
      speed: { shown: true, enabled: true },
      end: { shown: true, enabled: false },
    });
    const running = playbackControls('running', facilitator);
    expect([running.start.enabled, running.pause.enabled, running.end.enabled]).toEqual([false, true, true]);
    expect(playbackControls('paused', facilitator).resume.enabled).toBe(true);
    expect(playbackControls('ended', facilitator).speed.enabled).toBe(false);
    const player = playbackControls('running', ['inject.respond', 'note.add']);
    expect(Object.values(player).some((b) => b.shown)).toBe(false);
    expect(playbackControls('running', CLOSED_IC_CAN).pause.shown).toBe(false);
  });

  it('offers "Release the report" when `can` lists it, enabled after the end until released', () => {
    const facilitator = ['exercise.end', 'report.release'];
    expect(reportRelease({ status: 'running', reportReleased: false }, facilitator)).toEqual({ shown: true, enabled: false });
    expect(reportRelease({ status: 'ended', reportReleased: false }, facilitator)).toEqual({ shown: true, enabled: true });
    expect(reportRelease({ status: 'ended', reportReleased: true }, facilitator)).toEqual({ shown: true, enabled: false });
    expect(reportRelease({ status: 'ended', reportReleased: false }, ['inject.respond', 'note.add']).shown).toBe(false);
  });

  it('words a released score as met of triggered, with its percentage when there is one', () => {
    expect(scoreText({ met: 3, triggered: 4, score: 0.75 })).toBe('met 3 of 4 (75%)');
    expect(scoreText({ met: 0, triggered: 0, score: null })).toBe('met 0 of 0');
  });

  it('counts expectations by status', () => {
    const e = (status: string) => ({ id: status, injectId: 'i', role: 'legal', action: 'acknowledge', objective: 'o', withinMs: 300_000, status });
    expect(expectationCounts([e('met'), e('met'), e('missed'), e('pending')])).toEqual({ met: 2, missed: 1, pending: 1, not_started: 0 });
    expect(expectationCounts(undefined)).toEqual({ met: 0, missed: 0, pending: 0, not_started: 0 });
  });

  it('makes the join link', () => {
    expect(joinLink('https://sitroom.example', 'ABCD-EFGH-JKMN')).toBe('https://sitroom.example/join/ABCD-EFGH-JKMN');
  });

  it('lists the injects for my roles, newest first, with my response', () => {
    const timeline = [
      event(3, 'inject.delivered', { injectId: 'a', title: 'A', body: 'b', to: ['executive'], prompts: ['Q?'], scenarioMs: 0 }),
      event(4, 'inject.delivered', { injectId: 'b', title: 'B', body: 'b', to: ['legal'], scenarioMs: 60_000 }),
      event(5, 'inject.delivered', { injectId: 'c', title: 'C', body: 'b', to: ['legal', 'executive'], scenarioMs: 120_000 }),
      event(6, 'inject.responded', { injectId: 'a', text: 'on it' }, 'me'),
      event(7, 'inject.responded', { injectId: 'c', text: 'not me' }, 'someone-else'),
    ];
    const can = ['inject.respond'];
    const mine = injectsForMe(timeline, ['executive'], 'me', can);
    expect(mine.map((i) => i.injectId)).toEqual(['c', 'a']);
    expect(mine[1]).toMatchObject({ title: 'A', prompts: ['Q?'], scenarioMs: 0, response: { text: 'on it', seq: 6 }, canRespond: false });
    expect(mine[0]).toMatchObject({ response: null, canRespond: true });
    expect(injectsForMe(timeline, ['observer'], 'me', can)).toEqual([]);
  });

  it('offers no response when `can` does not list inject.respond (a closed room)', () => {
    const timeline = [event(3, 'inject.delivered', { injectId: 'a', title: 'A', to: ['executive'] })];
    expect(injectsForMe(timeline, ['executive'], 'me', [])[0]).toMatchObject({ injectId: 'a', canRespond: false });
  });
});

describe('view-model and connection texts follow the language', () => {
  afterEach(() => setLocale('en'));

  it('answers in German after setLocale("de") and in English again after setLocale("en")', () => {
    const approved = statement({ missingApprovers: [], status: 'approved', approvals: [approval('comms_approver', 'c'), approval('legal', 'l')] });
    const now = Date.parse('2026-01-01T10:00:00Z');
    setLocale('de');
    expect(missingApproversText(decision())).toBe('wartet auf Freigabe durch Recht, Geschäftsleitung');
    expect(publishState(approved, ['statement.publish'])).toEqual({ enabled: true, reason: 'freigegeben von Kommunikationsfreigabe und Recht: bereit zur Veröffentlichung' });
    expect(countdown('2026-01-01T09:59:30Z', now)).toEqual({ text: 'seit 0:30 überfällig', overdue: true });
    expect(countdown(null, now).text).toBe('kein Lagebericht fällig');
    expect(scoreText({ met: 3, triggered: 4, score: 0.75 })).toBe('3 von 4 erfüllt (75 %)');
    expect(TIMELINE_GROUPS[0].label).toBe('Rollen und Mitglieder');
    expect(updateFields('executive')[0]!.label).toBe('Geschäftliche Auswirkungen');
    expect(statusText({ state: 'resumed', since: 12345 })).toBe('fortgesetzt ab Nr. 12345');
    setLocale('en');
    expect(missingApproversText(decision())).toBe('waiting for legal, executive');
    expect(publishState(approved, ['statement.publish']).reason).toBe('comms approver and legal approved: ready to publish');
    expect(countdown('2026-01-01T10:12:05Z', now).text).toBe('due in 12:05');
    expect(TIMELINE_GROUPS[0].label).toBe('Roles and members');
    expect(updateFields('executive')[0]!.label).toBe('Business impact');
    expect(statusText({ state: 'resumed', since: 12345 })).toBe('resumed at seq 12345');
  });
});
