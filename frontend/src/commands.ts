// Pure: the command bar's language. A line such as "/assign @ada containment_lead" becomes the
// command the panels send (role.assign {userId, role}), or a refusal in plain words before anything
// is sent; and the completions for the word being typed (verbs, people, roles, decisions, actions, acks,
// incident types).
// Only what the server's `can` allows is offered or accepted: nothing typed here is refused for
// authority that the bar could have known.
import { acksForMe, canUpdateAction, canVote, may } from './model';
import { t } from './messages/commandBar';
import { phaseIds, phaseName, phaseOf, severityIds, severityName, severityOf } from './taxonomy';
import { roleLabel } from './timeline';
import { ACTION_STATUSES, ADDRESSABLE_ROLES, ROLES, type Ack, type ActionItem, type Decision, type Member } from './types';

/** What the bar reads from the room (a RoomStore has all of it). */
export interface BarContext {
  can: readonly string[];
  /** What this member may do to anyone's item (action.update on any action, for the IC). */
  privileged: readonly string[];
  myUserId: string;
  myRoles: readonly string[];
  members: readonly Member[];
  decisions: readonly Decision[];
  actions: readonly ActionItem[];
  acks: readonly Ack[];
  severity: string;
  phase: string;
  /** Whether the room has an incident type already (a room has one). */
  typed?: boolean;
  /** The incident types the server offers (GET /api/playbooks), once read; empty before. */
  types?: readonly IncidentType[];
}

/** An incident type as GET /api/playbooks lists it. */
export interface IncidentType {
  id: string;
  title: string;
}

export interface BarCommand {
  /** The command type, as in docs/protocol.md. */
  name: string;
  data: Record<string, unknown>;
  /** The words the command log shows. */
  label: string;
}

export type Parsed = { ok: true; command: BarCommand } | { ok: false; error: string };

export type Verb =
  | 'note'
  | 'decide'
  | 'approve'
  | 'reject'
  | 'action'
  | 'done'
  | 'status'
  | 'assign'
  | 'handover'
  | 'ack'
  | 'update'
  | 'severity'
  | 'phase'
  | 'playbook'
  | 'erase'
  | 'hold'
  | 'unhold';

/** Each verb, the command it sends, and whether to offer it beyond `can` listing that command. */
const VERBS: { verb: Verb; command: string; offered?: (ctx: BarContext) => boolean }[] = [
  { verb: 'note', command: 'note.add' },
  { verb: 'decide', command: 'decision.propose' },
  { verb: 'approve', command: 'decision.approve', offered: (ctx) => votable(ctx).length > 0 },
  { verb: 'reject', command: 'decision.reject', offered: (ctx) => votable(ctx).length > 0 },
  { verb: 'action', command: 'action.create' },
  { verb: 'done', command: 'action.update', offered: (ctx) => updatable(ctx).length > 0 },
  { verb: 'status', command: 'action.update', offered: (ctx) => updatable(ctx).length > 0 },
  { verb: 'assign', command: 'role.assign' },
  { verb: 'handover', command: 'role.handover', offered: (ctx) => ctx.myRoles.length > 0 && ctx.members.length > 1 },
  { verb: 'ack', command: 'ack.give', offered: (ctx) => myAcks(ctx).length > 0 },
  { verb: 'update', command: 'update.post' },
  { verb: 'severity', command: 'room.severity' },
  { verb: 'phase', command: 'room.phase' },
  { verb: 'playbook', command: 'playbook.apply', offered: (ctx) => !ctx.typed },
  { verb: 'erase', command: 'erasure.request' },
  { verb: 'hold', command: 'room.hold' },
  { verb: 'unhold', command: 'room.release_hold' },
];

/** The verbs this member may use now, in the order shown. */
export function offeredVerbs(ctx: BarContext): Verb[] {
  return VERBS.filter((v) => may(ctx.can, v.command) && (v.offered?.(ctx) ?? true)).map((v) => v.verb);
}

const AUDIENCE_ALIASES: Record<string, string> = {
  all: 'all',
  everyone: 'all',
  exec: 'executive',
  executive: 'executive',
  eng: 'engineering',
  engineering: 'engineering',
  legal: 'legal',
};

/** The field an audience's update cannot go without, besides the summary (see model.updateFields). */
const REQUIRED_FIELD: Record<string, { name: string; label: string }> = {
  executive: { name: 'impact', label: 'impact' },
  legal: { name: 'exposure', label: 'exposure' },
};

/** "Ada Lovelace" -> "ada-lovelace": how a member is written after @. */
export function handle(displayName: string): string {
  return displayName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

type Found<T> = { ok: true; value: T } | { ok: false; error: string };

/** The member "@name" means: an exact handle, else the only one whose handle starts with it. */
export function findMember(name: string, members: readonly Member[]): Found<Member> {
  const wanted = handle(name.replace(/^@/, ''));
  const exact = members.filter((m) => handle(m.displayName) === wanted);
  if (exact.length === 1) return { ok: true, value: exact[0]! };
  const prefixed = members.filter((m) => handle(m.displayName).startsWith(wanted));
  if (wanted && prefixed.length === 1) return { ok: true, value: prefixed[0]! };
  if (prefixed.length > 1) return { ok: false, error: t('err.manyPeople', { name: wanted, names: prefixed.map((m) => m.displayName).join(', ') }) };
  return { ok: false, error: t('err.noPerson', { name: wanted }) };
}

/** "@Containment-Lead", "containment lead" -> "containment_lead", or null. */
export function findRole(word: string): string | null {
  const role = word.replace(/^@/, '').toLowerCase().replace(/[-\s]+/g, '_');
  return (ROLES as readonly string[]).includes(role) ? role : null;
}

function votable(ctx: BarContext): Decision[] {
  return ctx.decisions.filter((d) => canVote(d, ctx.myRoles, ctx.myUserId, ctx.can)).sort((a, b) => a.seq - b.seq);
}

/** The actions still open that this member may move: their own, or any for the IC. */
function updatable(ctx: BarContext): ActionItem[] {
  return ctx.actions
    .filter((a) => a.status !== 'done' && a.status !== 'cancelled' && canUpdateAction(a, ctx.can, ctx.privileged, ctx.myUserId, ctx.myRoles))
    .sort((a, b) => a.seq - b.seq);
}

/** "/done #12 restored from backup", "/status #12 blocked waiting for the vendor": action.update. */
function actionStatus(verb: 'done' | 'status', rest: string, ctx: BarContext): Parsed {
  const words = rest.split(/\s+/).filter(Boolean);
  const mine = updatable(ctx);
  const ref = words[0] && /^#\d+$/.test(words[0]) ? words.shift() : undefined;
  let found: ActionItem | undefined;
  if (ref) {
    const seq = Number(ref.slice(1));
    found = mine.find((a) => a.seq === seq);
    if (!found) return refuse(t('err.noAction', { ref: String(seq) }));
  } else if (mine.length === 1) {
    found = mine[0];
  } else {
    return refuse(t('err.whichAction', { seq: mine[0]?.seq ?? 1 }));
  }
  let status = 'done';
  if (verb === 'status') {
    const word = (words.shift() ?? '').toLowerCase().replace(/[-\s]+/g, '_');
    if (!word) return usage('status');
    if (!(ACTION_STATUSES as readonly string[]).includes(word)) return refuse(t('err.actionStatus', { value: word }));
    status = word;
  }
  if (status === found!.status) return refuse(t('err.same', { value: status }));
  const note = words.join(' ').trim();
  const data: Record<string, unknown> = { actionId: found!.actionId, status };
  if (note) data.note = note;
  return ok('action.update', data, t('label.status', { title: short(found!.title), status }));
}

function myAcks(ctx: BarContext): Ack[] {
  return acksForMe(ctx.acks, ctx.myRoles, ctx.can);
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

const ok = (name: string, data: Record<string, unknown>, label: string): Parsed => ({ ok: true, command: { name, data, label } });
const refuse = (error: string): Parsed => ({ ok: false, error });
const usage = (verb: Verb): Parsed => refuse(t('err.usage', { usage: t(`usage.${verb}`) }));

/** Splits "/verb rest of it" into the verb and the rest. */
function split(line: string): { verb: string; rest: string } {
  const match = /^\/(\S*)\s*([\s\S]*)$/.exec(line.trim());
  return { verb: (match?.[1] ?? '').toLowerCase(), rest: (match?.[2] ?? '').trim() };
}

/** The decision a "#12" (its seq) or the only one there is to vote on means. */
function decisionRef(ref: string | undefined, ctx: BarContext): Found<Decision> {
  const open = ctx.decisions.filter((d) => d.status === 'proposed');
  if (!ref) {
    const mine = votable(ctx);
    if (mine.length === 1) return { ok: true, value: mine[0]! };
    return { ok: false, error: t('err.whichDecision', { seq: mine[0]?.seq ?? open[0]?.seq ?? 1 }) };
  }
  const seq = Number(ref.replace(/^#/, ''));
  const decision = open.find((d) => d.seq === seq || d.decisionId === ref);
  if (!decision) return { ok: false, error: t('err.noDecision', { ref: ref.replace(/^#/, '') }) };
  if (!canVote(decision, ctx.myRoles, ctx.myUserId, ctx.can)) return { ok: false, error: t('err.cannotVote', { title: decision.title }) };
  return { ok: true, value: decision };
}

function vote(verb: 'approve' | 'reject', rest: string, ctx: BarContext): Parsed {
  const [first = '', ...words] = rest.split(/\s+/);
  const hasRef = /^#\d+$/.test(first);
  const found = decisionRef(hasRef ? first : undefined, ctx);
  if (!found.ok) return refuse(found.error);
  const text = (hasRef ? words.join(' ') : rest).trim();
  const d = found.value;
  if (verb === 'reject') {
    if (!text) return refuse(t('err.reason'));
    return ok('decision.reject', { decisionId: d.decisionId, reason: text }, t('label.reject', { title: d.title }));
  }
  return ok('decision.approve', text ? { decisionId: d.decisionId, comment: text } : { decisionId: d.decisionId }, t('label.approve', { title: d.title }));
}

function decide(rest: string): Parsed {
  const parts = rest.split('|').map((p) => p.trim());
  if (parts.length < 4 || parts.slice(0, 4).some((p) => !p)) return usage('decide');
  const [title, choice, rationale, approverWords] = parts as [string, string, string, string];
  const approvers: string[] = [];
  for (const word of approverWords.split(/[\s,]+/).filter(Boolean)) {
    const role = findRole(word);
    if (!role) return refuse(t('err.noRole', { role: word }));
    if (!approvers.includes(role)) approvers.push(role);
  }
  const data: Record<string, unknown> = { title, choice, rationale, approvers };
  if (parts[4]) data.context = parts.slice(4).join(' | ');
  return ok('decision.propose', data, t('label.decide', { title }));
}

const DUE = /^\+(\d+)([mh])$/;

function action(rest: string, ctx: BarContext, now: number): Parsed {
  const title: string[] = [];
  const data: Record<string, unknown> = {};
  for (const word of rest.split(/\s+/).filter(Boolean)) {
    if (word.startsWith('@') && word.length > 1) {
      const role = findRole(word);
      if (role && (ADDRESSABLE_ROLES as readonly string[]).includes(role)) {
        data.ownerRole = role;
        delete data.ownerId;
      } else {
        const member = findMember(word, ctx.members);
        if (!member.ok) return refuse(member.error);
        data.ownerId = member.value.userId;
        delete data.ownerRole;
      }
    } else if (word.startsWith('+') && word.length > 1) {
      const due = DUE.exec(word);
      if (!due) return refuse(t('err.due', { value: word }));
      data.dueAt = new Date(now + Number(due[1]) * (due[2] === 'h' ? 3_600_000 : 60_000)).toISOString();
    } else {
      title.push(word);
    }
  }
  if (!title.length) return usage('action');
  data.title = title.join(' ');
  return ok('action.create', { title: data.title, ...data }, t('label.action', { title: short(String(data.title)) }));
}

function assign(rest: string, ctx: BarContext): Parsed {
  const words = rest.split(/\s+/).filter(Boolean);
  const person = words.find((w) => w.startsWith('@'));
  const roleWord = words.find((w) => !w.startsWith('@'));
  if (!person || !roleWord || words.length !== 2) return usage('assign');
  const member = findMember(person, ctx.members);
  if (!member.ok) return refuse(member.error);
  const role = findRole(roleWord);
  if (!role) return refuse(t('err.noRole', { role: roleWord }));
  return ok('role.assign', { userId: member.value.userId, role }, t('label.assign', { name: member.value.displayName, role: roleLabel(role) }));
}

function handover(rest: string, ctx: BarContext): Parsed {
  const words = rest.split(/\s+/).filter(Boolean);
  const person = words.find((w) => w.startsWith('@'));
  const roleWord = words.find((w) => !w.startsWith('@'));
  if (!person || !roleWord || words.length !== 2) return usage('handover');
  const role = findRole(roleWord);
  if (!role) return refuse(t('err.noRole', { role: roleWord }));
  // The bar sends no fromUserId: it hands over the sender's own role, as the roles panel does.
  if (!ctx.myRoles.includes(role)) return refuse(t('err.handoverRole', { role: roleLabel(role) }));
  const member = findMember(person, ctx.members);
  if (!member.ok) return refuse(member.error);
  if (member.value.userId === ctx.myUserId) return refuse(t('err.self'));
  return ok('role.handover', { role, toUserId: member.value.userId }, t('label.handover', { role: roleLabel(role), name: member.value.displayName }));
}

function ack(rest: string, ctx: BarContext): Parsed {
  const mine = myAcks(ctx);
  const ref = rest.split(/\s+/)[0] ?? '';
  if (ref) {
    const about = Number(ref.replace(/^#/, ''));
    const found = mine.find((a) => a.about === about || a.ackId === ref);
    if (!found) return refuse(t('err.noAck', { about: ` (#${ref.replace(/^#/, '')})` }));
    return ok('ack.give', { ackId: found.ackId }, t('label.ack', { about: found.about }));
  }
  if (mine.length === 1) return ok('ack.give', { ackId: mine[0]!.ackId }, t('label.ack', { about: mine[0]!.about }));
  if (!mine.length) return refuse(t('err.noAck', { about: '' }));
  return refuse(t('err.whichAck', { about: mine[0]!.about }));
}

function update(rest: string): Parsed {
  const match = /^(\S+)\s+([\s\S]+)$/.exec(rest);
  if (!match) return usage('update');
  const audience = AUDIENCE_ALIASES[match[1]!.toLowerCase()];
  if (!audience) return refuse(t('err.audience', { audience: match[1]! }));
  const [summary = '', extra = ''] = match[2]!.split('|').map((p) => p.trim());
  if (!summary) return usage('update');
  const data: Record<string, unknown> = { audience, summary };
  const required = REQUIRED_FIELD[audience];
  if (required) {
    if (!extra) return refuse(t('err.needs', { audience, field: required.label }));
    data[required.name] = extra;
  }
  return ok('update.post', data, t('label.update', { audience }));
}

function severity(rest: string, ctx: BarContext): Parsed {
  const sev = severityOf(rest);
  if (!sev) return rest.trim() ? refuse(t('err.severity', { value: rest, list: severityIds().join(', ') })) : usage('severity');
  if (sev === ctx.severity) return refuse(t('err.same', { value: severityName(sev) }));
  return ok('room.severity', { severity: sev }, t('label.severity', { value: severityName(sev) }));
}

function phase(rest: string, ctx: BarContext): Parsed {
  const value = phaseOf(rest);
  if (!value) return rest.trim() ? refuse(t('err.phase', { value: rest })) : usage('phase');
  if (value === ctx.phase) return refuse(t('err.same', { value: phaseName(value) }));
  return ok('room.phase', { phase: value }, t('label.phase', { value: phaseName(value) }));
}

/** "/playbook ddos": a type of the server's list (by id, or by title when only one matches), or any id before the list is read. */
function playbook(rest: string, ctx: BarContext): Parsed {
  const word = rest.trim();
  if (!word) return usage('playbook');
  const types = ctx.types ?? [];
  if (!types.length) return ok('playbook.apply', { type: word }, t('label.playbook', { title: word }));
  const lower = word.toLowerCase();
  const byTitle = types.filter((x) => x.title.toLowerCase().startsWith(lower));
  const found = types.find((x) => x.id === lower) ?? (byTitle.length === 1 ? byTitle[0] : undefined);
  if (!found) return refuse(t('err.noType', { type: word, types: types.map((x) => x.id).join(', ') }));
  return ok('playbook.apply', { type: found.id }, t('label.playbook', { title: found.title }));
}

/** "/erase #42 GDPR request 2026-17": ask the admin to erase entry 42's content, giving the reason everyone reads. */
function erase(rest: string): Parsed {
  const match = /^#(\d+)\s+(.+)$/s.exec(rest.trim());
  if (!match) return rest.trim() && !rest.trim().startsWith('#') ? refuse(t('err.whichEntry')) : usage('erase');
  const seq = Number(match[1]);
  return ok('erasure.request', { seq, reason: match[2]!.trim() }, t('label.erase', { seq: String(seq) }));
}

/** "/hold <reason>" and "/unhold <reason>": the legal hold, with the reason the room reads. */
function hold(verb: 'hold' | 'unhold', rest: string): Parsed {
  const reason = rest.trim();
  if (!reason) return usage(verb);
  return verb === 'hold'
    ? ok('room.hold', { reason }, t('label.hold', { reason: short(reason) }))
    : ok('room.release_hold', { reason }, t('label.unhold', { reason: short(reason) }));
}

/** One line of the bar -> the command to send, or why not (nothing is sent then). `now` sets "+30m" due times. */
export function parseCommand(line: string, ctx: BarContext, now = Date.now()): Parsed {
  if (!line.trim().startsWith('/')) return refuse(t('err.slash'));
  const { verb, rest } = split(line);
  const known = VERBS.find((v) => v.verb === verb);
  if (!known) return refuse(t('err.unknown', { verb }));
  if (!offeredVerbs(ctx).includes(known.verb)) return refuse(t('err.notAllowed', { verb }));
  switch (known.verb) {
    case 'note':
      return rest ? ok('note.add', { text: rest }, t('label.note', { text: short(rest) })) : usage('note');
    case 'decide':
      return decide(rest);
    case 'approve':
    case 'reject':
      return vote(known.verb, rest, ctx);
    case 'action':
      return action(rest, ctx, now);
    case 'done':
    case 'status':
      return actionStatus(known.verb, rest, ctx);
    case 'assign':
      return assign(rest, ctx);
    case 'handover':
      return handover(rest, ctx);
    case 'ack':
      return ack(rest, ctx);
    case 'update':
      return update(rest);
    case 'severity':
      return severity(rest, ctx);
    case 'phase':
      return phase(rest, ctx);
    case 'playbook':
      return playbook(rest, ctx);
    case 'erase':
      return erase(rest);
    case 'hold':
    case 'unhold':
      return hold(known.verb, rest);
  }
}

export interface Suggestion {
  /** What the list shows. */
  label: string;
  /** A short word after it: what kind of thing it is, or what the verb does. */
  detail: string;
  /** The whole line once this suggestion is taken. */
  line: string;
}

type Slot =
  | 'member'
  | 'otherMember'
  | 'role'
  | 'owner'
  | 'myRole'
  | 'decision'
  | 'action'
  | 'actionStatus'
  | 'ack'
  | 'audience'
  | 'severity'
  | 'phase'
  | 'approvers'
  | 'type'
  | null;

/** What the word being typed (the index-th after the verb) stands for. */
function slotOf(verb: Verb, index: number, word: string, line: string): Slot {
  switch (verb) {
    case 'assign':
      return word.startsWith('@') || index === 0 ? 'member' : 'role';
    case 'handover':
      return word.startsWith('@') || index === 1 ? 'otherMember' : 'myRole';
    case 'approve':
    case 'reject':
      return index === 0 ? 'decision' : null;
    case 'ack':
      return index === 0 ? 'ack' : null;
    case 'action':
      return word.startsWith('@') ? 'owner' : null;
    case 'done':
      return index === 0 ? 'action' : null;
    case 'status':
      return index === 0 ? 'action' : index === 1 ? 'actionStatus' : null;
    case 'update':
      return index === 0 ? 'audience' : null;
    case 'severity':
      return index === 0 ? 'severity' : null;
    case 'phase':
      return index === 0 ? 'phase' : null;
    case 'playbook':
      return index === 0 ? 'type' : null;
    case 'decide':
      return (line.match(/\|/g) ?? []).length === 3 ? 'approvers' : null;
    default:
      return null;
  }
}

function candidates(slot: Slot, ctx: BarContext): { value: string; label: string; detail: string }[] {
  const members = ctx.members.map((m) => ({ value: `@${handle(m.displayName)}`, label: m.displayName, detail: m.roles.map(roleLabel).join(', ') || t('kind.member') }));
  const roles = (list: readonly string[]) => list.map((r) => ({ value: r, label: roleLabel(r), detail: t('kind.role') }));
  switch (slot) {
    case 'member':
      return members;
    case 'otherMember':
      return members.filter((_, i) => ctx.members[i]!.userId !== ctx.myUserId);
    case 'role':
      return roles(ROLES);
    case 'myRole':
      return roles(ctx.myRoles);
    case 'approvers':
      return roles(ROLES.filter((r) => r !== 'observer'));
    case 'owner':
      return [...members, ...ADDRESSABLE_ROLES.map((r) => ({ value: `@${r}`, label: roleLabel(r), detail: t('kind.role') }))];
    case 'decision':
      return votable(ctx).map((d) => ({ value: `#${d.seq}`, label: `#${d.seq} ${d.title}`, detail: t('kind.decision') }));
    case 'action':
      return updatable(ctx).map((a) => ({ value: `#${a.seq}`, label: `#${a.seq} ${a.title}`, detail: t('kind.action') }));
    case 'actionStatus':
      return ACTION_STATUSES.map((s) => ({ value: s, label: s, detail: '' }));
    case 'ack':
      return myAcks(ctx).map((a) => ({ value: `#${a.about}`, label: `#${a.about}`, detail: t('kind.ack') }));
    case 'audience':
      return ['all', 'exec', 'eng', 'legal'].map((a) => ({ value: a, label: a, detail: AUDIENCE_ALIASES[a]! }));
    case 'severity':
      return severityIds()
        .filter((s) => s !== ctx.severity)
        .map((s) => ({ value: s, label: severityName(s), detail: s === severityName(s) ? '' : s }));
    case 'phase':
      return phaseIds()
        .filter((p) => p !== ctx.phase)
        .map((p) => ({ value: p, label: phaseName(p), detail: '' }));
    case 'type':
      return (ctx.types ?? []).map((x) => ({ value: x.id, label: x.title, detail: x.id }));
    default:
      return [];
  }
}

/** The completions of the word at the end of `line`, at most `limit`. */
export function complete(line: string, ctx: BarContext, limit = 8): Suggestion[] {
  const verbs = offeredVerbs(ctx);
  const trimmedStart = line.replace(/^\s+/, '');
  if (!trimmedStart.startsWith('/') || !/\s/.test(trimmedStart)) {
    const typed = trimmedStart.replace(/^\//, '').toLowerCase();
    return verbs
      .filter((v) => v.startsWith(typed))
      .slice(0, limit)
      .map((v) => ({ label: `/${v}`, detail: t(`verb.${v}`), line: `/${v} ` }));
  }
  const { verb } = split(trimmedStart);
  if (!verbs.includes(verb as Verb)) return [];
  const afterVerb = trimmedStart.slice(verb.length + 1).replace(/^\s+/, '');
  const words = afterVerb.split(/\s+/);
  const word = words[words.length - 1] ?? '';
  const slot = slotOf(verb as Verb, words.length - 1, word, trimmedStart);
  const head = trimmedStart.slice(0, trimmedStart.length - word.length);
  const typed = word.toLowerCase().replace(/^[@#]/, '');
  const typedHandle = handle(typed);
  return candidates(slot, ctx)
    .filter((c) => {
      const bare = c.value.toLowerCase().replace(/^[@#]/, '');
      return !typed || bare.startsWith(typed) || (typedHandle !== '' && bare.startsWith(typedHandle)) || c.label.toLowerCase().split(/\s+/).some((w) => w.startsWith(typed));
    })
    .filter((c) => c.value.toLowerCase() !== word.toLowerCase())
    .slice(0, limit)
    .map((c) => ({ label: c.label, detail: c.detail, line: `${head}${c.value} ` }));
}
