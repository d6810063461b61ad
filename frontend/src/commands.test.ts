import { describe, expect, it } from 'vitest';
import { type BarContext, complete, findMember, handle, offeredVerbs, parseCommand } from './commands';
import type { Ack, ActionItem, Decision, Member } from './types';

const ada: Member = { userId: 'u-ada', displayName: 'Ada Lovelace', roles: ['incident_commander'] };
const lea: Member = { userId: 'u-lea', displayName: 'Lea Legal', roles: ['legal'] };
const leon: Member = { userId: 'u-leon', displayName: 'Léon Ops', roles: [] };

function decision(over: Partial<Decision> = {}): Decision {
  return {
    decisionId: 'd-1',
    seq: 12,
    title: 'Take db-01 offline',
    choice: 'Pull it',
    rationale: 'Leaking',
    approvers: ['legal'],
    missingApprovers: ['legal'],
    status: 'proposed',
    proposedBy: { userId: 'u-ada', displayName: 'Ada Lovelace' },
    proposedAt: '2026-12-01T10:00:00Z',
    approvals: [],
    rejections: [],
    ...over,
  } as Decision;
}

const ack: Ack = { ackId: 'a-1', seq: 20, about: 7, roles: ['legal'], acknowledged: [], pending: ['legal'], dueAt: '2026-12-01T10:15:00Z', overdue: false };

const IC_CAN = ['action.create', 'ack.request', 'decision.propose', 'member.add', 'note.add', 'role.assign', 'role.handover', 'role.release', 'room.phase', 'room.severity', 'update.post'];

function ctx(over: Partial<BarContext> = {}): BarContext {
  return {
    can: IC_CAN,
    privileged: [],
    myUserId: 'u-ada',
    myRoles: ['incident_commander'],
    members: [ada, lea, leon],
    decisions: [],
    actions: [],
    acks: [],
    severity: 'SEV3',
    phase: 'detection',
    ...over,
  };
}

const asLegal = (over: Partial<BarContext> = {}) =>
  ctx({ can: ['ack.give', 'decision.approve', 'decision.reject', 'decision.propose', 'note.add', 'role.handover'], myUserId: 'u-lea', myRoles: ['legal'], ...over });

function actionItem(over: Partial<ActionItem> = {}): ActionItem {
  return {
    actionId: 'x-1',
    seq: 30,
    title: 'Restore fs-02 from backup',
    owner: { userId: 'u-lea', displayName: 'Lea Legal', role: null },
    overdue: false,
    status: 'open',
    createdAt: '2026-12-01T10:00:00Z',
    ...over,
  } as ActionItem;
}

describe('actions from the bar', () => {
  const mine = actionItem();
  const others = actionItem({ actionId: 'x-2', seq: 31, title: 'Call the vendor', owner: { userId: 'u-leon', displayName: 'Léon Ops', role: null } });
  const closed = actionItem({ actionId: 'x-3', seq: 32, status: 'done' });
  const lea = (over: Partial<BarContext> = {}) => asLegal({ can: ['action.update', 'note.add'], actions: [mine, others, closed], ...over });

  it('offers /done and /status only with an open action the member may move', () => {
    expect(offeredVerbs(lea())).toEqual(expect.arrayContaining(['done', 'status']));
    expect(offeredVerbs(lea({ actions: [others, closed] }))).not.toContain('done');
    // The IC may move anyone's action (privileged).
    expect(offeredVerbs(ctx({ can: [...IC_CAN, 'action.update'], privileged: ['action.update'], actions: [others] }))).toContain('done');
  });

  it('reads /done #seq with a note, and the only action without one', () => {
    expect(parseCommand('/done #30 restored, checksums match', lea())).toEqual({
      ok: true,
      command: { name: 'action.update', data: { actionId: 'x-1', status: 'done', note: 'restored, checksums match' }, label: '“Restore fs-02 from backup” → done' },
    });
    expect(parseCommand('/done', lea())).toMatchObject({ ok: true, command: { data: { actionId: 'x-1', status: 'done' } } });
  });

  it('reads /status #seq status, and refuses what the server would', () => {
    expect(parseCommand('/status #30 in-progress', lea())).toMatchObject({ ok: true, command: { data: { actionId: 'x-1', status: 'in_progress' } } });
    expect(parseCommand('/status #30 open', lea())).toEqual({ ok: false, error: 'The room is open already.' });
    expect(parseCommand('/status #30 someday', lea())).toMatchObject({ ok: false });
    expect(parseCommand('/done #31', lea())).toEqual({ ok: false, error: 'No open action of yours is #31.' });
  });

  it('completes the member\'s open actions, then the statuses', () => {
    expect(complete('/done ', lea()).map((s) => s.label)).toEqual(['#30 Restore fs-02 from backup']);
    expect(complete('/status #30 bl', lea()).map((s) => s.line)).toEqual(['/status #30 blocked ']);
  });
});

describe('parseCommand', () => {
  it('reads /assign @person role', () => {
    expect(parseCommand('/assign @ada containment_lead', ctx())).toEqual({
      ok: true,
      command: { name: 'role.assign', data: { userId: 'u-ada', role: 'containment_lead' }, label: 'Make Ada Lovelace containment lead' },
    });
  });

  it('reads a note with its Markdown as it is', () => {
    const parsed = parseCommand('/note **db-01** isolated, see https://example.org', ctx());
    expect(parsed).toMatchObject({ ok: true, command: { name: 'note.add', data: { text: '**db-01** isolated, see https://example.org' } } });
  });

  it('reads /decide with its four parts and approver roles', () => {
    expect(parseCommand('/decide Take db-01 offline | Pull it now | It leaks | legal, @executive', ctx())).toMatchObject({
      ok: true,
      command: {
        name: 'decision.propose',
        data: { title: 'Take db-01 offline', choice: 'Pull it now', rationale: 'It leaks', approvers: ['legal', 'executive'] },
      },
    });
    expect(parseCommand('/decide Only a title', ctx())).toEqual({
      ok: false,
      error: 'Write it as /decide <title> | <choice> | <rationale> | <approver roles>.',
    });
    expect(parseCommand('/decide a | b | c | lawyers', ctx())).toEqual({ ok: false, error: '“lawyers” is not a role.' });
  });

  it('approves and rejects by the decision’s #seq, or the only one to vote on', () => {
    const room = asLegal({ decisions: [decision()] });
    expect(parseCommand('/approve #12 fine by legal', room)).toMatchObject({
      ok: true,
      command: { name: 'decision.approve', data: { decisionId: 'd-1', comment: 'fine by legal' } },
    });
    expect(parseCommand('/approve', room)).toMatchObject({ ok: true, command: { data: { decisionId: 'd-1' } } });
    expect(parseCommand('/reject #12', room)).toEqual({ ok: false, error: 'Say why you reject it.' });
    expect(parseCommand('/reject #12 too early', room)).toMatchObject({ ok: true, command: { name: 'decision.reject', data: { reason: 'too early' } } });
    expect(parseCommand('/approve #99', room)).toEqual({ ok: false, error: 'No proposed decision is #99.' });
  });

  it('refuses what `can` or the item does not allow, before sending', () => {
    expect(parseCommand('/approve #12', ctx({ decisions: [decision()] }))).toEqual({
      ok: false,
      error: 'Your roles do not allow /approve in this room now.',
    });
    expect(parseCommand('/severity SEV1', asLegal())).toEqual({ ok: false, error: 'Your roles do not allow /severity in this room now.' });
    const voted = decision({ approvals: [{ by: { userId: 'u-lea', displayName: 'Lea Legal' }, roles: ['legal'] }] as Decision['approvals'] });
    expect(offeredVerbs(asLegal({ decisions: [voted] }))).not.toContain('approve');
  });

  it('creates an action with an owner (person or role) and a due time', () => {
    const now = Date.parse('2026-12-01T10:00:00Z');
    expect(parseCommand('/action Preserve the logs @legal +30m', ctx(), now)).toEqual({
      ok: true,
      command: {
        name: 'action.create',
        data: { title: 'Preserve the logs', ownerRole: 'legal', dueAt: '2026-12-01T10:30:00.000Z' },
        label: 'Action “Preserve the logs”',
      },
    });
    expect(parseCommand('/action Rotate keys @leon', ctx())).toMatchObject({ ok: true, command: { data: { title: 'Rotate keys', ownerId: 'u-leon' } } });
    expect(parseCommand('/action Rotate keys +soon', ctx())).toEqual({ ok: false, error: '“+soon” is not a due time: +30m or +2h.' });
  });

  it('hands over only a role the sender holds, to someone else', () => {
    expect(parseCommand('/handover incident_commander @lea', ctx())).toMatchObject({
      ok: true,
      command: { name: 'role.handover', data: { role: 'incident_commander', toUserId: 'u-lea' } },
    });
    expect(parseCommand('/handover legal @lea', ctx())).toEqual({ ok: false, error: 'You do not hold legal.' });
    expect(parseCommand('/handover incident_commander @ada', ctx())).toEqual({ ok: false, error: 'You cannot hand a role over to yourself.' });
  });

  it('says which people a short @name could be', () => {
    expect(parseCommand('/assign @le legal', ctx())).toEqual({ ok: false, error: '“@le” could be Lea Legal, Léon Ops: type more of the name.' });
    expect(parseCommand('/assign @bob legal', ctx())).toEqual({ ok: false, error: 'Nobody in this room answers to “@bob”.' });
  });

  it('acknowledges the one request waiting for me, or the one named', () => {
    const room = asLegal({ acks: [ack] });
    expect(parseCommand('/ack', room)).toMatchObject({ ok: true, command: { name: 'ack.give', data: { ackId: 'a-1' }, label: 'Acknowledge #7' } });
    expect(parseCommand('/ack #7', room)).toMatchObject({ ok: true, command: { data: { ackId: 'a-1' } } });
    expect(parseCommand('/ack #8', room)).toEqual({ ok: false, error: 'No acknowledgement waits for you (#8).' });
  });

  it('posts updates by audience, with the field the audience needs', () => {
    expect(parseCommand('/update all Contained, monitoring', ctx())).toMatchObject({ ok: true, command: { data: { audience: 'all', summary: 'Contained, monitoring' } } });
    expect(parseCommand('/update exec Contained | No customer impact', ctx())).toMatchObject({
      ok: true,
      command: { name: 'update.post', data: { audience: 'executive', summary: 'Contained', impact: 'No customer impact' } },
    });
    expect(parseCommand('/update exec Contained', ctx())).toEqual({ ok: false, error: 'An update for executive needs its impact after a |.' });
    expect(parseCommand('/update board hi', ctx())).toEqual({ ok: false, error: '“board” is not an audience: all, exec, eng or legal.' });
  });

  it('sets severity and phase, refusing what is already so', () => {
    expect(parseCommand('/severity 2', ctx())).toMatchObject({ ok: true, command: { name: 'room.severity', data: { severity: 'SEV2' } } });
    expect(parseCommand('/severity sev3', ctx())).toEqual({ ok: false, error: 'The room is SEV3 already.' });
    expect(parseCommand('/phase post-incident', ctx())).toMatchObject({ ok: true, command: { name: 'room.phase', data: { phase: 'post_incident' } } });
    expect(parseCommand('/phase lunch', ctx())).toEqual({ ok: false, error: '“lunch” is not a phase.' });
  });

  it('applies an incident type by id or by the start of its title, only while the room has none', () => {
    const types = [{ id: 'ddos', title: 'Denial of service (DDoS)' }, { id: 'ransomware', title: 'Ransomware' }];
    const room = ctx({ can: [...IC_CAN, 'playbook.apply'], types });
    expect(parseCommand('/playbook ddos', room)).toEqual({
      ok: true,
      command: { name: 'playbook.apply', data: { type: 'ddos' }, label: 'Apply the type “Denial of service (DDoS)”' },
    });
    expect(parseCommand('/playbook Ransom', room)).toMatchObject({ ok: true, command: { data: { type: 'ransomware' } } });
    expect(parseCommand('/playbook phishing', room)).toEqual({ ok: false, error: '“phishing” is not an incident type: ddos, ransomware.' });
    expect(parseCommand('/playbook', room)).toEqual({ ok: false, error: 'Write it as /playbook <type>.' });
    // Before the list is read, any id goes to the server, which answers for it.
    expect(parseCommand('/playbook my-own', ctx({ can: ['playbook.apply'] }))).toMatchObject({ ok: true, command: { data: { type: 'my-own' } } });
    expect(parseCommand('/playbook ddos', { ...room, typed: true })).toEqual({ ok: false, error: 'Your roles do not allow /playbook in this room now.' });
    expect(parseCommand('/playbook ddos', ctx({ types }))).toMatchObject({ ok: false });
  });

  it('refuses lines that are no command', () => {
    expect(parseCommand('hello', ctx())).toEqual({ ok: false, error: 'A command starts with /, for example /note.' });
    expect(parseCommand('/dance', ctx())).toEqual({ ok: false, error: 'There is no command “/dance”.' });
  });
});

describe('complete', () => {
  it('offers the verbs `can` allows, by prefix', () => {
    expect(complete('/', ctx()).map((s) => s.label)).toEqual(['/note', '/decide', '/action', '/assign', '/handover', '/update', '/severity', '/phase']);
    expect(complete('/a', ctx()).map((s) => s.line)).toEqual(['/action ', '/assign ']);
    expect(complete('/', asLegal({ decisions: [decision()], acks: [ack] })).map((s) => s.label)).toEqual([
      '/note',
      '/decide',
      '/approve',
      '/reject',
      '/handover',
      '/ack',
    ]);
  });

  it('completes people, then roles, for /assign', () => {
    expect(complete('/assign @a', ctx())).toEqual([{ label: 'Ada Lovelace', detail: 'incident commander', line: '/assign @ada-lovelace ' }]);
    expect(complete('/assign @ada-lovelace cont', ctx()).map((s) => s.line)).toEqual(['/assign @ada-lovelace containment_lead ']);
  });

  it('completes my roles and the others for /handover', () => {
    expect(complete('/handover ', ctx()).map((s) => s.line)).toEqual(['/handover incident_commander ']);
    expect(complete('/handover incident_commander @', ctx()).map((s) => s.label)).toEqual(['Lea Legal', 'Léon Ops']);
  });

  it('completes the decisions I may vote on, and acks for me', () => {
    const room = asLegal({ decisions: [decision()], acks: [ack] });
    expect(complete('/approve ', room)).toEqual([{ label: '#12 Take db-01 offline', detail: 'decision', line: '/approve #12 ' }]);
    expect(complete('/ack #', room).map((s) => s.line)).toEqual(['/ack #7 ']);
  });

  it('completes action owners, approvers, audiences, severities and phases', () => {
    expect(complete('/action Rotate keys @le', ctx()).map((s) => s.label)).toEqual(['Lea Legal', 'Léon Ops', 'containment lead', 'legal']);
    expect(complete('/decide a | b | c | le', ctx()).map((s) => s.line)).toEqual(['/decide a | b | c | containment_lead ', '/decide a | b | c | legal ']);
    expect(complete('/update e', ctx()).map((s) => s.line)).toEqual(['/update exec ', '/update eng ']);
    expect(complete('/severity ', ctx()).map((s) => s.label)).toEqual(['SEV1', 'SEV2', 'SEV4']);
    expect(complete('/phase con', ctx()).map((s) => s.line)).toEqual(['/phase containment ']);
  });

  it('completes incident types for /playbook, offered while the room has none', () => {
    const types = [{ id: 'ddos', title: 'Denial of service (DDoS)' }, { id: 'ransomware', title: 'Ransomware' }];
    const room = ctx({ can: ['playbook.apply'], types });
    expect(complete('/pl', room)).toEqual([{ label: '/playbook', detail: 'apply an incident type and its checklist', line: '/playbook ' }]);
    expect(complete('/playbook ', room).map((s) => s.line)).toEqual(['/playbook ddos ', '/playbook ransomware ']);
    expect(complete('/playbook ran', room)).toEqual([{ label: 'Ransomware', detail: 'ransomware', line: '/playbook ransomware ' }]);
    expect(complete('/playbook den', room).map((s) => s.line)).toEqual(['/playbook ddos ']);
    expect(complete('/pl', { ...room, typed: true })).toEqual([]);
  });
});

describe('handle', () => {
  it('writes a display name as one word, without accents', () => {
    expect(handle('Léon Ops')).toBe('leon-ops');
    expect(findMember('@leon', [ada, lea, leon])).toEqual({ ok: true, value: leon });
  });
});

describe('erasure and legal hold from the bar', () => {
  const legal = (extra: string[] = ['erasure.request', 'room.hold', 'room.release_hold']) =>
    asLegal({ can: ['note.add', ...extra] });

  it('asks to erase an entry, with the reason everyone reads', () => {
    expect(parseCommand('/erase #42 GDPR art. 17, request 2026-17', legal())).toMatchObject({
      ok: true,
      command: { name: 'erasure.request', data: { seq: 42, reason: 'GDPR art. 17, request 2026-17' } },
    });
    expect(parseCommand('/erase #42', legal()).ok).toBe(false);
    expect(parseCommand('/erase the note about Jane', legal()).ok).toBe(false);
  });

  it('places and releases the hold, and offers neither without can', () => {
    expect(parseCommand('/hold litigation expected', legal())).toMatchObject({ ok: true, command: { name: 'room.hold', data: { reason: 'litigation expected' } } });
    expect(parseCommand('/unhold settled', legal())).toMatchObject({ ok: true, command: { name: 'room.release_hold', data: { reason: 'settled' } } });
    expect(parseCommand('/hold', legal()).ok).toBe(false);
    expect(offeredVerbs(legal([]))).not.toContain('erase');
    expect(parseCommand('/erase #42 reason', legal([])).ok).toBe(false);
  });
});
