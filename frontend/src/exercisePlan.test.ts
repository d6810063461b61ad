import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  editData,
  injectChanges,
  localDateTimeValue,
  MEDIUM_FIELDS,
  MEDIUM_KINDS,
  mediumData,
  mediumValues,
  parseScenarioTime,
  promptLines,
  readiness,
  scenarioRoles,
  utcFromLocal,
} from './exercisePlan';
import type { InjectMedium, InjectStatus, RoomEvent } from './types';

describe('scenario times as typed', () => {
  it('reads m:ss, h:mm:ss, "T+" and minutes', () => {
    expect(parseScenarioTime('1:30')).toBe(90_000);
    expect(parseScenarioTime('T+1:02:05')).toBe(3_725_000);
    expect(parseScenarioTime(' 90 ')).toBe(5_400_000);
    expect(parseScenarioTime('2,5')).toBe(150_000);
    expect(parseScenarioTime('0:00')).toBe(0);
  });

  it('takes empty as "no time" and refuses the rest', () => {
    expect(parseScenarioTime('')).toBeNull();
    expect(parseScenarioTime('  ')).toBeNull();
    for (const bad of ['1:75', '1:60:00', 'soon', '-5', '1:2']) expect(parseScenarioTime(bad), bad).toBeUndefined();
  });
});

describe('the planned start in the viewer’s time zone', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('goes to UTC and back through a datetime-local value', () => {
    const local = localDateTimeValue('2026-03-02T09:30:00.000Z');
    expect(local).toMatch(/^2026-03-0[12]T\d\d:30$/);
    expect(utcFromLocal(local)).toBe('2026-03-02T09:30:00.000Z');
    // The value is read as local time: the offset is the browser's at that date.
    const offsetMs = new Date(2026, 5, 1, 12, 0).getTimezoneOffset() * 60_000;
    expect(Date.parse(utcFromLocal('2026-06-01T12:00')!)).toBe(Date.UTC(2026, 5, 1, 12, 0) + offsetMs);
  });

  it('has nothing for nothing', () => {
    expect(localDateTimeValue(null)).toBe('');
    expect(localDateTimeValue('not a time')).toBe('');
    expect(utcFromLocal('')).toBeNull();
    expect(utcFromLocal('tomorrow')).toBeNull();
  });
});

const upcoming: InjectStatus = { id: 'a', title: 'T', body: 'B', to: ['legal'], prompts: ['Q?'], status: 'upcoming' };

describe('improvising', () => {
  it('offers each change of an upcoming inject as `can` says, none once delivered, dropped or ended', () => {
    const all = ['inject.edit', 'inject.move', 'inject.drop'];
    expect(injectChanges(upcoming, 'running', all)).toEqual({ edit: true, move: true, drop: true });
    expect(injectChanges(upcoming, 'ready', ['inject.move'])).toEqual({ edit: false, move: true, drop: false });
    expect(injectChanges({ status: 'delivered' }, 'running', all)).toEqual({ edit: false, move: false, drop: false });
    expect(injectChanges({ status: 'dropped' }, 'running', all)).toEqual({ edit: false, move: false, drop: false });
    expect(injectChanges(upcoming, 'ended', all)).toEqual({ edit: false, move: false, drop: false });
  });

  it('sends only what changed', () => {
    const same = { title: 'T', body: 'B', to: ['legal'], prompts: ['Q?'] };
    expect(editData(upcoming, same)).toBeNull();
    expect(editData(upcoming, { ...same, title: 'New', to: ['legal', 'executive'] })).toEqual({ injectId: 'a', title: 'New', to: ['executive', 'legal'] });
    expect(editData(upcoming, { ...same, prompts: [] })).toEqual({ injectId: 'a', prompts: [] });
    expect(editData({ ...upcoming, prompts: null }, { ...same, prompts: [] })).toBeNull();
  });

  it('reads questions one a line', () => {
    expect(promptLines(' Who calls?\n\n  What now? \n')).toEqual(['Who calls?', 'What now?']);
  });

  it('knows the scenario’s roles from the communications check, else from the script', () => {
    expect(scenarioRoles({ commsCheck: { ready: ['legal'], notReady: ['executive'] }, injects: [] })).toEqual(['executive', 'legal']);
    expect(scenarioRoles({ injects: [upcoming, { ...upcoming, to: ['executive', 'legal'] }] })).toEqual(['executive', 'legal']);
  });
});

describe('a player’s readiness', () => {
  const confirmed = (seq: number, userId: string, roles: string[]): RoomEvent => ({
    type: 'event', roomId: 'r', seq, at: '2026-01-01T10:00:00Z', kind: 'exercise.ready_confirmed', data: { roles }, hash: 'h',
    actor: { userId, displayName: userId, roles },
  });

  it('takes my roles’ readiness from the view, and my own confirmation’s seq from the timeline when it has it', () => {
    expect(readiness({ readyRoles: [], notReadyRoles: ['legal'] }, [], 'me')).toEqual({ mine: null, roles: [], waiting: ['legal'] });
    const timeline = [confirmed(3, 'other', ['legal']), confirmed(5, 'me', ['legal', 'executive'])];
    const partly = { readyRoles: ['legal'], notReadyRoles: ['executive'] };
    expect(readiness(partly, timeline.slice(0, 1), 'me')).toEqual({ mine: null, roles: ['legal'], waiting: ['executive'] });
    const all = { readyRoles: ['executive', 'legal'], notReadyRoles: [] };
    expect(readiness(all, timeline, 'me')).toEqual({ mine: 5, roles: ['executive', 'legal'], waiting: [] });
    // After a reload the timeline may not reach back to the confirmation: the view still says it.
    expect(readiness(all, [], 'me')).toEqual({ mine: null, roles: ['executive', 'legal'], waiting: [] });
  });
});

describe('an improvised inject’s medium', () => {
  it('is none for a plain message', () => {
    expect(mediumData('', { outlet: 'ignored' })).toEqual({ medium: null });
  });

  it('builds each kind with the wire’s field names and types, leaving out empty optional fields', () => {
    expect(mediumData('news', { outlet: ' Tagesblatt ', headline: 'Outage hits port', byline: '' })).toEqual({
      medium: { kind: 'news', outlet: 'Tagesblatt', headline: 'Outage hits port' },
    });
    expect(mediumData('social', { author: 'Ann', handle: '@ann.k', likes: '120', shares: '0', platform: 'Mastodon' })).toEqual({
      medium: { kind: 'social', author: 'Ann', handle: 'ann.k', likes: 120, shares: 0, platform: 'Mastodon' },
    });
    expect(mediumData('email', { from: 'a@x.example', to: 'b@x.example, c@x.example,', subject: 'Hi', cc: ' ' })).toEqual({
      medium: { kind: 'email', from: 'a@x.example', to: ['b@x.example', 'c@x.example'], subject: 'Hi' },
    });
    expect(mediumData('call', { caller: 'CEO', durationSeconds: '2:40' })).toEqual({ medium: { kind: 'call', caller: 'CEO', durationSeconds: 160 } });
    expect(mediumData('call', { caller: 'CEO', durationSeconds: '3' })).toEqual({ medium: { kind: 'call', caller: 'CEO', durationSeconds: 180 } });
    expect(mediumData('document', { filename: 'note.txt', classification: 'TLP:AMBER' })).toEqual({
      medium: { kind: 'document', filename: 'note.txt', classification: 'TLP:AMBER' },
    });
  });

  it('names the field to fix before anything is sent', () => {
    expect(mediumData('news', { outlet: 'Tagesblatt' })).toEqual({ problem: { field: 'headline', problem: 'required' } });
    expect(mediumData('email', { from: 'a', to: ' , ', subject: 's' })).toEqual({ problem: { field: 'to', problem: 'required' } });
    const social = { author: 'Ann', handle: 'ann', likes: '1', shares: '1' };
    for (const bad of ['-1', '1.5', 'many', '1e3']) {
      expect(mediumData('social', { ...social, likes: bad })).toEqual({ problem: { field: 'likes', problem: 'count' } });
    }
    expect(mediumData('social', { ...social, shares: '' })).toEqual({ problem: { field: 'shares', problem: 'required' } });
    expect(mediumData('social', { ...social, handle: 'ann k' })).toEqual({ problem: { field: 'handle', problem: 'handle' } });
    expect(mediumData('call', { caller: 'CEO', durationSeconds: 'long' })).toEqual({ problem: { field: 'durationSeconds', problem: 'duration' } });
    expect(mediumData('call', { caller: 'CEO', durationSeconds: '24:00:01' })).toEqual({ problem: { field: 'durationSeconds', problem: 'duration' } });
    expect(mediumData('document', { classification: 'TLP:RED' })).toEqual({ problem: { field: 'title', problem: 'titleOrFilename' } });
    const many = Array.from({ length: 31 }, (_, i) => `p${i}@x.example`).join(',');
    expect(mediumData('email', { from: 'a', to: many, subject: 's' })).toEqual({ problem: { field: 'to', problem: 'tooMany' } });
    expect(mediumData('news', { outlet: 'x'.repeat(301), headline: 'h' })).toEqual({ problem: { field: 'outlet', problem: 'tooLong' } });
  });

  it('pre-fills the form from an inject’s medium, and reads back the same medium', () => {
    const mediums: InjectMedium[] = [
      { kind: 'news', outlet: 'Tagesblatt', headline: 'Outage', byline: 'A. Writer' },
      { kind: 'social', author: 'Ann', handle: 'ann', likes: 3, shares: 4, platform: null },
      { kind: 'email', from: 'a@x', to: ['b@x', 'c@x'], subject: 'S', cc: ['d@x'] },
      { kind: 'call', caller: 'CEO', callee: null, durationSeconds: 3725 },
      { kind: 'document', title: null, filename: 'note.txt', classification: null },
    ];
    for (const medium of mediums) {
      const { kind, values } = mediumValues(medium);
      expect(kind).toBe(medium.kind);
      const expected = Object.fromEntries(Object.entries(medium).filter(([, v]) => v !== null));
      expect(mediumData(kind, values)).toEqual({ medium: expected });
    }
    expect(mediumValues({ kind: 'email', from: 'a@x', to: ['b@x', 'c@x'], subject: 'S' }).values.to).toBe('b@x, c@x');
    expect(mediumValues({ kind: 'call', caller: 'CEO', durationSeconds: 160 }).values.durationSeconds).toBe('2:40');
    expect(mediumValues(null)).toEqual({ kind: '', values: {} });
    expect(MEDIUM_KINDS.every((k) => MEDIUM_FIELDS[k].length > 0)).toBe(true);
  });

  it('is sent in an edit only when it changed; an untouched medium is not', () => {
    const inject: InjectStatus = {
      id: 'call', title: 'T', body: 'B', to: ['legal'], status: 'upcoming',
      medium: { kind: 'call', caller: 'CEO', callee: null, durationSeconds: 160 },
    };
    const draft = { title: 'T', body: 'B', to: ['legal'], prompts: [] };
    const same = mediumData('call', mediumValues(inject.medium).values);
    expect('medium' in same && editData(inject, { ...draft, medium: same.medium })).toBeNull();
    expect(editData(inject, { ...draft, medium: null })).toBeNull();
    expect(editData(inject, { ...draft, medium: { kind: 'call', caller: 'CFO', durationSeconds: 160 } })).toEqual({
      injectId: 'call',
      medium: { kind: 'call', caller: 'CFO', durationSeconds: 160 },
    });
    // A plain inject takes a medium in an edit.
    expect(editData({ ...inject, medium: null }, { ...draft, medium: { kind: 'news', outlet: 'O', headline: 'H' } })).toEqual({
      injectId: 'call',
      medium: { kind: 'news', outlet: 'O', headline: 'H' },
    });
  });
});
