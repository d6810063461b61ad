// Pure shaping of GET /api/metrics for the dashboard: chart series, tiles and durations in words.
// No DOM, no network, all tested.
import { formatLocale } from './i18n';
import { t } from './messages/dashboard';
import { severityIds, severityName } from './taxonomy';
import type { Metrics, RoomMetrics } from './types';

/** A duration in seconds, in words a person reads at a glance; null (it never happened) -> "never". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds)) return t('never');
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return t('seconds', { n: s });
  const m = Math.round(s / 60);
  if (m < 60) return t('minutes', { n: m });
  const hours = Math.floor(s / 3600);
  if (hours < 48) {
    const rest = Math.round((s - hours * 3600) / 60);
    return rest === 60 ? t('hours', { n: hours + 1 }) : rest ? t('hoursMinutes', { h: hours, m: rest }) : t('hours', { n: hours });
  }
  const days = Math.floor(s / 86_400);
  const rest = Math.round((s - days * 86_400) / 3600);
  return rest === 24 ? t('days', { n: days + 1 }) : rest ? t('daysHours', { d: days, h: rest }) : t('days', { n: days });
}

/** A score of met / triggered (0..1) as a percentage; null -> "no expectation triggered". */
export function formatScore(score: number | null | undefined): string {
  return score == null || !Number.isFinite(score) ? t('notScored') : t('percent', { n: Math.round(score * 100) });
}

/** ISO time -> seconds since the epoch (uPlot's time scale), or null when unreadable. */
export function epochSeconds(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms / 1000;
}

export interface Bars {
  /** The severities' ids, and their names as the reader reads them. */
  ids: string[];
  labels: string[];
  counts: number[];
}

/** Open incidents by severity: the deployment's severities always (zero when none), then any other severity. */
export function severityBars(metrics: Metrics): Bars {
  const by = metrics.totals.openIncidentsBySeverity ?? {};
  const listed = severityIds();
  const extra = Object.keys(by)
    .filter((s) => !listed.includes(s))
    .sort();
  const ids = [...listed, ...extra];
  return { ids, labels: ids.map(severityName), counts: ids.map((s) => by[s] ?? 0) };
}

export interface Trend {
  /** openedAt in epoch seconds, ascending. */
  x: number[];
  /** One array per measure, aligned with x; null where it never happened. */
  ys: (number | null)[][];
  titles: string[];
}

/**
 * Time to containment and decision latency per room, by when the room opened. Rooms where
 * neither ever happened are left out (they would draw nothing).
 */
export function responseTrend(metrics: Metrics): Trend {
  const rows = metrics.rooms
    .map((r) => ({ r, at: epochSeconds(r.openedAt) }))
    .filter((e): e is { r: RoomMetrics; at: number } => e.at != null)
    .filter(({ r }) => r.timeToContainmentSeconds != null || r.decisionLatencySeconds != null)
    .sort((a, b) => a.at - b.at);
  return {
    x: rows.map((e) => e.at),
    ys: [rows.map((e) => e.r.timeToContainmentSeconds), rows.map((e) => e.r.decisionLatencySeconds)],
    titles: rows.map((e) => e.r.title),
  };
}

/** Exercise scores (0..1) by when the exercise ended, ascending; unscored ones left out. */
export function scoreTrend(metrics: Metrics): Trend {
  const rows = (metrics.totals.exerciseScoresOverTime ?? [])
    .map((s) => ({ s, at: epochSeconds(s.endedAt) }))
    .filter((e): e is { s: (typeof e)['s']; at: number } => e.at != null && e.s.score != null)
    .sort((a, b) => a.at - b.at);
  return { x: rows.map((e) => e.at), ys: [rows.map((e) => e.s.score)], titles: rows.map((e) => e.s.title) };
}

export interface Tiles {
  overdueActions: number;
  openExceptions: number;
  /** The age of the oldest open exception across rooms; null when none is open. */
  oldestExceptionAgeSeconds: number | null;
  oldestExceptionRoom: string | null;
}

export function tiles(metrics: Metrics): Tiles {
  let oldest: RoomMetrics | null = null;
  for (const r of metrics.rooms) {
    if (r.oldestOpenExceptionAgeSeconds == null) continue;
    if (!oldest || r.oldestOpenExceptionAgeSeconds > oldest.oldestOpenExceptionAgeSeconds!) oldest = r;
  }
  return {
    overdueActions: metrics.totals.overdueActions ?? 0,
    openExceptions: metrics.totals.openExceptions ?? 0,
    oldestExceptionAgeSeconds: oldest?.oldestOpenExceptionAgeSeconds ?? null,
    oldestExceptionRoom: oldest?.title ?? null,
  };
}

/** A one-sentence summary of the severity chart, for screen readers and as its caption. */
export function severitySummary(bars: Bars): string {
  const total = bars.counts.reduce((a, b) => a + b, 0);
  if (!total) return t('noIncidentOpen');
  const parts = bars.labels.map((l, i) => [l, bars.counts[i]!] as const).filter(([, n]) => n > 0);
  return t.plural('openIncidents', total, { parts: parts.map(([l, n]) => `${n.toLocaleString(formatLocale())} ${l}`).join(', ') });
}
