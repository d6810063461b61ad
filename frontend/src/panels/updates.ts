// Status updates by audience: the latest of each, the cadence countdown, and the post form with
// each audience's own fields.
import { field, h, replace, select } from '../dom';
import { countdown, updateData, updateFields } from '../model';
import type { RoomStore } from '../roomStore';
import { timeLabel } from '../timeline';
import { AUDIENCES, type StatusUpdate } from '../types';
import { t } from '../messages/console';
import { type Scope, form, onDemand, panel, renderKeyed } from '../ui';

const LABELS: Record<string, string> = {
  summary: 'Summary',
  impact: 'Business impact',
  decisionNeeded: 'Decision needed',
  nextUpdateAt: 'Next update at',
  rootCause: 'Root cause',
  fixOptions: 'Fix options',
  testPlan: 'Test plan',
  deploymentPath: 'Deployment path',
  exposure: 'Exposure',
  obligations: 'Obligations',
  evidence: 'Evidence',
  timeline: 'Timeline',
};

export function updateBody(u: StatusUpdate): HTMLElement {
  return h(
    'dl',
    { class: 'update-fields' },
    ...Object.entries(u.data)
      .filter(([key, value]) => key !== 'audience' && typeof value === 'string' && value)
      .flatMap(([key, value]) => [
        h('dt', {}, LABELS[key] ?? key),
        h('dd', {}, key === 'nextUpdateAt' ? new Date(String(value)).toLocaleString() : String(value)),
      ]),
  );
}

/** A live "next update due in …" line. */
export function nextUpdateLine(store: RoomStore, scope: Scope): HTMLElement {
  const el = h('p', { class: 'countdown', 'data-testid': 'countdown' });
  function tick(): void {
    const c = countdown(store.room?.nextUpdateDue, Date.now());
    el.className = c.overdue ? 'countdown overdue-text' : 'countdown';
    replace(el, 'Next status update: ', h('strong', {}, c.text));
  }
  scope.every(1000, tick);
  scope.on(store, (c) => c.type === 'room' && tick());
  tick();
  return el;
}

export function updatesPanel(store: RoomStore, scope: Scope): HTMLElement {
  const list = h('ul', { class: 'items', 'data-testid': 'updates' });
  const audience = select(
    'audience',
    AUDIENCES.map((a) => ({ value: a, label: a })),
    'all',
  );
  const summary = h('textarea', { name: 'summary', rows: 2, required: true, maxlength: 10000 });
  const extra = h('div', { class: 'extra-fields' });
  let inputs: Record<string, HTMLInputElement | HTMLTextAreaElement> = {};

  function renderFields(): void {
    inputs = {};
    replace(
      extra,
      ...updateFields(audience.value).map((f) => {
        const input =
          f.kind === 'datetime'
            ? h('input', { name: f.name, type: 'datetime-local' })
            : h('textarea', { name: f.name, rows: 2, maxlength: 10000, required: f.required });
        inputs[f.name] = input;
        return field(f.required ? f.label : `${f.label} (optional)`, input);
      }),
    );
  }
  audience.addEventListener('change', renderFields);
  renderFields();

  const post = form(
    { 'aria-label': 'Post a status update', class: 'subform' },
    [field('Audience', audience), field('Summary', summary), extra, h('button', { type: 'submit' }, 'Post update')],
    () => {
      const values: Record<string, string> = { summary: summary.value };
      for (const [name, input] of Object.entries(inputs)) values[name] = input.value;
      const data = updateData(audience.value, values);
      store.send('update.post', data, `${audience.value} update`, {
        onOk: () => {
          post.reset();
          renderFields();
        },
      });
    },
  );

  const { section } = panel('Status updates', nextUpdateLine(store, scope), list, onDemand(store, scope, t('form.update'), post, () => store.may('update.post')));
  function render(): void {
    const updates = [...(store.room?.updates ?? [])].sort((a, b) => b.seq - a.seq);
    renderKeyed(list, JSON.stringify(updates), () =>
      updates.length
        ? updates.map((u) =>
            h(
              'li',
              { 'data-audience': u.audience },
              h('h3', {}, `For ${u.audience === 'all' ? 'everyone' : u.audience}`, ' ', h('span', { class: 'muted' }, `${u.by.displayName ?? '?'} at ${timeLabel(u.at)}`)),
              updateBody(u),
            ),
          )
        : [h('li', { class: 'muted' }, 'No update yet.')],
    );
  }
  scope.on(store, (c) => c.type === 'room' && render());
  render();
  return section;
}
