// The dashboard (/dashboard): across all my rooms, open incidents by severity, overdue actions,
// open exceptions and their age, time to containment and decision latency over time, exercise
// scores over time. Charts are drawn by uPlot on canvas; each has a text summary and a table.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { api, errorText } from '../api';
import { type Child, h, replace } from '../dom';
import {
  type Bars,
  type Trend,
  formatDuration,
  formatScore,
  responseTrend,
  scoreTrend,
  severityBars,
  severitySummary,
  tiles,
} from '../metrics';
import { roomPath } from '../router';
import { formatLocale, timeElement } from '../i18n';
import { t as m } from '../messages/dashboard';
import { phaseName } from '../messages/terms';
import { severityDef, textOn } from '../taxonomy';
import type { Metrics } from '../types';

const LINE_COLOURS = ['#0b57d0', '#7c2d12'];
const HEIGHT = 240;

/** Charts drawn so far, resized with their box and destroyed when the view closes. */
class Charts {
  private readonly plots: uPlot[] = [];
  private readonly observer = new ResizeObserver((entries) => {
    for (const entry of entries) {
      const plot = this.plots.find((p) => p.root.parentElement === entry.target);
      const width = Math.floor(entry.contentRect.width);
      if (plot && width > 0 && width !== plot.width) plot.setSize({ width, height: HEIGHT });
    }
  });

  draw(box: HTMLElement, label: string, opts: Omit<uPlot.Options, 'width' | 'height'>, data: uPlot.AlignedData): void {
    const plot = new uPlot({ ...opts, width: Math.max(280, box.clientWidth || 600), height: HEIGHT }, data, box);
    // The canvas is a picture of the data; the caption and the table say it in words.
    plot.root.querySelector('canvas')?.setAttribute('role', 'img');
    plot.root.querySelector('canvas')?.setAttribute('aria-label', label);
    this.plots.push(plot);
    this.observer.observe(box);
  }

  dispose(): void {
    this.observer.disconnect();
    for (const p of this.plots.splice(0)) p.destroy();
  }
}

const axisStyle = { stroke: '#1a1a1a', grid: { stroke: '#e5e7eb' }, ticks: { stroke: '#c9ced6' } };

/** A figure: heading, one-line summary, the chart, and the same data as a table. */
function figure(id: string, title: string, summary: string, chart: HTMLElement, table: HTMLElement | null): HTMLElement {
  return h(
    'section',
    { class: 'card chart-card', 'aria-labelledby': id, 'data-testid': id },
    h('h2', { id }, title),
    h('p', { class: 'muted', id: `${id}-summary` }, summary),
    chart,
    table ? h('details', {}, h('summary', {}, m('showTable')), h('div', { class: 'scroll-x' }, table)) : null,
  );
}

function table(caption: string, head: string[], rows: Child[][]): HTMLElement {
  return h(
    'table',
    { class: 'data' },
    h('caption', { class: 'sr-only' }, caption),
    h('thead', {}, h('tr', {}, ...head.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', {}, c)))))),
  );
}

function tile(label: string, value: string, note: string, testid: string, warn = false): HTMLElement {
  return h(
    'div',
    { class: `tile${warn ? ' tile-warn' : ''}`, role: 'group', 'aria-label': label, 'data-testid': testid },
    h('p', { class: 'tile-label' }, label),
    h('p', { class: 'tile-value' }, value),
    h('p', { class: 'muted tile-note' }, note),
  );
}

/** A severity's colour as a bar on a light chart: a light colour (a badge's pale yellow) darkened to stand out; none: grey. */
function barColour(colour: string | undefined): string {
  if (!colour) return '#374151';
  if (textOn(colour) === '#ffffff') return colour;
  const dim = (i: number) => Math.round(parseInt(colour.slice(1 + 2 * i, 3 + 2 * i), 16) * 0.7).toString(16).padStart(2, '0');
  return `#${dim(0)}${dim(1)}${dim(2)}`;
}

function severityChart(charts: Charts, bars: Bars): HTMLElement {
  const box = h('div', { class: 'chart', 'data-testid': 'severity-chart' });
  const xs = bars.labels.map((_, i) => i);
  const max = Math.max(1, ...bars.counts);
  // One series per severity, with its count at its own x only, so each bar has its colour.
  const series: uPlot.Series[] = bars.labels.map((label, i) => ({
    label,
    fill: barColour(severityDef(bars.ids[i]!)?.colour),
    stroke: barColour(severityDef(bars.ids[i]!)?.colour),
    width: 0,
    paths: uPlot.paths.bars!({ size: [0.6, 80] }),
    points: { show: false },
    value: (_u, v) => (v == null ? '' : String(v)),
  }));
  const data: uPlot.AlignedData = [xs, ...bars.labels.map((_, i) => xs.map((x) => (x === i ? bars.counts[i]! : null)))];
  requestAnimationFrame(() =>
    charts.draw(
      box,
      m('barChart', { summary: severitySummary(bars) }),
      {
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false, range: [-0.5, bars.labels.length - 0.5] }, y: { range: [0, Math.ceil(max * 1.15)] } },
        axes: [
          { ...axisStyle, splits: () => xs, values: (_u, splits) => splits.map((i) => bars.labels[i] ?? '') },
          { ...axisStyle, label: m('openIncidentsAxis'), values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? String(v) : '')) },
        ],
        series: [{}, ...series],
      },
      data,
    ),
  );
  return box;
}

/** The x range: a little either side, at least a day, so a lone point does not stretch the axis over years. */
function timeRange(xs: number[]): [number, number] {
  const first = xs[0] ?? 0;
  const last = xs.at(-1) ?? first;
  const pad = Math.max((last - first) * 0.05, 86_400);
  return [first - pad, last + pad];
}

function timeChart(
  charts: Charts,
  trend: Trend,
  names: string[],
  label: string,
  yAxis: Pick<uPlot.Axis, 'label' | 'values'>,
  format: (v: number | null) => string,
  yRange?: [number, number],
): HTMLElement {
  const box = h('div', { class: 'chart', 'data-testid': `${names.join('-').toLowerCase().replace(/\W+/g, '-')}-chart` });
  requestAnimationFrame(() =>
    charts.draw(
      box,
      label,
      {
        legend: { live: true },
        // One room or exercise alone would otherwise stretch the time axis over years.
        scales: { x: { time: true, range: timeRange(trend.x) }, y: yRange ? { range: yRange } : { range: (_u, _min, max) => [0, Math.max(60, max * 1.1)] } },
        axes: [axisStyle, { ...axisStyle, ...yAxis, size: 70 }],
        series: [
          { label: m('opened') },
          ...names.map((name, i) => ({
            label: name,
            stroke: LINE_COLOURS[i],
            width: 2,
            spanGaps: true,
            points: { show: true, size: 7, fill: LINE_COLOURS[i] },
            value: (_u: uPlot, v: number | null) => format(v),
          })),
        ],
      },
      [trend.x, ...trend.ys] as uPlot.AlignedData,
    ),
  );
  return box;
}


function render(charts: Charts, metrics: Metrics): Child[] {
  const t = tiles(metrics);
  const bars = severityBars(metrics);
  const response = responseTrend(metrics);
  const scores = scoreTrend(metrics);
  const totals = metrics.totals;

  const severity = figure(
    'dash-severity',
    m('bySeverity'),
    severitySummary(bars),
    severityChart(charts, bars),
    table(m('bySeverity'), [m('severity'), m('openIncidentsColumn')], bars.labels.map((l, i) => [l, String(bars.counts[i])])),
  );

  const responseSummary = response.x.length
    ? m.plural('responseSummary', response.x.length, {
        containment: formatDuration(totals.meanTimeToContainmentSeconds),
        latency: formatDuration(totals.meanDecisionLatencySeconds),
      })
    : m('responseNone');
  const responseFigure = figure(
    'dash-response',
    m('responseHeading'),
    responseSummary,
    response.x.length
      ? timeChart(
          charts,
          response,
          [m('timeToContainment'), m('decisionLatency')],
          m('responseChart', { summary: responseSummary }),
          { label: m('durationAxis'), values: (_u, splits) => splits.map((v) => formatDuration(v)) },
          formatDuration,
        )
      : h('p', {}, m('nothingToDraw')),
    table(
      m('responseTable'),
      [m('room'), m('opened'), m('severity'), m('phase'), m('toAcknowledge'), m('toFirstExecUpdate'), m('toContainment'), m('decisionLatency')],
      [...metrics.rooms]
        .sort((a, b) => a.openedAt.localeCompare(b.openedAt))
        .map((r) => [
          h('a', { href: roomPath(r.roomId), 'data-nav': true }, r.title),
          timeElement(r.openedAt),
          r.severity,
          phaseName(r.phase),
          formatDuration(r.timeToAcknowledgeSeconds),
          formatDuration(r.timeToFirstExecutiveUpdateSeconds),
          formatDuration(r.timeToContainmentSeconds),
          formatDuration(r.decisionLatencySeconds),
        ]),
    ),
  );

  const scoreSummary = scores.x.length
    ? m.plural('scoreSummary', scores.x.length, { score: formatScore(scores.ys[0]!.at(-1)) })
    : m('scoreNone');
  const scoreFigure = figure(
    'dash-scores',
    m('scoresHeading'),
    scoreSummary,
    scores.x.length
      ? timeChart(
          charts,
          scores,
          [m('score')],
          m('scoreChart', { summary: scoreSummary }),
          { label: m('scoreAxis'), values: (_u, splits) => splits.map((v) => formatScore(v)) },
          formatScore,
          [0, 1],
        )
      : h('p', {}, m('nothingToDraw')),
    totals.exerciseScoresOverTime.length
      ? table(
          m('scoresTable'),
          [m('exercise'), m('ended'), m('score')],
          totals.exerciseScoresOverTime.map((s) => [
            h('a', { href: roomPath(s.roomId), 'data-nav': true }, s.title),
            timeElement(s.endedAt),
            formatScore(s.score),
          ]),
        )
      : null,
  );

  return [
    h(
      'section',
      { class: 'tiles', 'aria-label': m('acrossMyRooms'), 'data-testid': 'tiles' },
      tile(m('overdueActions'), t.overdueActions.toLocaleString(formatLocale()), t.overdueActions ? m('overdueNote') : m('noneOverdue'), 'tile-overdue', t.overdueActions > 0),
      tile(m('openExceptions'), t.openExceptions.toLocaleString(formatLocale()), m('openExceptionsNote'), 'tile-exceptions'),
      tile(
        m('oldestException'),
        t.oldestExceptionAgeSeconds == null ? '—' : formatDuration(t.oldestExceptionAgeSeconds),
        t.oldestExceptionRoom ? m('inRoom', { room: t.oldestExceptionRoom }) : m('noException'),
        'tile-oldest',
      ),
      tile(m('meanAck'), formatDuration(totals.meanTimeToAcknowledgeSeconds), m('acrossRooms'), 'tile-ack'),
      tile(m('meanExec'), formatDuration(totals.meanTimeToFirstExecutiveUpdateSeconds), m('acrossRooms'), 'tile-exec'),
    ),
    h('div', { class: 'chart-grid' }, severity, responseFigure, scoreFigure),
  ];
}

export function dashboardView(main: HTMLElement): () => void {
  document.title = m('pageTitle');
  const charts = new Charts();
  const body = h('div', { 'aria-live': 'polite', 'aria-busy': 'true' }, h('p', {}, m('loading')));
  let closed = false;
  replace(
    main,
    h('p', { class: 'back' }, h('a', { href: '/', 'data-nav': true }, m('back'))),
    h('h1', { tabindex: -1 }, m('heading')),
    h('p', { class: 'muted' }, m('intro')),
    body,
  );
  api
    .metrics()
    .then((metrics) => {
      if (closed) return;
      body.setAttribute('aria-busy', 'false');
      replace(body, ...render(charts, metrics));
    })
    .catch((e: unknown) => {
      if (closed) return;
      body.setAttribute('aria-busy', 'false');
      replace(body, h('p', { class: 'error', role: 'alert' }, m('couldNotLoad', { error: errorText(e) })));
    });
  return () => {
    closed = true;
    charts.dispose();
  };
}
