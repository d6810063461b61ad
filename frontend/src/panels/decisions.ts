// Decisions: propose (with approvers), approve or reject, and who is still missing. What is offered
// follows the snapshot's `can` and each decision's approvers.
import { field, h, replace } from '../dom';
import { canVote, missingApproversText } from '../model';
import type { RoomStore } from '../roomStore';
import { timeElement } from '../i18n';
import { roleLabel } from '../timeline';
import { APPROVER_CHOICES, type Decision } from '../types';
import { t as c } from '../messages/console';
import { t } from '../messages/panels';
import { type Scope, form, onDemand, panel, renderRows } from '../ui';

type StatusKey = Parameters<typeof t>[0];

/** A decision's status as people read it (the identifier itself if this version does not know it). */
function statusText(status: string): string {
  const key = `decisions.status.${status}`;
  return key in t.catalogues.en ? t(key as StatusKey) : status;
}

export function decisionCard(store: RoomStore, d: Decision): HTMLElement {
  const waiting = missingApproversText(d);
  const reason = h('input', { name: 'comment', maxlength: 2000, 'data-focus': `comment-${d.decisionId}` });
  const message = h('p', { class: 'error', role: 'alert' });
  const vote = canVote(d, store.myRoles, store.myUserId, store.can)
    ? form(
        { class: 'row vote', 'aria-label': t('decisions.voteOn', { title: d.title }) },
        [
          field(t('decisions.comment'), reason),
          store.may('decision.approve')
            ? h('button', { type: 'submit', value: 'approve', 'data-focus': `approve-${d.decisionId}` }, t('decisions.approve'))
            : null,
          store.may('decision.reject')
            ? h('button', { type: 'submit', value: 'reject', class: 'danger', 'data-focus': `reject-${d.decisionId}` }, t('decisions.reject'))
            : null,
          message,
        ],
        (submitter) => {
          const text = reason.value.trim();
          if ((submitter as HTMLButtonElement | null)?.value === 'reject') {
            if (!text) {
              replace(message, t('decisions.sayWhy'));
              reason.focus();
              return;
            }
            store.send('decision.reject', { decisionId: d.decisionId, reason: text }, t('decisions.sentReject', { title: d.title }));
          } else {
            store.send('decision.approve', text ? { decisionId: d.decisionId, comment: text } : { decisionId: d.decisionId }, t('decisions.sentApprove', { title: d.title }));
          }
        },
      )
    : null;
  return h(
    'li',
    { class: `decision status-${d.status}`, 'data-decision': d.decisionId },
    h('h3', {}, d.title, ' ', h('span', { class: `chip st-${d.status}` }, statusText(d.status))),
    h('p', {}, h('strong', {}, t('decisions.choice')), d.choice),
    d.rationale ? h('p', {}, h('strong', {}, t('decisions.why')), d.rationale) : null,
    d.context ? h('p', { class: 'muted' }, d.context) : null,
    h(
      'p',
      { class: 'muted' },
      t('decisions.proposedBy', { name: d.proposedBy.displayName ?? '?' }),
      timeElement(d.proposedAt, 'time'),
      t('decisions.approvers', { roles: d.approvers.map(roleLabel).join(', ') || t('decisions.noApprovers') }),
    ),
    d.approvals.length
      ? h('p', {}, t('decisions.approvedBy'), d.approvals.map((v) => `${v.by.displayName ?? '?'} (${v.roles.map(roleLabel).join(', ')})`).join('; '))
      : null,
    d.rejections.length
      ? h('p', {}, t('decisions.rejectedBy'), d.rejections.map((v) => `${v.by.displayName ?? '?'}: ${v.comment ?? ''}`).join('; '))
      : null,
    waiting ? h('p', { class: 'waiting', 'data-testid': 'missing-approvers' }, waiting) : null,
    vote,
  );
}

export function proposeForm(store: RoomStore): HTMLFormElement {
  const title = h('input', { name: 'title', required: true, maxlength: 200 });
  const choice = h('input', { name: 'choice', required: true, maxlength: 2000 });
  const rationale = h('textarea', { name: 'rationale', rows: 2, required: true, maxlength: 10000 });
  const context = h('textarea', { name: 'context', rows: 2, maxlength: 10000 });
  const boxes = APPROVER_CHOICES.map((r) => h('input', { type: 'checkbox', name: 'approvers', value: r }));
  const message = h('p', { class: 'error', role: 'alert' });
  const el = form(
    { 'aria-label': t('decisions.proposeForm'), class: 'subform' },
    [
      field(t('decisions.titleField'), title),
      field(t('decisions.choiceField'), choice, t('decisions.choiceHint')),
      field(t('decisions.rationaleField'), rationale),
      field(t('decisions.contextField'), context),
      h(
        'fieldset',
        { class: 'roles' },
        h('legend', {}, t('decisions.approversField')),
        ...boxes.map((b) => h('label', { class: 'check' }, b, ` ${roleLabel(b.value)}`)),
      ),
      h('button', { type: 'submit' }, t('decisions.propose')),
      message,
    ],
    () => {
      const approvers = boxes.filter((b) => b.checked).map((b) => b.value);
      if (!approvers.length) {
        replace(message, t('decisions.chooseApprover'));
        return;
      }
      replace(message);
      const data: Record<string, unknown> = {
        title: title.value.trim(),
        choice: choice.value.trim(),
        rationale: rationale.value.trim(),
        approvers,
      };
      if (context.value.trim()) data.context = context.value.trim();
      store.send('decision.propose', data, t('decisions.sentPropose', { title: title.value.trim() }), { onOk: () => el.reset() });
    },
  );
  return el;
}

export function decisionsPanel(store: RoomStore, scope: Scope): HTMLElement {
  const list = h('ul', { class: 'items', 'data-testid': 'decisions' });
  const propose = onDemand(store, scope, c('form.decide'), proposeForm(store), () => store.may('decision.propose'));
  const { section, state } = panel(t('decisions.title'), list, propose);
  function render(): void {
    const decisions = [...(store.room?.decisions ?? [])].sort((a, b) => b.seq - a.seq);
    const waiting = decisions.filter((d) => d.status === 'proposed').length;
    state.className = waiting ? 'card-state waiting' : 'card-state muted';
    replace(state, waiting ? c.plural('state.decisions', waiting) : c('state.none'));
    const viewer = JSON.stringify([store.myRoles, store.can]);
    renderRows(
      list,
      decisions.map((d) => ({ key: d.decisionId, signature: JSON.stringify([d, viewer]), decision: d })),
      (row) => decisionCard(store, row.decision),
      () => h('li', { class: 'muted' }, t('decisions.none')),
    );
  }
  scope.on(store, (c) => c.type === 'room' && render());
  render();
  return section;
}
