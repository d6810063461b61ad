// The facilitator's hot wash and debrief panel: open and close the participant feedback form (as `can`
// offers feedback.open / feedback.close), how many answered and each objective's average, and the
// read-only debrief links of the ended exercise (create, list, revoke; a link's address is shown once).
import { errorText, request } from '../api';
import { field, h, replace } from '../dom';
import { localText } from '../i18n';
import { t } from '../messages/feedback';
import type { RoomStore } from '../roomStore';
import { type Scope, form, panel } from '../ui';
import { type FeedbackView, feedbackApi, feedbackPath } from '../views/feedback';

export interface DebriefLink {
  linkId: string;
  createdAt: string;
  expiresAt: string;
  revokedAt?: string | null;
  active: boolean;
}

const links = (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}/debrief-links`;

export const debriefLinksApi = {
  list: (roomId: string) => request<DebriefLink[]>('GET', links(roomId)),
  create: (roomId: string, ttlDays: number) =>
    request<{ linkId: string; token: string; path: string; expiresAt: string }>('POST', links(roomId), { ttlDays }),
  revoke: (roomId: string, linkId: string) => request<void>('POST', `${links(roomId)}/${encodeURIComponent(linkId)}/revoke`),
};

/** A time in the viewer's language and zone. */
const when = (iso: string) => localText(new Date(iso));

/** The address to hand out for a debrief path, on this server. */
export function debriefUrl(origin: string, path: string): string {
  return `${origin.replace(/\/$/, '')}${path}`;
}

/** What the panel says of the form: open, closed, never opened. */
export function formStateText(status: FeedbackView['status']): string {
  return status === 'open' ? t('formOpen') : status === 'closed' ? t('formClosed') : t('formNever');
}

/** The facilitator's panel; mount it in the facilitator console: `feedbackPanel(store, scope)`. */
export function feedbackPanel(store: RoomStore, scope: Scope): HTMLElement {
  const state = h('div', { 'aria-live': 'polite', 'data-testid': 'feedback-state' });
  const created = h('p', { role: 'status', class: 'created-link' });
  const list = h('ul', { class: 'items', 'data-testid': 'debrief-links' });
  const message = h('p', { role: 'status', class: 'muted' });
  let view: FeedbackView | null = null;
  let left = false;
  scope.add(() => {
    left = true;
  });

  function renderState(): void {
    const can = store.can;
    const status = view?.status;
    const summary = view?.summary;
    replace(
      state,
      h('p', {}, formStateText(status)),
      h('p', { class: 'muted' }, t('formLink', { path: feedbackPath(store.roomId) })),
      summary ? h('p', {}, t('answered', { count: summary.respondents, players: summary.players })) : null,
      summary
        ? h(
            'ul',
            {},
            ...summary.objectives.map((o) =>
              h('li', {}, o.average == null ? t('unrated', { objective: o.text }) : t('average', { objective: o.text, average: o.average, count: o.ratings })),
            ),
          )
        : null,
      status !== 'open' && can.includes('feedback.open')
        ? h('button', { type: 'button', onclick: () => store.send('feedback.open', {}, t('open')) }, status === 'closed' ? t('reopen') : t('open'))
        : null,
      status === 'open' && can.includes('feedback.close')
        ? h('button', { type: 'button', class: 'secondary', onclick: () => store.send('feedback.close', {}, t('close')) }, t('close'))
        : null,
    );
  }

  async function loadFeedback(): Promise<void> {
    try {
      view = await feedbackApi.get(store.roomId);
    } catch (e) {
      replace(message, errorText(e));
    }
    if (!left) renderState();
  }

  async function loadLinks(): Promise<void> {
    try {
      const all = await debriefLinksApi.list(store.roomId);
      if (left) return;
      replace(
        list,
        ...(all.length
          ? all.map((l) =>
              h(
                'li',
                { 'data-link': l.linkId },
                h('span', {}, t('linkLine', { created: when(l.createdAt), expires: when(l.expiresAt) }), ' '),
                l.revokedAt ? h('span', { class: 'muted' }, t('linkRevoked', { at: when(l.revokedAt) })) : null,
                !l.revokedAt && !l.active ? h('span', { class: 'muted' }, t('linkExpired')) : null,
                l.active
                  ? h(
                      'button',
                      {
                        type: 'button',
                        class: 'secondary',
                        'aria-label': t('revokeLink', { created: when(l.createdAt) }),
                        onclick: () =>
                          debriefLinksApi.revoke(store.roomId, l.linkId).then(
                            () => void loadLinks(),
                            (e) => replace(message, errorText(e)),
                          ),
                      },
                      t('revoke'),
                    )
                  : null,
              ),
            )
          : [h('li', { class: 'muted' }, t('noLinks'))]),
      );
    } catch (e) {
      if (!left) replace(message, errorText(e));
    }
  }

  const ttl = h('input', { name: 'ttlDays', type: 'number', min: 1, max: 30, value: 7, required: true, inputmode: 'numeric' });
  const create = form({ 'aria-label': t('createLink'), class: 'subform' }, [field(t('ttlDays'), ttl), h('button', { type: 'submit' }, t('createLink'))], () => {
    replace(message);
    debriefLinksApi.create(store.roomId, Number(ttl.value)).then(
      (made) => {
        replace(created, t('createdLink', { url: debriefUrl(location.origin, made.path) }));
        void loadLinks();
      },
      (e) => replace(message, errorText(e)),
    );
  });

  scope.on(store, (c) => {
    if (c.type === 'room') renderState();
    if (c.type === 'event' && c.event.kind.startsWith('feedback.')) void loadFeedback();
  });
  void loadFeedback();
  void loadLinks();
  return panel(
    t('panelTitle'),
    state,
    h('h3', {}, t('debriefLinks')),
    h('p', { class: 'muted' }, t('debriefHint')),
    h('p', { class: 'muted' }, t('endFirst')),
    create,
    created,
    list,
    message,
  ).section;
}
