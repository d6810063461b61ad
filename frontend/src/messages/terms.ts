// Words the server sends as identifiers (roles, kinds of room, action states), as people read them. Phases
// and severities are the deployment's: their names come with its list (taxonomy.ts).
import { defineMessages } from '../i18n';

export const t = defineMessages({
  en: {
    'role.incident_commander': 'incident commander',
    'role.containment_lead': 'containment lead',
    'role.comms_approver': 'comms approver',
    'role.legal': 'legal',
    'role.scribe': 'scribe',
    'role.executive': 'executive',
    'role.facilitator': 'facilitator',
    'role.participant': 'participant',
    'role.observer': 'observer',
    'kind.INCIDENT': 'incident',
    'kind.EXERCISE': 'exercise',
    'status.open': 'open',
    'status.in_progress': 'in progress',
    'status.blocked': 'blocked',
    'status.done': 'done',
    'status.cancelled': 'cancelled',
  },
  de: {
    'role.incident_commander': 'Incident Commander',
    'role.containment_lead': 'Eindämmungsleitung',
    'role.comms_approver': 'Kommunikationsfreigabe',
    'role.legal': 'Recht',
    'role.scribe': 'Protokoll',
    'role.executive': 'Geschäftsleitung',
    'role.facilitator': 'Moderation',
    'role.participant': 'Teilnehmende',
    'role.observer': 'Beobachtung',
    'kind.INCIDENT': 'Vorfall',
    'kind.EXERCISE': 'Übung',
    'status.open': 'offen',
    'status.in_progress': 'in Arbeit',
    'status.blocked': 'blockiert',
    'status.done': 'erledigt',
    'status.cancelled': 'abgebrochen',
  },
});

type Key = Parameters<typeof t>[0];

/** The name of `value` in group `group` (e.g. a role), or the identifier made readable if this version does not know it. */
function term(group: 'role' | 'kind' | 'status', value: string): string {
  const key = `${group}.${value}`;
  return key in t.catalogues.en ? t(key as Key) : value.replace(/_/g, ' ');
}

export const roleName = (role: string) => term('role', role);
export { phaseName } from '../taxonomy';
export const kindName = (kind: string) => term('kind', kind);
export const statusName = (status: string) => term('status', status);
