// Texts the shared view-model derives (model.ts): who a decision or statement still waits for, an
// action's owner, the status-update countdown, an exercise score. Timeline group names and update
// field labels are the console's and the panels' (messages/console.ts, messages/panels.ts).
import { defineMessages } from '../i18n';

export const t = defineMessages({
  en: {
    'decision.waitingFor': 'waiting for {roles}',
    'decision.waitingForOther': 'waiting for an approver other than the proposer',
    'owner.none': 'no owner',
    'owner.withRole': '{name} ({role})',
    'publish.published': 'version {version} is published',
    'publish.waitingFor': 'waiting for approval by {roles}',
    'publish.waiting': 'waiting for approval',
    'publish.notYours': 'approved; you may not publish it',
    'publish.approvedBy': '{roles} approved: ready to publish',
    'publish.ready': 'ready to publish',
    'list.and': '{first} and {second}',
    'countdown.none': 'no update owed',
    'countdown.due': 'due in {time}',
    'countdown.overdue': 'overdue by {time}',
    'score.met': 'met {met} of {triggered}',
    'score.metPercent': 'met {met} of {triggered} ({percent}%)',
  },
  de: {
    'decision.waitingFor': 'wartet auf Freigabe durch {roles}',
    'decision.waitingForOther': 'wartet auf Freigabe durch jemand anderen als die vorschlagende Person',
    'owner.none': 'niemand verantwortlich',
    'owner.withRole': '{name} ({role})',
    'publish.published': 'Version {version} ist veröffentlicht',
    'publish.waitingFor': 'wartet auf Freigabe durch {roles}',
    'publish.waiting': 'wartet auf Freigabe',
    'publish.notYours': 'freigegeben; Sie dürfen sie nicht veröffentlichen',
    'publish.approvedBy': 'freigegeben von {roles}: bereit zur Veröffentlichung',
    'publish.ready': 'bereit zur Veröffentlichung',
    'list.and': '{first} und {second}',
    'countdown.none': 'kein Lagebericht fällig',
    'countdown.due': 'fällig in {time}',
    'countdown.overdue': 'seit {time} überfällig',
    'score.met': '{met} von {triggered} erfüllt',
    'score.metPercent': '{met} von {triggered} erfüllt ({percent} %)',
  },
});
