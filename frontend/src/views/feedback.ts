// The players' feedback form (/rooms/{id}/feedback): the HSEEP Participant Feedback Form of the hot wash,
// strengths, areas for improvement, a 1-5 rating per objective and free text, sent as feedback.submit.
// Offered while the facilitator has the form open; a player reads back only their own answers.
import { errorText, request } from '../api';
import { field, h, replace } from '../dom';
import { t } from '../messages/feedback';
import { roomPath } from '../router';
import type { RoomStore } from '../roomStore';
import { Scope, form, panel, roomHeader } from '../ui';

export interface FeedbackObjective {
  id: string;
  text: string;
  capability: string;
}

export interface FeedbackSubmission {
  seq: number;
  at: string;
  userId?: string;
  by?: string;
  roles: string[];
  strengths: string[];
  improvements: string[];
  ratings: Record<string, number>;
  comments?: string;
  replacesSeq?: number;
}

export interface FeedbackSummary {
  status?: string;
  respondents: number;
  players: number;
  objectives: { id: string; text: string; ratings: number; average?: number; distribution: number[] }[];
  strengths?: { role: string; text: string }[];
  improvements?: { role: string; text: string }[];
  comments?: { role: string; text: string }[];
}

/** GET /api/rooms/{id}/feedback: `mine` for a player, `submissions` and `summary` for the facilitator. */
export interface FeedbackView {
  status?: 'open' | 'closed';
  objectives: FeedbackObjective[];
  mine?: FeedbackSubmission;
  submissions?: FeedbackSubmission[];
  summary?: FeedbackSummary;
}

export const feedbackApi = {
  get: (roomId: string) => request<FeedbackView>('GET', `/api/rooms/${encodeURIComponent(roomId)}/feedback`),
};

/** Where players answer: the room's feedback form. */
export function feedbackPath(roomId: string): string {
  return `${roomPath(roomId)}/feedback`;
}

/** Text areas and selects -> feedback.submit's data: one entry per non-blank line, unrated objectives left out. */
export function feedbackData(strengths: string, improvements: string, ratings: Record<string, string>, comments: string): Record<string, unknown> {
  const lines = (text: string) =>
    text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
  const rated: Record<string, number> = {};
  for (const [objective, value] of Object.entries(ratings)) {
    const n = Number(value);
    if (value !== '' && Number.isInteger(n) && n >= 1 && n <= 5) rated[objective] = n;
  }
  const data: Record<string, unknown> = { strengths: lines(strengths), improvements: lines(improvements), ratings: rated };
  if (comments.trim()) data.comments = comments.trim();
  return data;
}

function ratingSelect(objective: FeedbackObjective, value: number | undefined): HTMLSelectElement {
  const select = h('select', { name: `rating-${objective.id}`, 'data-objective': objective.id });
  select.append(h('option', { value: '' }, t('notRated')));
  for (let n = 1; n <= 5; n += 1) select.append(h('option', { value: String(n), selected: value === n }, String(n)));
  return select;
}

function feedbackForm(store: RoomStore, view: FeedbackView, reload: () => void): HTMLFormElement {
  const mine = view.mine;
  const strengths = h('textarea', { name: 'strengths', rows: 4, maxlength: 20 * 2000 });
  strengths.value = mine?.strengths.join('\n') ?? '';
  const improvements = h('textarea', { name: 'improvements', rows: 4, maxlength: 20 * 2000 });
  improvements.value = mine?.improvements.join('\n') ?? '';
  const comments = h('textarea', { name: 'comments', rows: 4, maxlength: 10000 });
  comments.value = mine?.comments ?? '';
  const selects = view.objectives.map((o) => ({ o, select: ratingSelect(o, mine?.ratings[o.id]) }));
  return form(
    { 'aria-label': t('formLabel'), class: 'feedback-form' },
    [
      field(t('strengths'), strengths, t('strengthsHint')),
      field(t('improvements'), improvements, t('improvementsHint')),
      h(
        'fieldset',
        {},
        h('legend', {}, t('ratings')),
        h('p', { class: 'hint' }, t('ratingsHint')),
        ...selects.map(({ o, select }) => field(o.text, select)),
      ),
      field(t('comments'), comments),
      h('button', { type: 'submit' }, mine ? t('resubmit') : t('submit')),
    ],
    () => {
      const ratings = Object.fromEntries(selects.map(({ o, select }) => [o.id, select.value]));
      store.send('feedback.submit', feedbackData(strengths.value, improvements.value, ratings, comments.value), t('submit'), {
        onOk: reload,
      });
    },
  );
}

/**
 * For the participant view: a link to the form while the facilitator has it open (read from the server, and again
 * on each feedback.opened / feedback.closed), hidden otherwise.
 */
export function feedbackLink(store: RoomStore, scope: Scope): HTMLElement {
  const section = h('p', { class: 'feedback-link', 'data-testid': 'feedback-link', 'aria-live': 'polite', hidden: true });
  let disposed = false;
  async function load(): Promise<void> {
    try {
      const view = await feedbackApi.get(store.roomId);
      if (disposed) return;
      section.hidden = view.status !== 'open';
      replace(section, t('playerOpen'), ' ', h('a', { href: feedbackPath(store.roomId), 'data-nav': true }, view.mine ? t('playerSent') : t('playerGo')));
    } catch {
      // No link is better than a broken one: the form's own page says why it cannot be read.
      if (!disposed) section.hidden = true;
    }
  }
  scope.on(store, (c) => {
    if (c.type === 'event' && c.event.kind.startsWith('feedback.')) void load();
  });
  scope.add(() => {
    disposed = true;
  });
  void load();
  return section;
}

export function feedbackView(main: HTMLElement, store: RoomStore): () => void {
  const scope = new Scope();
  const body = h('div', { 'aria-live': 'polite', 'data-testid': 'feedback' }, h('p', { 'aria-busy': 'true' }, t('loading')));
  let disposed = false;

  async function load(): Promise<void> {
    try {
      const view = await feedbackApi.get(store.roomId);
      if (disposed) return;
      replace(
        body,
        h('p', {}, t('intro')),
        view.mine ? h('p', { class: 'responded', role: 'status' }, t('sent', { seq: String(view.mine.seq) })) : null,
        view.status === 'open' ? feedbackForm(store, view, () => void load()) : h('p', { class: 'muted' }, view.status === 'closed' ? t('closed') : t('notOpen')),
      );
    } catch (e) {
      if (!disposed) replace(body, h('p', { role: 'alert' }, t('failed', { error: errorText(e) })));
    }
  }

  scope.on(store, (c) => {
    if (c.type === 'event' && (c.event.kind === 'feedback.opened' || c.event.kind === 'feedback.closed')) void load();
  });
  scope.add(() => {
    disposed = true;
  });
  void load();
  document.title = t('pageTitle');
  replace(
    main,
    roomHeader(store, scope, 'play'),
    panel(t('heading'), body, h('p', {}, h('a', { href: roomPath(store.roomId, 'play'), 'data-nav': true }, t('backToPlay')))).section,
  );
  return () => scope.dispose();
}
