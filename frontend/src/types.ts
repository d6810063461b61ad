// The wire shapes of the Sitroom REST API and room socket, as far as this client reads them.

export const ROLES = [
  'incident_commander',
  'containment_lead',
  'comms_approver',
  'legal',
  'scribe',
  'executive',
  'facilitator',
  'participant',
  'observer',
] as const;
export type Role = (typeof ROLES)[number];

export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const PHASES = [
  'detection',
  'analysis',
  'containment',
  'eradication',
  'recovery',
  'post_incident',
  'closed',
] as const;
export type Phase = (typeof PHASES)[number];

export interface User {
  id: string;
  username: string;
  displayName: string;
}

export interface Session {
  token: string;
  expiresAt: string;
  user: User;
}

export interface RoomSummary {
  id: string;
  kind: string;
  title: string;
  severity: string;
  phase: string;
  createdAt: string;
  seq: number;
  myRoles: string[];
}

export interface Actor {
  userId: string;
  displayName: string;
  roles: string[];
}

export interface Member {
  userId: string;
  displayName: string;
  roles: string[];
}

export interface Note {
  seq: number;
  at: string;
  actor: Actor;
  text: string;
  visibleTo?: string[];
}

export interface RoomSnapshot {
  id: string;
  kind: string;
  title: string;
  severity: string;
  phase: string;
  createdAt: string;
  createdBy: string;
  seq: number;
  headHash: string;
  members: Member[];
  notes: Note[];
}

export interface ApiErrorBody {
  code: string;
  message: string;
}

export interface RoomEvent {
  type: 'event';
  roomId: string;
  seq: number;
  at: string;
  kind: string;
  actor?: Actor;
  commandId?: string;
  data: Record<string, unknown>;
  visibleTo?: string[];
  hash: string;
}

export interface You {
  userId: string;
  displayName: string;
  roles: string[];
}

export interface WelcomeFrame {
  type: 'welcome';
  roomId: string;
  seq: number;
  you: You;
  room: RoomSnapshot;
}

export type ResultFrame =
  | { type: 'result'; commandId: string; ok: true; seq: number; lastSeq?: number }
  | { type: 'result'; commandId: string; ok: false; error: ApiErrorBody };

export interface ErrorFrame {
  type: 'error';
  error: ApiErrorBody;
}

export type ServerFrame = WelcomeFrame | RoomEvent | ResultFrame | ErrorFrame | { type: 'pong' };

export interface CommandFrame {
  type: 'command';
  commandId: string;
  name: string;
  data: Record<string, unknown>;
}

export interface ChainReport {
  ok: boolean;
  events: number;
  headHash: string;
  firstBadSeq?: number;
}
