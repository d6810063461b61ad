import { describe, expect, it } from 'vitest';
import { checklistProgress, reducePlaybook } from './reducers';
import type { CustomField, PlaybookSections } from './playbookTypes';
import type { RoomEvent } from './types';

let seq = 0;
function event(kind: string, data: Record<string, unknown>, actor?: { userId: string; displayName: string }): RoomEvent {
  seq++;
  return { type: 'event', roomId: 'r', seq, at: `2026-12-01T10:00:0${seq % 10}.000Z`, kind, data, hash: 'h', actor: actor && { ...actor, roles: [] } };
}

const empty: PlaybookSections = { playbook: null, checklist: [], fields: [] };
const applied = event('playbook.applied', {
  typeId: 'tiny', title: 'Tiny', version: 2, sha256: 'ab', roles: ['legal', 'incident_commander'], cadenceMinutes: {},
  fields: [{ fieldId: 'hosts', label: 'Hosts', type: 'number', options: [], required: true }],
  items: [
    { itemId: 'declare', phase: 'detection', text: 'Declare', ownerRole: 'incident_commander', dueAt: '2026-12-01T10:15:00Z', decision: false },
    { itemId: 'notify', phase: 'containment', text: 'Notify', ownerRole: 'legal', dueAt: null, decision: true },
  ],
});

describe('reducePlaybook', () => {
  it('lays out the type, its open checklist and unset fields', () => {
    const s = reducePlaybook(empty, applied);
    expect(s.playbook).toEqual({ typeId: 'tiny', title: 'Tiny', version: 2, sha256: 'ab', roles: ['incident_commander', 'legal'], seq: applied.seq });
    expect(s.checklist[0]).toMatchObject({ itemId: 'declare', status: 'open', dueAt: '2026-12-01T10:15:00.000Z', overdue: false, seq: applied.seq });
    expect(s.fields[0]).toEqual({ fieldId: 'hosts', label: 'Hosts', type: 'number', options: [], required: true, values: [], display: '', seq: null });
  });

  it('checks, skips with a reason, reopens, assigns and marks overdue', () => {
    const lea = { userId: 'u-lea', displayName: 'Lea' };
    let s = reducePlaybook(empty, applied);
    const checked = event('checklist.checked', { itemId: 'declare', text: 'Declare', late: true, note: 'done' }, lea);
    s = reducePlaybook(s, checked);
    expect(s.checklist[0]).toMatchObject({ status: 'done', late: true, note: 'done', doneBy: 'u-lea', doneByName: 'Lea', doneAt: checked.at, seq: checked.seq });
    s = reducePlaybook(s, event('checklist.unchecked', { itemId: 'declare', text: 'Declare' }, lea));
    expect(s.checklist[0]).toMatchObject({ status: 'open', late: false, note: null, doneAt: null, doneBy: null });
    s = reducePlaybook(s, event('checklist.skipped', { itemId: 'notify', text: 'Notify', reason: 'no data' }, lea));
    expect(s.checklist[1]).toMatchObject({ status: 'skipped', skipReason: 'no data' });
    s = reducePlaybook(s, event('checklist.assigned', { itemId: 'declare', text: 'Declare', assigneeId: 'u-eli', assigneeName: 'Eli' }));
    s = reducePlaybook(s, event('checklist.overdue', { itemId: 'declare', text: 'Declare', dueAt: '2026-12-01T10:15:00Z' }));
    expect(s.checklist[0]).toMatchObject({ assigneeName: 'Eli', overdue: true });
    expect(checklistProgress(s.checklist)).toEqual([
      { phase: 'detection', total: 1, done: 0, skipped: 0, overdue: 1 },
      { phase: 'containment', total: 1, done: 0, skipped: 1, overdue: 0 },
    ]);
  });

  it('sets fields, and a second type changes nothing', () => {
    let s = reducePlaybook(empty, applied);
    const set = event('field.set', { fieldId: 'hosts', label: 'Hosts', type: 'number', values: ['12'], display: '12' });
    s = reducePlaybook(s, set);
    expect(s.fields[0]).toMatchObject({ values: ['12'], display: '12', seq: set.seq });
    expect(reducePlaybook(s, applied)).toBe(s);
  });
});

describe('search page helpers', async () => {
  const { snippetParts, searchQuery } = await import('./views/search');
  it('cuts the snippet at the highlight spans, and builds the query from filled fields only', () => {
    expect(snippetParts('a <b>file</b> here', [[5, 9], [2, 3]])).toEqual([
      { text: 'a <b>', mark: false },
      { text: 'file', mark: true },
      { text: '</b> here', mark: false },
    ]);
    expect(searchQuery({ q: ' keys ', severity: '', type: 'ddos' })).toBe('q=keys&type=ddos');
  });
});

describe('custom field values as people read them', async () => {
  const { fieldText } = await import('./panels/checklist');
  const { setLocale } = await import('./i18n');
  const field = (type: string, values: string[], display = ''): CustomField => ({
    fieldId: 'f', label: 'F', type, options: [], required: false, values, display, seq: values.length ? 3 : null,
  });
  const members = [{ userId: 'u-eli', displayName: 'Eli Ops', roles: ['containment_lead'] }];

  it('names a member as they are called now, or as the server recorded one who left', () => {
    expect(fieldText(field('user', ['u-eli'], 'Eli'), members)).toBe('Eli Ops');
    expect(fieldText(field('user', ['u-gone'], 'Gone Person'), members)).toBe('Gone Person');
    expect(fieldText(field('user', []), members)).toBe('');
  });

  it('writes dates and numbers in the viewer’s locale, options and text as they are', () => {
    try {
      expect(fieldText(field('date', ['2026-11-30']), [])).toBe('Nov 30, 2026');
      expect(fieldText(field('number', ['1234.5']), [])).toBe('1,234.5');
      expect(fieldText(field('multi_select', ['email', 'vpn']), [])).toBe('email, vpn');
      expect(fieldText(field('text', ['As it is, 1,5']), [])).toBe('As it is, 1,5');
      setLocale('de');
      expect(fieldText(field('date', ['2026-11-30']), [])).toBe('30.11.2026');
      expect(fieldText(field('number', ['1234.50']), [])).toBe('1.234,50');
      // More digits than a double holds: shown as the server wrote them, not rounded.
      expect(fieldText(field('number', ['12345678901234567.1']), [])).toBe('12345678901234567.1');
    } finally {
      setLocale('en');
    }
  });
});
