// The facilitator console's improvisation: adding an inject during play (`inject.add`), and the
// editor that changes an upcoming one (`inject.edit`, `inject.move`), opened from the script list.
// Each is offered as `can` says; the script list itself follows the events (reducers.ts), so
// nothing here reads the exercise again.
import { type Child, field, h, replace } from '../dom';
import {
  type InjectChanges,
  type InjectDraft,
  MEDIUM_FIELDS,
  MEDIUM_KINDS,
  type MediumChoice,
  type MediumResult,
  editData,
  mediumData,
  mediumValues,
  parseScenarioTime,
  promptLines,
  scenarioRoles,
} from '../exercisePlan';
import { mediumFieldHint, mediumFieldLabel, mediumKindName, mediumProblemText, t } from '../messages/facilitate';
import { roleName } from '../messages/terms';
import { durationText, scenarioTime } from '../model';
import type { RoomStore } from '../roomStore';
import type { InjectMedium, InjectStatus } from '../types';
import { type Scope, form, panel } from '../ui';

/** The fields an inject is written with: title, body (Markdown), roles, questions. */
interface InjectFields {
  title: HTMLInputElement;
  body: HTMLTextAreaElement;
  roles: HTMLFieldSetElement;
  prompts: HTMLTextAreaElement;
  /** Offers `roles` as checkboxes, keeping those ticked that are still offered, or ticking `checked`. */
  setRoles(roles: readonly string[], checked?: readonly string[]): void;
  draft(): InjectDraft;
  elements: Child[];
}

function injectFields(name: string): InjectFields {
  const title = h('input', { name: 'title', required: true, maxlength: 200, 'data-focus': `${name}-title` });
  const body = h('textarea', { name: 'body', rows: 5, required: true, maxlength: 10000, 'data-focus': `${name}-body` });
  const legend = h('legend', {}, t('injectTo'));
  const roles = h('fieldset', { class: 'roles' }, legend);
  const prompts = h('textarea', { name: 'prompts', rows: 2, 'data-focus': `${name}-prompts` });
  let offered = '';
  const boxes = () => [...roles.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
  return {
    title,
    body,
    roles,
    prompts,
    setRoles(list, checked) {
      const keep = checked ?? boxes().filter((b) => b.checked).map((b) => b.value);
      if (checked === undefined && offered === list.join()) return;
      offered = list.join();
      replace(
        roles,
        legend,
        ...list.map((role) =>
          h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'to', value: role, checked: keep.includes(role) }), ` ${roleName(role)}`),
        ),
      );
    },
    draft: () => ({
      title: title.value.trim(),
      body: body.value.trim(),
      to: boxes()
        .filter((b) => b.checked)
        .map((b) => b.value),
      prompts: promptLines(prompts.value),
    }),
    elements: [field(t('injectTitle'), title), field(t('injectBody'), body), roles, field(t('injectPrompts'), prompts)],
  };
}

/** The "Looks like" select and, for the kind chosen, its fields (the others hidden and disabled). */
interface MediumFields {
  elements: Child[];
  /** The medium as typed, or the first problem. */
  read(): MediumResult;
  /** Shows `medium` (none: a plain message); `fixed`: the kind cannot change (an edit keeps the inject's). */
  set(medium: InjectMedium | null | undefined, fixed: boolean): void;
  /** Says what is wrong with the medium in `message` and focuses its field; false when nothing is. */
  report(result: MediumResult, message: HTMLElement): boolean;
}

function mediumFields(name: string): MediumFields {
  const fixedHint = h('small', { class: 'hint', id: `${name}-medium-fixed`, hidden: true }, t('mediumFixed'));
  const kindHint = h('small', { class: 'hint', id: `${name}-medium-hint` }, t('mediumKindHint'));
  const select = h(
    'select',
    { name: 'medium', id: `${name}-medium`, 'aria-describedby': kindHint.id, 'data-focus': `${name}-medium` },
    ...(['', ...MEDIUM_KINDS] as MediumChoice[]).map((kind) => h('option', { value: kind }, mediumKindName(kind))),
  );
  const inputs = new Map<string, HTMLInputElement>();
  const groups = MEDIUM_KINDS.map((kind) => {
    const fields = MEDIUM_FIELDS[kind].map((f) => {
      const input = h('input', {
        name: `medium-${f.name}`,
        id: `${name}-medium-${kind}-${f.name}`,
        autocomplete: 'off',
        maxlength: f.type === 'addresses' ? undefined : f.max,
        inputmode: f.type === 'count' ? 'numeric' : undefined,
        'aria-required': f.required ? 'true' : undefined,
        'data-focus': `${name}-medium-${kind}-${f.name}`,
      });
      inputs.set(`${kind}.${f.name}`, input);
      return field(mediumFieldLabel(f.name), input, mediumFieldHint(f.name, f.type, f.required) || undefined);
    });
    return { kind, element: h('fieldset', { class: 'medium', hidden: true, disabled: true }, h('legend', {}, mediumKindName(kind)), ...fields) };
  });
  const show = () => {
    for (const g of groups) {
      const on = g.kind === select.value;
      g.element.hidden = !on;
      // A hidden kind's fields are disabled, so that they are neither focusable nor part of the form.
      g.element.disabled = !on;
    }
  };
  select.addEventListener('change', show);
  const values = (kind: MediumChoice) =>
    kind ? Object.fromEntries(MEDIUM_FIELDS[kind].map((f) => [f.name, inputs.get(`${kind}.${f.name}`)!.value])) : {};
  return {
    elements: [h('div', { class: 'field' }, h('label', { for: select.id }, t('mediumKind')), select, kindHint, fixedHint), ...groups.map((g) => g.element)],
    read: () => mediumData(select.value as MediumChoice, values(select.value as MediumChoice)),
    set(medium, fixed) {
      const { kind, values: typed } = mediumValues(medium);
      for (const [key, input] of inputs) input.value = key.startsWith(`${kind}.`) ? (typed[key.slice(kind.length + 1)] ?? '') : '';
      select.value = kind;
      // An edit cannot take a medium away (null leaves it unchanged): only its fields are offered.
      select.disabled = fixed && kind !== '';
      fixedHint.hidden = !select.disabled;
      select.setAttribute('aria-describedby', select.disabled ? `${kindHint.id} ${fixedHint.id}` : kindHint.id);
      show();
    },
    report(result, message) {
      if (!('problem' in result)) return false;
      const { field: name, problem } = result.problem;
      replace(message, mediumProblemText(problem, name));
      inputs.get(`${select.value}.${name}`)?.focus();
      return true;
    },
  };
}

/** "Add an inject": offered while `can` lists inject.add and the exercise has not ended. */
export function addInjectPanel(store: RoomStore, scope: Scope): HTMLElement {
  const fields = injectFields('add');
  const medium = mediumFields('add');
  // The hint says where the scenario clock is, so a time can be chosen that is not already past.
  const now = h('small', { class: 'hint', id: 'add-at-now' });
  const at = h('input', { name: 'at', id: 'add-at', inputmode: 'numeric', autocomplete: 'off', placeholder: '1:30', 'aria-describedby': now.id, 'data-focus': 'add-at' });
  const message = h('p', { class: 'error', role: 'alert' });
  const content = form(
    { 'aria-label': t('addInjectForm'), class: 'subform' },
    [
      ...fields.elements,
      ...medium.elements,
      h('div', { class: 'field' }, h('label', { for: at.id }, t('injectAt')), at, now),
      h('button', { type: 'submit' }, t('addInject')),
      message,
    ],
    () => {
      const draft = fields.draft();
      const atMs = parseScenarioTime(at.value);
      if (!draft.to.length) return replace(message, t('noRoles'));
      const looks = medium.read();
      if (medium.report(looks, message) || !('medium' in looks)) return;
      if (atMs === undefined) {
        replace(message, t('badTime'));
        return at.focus();
      }
      replace(message);
      const data: Record<string, unknown> = { title: draft.title, body: draft.body, to: draft.to };
      if (draft.prompts.length) data.prompts = draft.prompts;
      if (atMs !== null) data.atMs = atMs;
      if (looks.medium) data.medium = looks.medium;
      store.send('inject.add', data, t('addInjectTitled', { title: draft.title }), {
        onOk: () => {
          content.reset();
          medium.set(null, false);
          fields.setRoles(scenarioRoles(store.room?.exercise ?? { injects: [] }), []);
        },
      });
    },
  );
  const section = panel(t('addInjectPanel'), content).section;
  section.dataset.testid = 'add-inject';
  const render = () => {
    const x = store.room?.exercise;
    section.hidden = !x || !x.expectations || x.status === 'ended' || !store.may('inject.add');
    if (!x || section.hidden) return;
    fields.setRoles(scenarioRoles(x));
    replace(now, t('injectAtNow', { time: scenarioTime(x.elapsedMs) }));
  };
  scope.on(store, (c) => c.type === 'room' && render());
  render();
  return section;
}

export interface InjectEditor {
  element: HTMLElement;
  /** Opens the editor on `inject`, with the fields of the changes `can` allows. */
  open(inject: InjectStatus, changes: InjectChanges): void;
}

/**
 * The editor of one upcoming inject, above the script list (so that a delivery re-rendering the
 * list never closes it): its text and roles (`inject.edit`, only what changed) and its time
 * (`inject.move`). If the inject is delivered or dropped meanwhile, it says so and saves nothing.
 */
export function injectEditor(store: RoomStore, scope: Scope): InjectEditor {
  const fields = injectFields('edit');
  const medium = mediumFields('edit');
  const heading = h('h3', { id: 'inject-editor-heading', tabindex: -1 });
  const textFields = h('div', {}, ...fields.elements, ...medium.elements);
  const at = h('input', { name: 'at', id: 'edit-at', inputmode: 'numeric', autocomplete: 'off', 'data-focus': 'edit-at' });
  const atField = field(t('moveTo'), at);
  const message = h('p', { class: 'error', role: 'alert' });
  const save = h('button', { type: 'submit' }, t('save'));
  let current: { inject: InjectStatus; changes: InjectChanges } | null = null;

  const close = () => {
    element.hidden = true;
    current = null;
  };
  const content = form({ 'aria-labelledby': heading.id }, [textFields, atField, h('div', { class: 'row' }, save, h('button', { type: 'button', class: 'secondary', onclick: close }, t('cancel'))), message], () => {
    if (!current) return;
    const { inject, changes } = current;
    const draft = fields.draft();
    if (changes.edit && !draft.to.length) return replace(message, t('noRoles'));
    const atMs = changes.move ? parseScenarioTime(at.value) : null;
    if (atMs === undefined) {
      replace(message, t('badTime'));
      return at.focus();
    }
    const looks = changes.edit ? medium.read() : { medium: null };
    if (medium.report(looks, message) || !('medium' in looks)) return;
    const edit = changes.edit ? editData(inject, { ...draft, medium: looks.medium }) : null;
    const move = atMs !== null && (inject.timing?.type !== 'at' || inject.dueAtMs !== atMs);
    if (!edit && !move) return replace(message, t('nothingChanged'));
    replace(message);
    if (edit) store.send('inject.edit', edit, t('editTitled', { title: inject.title }));
    if (move) store.send('inject.move', { injectId: inject.id, atMs }, t('moveTitled', { title: inject.title, time: scenarioTime(atMs) }));
    close();
  });
  const element = h('section', { class: 'subform', 'data-testid': 'inject-editor', 'aria-labelledby': heading.id, hidden: true }, heading, content);

  scope.on(store, (c) => {
    if (c.type !== 'room' || !current) return;
    const now = store.room?.exercise?.injects.find((i) => i.id === current!.inject.id);
    const open = now?.status === 'upcoming' && store.room?.exercise?.status !== 'ended';
    save.disabled = !open;
    if (!open) replace(message, t('noLongerUpcoming'));
  });

  return {
    element,
    open(inject, changes) {
      current = { inject, changes };
      replace(heading, t('editing', { title: inject.title }));
      fields.title.value = inject.title;
      fields.body.value = inject.body;
      fields.prompts.value = (inject.prompts ?? []).join('\n');
      fields.setRoles(scenarioRoles(store.room?.exercise ?? { injects: [inject] }), inject.to);
      medium.set(inject.medium, true);
      textFields.hidden = !changes.edit;
      for (const input of [fields.title, fields.body]) input.required = changes.edit;
      atField.hidden = !changes.move;
      at.value = inject.dueAtMs != null ? durationText(inject.dueAtMs) : '';
      save.disabled = false;
      replace(message);
      element.hidden = false;
      element.scrollIntoView?.({ block: 'nearest' });
      heading.focus();
    },
  };
}
