// The administrator's queue of erasure requests (/admin/erasures): what legal asked to erase, in which room, by whom
// and why; the admin erases the content (a second, confirming click) or rejects the request with a reason
// (GET /api/admin/erasures?status=, POST /api/admin/erasures/{id}/approve|reject). The admin never sees the content.
// Mount with erasuresView(main); it returns its cleanup.
import { ApiError, errorText, request } from '../api';
import { field, h, replace, select } from '../dom';
import { timeElement } from '../i18n';
import { t } from '../messages/erasures';

export interface ErasureRequest {
  erasureId: string;
  roomId: string;
  roomTitle: string;
  seq: number;
  kind: string;
  reason: string;
  requestedBy: string;
  requestedByName: string;
  requestedAt: string;
  status: 'pending' | 'erased' | 'rejected';
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
}

export const FILTERS = ['pending', 'erased', 'rejected', 'all'] as const;
export type Filter = (typeof FILTERS)[number];

/** The list's address for a filter ("all" asks for every status). */
export function listPath(filter: Filter): string {
  return filter === 'all' ? '/api/admin/erasures' : `/api/admin/erasures?status=${filter}`;
}

/** A rejection's reason as the server takes it, or null when there is none. */
export function rejectionReason(text: string): string | null {
  const reason = text.trim();
  return reason ? reason : null;
}

/** What a request names: the room, the entry and its kind. */
export function requestVars(r: ErasureRequest): { room: string; seq: string; kind: string } {
  return { room: r.roomTitle, seq: String(r.seq), kind: r.kind };
}

export function erasuresView(main: HTMLElement): () => void {
  let alive = true;
  const message = h('p', { role: 'status', class: 'muted', tabindex: -1 });
  const list = h('ul', { class: 'items', 'data-testid': 'erasures', 'aria-labelledby': 'erasures-title' });
  const filter = select(
    'status',
    FILTERS.map((f) => ({ value: f, label: t(`status.${f}`) })),
    'pending',
  );
  filter.addEventListener('change', () => void load());
  replace(
    main,
    h('h1', { id: 'erasures-title', tabindex: -1 }, t('title')),
    h('p', { class: 'muted' }, t('intro')),
    field(t('show'), filter),
    message,
    list,
  );

  const say = (text: string | HTMLElement) => {
    if (!alive) return;
    replace(message, text);
    message.focus(); // the request's buttons are gone: say what happened where focus lands
  };
  const fail = (e: unknown) => say(h('span', { role: 'alert', class: 'error' }, t('couldNot', { error: errorText(e) })));

  function decide(r: ErasureRequest, path: string, body: unknown, done: string): Promise<void> {
    return request<ErasureRequest>('POST', `/api/admin/erasures/${encodeURIComponent(r.erasureId)}/${path}`, body)
      .then(() => load())
      .then(() => say(done));
  }

  function pendingActions(r: ErasureRequest): HTMLElement {
    const vars = requestVars(r);
    const box = h('div', { class: 'row' });
    const approve = h('button', { type: 'button', 'aria-label': t('approveLabel', vars) }, t('approve'));
    const reject = h('button', { type: 'button', class: 'secondary', 'aria-label': t('rejectLabel', vars) }, t('reject'));
    const initial = () => replace(box, approve, reject);
    approve.addEventListener('click', () => {
      // Erasing cannot be undone: a second click, on a button that says so, does it.
      const confirm = h('button', { type: 'button', class: 'danger', 'aria-label': t('confirmLabel', vars) }, t('confirm'));
      const cancel = h('button', { type: 'button', class: 'secondary' }, t('cancel'));
      confirm.addEventListener('click', () => {
        confirm.disabled = true;
        decide(r, 'approve', undefined, t('erased', vars)).catch((e: unknown) => {
          confirm.disabled = false;
          fail(e);
        });
      });
      cancel.addEventListener('click', () => {
        initial();
        approve.focus();
      });
      replace(box, confirm, cancel);
      confirm.focus();
    });
    reject.addEventListener('click', () => {
      const reason = h('input', { type: 'text', name: 'reason', maxlength: 1000, required: true });
      const send = h('button', { type: 'submit', class: 'secondary', 'aria-label': t('rejectLabel', vars) }, t('reject'));
      const cancel = h('button', { type: 'button', class: 'secondary' }, t('cancel'));
      const form = h('form', { class: 'row' }, field(t('reason'), reason), send, cancel);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        const text = rejectionReason(reason.value);
        if (!text) {
          say(h('span', { role: 'alert', class: 'error' }, t('reasonNeeded')));
          reason.focus();
          return;
        }
        send.disabled = true;
        decide(r, 'reject', { reason: text }, t('rejected', vars)).catch((e: unknown) => {
          send.disabled = false;
          fail(e);
        });
      });
      cancel.addEventListener('click', () => {
        initial();
        reject.focus();
      });
      replace(box, form);
      reason.focus();
    });
    initial();
    return box;
  }

  function item(r: ErasureRequest): HTMLElement {
    const vars = requestVars(r);
    return h(
      'li',
      { 'data-erasure': r.erasureId },
      h('strong', {}, t('request', vars)),
      h('p', {}, t('requested', { name: r.requestedByName, reason: r.reason }), ' ', timeElement(r.requestedAt)),
      r.status === 'pending'
        ? pendingActions(r)
        : h(
            'p',
            { class: 'muted' },
            t('decided', { status: t(`status.${r.status}`), name: r.decidedByName ?? '' }),
            ' ',
            timeElement(r.decidedAt),
            r.decisionReason ? h('span', {}, ' ', t('decisionReason', { reason: r.decisionReason })) : null,
          ),
    );
  }

  function load(): Promise<void> {
    return request<ErasureRequest[]>('GET', listPath(filter.value as Filter))
      .then((requests) => {
        if (!alive) return;
        replace(list, ...(requests.length === 0 ? [h('li', { class: 'muted' }, t('none'))] : requests.map(item)));
      })
      .catch((e: unknown) => {
        if (!alive) return;
        const text = e instanceof ApiError && e.status === 403 ? t('adminsOnly') : t('couldNotLoad', { error: errorText(e) });
        replace(list);
        replace(message, h('span', { role: 'alert', class: 'error' }, text));
      });
  }

  void load();
  return () => {
    alive = false;
  };
}
