// External statements: draft and revise, approve (comms approver and legal), publish under the
// two-person rule; the Publish button says who is still missing. Offered as the snapshot's `can` says.
import { field, h, replace, setOptions, select } from '../dom';
import { approvableAs, publishState } from '../model';
import type { RoomStore } from '../roomStore';
import { roleLabel } from '../timeline';
import type { Statement } from '../types';
import { t } from '../messages/console';
import { type Scope, form, onDemand, panel, renderKeyed } from '../ui';

function statementItem(store: RoomStore, s: Statement): HTMLElement {
  const publish = publishState(s, store.can);
  const reasonId = `publish-why-${s.statementId}`;
  const approveAs = approvableAs(s, store.myRoles, store.myUserId, store.can);
  const approvals = s.approvals.filter((a) => a.version === s.version);
  return h(
    'li',
    { class: `statement status-${s.status}`, 'data-statement': s.statementId },
    h('h3', {}, s.title, ' ', h('span', { class: `chip st-${s.status}` }, s.status), ' ', h('span', { class: 'muted' }, `v${s.version} · ${s.channel}`)),
    h('blockquote', { class: 'body' }, s.body),
    h(
      'p',
      {},
      approvals.length
        ? `Approved by ${approvals.map((a) => `${a.by.displayName ?? '?'} (${roleLabel(a.role)})`).join(', ')}`
        : 'No approval of this version yet',
      s.publishedAt ? ` · published v${s.publishedVersion ?? '?'}` : '',
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
                `Approve “${s.title}” v${s.version} as ${roleLabel(role)}`,
              ),
          },
          approveAs.length > 1 ? `Approve as ${roleLabel(role)}` : 'Approve',
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
          onclick: () => store.send('statement.publish', { statementId: s.statementId }, `Publish “${s.title}” v${s.version}`),
        },
        'Publish',
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
    { 'aria-label': 'Draft a statement', class: 'subform' },
    [
      field('Revise', revise),
      h('div', { class: 'row' }, field('Title', title), field('Channel', channel)),
      h(
        'datalist',
        { id: 'channels' },
        ...['press', 'website', 'customers', 'staff', 'regulator', 'social'].map((c) => h('option', { value: c })),
      ),
      field('Text', body),
      h('button', { type: 'submit' }, 'Save draft'),
    ],
    () => {
      const data: Record<string, unknown> = { title: title.value.trim(), body: body.value.trim(), channel: channel.value.trim() };
      if (revise.value) data.statementId = revise.value;
      store.send('statement.draft', data, `Draft “${title.value.trim()}”`, { onOk: () => draft.reset() });
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
  const { section, state } = panel('External statements', list, onDemand(store, scope, t('form.statement'), draft, () => store.may('statement.draft')));

  function render(): void {
    const statements = store.room?.statements ?? [];
    const drafts = statements.filter((s) => s.status === 'draft').length;
    state.className = drafts ? 'card-state waiting' : 'card-state muted';
    replace(state, drafts ? t.plural('state.statements', drafts) : t('state.none'));
    setOptions(revise, [
      { value: '', label: 'a new statement' },
      ...statements.map((s) => ({ value: s.statementId, label: `${s.title} (v${s.version})` })),
    ]);
    renderKeyed(list, JSON.stringify([statements, store.myRoles, store.can]), () =>
      statements.length ? statements.map((s) => statementItem(store, s)) : [h('li', { class: 'muted' }, 'No statement yet.')],
    );
  }
  scope.on(store, (c) => c.type === 'room' && render());
  render();
  return section;
}
