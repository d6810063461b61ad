import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  editData,
  injectChanges,
  localDateTimeValue,
  parseScenarioTime,
  promptLines,
  readiness,
  scenarioRoles,
  utcFromLocal,
} from './exercisePlan';
import type { InjectStatus, RoomEvent } from './types';

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

  it('says whether I confirmed, and which of my roles someone confirmed', () => {
    expect(readiness([], 'me', ['legal'])).toEqual({ mine: null, roles: [] });
    const timeline = [confirmed(3, 'other', ['legal']), confirmed(5, 'me', ['legal', 'executive'])];
    expect(readiness(timeline.slice(0, 1), 'me', ['legal', 'executive'])).toEqual({ mine: null, roles: ['legal'] });
    expect(readiness(timeline, 'me', ['legal', 'executive'])).toEqual({ mine: 5, roles: ['executive', 'legal'] });
  });
});
