// The debrief page (/debrief#<token>, the token after # so no request ever carries it in its address): read-only, no sign-in. What was delivered to whom, the decisions,
// and once the facilitator released the report, its scores and summary. The token is the only key:
// the request carries no session cookie, so a signed-in browser reads the same page as anyone.
import { ApiError, errorText } from '../api';
import { type Child, h, replace } from '../dom';
import { localText } from '../i18n';
import { t } from '../messages/debrief';
import { exerciseStatusName } from '../messages/facilitate';
import { t as p } from '../messages/panels';
import { roleName } from '../messages/terms';
import { markdown } from '../markdown';
import { scenarioTime } from '../model';
import type { FeedbackSummary } from './feedback';

export interface DebriefObjectiveRating {
  id: string;
  text: string;
  capability: string;
  rating?: string;
  ratingMeaning?: string;
  met: number;
  missed: number;
  pending: number;
}

/** GET /api/debrief, the token in X-Debrief-Token. */
export interface Debrief {
  title: string;
  scenario: { id: string; title: string; summary: string; objectives: { id: string; text: string; capability: string }[] };
  status: string;
  startedAt?: string;
  endedAt?: string;
  expiresAt: string;
  delivered: { injectId: string; title: string; body: string; to: string[]; prompts: string[]; scenarioMs: number; at: string }[];
  decisions: { title: string; choice: string; rationale: string; status: string; approvers: string[]; proposedAt: string; decidedAt?: string }[];
  reportReleased: boolean;
  report?: {
    score: { met: number; triggered: number };
    objectives: DebriefObjectiveRating[];
    gaps: { kind: string; message: string }[];
    improvementPlan: { id: string; objective: string; issue: string; recommendation: string; ownerRole: string }[];
    feedback?: FeedbackSummary;
  };
}

/** Reads a debrief without the browser's session: a refusal keeps its status (404 unknown, 410 expired or revoked). */
export async function fetchDebrief(token: string): Promise<Debrief> {
  let response: Response;
  try {
    // In a header: a path or query would be kept by every proxy's access log.
    response = await fetch('/api/debrief', { headers: { Accept: 'application/json', 'X-Debrief-Token': token }, credentials: 'omit' });
  } catch {
    throw new ApiError(0, 'unavailable', 'unreachable');
  }
  const body = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
  if (!response.ok) throw new ApiError(response.status, body?.error?.code ?? 'http', body?.error?.message ?? String(response.status));
  return body as unknown as Debrief;
}

/** What the page says when the link does not open: gone (expired, revoked) with the server's reason, unknown, or the error. */
export function debriefErrorText(e: unknown): string {
  if (e instanceof ApiError && e.status === 410) return t('gone', { reason: e.message.endsWith('.') ? e.message : `${e.message}.` });
  if (e instanceof ApiError && e.status === 404) return t('unknown');
  return t('failed', { error: errorText(e) });
}

/** "legal: average 4.5 (2 ratings)". */
export function feedbackLine(o: FeedbackSummary['objectives'][number]): string {
  return o.average == null ? t('feedbackNone', { objective: o.text }) : t('feedbackLine', { objective: o.text, average: o.average, count: o.ratings });
}

function decisionStatus(status: string): string {
  const key = `decisions.status.${status}`;
  return key in p.catalogues.en ? p(key as Parameters<typeof p>[0]) : status;
}

function reportSection(d: Debrief): Child[] {
  const r = d.report;
  if (!r) return [h('p', { class: 'muted', 'data-testid': 'not-released' }, t('notReleased'))];
  return [
    h('p', { 'data-testid': 'debrief-score' }, t('score', { met: r.score.met, triggered: r.score.triggered })),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h('tr', {}, ...[t('objectiveColumn'), t('capabilityColumn'), t('ratingColumn'), t('metColumn'), t('missedColumn')].map((c) => h('th', { scope: 'col' }, c))),
      ),
      h(
        'tbody',
        {},
        ...r.objectives.map((o) =>
          h(
            'tr',
            {},
            h('td', {}, o.text),
            h('td', {}, o.capability),
            h('td', {}, o.rating ? `${o.rating} (${o.ratingMeaning ?? ''})` : t('notRated')),
            h('td', {}, o.met),
            h('td', {}, o.missed),
          ),
        ),
      ),
    ),
    h('h3', {}, t('gaps')),
    r.gaps.length ? h('ul', {}, ...r.gaps.map((g) => h('li', {}, h('strong', {}, g.kind), `: ${g.message}`))) : h('p', {}, t('noGaps')),
    h('h3', {}, t('plan')),
    h('ul', {}, ...r.improvementPlan.map((row) => h('li', {}, `${row.objective}: ${row.recommendation} `, h('span', { class: 'muted' }, t('owner', { role: roleName(row.ownerRole) }))))),
    r.feedback
      ? h(
          'div',
          {},
          h('h3', {}, t('feedback')),
          h('p', {}, t('feedbackCount', { count: r.feedback.respondents, players: r.feedback.players })),
          h('ul', {}, ...r.feedback.objectives.map((o) => h('li', {}, feedbackLine(o)))),
        )
      : null,
  ];
}

function render(d: Debrief): Child[] {
  return [
    h('h1', { tabindex: -1 }, t('heading', { title: d.title })),
    h('p', { class: 'facts' }, t('facts', { scenario: d.scenario.title, status: exerciseStatusName(d.status) })),
    d.startedAt && d.endedAt ? h('p', {}, t('ran', { started: localText(new Date(d.startedAt)), ended: localText(new Date(d.endedAt)) })) : null,
    h('p', { class: 'muted' }, t('expires', { at: localText(new Date(d.expiresAt)) })),
    h('section', { 'aria-labelledby': 'debrief-objectives' }, h('h2', { id: 'debrief-objectives' }, t('objectives')),
      h('ul', {}, ...d.scenario.objectives.map((o) => h('li', {}, `${o.text} `, h('span', { class: 'muted' }, `(${o.capability})`))))),
    h(
      'section',
      { 'aria-labelledby': 'debrief-delivered' },
      h('h2', { id: 'debrief-delivered' }, t('delivered')),
      d.delivered.length
        ? h(
            'ol',
            { class: 'items injects', 'data-testid': 'debrief-delivered' },
            ...d.delivered.map((i) =>
              h(
                'li',
                { class: 'inject delivered' },
                h('h3', {}, i.title),
                h('p', { class: 'muted' }, t('sentTo', { time: scenarioTime(i.scenarioMs), roles: i.to.map(roleName).join(', ') })),
                markdown(i.body),
                i.prompts.length ? h('div', { class: 'prompts' }, h('h4', {}, t('questions')), h('ul', {}, ...i.prompts.map((q) => h('li', {}, q)))) : null,
              ),
            ),
          )
        : h('p', {}, t('noneDelivered')),
    ),
    h(
      'section',
      { 'aria-labelledby': 'debrief-decisions' },
      h('h2', { id: 'debrief-decisions' }, t('decisions')),
      d.decisions.length
        ? h(
            'ul',
            { class: 'items', 'data-testid': 'debrief-decisions' },
            ...d.decisions.map((x) =>
              h(
                'li',
                {},
                h('h3', {}, x.title),
                h('p', {}, t('decisionLine', { status: decisionStatus(x.status), choice: x.choice })),
                h('p', {}, t('rationale', { text: x.rationale })),
                x.approvers.length ? h('p', { class: 'muted' }, t('approvers', { roles: x.approvers.map(roleName).join(', ') })) : null,
              ),
            ),
          )
        : h('p', {}, t('noDecisions')),
    ),
    h('section', { 'aria-labelledby': 'debrief-report' }, h('h2', { id: 'debrief-report' }, t('report')), ...reportSection(d)),
  ];
}

export function debriefView(main: HTMLElement, token: string): () => void {
  let left = false;
  document.title = t('pageTitle');
  replace(main, h('p', { 'aria-busy': 'true' }, t('loading')));
  fetchDebrief(token).then(
    (d) => {
      if (!left) replace(main, ...render(d));
    },
    (e) => {
      if (!left) replace(main, h('h1', { tabindex: -1 }, t('pageTitle')), h('p', { role: 'alert', 'data-testid': 'debrief-error' }, debriefErrorText(e)));
    },
  );
  return () => {
    left = true;
  };
}
