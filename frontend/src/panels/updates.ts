// Status updates by audience: the latest of each, the cadence countdown, and the post form with
// each audience's own fields.
import { field, h, replace, select } from '../dom';
import { countdown, updateData, updateFields } from '../model';
import type { RoomStore } from '../roomStore';
import { timeElement } from '../i18n';
import { audienceLabel } from '../timeline';
import { AUDIENCES, type StatusUpdate } from '../types';
import { t as c } from '../messages/console';
import { t } from '../messages/panels';
import { type Scope, form, onDemand, panel, renderKeyed } from '../ui';

type FieldKey = Parameters<typeof t>[0];

/** The label of an update's field (its name itself if this version does not know it). */
function fieldLabel(name: string): string {
  const key = `updates.field.${name}`;
  return key in t.catalogues.en ? t(key as FieldKey) : name;
}

/** An audience as the post form offers it ("all", not "everyone"). */
function audienceChoice(audience: string): string {
  return audience === 'all' ? t('updates.audienceAll') : audienceLabel(audience);
}

export function updateBody(u: StatusUpdate): HTMLElement {
  return h(
    'dl',
    { class: 'update-fields' },
    ...Object.entries(u.data)
      .filter(([key, value]) => key !== 'audience' && typeof value === 'string' && value)
      .flatMap(([key, value]) => [
        h('dt', {}, fieldLabel(key)),
        h('dd', {}, key === 'nextUpdateAt' ? timeElement(String(value)) : String(value)),
      ]),
  );
}

/** A live "next update due in …" line. */
export function nextUpdateLine(store: RoomStore, scope: Scope): HTMLElement {
  const el = h('p', { class: 'countdown', 'data-testid': 'countdown' });
  function tick(): void {
    const c = countdown(store.room?.nextUpdateDue, Date.now());
    el.className = c.overdue ? 'countdown overdue-text' : 'countdown';
    replace(el, t('updates.next'), h('strong', {}, c.text));
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
    AUDIENCES.map((a) => ({ value: a, label: audienceChoice(a) })),
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
        return field(f.required ? f.label : t('updates.optional', { label: f.label }), input);
      }),
    );
  }
  audience.addEventListener('change', renderFields);
  renderFields();

  const post = form(
    { 'aria-label': t('updates.postForm'), class: 'subform' },
    [field(t('updates.audience'), audience), field(t('updates.field.summary'), summary), extra, h('button', { type: 'submit' }, t('updates.post'))],
    () => {
      const values: Record<string, string> = { summary: summary.value };
      for (const [name, input] of Object.entries(inputs)) values[name] = input.value;
      const data = updateData(audience.value, values);
      store.send('update.post', data, t('updates.sentPost', { audience: audienceChoice(audience.value) }), {
        onOk: () => {
          post.reset();
          renderFields();
        },
      });
    },
  );

  const { section } = panel(t('updates.title'), nextUpdateLine(store, scope), list, onDemand(store, scope, c('form.update'), post, () => store.may('update.post')));
  function render(): void {
    const updates = [...(store.room?.updates ?? [])].sort((a, b) => b.seq - a.seq);
    renderKeyed(list, JSON.stringify(updates), () =>
      updates.length
        ? updates.map((u) =>
            h(
              'li',
              { 'data-audience': u.audience },
              h(
                'h3',
                {},
                t('updates.for', { audience: audienceLabel(u.audience) }),
                ' ',
                h('span', { class: 'muted' }, t('updates.byAt', { name: u.by.displayName ?? '?' }), timeElement(u.at, 'time')),
              ),
              updateBody(u),
            ),
          )
        : [h('li', { class: 'muted' }, t('updates.none'))],
    );
  }
  scope.on(store, (c) => c.type === 'room' && render());
  render();
  return section;
}
