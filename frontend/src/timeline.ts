// Pure: one timeline event -> one line of plain words, and the window of a long timeline that the
// page holds (the newest entries, older pages on demand).
import { localText } from './i18n';
import { phaseName, roleName, statusName } from './messages/terms';
import { severityName } from './taxonomy';
import { t } from './messages/timeline';
import type { RoomEvent } from './types';

/** "incident_commander" -> "incident commander" (in the viewer's language). */
export function roleLabel(role: string): string {
  return roleName(role);
}

/** "post_incident" -> "post-incident" (in the viewer's language). */
export function phaseLabel(phase: string): string {
  return phaseName(phase);
}

type AudienceKey = `audience.${'all' | 'executive' | 'engineering' | 'legal'}`;

/** An update's audience as people read it ("everyone" for all). */
export function audienceLabel(audience: string): string {
  const key = `audience.${audience}`;
  return key in t.catalogues.en ? t(key as AudienceKey) : audience;
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
  return roles.length ? roles.map(roleLabel).join(', ') : t('noRole');
}

/** The name to show for a user an event names: its display name, else the id. */
function who(data: Record<string, unknown>, nameKey: string, idKey: string): string {
  const name = data[nameKey];
  return typeof name === 'string' && name ? name : str(data, idKey);
}

/** `sentence` followed by "; still waiting for …" when some roles are still missing. */
function waitingFor(sentence: string, missing: string[]): string {
  return missing.length ? `${sentence}; ${t('event.stillWaiting', { roles: roleList(missing) })}` : sentence;
}

/** `sentence` followed by a remark in brackets, when there is one. */
function withRemark(sentence: string, remark: string | null): string {
  return remark ? `${sentence} ${remark}` : sentence;
}

/** `sentence: text` when the event carries a text. */
function withText(sentence: string, text: unknown): string {
  return typeof text === 'string' && text ? `${sentence}: ${text}` : sentence;
}

function updatePosted(d: Record<string, unknown>): string {
  const audience = str(d, 'audience');
  const summary = str(d, 'summary');
  if (audience === 'all') return t('event.updatePostedAll', { summary });
  const key = /^[aeiou]/.test(audience) ? 'event.updatePostedVowel' : 'event.updatePosted';
  return t(key, { audience: audienceLabel(audience), summary });
}

/** The human-readable text of an event, without time or actor (shown beside it), in the viewer's language. */
export function describeEvent(event: RoomEvent): string {
  const d = event.data ?? {};
  if (event.erased) return t('event.contentErased');
  switch (event.kind) {
    case 'room.created':
      return t('event.roomCreated', { title: str(d, 'title'), severity: severityName(str(d, 'severity')), phase: phaseLabel(str(d, 'phase')) });
    case 'member.added': {
      const roles = list(d, 'roles');
      const name = who(d, 'displayName', 'userId');
      return roles.length ? t('event.memberAdded', { name, roles: roleList(roles) }) : t('event.memberAddedNoRole', { name });
    }
    case 'role.assigned':
      return t('event.roleAssigned', { name: who(d, 'displayName', 'userId'), role: roleLabel(str(d, 'role')) });
    case 'role.released':
      return t('event.roleReleased', { name: who(d, 'displayName', 'userId'), role: roleLabel(str(d, 'role')) });
    case 'role.handed_over':
      return t('event.roleHandedOver', {
        role: roleLabel(str(d, 'role')),
        from: who(d, 'fromDisplayName', 'fromUserId'),
        to: who(d, 'toDisplayName', 'toUserId'),
      });
    case 'room.severity_changed':
      return t('event.severityChanged', { from: severityName(str(d, 'from')), to: severityName(str(d, 'to')) });
    case 'room.phase_changed':
      return t('event.phaseChanged', { from: phaseLabel(str(d, 'from')), to: phaseLabel(str(d, 'to')) });
    case 'room.made_public':
      return t('event.madePublic');
    case 'room.made_private':
      return t('event.madePrivate');
    case 'erasure.requested':
      return t('event.erasureRequested', { seq: str(d, 'seq'), reason: str(d, 'reason') });
    case 'erasure.rejected':
      return t('event.erasureRejected', { seq: str(d, 'seq'), reason: str(d, 'reason') });
    case 'event.erased':
      return t('event.erased', { seq: str(d, 'seq'), requestedBy: who(d, 'requestedByName', 'requestedBy'), reason: str(d, 'reason') });
    case 'room.hold_placed':
      return t('event.holdPlaced', { reason: str(d, 'reason') });
    case 'room.hold_released':
      return t('event.holdReleased', { reason: str(d, 'reason') });
    case 'note.added': {
      const visibleTo = list(d, 'visibleTo').length ? list(d, 'visibleTo') : (event.visibleTo ?? []);
      const only = visibleTo.length ? t('event.visibleOnly', { roles: roleList(visibleTo) }) : null;
      return withRemark(t('event.noteAdded', { text: str(d, 'text') }), only);
    }
    case 'decision.proposed': {
      const approvers = list(d, 'approvers');
      const remark = approvers.length ? t('event.approvers', { roles: roleList(approvers) }) : null;
      return withRemark(t('event.decisionProposed', { title: str(d, 'title'), choice: str(d, 'choice') }), remark);
    }
    case 'decision.approved':
      return waitingFor(t('event.decisionApproved', { roles: roleList(list(d, 'roles')) }), list(d, 'missing'));
    case 'decision.rejected':
      return t('event.decisionRejected', { roles: roleList(list(d, 'roles')), reason: str(d, 'reason') });
    case 'decision.accepted':
      return t('event.decisionAccepted');
    case 'decision.expired':
      return t('event.decisionExpired');
    case 'decision.superseded':
      return t('event.decisionSuperseded');
    case 'action.created': {
      const owner = typeof d.ownerName === 'string' && d.ownerName ? d.ownerName : d.ownerRole ? roleLabel(str(d, 'ownerRole')) : null;
      return owner ? t('event.actionCreatedFor', { title: str(d, 'title'), owner }) : t('event.actionCreated', { title: str(d, 'title') });
    }
    case 'action.updated':
      return withText(t('event.actionUpdated', { from: statusName(str(d, 'from')), to: statusName(str(d, 'to')) }), d.note);
    case 'action.overdue':
      return t('event.actionOverdue', { title: str(d, 'title') });
    case 'action.link_requested':
      return t(d.automatic === true ? 'event.actionLinkAutomatic' : 'event.actionLinkRequested', { tracker: str(d, 'tracker') });
    case 'action.linked':
      return t('event.actionLinked', { key: str(d, 'key') });
    case 'action.link_failed':
      return t('event.actionLinkFailed', { reason: str(d, 'reason') });
    case 'action.tracker_state':
      return t('event.actionTrackerState', { key: str(d, 'key'), state: str(d, 'status') || str(d, 'state') });
    case 'update.posted':
      return updatePosted(d);
    case 'update.overdue':
      return t('event.updateOverdue', { severity: severityName(str(d, 'severity')) });
    case 'statement.drafted':
      return t('event.statementDrafted', { version: str(d, 'version'), title: str(d, 'title'), channel: str(d, 'channel') });
    case 'statement.approved':
      return waitingFor(t('event.statementApproved', { version: str(d, 'version'), role: roleLabel(str(d, 'role')) }), list(d, 'missing'));
    case 'statement.published':
      return t('event.statementPublished', { version: str(d, 'version') });
    case 'ack.requested':
      return t('event.ackRequested', { roles: roleList(list(d, 'roles')), about: str(d, 'about') });
    case 'ack.given':
      return waitingFor(t('event.ackGiven', { roles: roleList(list(d, 'roles')) }), list(d, 'pending'));
    case 'ack.overdue':
      return t('event.ackOverdue', { roles: roleList(list(d, 'pending')) });
    case 'exercise.started':
      return t('event.exerciseStarted', { speed: str(d, 'speed') });
    case 'exercise.paused':
      return t('event.exercisePaused');
    case 'exercise.resumed':
      return t('event.exerciseResumed');
    case 'exercise.speed_changed':
      return t('event.speedChanged', { from: str(d, 'from'), to: str(d, 'to') });
    case 'exercise.ended':
      return t('event.exerciseEnded');
    case 'inject.delivered':
      return withRemark(t('event.injectDelivered', { title: str(d, 'title'), roles: roleList(list(d, 'to')) }), d.manual === true ? t('event.byHand') : null);
    case 'inject.responded':
      return withText(t('event.injectResponded', { inject: str(d, 'injectId') }), d.text);
    case 'expectation.met':
      return t('event.expectationMet', { expectation: str(d, 'expectationId'), role: roleLabel(str(d, 'role')) });
    case 'expectation.missed':
      return t('event.expectationMissed', { expectation: str(d, 'expectationId'), role: roleLabel(str(d, 'role')) });
    case 'invite.created':
      return t('event.inviteCreated', { role: roleLabel(str(d, 'role')) });
    default:
      // A kind this version does not know yet: its identifier in words, rather than nothing.
      return event.kind.replace(/[._]/g, ' ');
  }
}

/** Who did it: the actor's display name, or "system" for events without an actor. */
export function actorLabel(event: RoomEvent): string {
  return event.actor?.displayName ?? t('system');
}

/** "14:05:09" in the viewer's locale and time zone (for text; on a page use i18n.timeElement, which adds UTC on hover). */
export function timeLabel(at: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  return localText(date, 'time');
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
