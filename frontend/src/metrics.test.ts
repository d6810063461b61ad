import { describe, expect, it } from 'vitest';
import {
  epochSeconds,
  formatDuration,
  formatScore,
  responseTrend,
  scoreTrend,
  severityBars,
  severitySummary,
  tiles,
} from './metrics';
import type { Metrics, RoomMetrics } from './types';

function room(over: Partial<RoomMetrics>): RoomMetrics {
  return {
    roomId: 'r',
    kind: 'INCIDENT',
    title: 'Room',
    severity: 'SEV3',
    phase: 'analysis',
    openedAt: '2026-01-01T00:00:00Z',
    closedAt: null,
    timeToAcknowledgeSeconds: null,
    timeToFirstExecutiveUpdateSeconds: null,
    timeToContainmentSeconds: null,
    decisionLatencySeconds: null,
    overdueActions: 0,
    openExceptions: 0,
    oldestOpenExceptionAgeSeconds: null,
    meanTimeToCloseHighRiskActionsSeconds: null,
    ...over,
  };
}

function metrics(rooms: RoomMetrics[], totals: Partial<Metrics['totals']> = {}): Metrics {
  return {
    totals: {
      openIncidentsBySeverity: {},
      overdueActions: 0,
      openExceptions: 0,
      meanTimeToContainmentSeconds: null,
      meanDecisionLatencySeconds: null,
      meanTimeToAcknowledgeSeconds: null,
      meanTimeToFirstExecutiveUpdateSeconds: null,
      exerciseScoresOverTime: [],
      ...totals,
    },
    rooms,
  };
}

describe('formatDuration', () => {
  it('says never for null', () => {
    expect(formatDuration(null)).toBe('never');
    expect(formatDuration(undefined)).toBe('never');
    expect(formatDuration(Number.NaN)).toBe('never');
  });
  it('picks a unit a person reads at a glance', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(42.4)).toBe('42 s');
    expect(formatDuration(90)).toBe('2 min');
    expect(formatDuration(3599)).toBe('1 h');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(3600 + 5 * 60)).toBe('1 h 5 min');
    expect(formatDuration(2 * 3600 + 59 * 60 + 50)).toBe('3 h');
    expect(formatDuration(2 * 86_400)).toBe('2 d');
    expect(formatDuration(3 * 86_400 + 4 * 3600)).toBe('3 d 4 h');
  });
});

describe('formatScore and epochSeconds', () => {
  it('formats a fraction as a percentage', () => {
    expect(formatScore(0.756)).toBe('76 %');
    expect(formatScore(null)).toBe('not scored');
  });
  it('reads ISO times', () => {
    expect(epochSeconds('1970-01-01T00:01:00Z')).toBe(60);
    expect(epochSeconds(null)).toBeNull();
    expect(epochSeconds('nope')).toBeNull();
  });
});

describe('severityBars', () => {
  it('always shows SEV1..SEV4 in order, then unknown ones', () => {
    const bars = severityBars(metrics([], { openIncidentsBySeverity: { SEV3: 2, SEV1: 1, SEV0: 4 } }));
    expect(bars).toEqual({ ids: ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV0'], labels: ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV0'], counts: [1, 0, 2, 0, 4] });
    expect(severitySummary(bars)).toBe('7 open incidents: 1 SEV1, 2 SEV3, 4 SEV0.');
  });
  it('summarises nothing open', () => {
    expect(severitySummary(severityBars(metrics([])))).toBe('No incident is open.');
  });
});

describe('responseTrend', () => {
  it('sorts rooms by openedAt, keeps nulls as gaps and leaves out rooms with nothing to draw', () => {
    const trend = responseTrend(
      metrics([
        room({ title: 'later', openedAt: '2026-01-02T00:00:00Z', timeToContainmentSeconds: 600 }),
        room({ title: 'nothing', openedAt: '2026-01-03T00:00:00Z' }),
        room({ title: 'earlier', openedAt: '2026-01-01T00:00:00Z', decisionLatencySeconds: 30 }),
      ]),
    );
    expect(trend.titles).toEqual(['earlier', 'later']);
    expect(trend.x).toEqual([epochSeconds('2026-01-01T00:00:00Z'), epochSeconds('2026-01-02T00:00:00Z')]);
    expect(trend.ys).toEqual([
      [null, 600],
      [30, null],
    ]);
  });
});

describe('scoreTrend', () => {
  it('orders scored exercises by end time', () => {
    const trend = scoreTrend(
      metrics([], {
        exerciseScoresOverTime: [
          { roomId: 'b', title: 'B', endedAt: '2026-02-02T00:00:00Z', score: 0.5 },
          { roomId: 'c', title: 'C', endedAt: '2026-02-03T00:00:00Z', score: null },
          { roomId: 'a', title: 'A', endedAt: '2026-02-01T00:00:00Z', score: 1 },
        ],
      }),
    );
    expect(trend.titles).toEqual(['A', 'B']);
    expect(trend.ys).toEqual([[1, 0.5]]);
  });
});

describe('tiles', () => {
  it('finds the oldest open exception across rooms', () => {
    const t = tiles(
      metrics(
        [
          room({ title: 'x', oldestOpenExceptionAgeSeconds: 100 }),
          room({ title: 'y', oldestOpenExceptionAgeSeconds: 7200 }),
          room({ title: 'z' }),
        ],
        { overdueActions: 3, openExceptions: 2 },
      ),
    );
    expect(t).toEqual({ overdueActions: 3, openExceptions: 2, oldestExceptionAgeSeconds: 7200, oldestExceptionRoom: 'y' });
  });
  it('has no age when no exception is open', () => {
    expect(tiles(metrics([])).oldestExceptionAgeSeconds).toBeNull();
  });
});
