// External statements: draft and revise, approve (comms approver and legal), publish under the
// two-person rule; the Publish button says who is still missing. Offered as the snapshot's `can` says.
import { field, h, replace, setOptions, select } from '../dom';
import { approvableAs, publishState } from '../model';
import type { RoomStore } from '../roomStore';
import { roleLabel } from '../timeline';
import type { Statement } from '../types';
import { t as c } from '../messages/console';
import { t } from '../messages/panels';
import { type Scope, form, onDemand, panel, renderKeyed } from '../ui';

type StatusKey = Parameters<typeof t>[0];

/** A statement's status as people read it (the identifier itself if this version does not know it). */
function statusText(status: string): string {
  const key = `statements.status.${status}`;
  return key in t.catalogues.en ? t(key as StatusKey) : status;
}

function statementItem(store: RoomStore, s: Statement): HTMLElement {
  const publish = publishState(s, store.can);
  const reasonId = `publish-why-${s.statementId}`;
  const approveAs = approvableAs(s, store.myRoles, store.myUserId, store.can);
  const approvals = s.approvals.filter((a) => a.version === s.version);
  return h(
    'li',
    { class: `statement status-${s.status}`, 'data-statement': s.statementId },
    h('h3', {}, s.title, ' ', h('span', { class: `chip st-${s.status}` }, statusText(s.status)), ' ', h('span', { class: 'muted' }, `v${s.version} · ${s.channel}`)),
    h('blockquote', { class: 'body' }, s.body),
    h(
      'p',
      {},
      approvals.length
        ? t('statements.approvedBy', { list: approvals.map((a) => `${a.by.displayName ?? '?'} (${roleLabel(a.role)})`).join(', ') })
        : t('statements.noApproval'),
      s.publishedAt ? t('statements.publishedVersion', { version: String(s.publishedVersion ?? '?') }) : '',
    ),
    h(
      'div',
      { class: 'row' },
      ...approveAs.map((role) =>
        h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            'data-focus': `approve-${s.statementId}-${role}`,
            onclick: () =>
              store.send(
                'statement.approve',
                approveAs.length > 1 ? { statementId: s.statementId, as: role } : { statementId: s.statementId },
                t('statements.sentApprove', { title: s.title, version: String(s.version), role: roleLabel(role) }),
              ),
          },
          approveAs.length > 1 ? t('statements.approveAs', { role: roleLabel(role) }) : t('statements.approve'),
        ),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'publish',
          disabled: !publish.enabled,
          'aria-describedby': reasonId,
          'data-focus': `publish-${s.statementId}`,
          onclick: () => store.send('statement.publish', { statementId: s.statementId }, t('statements.sentPublish', { title: s.title, version: String(s.version) })),
        },
        t('statements.publish'),
      ),
      h('span', { id: reasonId, class: 'waiting', 'data-testid': 'publish-reason' }, publish.reason),
    ),
  );
}

export function statementsPanel(store: RoomStore, scope: Scope): HTMLElement {
  const list = h('ul', { class: 'items', 'data-testid': 'statements' });
  const revise = select('statementId', []);
  const title = h('input', { name: 'title', required: true, maxlength: 200 });
  const channel = h('input', { name: 'channel', required: true, maxlength: 64, value: 'press', list: 'channels' });
  const body = h('textarea', { name: 'body', rows: 4, required: true, maxlength: 20000 });
  const draft = form(
    { 'aria-label': t('statements.draftForm'), class: 'subform' },
    [
      field(t('statements.revise'), revise),
      h('div', { class: 'row' }, field(t('statements.titleField'), title), field(t('statements.channel'), channel)),
      h(
        'datalist',
        { id: 'channels' },
        ...['press', 'website', 'customers', 'staff', 'regulator', 'social'].map((c) => h('option', { value: c })),
      ),
      field(t('statements.text'), body),
      h('button', { type: 'submit' }, t('statements.save')),
    ],
    () => {
      const data: Record<string, unknown> = { title: title.value.trim(), body: body.value.trim(), channel: channel.value.trim() };
      if (revise.value) data.statementId = revise.value;
      store.send('statement.draft', data, t('statements.sentDraft', { title: title.value.trim() }), { onOk: () => draft.reset() });
    },
  );
  // Choosing a statement to revise fills in its current text.
  revise.addEventListener('change', () => {
    const s = store.room?.statements?.find((x) => x.statementId === revise.value);
    if (s) {
      title.value = s.title;
      channel.value = s.channel;
      body.value = s.body;
    }
  });
  const { section, state } = panel(t('statements.title'), list, onDemand(store, scope, c('form.statement'), draft, () => store.may('statement.draft')));

  function render(): void {
    const statements = store.room?.statements ?? [];
    const drafts = statements.filter((s) => s.status === 'draft').length;
    state.className = drafts ? 'card-state waiting' : 'card-state muted';
    replace(state, drafts ? c.plural('state.statements', drafts) : c('state.none'));
    setOptions(revise, [
      { value: '', label: t('statements.newOne') },
      ...statements.map((s) => ({ value: s.statementId, label: `${s.title} (v${s.version})` })),
    ]);
    renderKeyed(list, JSON.stringify([statements, store.myRoles, store.can]), () =>
      statements.length ? statements.map((s) => statementItem(store, s)) : [h('li', { class: 'muted' }, t('statements.none'))],
    );
  }
  scope.on(store, (c) => c.type === 'room' && render());
  render();
  return section;
}
