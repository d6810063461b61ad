// Decisions: propose (with approvers), approve or reject, and who is still missing. What is offered
// follows the snapshot's `can` and each decision's approvers.
import { field, h, replace } from '../dom';
import { canVote, missingApproversText } from '../model';
import type { RoomStore } from '../roomStore';
import { roleLabel, timeLabel } from '../timeline';
import { APPROVER_CHOICES, type Decision } from '../types';
import { t } from '../messages/console';
import { type Scope, form, onDemand, panel, renderKeyed } from '../ui';

export function decisionCard(store: RoomStore, d: Decision): HTMLElement {
  const waiting = missingApproversText(d);
  const reason = h('input', { name: 'comment', maxlength: 2000, 'data-focus': `comment-${d.decisionId}` });
  const message = h('p', { class: 'error', role: 'alert' });
  const vote = canVote(d, store.myRoles, store.myUserId, store.can)
    ? form(
        { class: 'row vote', 'aria-label': `Vote on ${d.title}` },
        [
          field('Comment (a reason is required to reject)', reason),
          store.may('decision.approve')
            ? h('button', { type: 'submit', value: 'approve', 'data-focus': `approve-${d.decisionId}` }, 'Approve')
            : null,
          store.may('decision.reject')
            ? h('button', { type: 'submit', value: 'reject', class: 'danger', 'data-focus': `reject-${d.decisionId}` }, 'Reject')
            : null,
          message,
        ],
        (submitter) => {
          const text = reason.value.trim();
          if ((submitter as HTMLButtonElement | null)?.value === 'reject') {
            if (!text) {
              replace(message, 'Say why you reject it.');
              reason.focus();
              return;
            }
            store.send('decision.reject', { decisionId: d.decisionId, reason: text }, `Reject “${d.title}”`);
          } else {
            store.send('decision.approve', text ? { decisionId: d.decisionId, comment: text } : { decisionId: d.decisionId }, `Approve “${d.title}”`);
          }
        },
      )
    : null;
  return h(
    'li',
    { class: `decision status-${d.status}`, 'data-decision': d.decisionId },
    h('h3', {}, d.title, ' ', h('span', { class: `chip st-${d.status}` }, d.status)),
    h('p', {}, h('strong', {}, 'Choice: '), d.choice),
    d.rationale ? h('p', {}, h('strong', {}, 'Why: '), d.rationale) : null,
    d.context ? h('p', { class: 'muted' }, d.context) : null,
    h(
      'p',
      { class: 'muted' },
      `Proposed by ${d.proposedBy.displayName ?? '?'} at ${timeLabel(d.proposedAt)} · approvers: ${d.approvers.map(roleLabel).join(', ') || 'none'}`,
    ),
    d.approvals.length
      ? h('p', {}, 'Approved by ', d.approvals.map((v) => `${v.by.displayName ?? '?'} (${v.roles.map(roleLabel).join(', ')})`).join('; '))
      : null,
    d.rejections.length
      ? h('p', {}, 'Rejected by ', d.rejections.map((v) => `${v.by.displayName ?? '?'}: ${v.comment ?? ''}`).join('; '))
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
    { 'aria-label': 'Propose a decision', class: 'subform' },
    [
      field('Title', title),
      field('Choice', choice, 'What we will do'),
      field('Rationale', rationale),
      field('Context (optional)', context),
      h(
        'fieldset',
        { class: 'roles' },
        h('legend', {}, 'Approvers'),
        ...boxes.map((b) => h('label', { class: 'check' }, b, ` ${roleLabel(b.value)}`)),
      ),
      h('button', { type: 'submit' }, 'Propose'),
      message,
    ],
    () => {
      const approvers = boxes.filter((b) => b.checked).map((b) => b.value);
      if (!approvers.length) {
        replace(message, 'Choose at least one approver role.');
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
      store.send('decision.propose', data, `Propose “${title.value.trim()}”`, { onOk: () => el.reset() });
    },
  );
  return el;
}

export function decisionsPanel(store: RoomStore, scope: Scope): HTMLElement {
  const list = h('ul', { class: 'items', 'data-testid': 'decisions' });
  const propose = onDemand(store, scope, t('form.decide'), proposeForm(store), () => store.may('decision.propose'));
  const { section, state } = panel('Decisions', list, propose);
  function render(): void {
    const decisions = [...(store.room?.decisions ?? [])].sort((a, b) => b.seq - a.seq);
    const waiting = decisions.filter((d) => d.status === 'proposed').length;
    state.className = waiting ? 'card-state waiting' : 'card-state muted';
    replace(state, waiting ? t.plural('state.decisions', waiting) : t('state.none'));
    renderKeyed(list, JSON.stringify([decisions, store.myRoles, store.can]), () =>
      decisions.length ? decisions.map((d) => decisionCard(store, d)) : [h('li', { class: 'muted' }, 'No decision yet.')],
    );
  }
  scope.on(store, (c) => c.type === 'room' && render());
  render();
  return section;
}
