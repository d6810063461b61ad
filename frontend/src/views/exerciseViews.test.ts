// The facilitator console's and the participant view's words: English as it always read (the
// end-to-end tests select by it), German from the same catalogues.
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n';
import { actionName, exerciseStatusName, expectationStatusName, improvisedName, injectStatusName, problemPlace, speedText } from '../messages/facilitate';
import { scoreLine } from '../messages/participant';
import type { InjectStatus, RoomEvent } from '../types';
import { isFacilitatorNote, orderInjects, timingText } from './facilitate';

const timing = (t: NonNullable<Parameters<typeof timingText>[0]['timing']>) => timingText({ timing: t });

describe('exercise views', () => {
  afterEach(() => setLocale('en'));

  it('say when an inject is due, in English as before', () => {
    expect(timing({ type: 'at', atSeconds: 90 })).toBe('at T+1:30');
    expect(timing({ type: 'after', after: 'first', delaySeconds: 300 })).toBe('5:00 after “first”');
    expect(timing({ type: 'when', when: { decision: 'accepted', titleContains: 'ransom' } })).toBe('when decision accepted, titleContains ransom');
    expect(timing({ type: 'when', when: { expectationMet: 'e1' }, after: 'first' })).toBe('when expectationMet e1 (after “first”)');
    expect(timing({ type: 'when', when: { somethingNewer: 'x' } })).toBe('when somethingNewer x');
    expect(timing({ type: 'manual' })).toBe('by hand only');
    expect(timingText({ timing: null })).toBe('');
  });

  it('say it in German', () => {
    setLocale('de');
    expect(timing({ type: 'at', atSeconds: 90 })).toBe('um T+1:30');
    expect(timing({ type: 'after', after: 'first', delaySeconds: 300 })).toBe('5:00 nach „first“');
    expect(timing({ type: 'when', when: { decision: 'rejected', titleContains: 'ransom' } })).toBe(
      'sobald eine Entscheidung abgelehnt ist, deren Titel „ransom“ enthält',
    );
    expect(timing({ type: 'when', when: { roleAssigned: 'legal' }, after: 'first' })).toBe('sobald die Rolle Recht vergeben ist (nach „first“)');
    expect(timing({ type: 'manual' })).toBe('nur von Hand');
  });

  it('name states and actions, and keep identifiers this version does not know readable', () => {
    expect([exerciseStatusName('running'), injectStatusName('upcoming'), expectationStatusName('not_started'), actionName('propose_decision')]).toEqual([
      'running',
      'upcoming',
      'not started',
      'propose decision',
    ]);
    expect(exerciseStatusName('rewinding')).toBe('rewinding');
    expect(actionName('sign_contract')).toBe('sign contract');
    setLocale('de');
    expect([exerciseStatusName('running'), injectStatusName('delivered'), expectationStatusName('missed'), actionName('post_update')]).toEqual([
      'läuft',
      'eingespielt',
      'verfehlt',
      'Lagebericht veröffentlichen',
    ]);
  });

  it('write speeds as typed, with the locale’s decimal sign and no grouping', () => {
    expect([speedText(1000), speedText(0.5), speedText(120)]).toEqual(['1000', '0.5', '120']);
    setLocale('de');
    expect([speedText(1000), speedText(0.5)]).toEqual(['1000', '0,5']);
  });

  it('give the player the score', () => {
    expect(scoreLine({ met: 3, triggered: 4, score: 0.75 })).toBe('Score: met 3 of 4 (75%)');
    expect(scoreLine({ met: 0, triggered: 0, score: null })).toBe('Score: met 0 of 0');
    setLocale('de');
    expect(scoreLine({ met: 3, triggered: 4, score: 0.75 })).toBe('Ergebnis: 3 von 4 erfüllt (75 %)');
  });

  it('list as facilitator notes only the notes no one but the facilitator sees', () => {
    const note = (seq: number, visibleTo?: string[]): RoomEvent => ({ seq, kind: 'note.added', visibleTo, data: { text: 'x' } }) as unknown as RoomEvent;
    expect(isFacilitatorNote(note(1, ['facilitator']))).toBe(true);
    expect(isFacilitatorNote(note(2))).toBe(false);
    expect(isFacilitatorNote(note(3, ['facilitator', 'legal']))).toBe(false);
    expect(isFacilitatorNote({ ...note(4, ['facilitator']), kind: 'decision.proposed' } as RoomEvent)).toBe(false);
  });

  it('order the script: delivered as they came, upcoming by due time, dropped last', () => {
    const i = (id: string, status: string, ms?: number) =>
      ({ id, title: id, body: '', to: [], status, ...(status === 'delivered' ? { deliveredAtMs: ms } : { dueAtMs: ms }) }) as InjectStatus;
    const order = orderInjects([i('x', 'dropped'), i('late', 'upcoming', 900), i('manual', 'upcoming'), i('b', 'delivered', 50), i('soon', 'upcoming', 100), i('a', 'delivered', 10)]);
    expect(order.map((o) => o.id)).toEqual(['a', 'b', 'soon', 'late', 'manual', 'x']);
  });

  it('name what the facilitator changed during play, in both languages', () => {
    expect([injectStatusName('dropped'), improvisedName('added'), improvisedName('changed')]).toEqual(['dropped', 'added during play', 'changed during play']);
    setLocale('de');
    expect([injectStatusName('dropped'), improvisedName('added')]).toEqual(['gestrichen', 'während der Übung hinzugefügt']);
  });

  it('say where a refused scenario’s problem is: a file’s line and field, a spreadsheet’s sheet, row and column', () => {
    expect(problemPlace({ line: 12, path: 'injects[0].to', message: 'm' })).toBe('line 12 · injects[0].to');
    expect(problemPlace({ sheet: 'MSEL', row: 4, column: 'C', field: 'To', message: 'm' })).toBe('MSEL, row 4 · column C (To)');
    expect(problemPlace({ message: 'm' })).toBe('');
    setLocale('de');
    expect(problemPlace({ line: 3, message: 'm' })).toBe('Zeile 3');
    expect(problemPlace({ sheet: 'MSEL', row: 4, column: 'C', message: 'm' })).toBe('MSEL, Zeile 4 · Spalte C');
  });
});
