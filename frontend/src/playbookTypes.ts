// The snapshot sections of incident types (server: io.sitroom.playbook.PlaybookViews; docs/protocol.md,
// "The snapshot": playbook, checklist, fields).

/** The incident type applied to the room. */
export interface PlaybookType {
  typeId: string;
  title: string;
  version: number;
  sha256: string;
  /** The roles it needs filled, sorted. */
  roles: string[];
  /** Its playbook.applied. */
  seq: number;
}

export interface ChecklistItem {
  itemId: string;
  phase: string;
  text: string;
  ownerRole: string | null;
  dueAt: string | null;
  decision: boolean;
  /** open, done or skipped. */
  status: string;
  assigneeId: string | null;
  assigneeName: string | null;
  overdue: boolean;
  late: boolean;
  note: string | null;
  skipReason: string | null;
  doneAt: string | null;
  doneBy: string | null;
  doneByName: string | null;
  /** The item's last event. */
  seq: number;
}

export interface CustomField {
  fieldId: string;
  label: string;
  /** text, number, select, multi_select, user or date. */
  type: string;
  options: string[];
  required: boolean;
  values: string[];
  display: string;
  seq: number | null;
}

export interface PlaybookSections {
  playbook: PlaybookType | null;
  checklist: ChecklistItem[];
  fields: CustomField[];
}
