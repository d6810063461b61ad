// My rooms: the rooms I am in, my open actions, and forms to open an incident or an exercise.
import { api, errorText } from '../api';
import { field, h, replace, select, setOptions } from '../dom';
import { timeElement } from '../i18n';
import { t } from '../messages/rooms';
import { t as statusT } from '../messages/statusPage';
import { t as settingsT } from '../messages/settings';
import { kindName, roleName, statusName } from '../messages/terms';
import { roomPath } from '../router';
import { phaseBadge, severityBadge, severityName, taxonomy } from '../taxonomy';
import type { ActionItem, RoomSummary } from '../types';
import { form } from '../ui';

function roomItem(r: RoomSummary): HTMLElement {
  const facilitator = r.kind === 'EXERCISE' && r.myRoles.includes('facilitator');
  return h(
    'li',
    { 'data-room': r.id },
    h('a', { href: facilitator ? roomPath(r.id, 'facilitate') : roomPath(r.id), 'data-nav': true }, r.title),
    ' ',
    severityBadge(r.severity),
    ' ',
    phaseBadge(r.phase),
    h(
      'span',
      { class: 'muted' },
      ` · ${kindName(r.kind)} · ${t('you', { roles: r.myRoles.length ? r.myRoles.map(roleName).join(', ') : t('noRole') })} · `,
      timeElement(r.createdAt),
    ),
    ' ',
    h(
      'span',
      { class: 'links' },
      facilitator ? h('a', { href: roomPath(r.id), 'data-nav': true }, t('console')) : null,
      ' ',
      h('a', { href: roomPath(r.id, 'exec'), 'data-nav': true }, t('execView')),
    ),
  );
}

/** Who owns an action: a person (and the role they hold it for), a role, or nobody. */
function owner(a: ActionItem): string {
  const o = a.owner;
  if (o?.displayName) return o.role ? `${o.displayName} (${roleName(o.role)})` : o.displayName;
  return o?.role ? roleName(o.role) : t('noOwner');
}

function actionItem(a: ActionItem): HTMLElement {
  return h(
    'li',
    { class: a.overdue ? 'overdue' : '' },
    a.roomId ? h('a', { href: roomPath(a.roomId), 'data-nav': true }, a.title) : a.title,
    h(
      'span',
      { class: 'muted' },
      ` · ${statusName(a.status)} · ${owner(a)}`,
      a.dueAt ? ' · ' : null,
      a.dueAt ? h('span', {}, `${t('due')} `, timeElement(a.dueAt)) : null,
      a.overdue ? ` · ${t('overdue')}` : null,
    ),
  );
}

export function roomsView(main: HTMLElement, navigate: (path: string) => void): void {
  document.title = t('pageTitle');
  const list = h('div', { 'aria-live': 'polite', 'aria-busy': 'true' }, h('p', {}, t('loading')));
  const actions = h('div', { 'aria-live': 'polite' });
  replace(
    main,
    h('h1', { tabindex: -1 }, t('heading')),
    h('p', { class: 'links' }, h('a', { href: '/dashboard', 'data-nav': true }, t('dashboardLink')), ' · ',
      h('a', { href: '/components', 'data-nav': true }, statusT('components.nav')), ' · ',
      h('a', { href: '/settings', 'data-nav': true }, settingsT('nav'))),
    h('section', { 'aria-label': t('rooms'), 'data-testid': 'rooms' }, list),
    h('div', { class: 'panel-grid' }, incidentForm(navigate), exerciseForm(navigate)),
    h('section', { class: 'card', 'aria-labelledby': 'my-actions' }, h('h2', { id: 'my-actions' }, t('myActions')), actions),
  );

  api
    .rooms()
    .then((rooms) => {
      list.setAttribute('aria-busy', 'false');
      if (!rooms.length) {
        replace(list, h('p', {}, t('none')));
        return;
      }
      const sorted = [...rooms].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      replace(list, h('ul', { class: 'rooms' }, ...sorted.map(roomItem)));
    })
    .catch((e: unknown) => {
      list.setAttribute('aria-busy', 'false');
      replace(list, h('p', { class: 'error', role: 'alert' }, t('couldNotLoad', { error: errorText(e) })));
    });

  api
    .myOpenActions()
    .then((mine) =>
      replace(actions, mine.length ? h('ul', { class: 'rooms' }, ...mine.map(actionItem)) : h('p', { class: 'muted' }, t('noActions'))),
    )
    .catch(() => replace(actions, h('p', { class: 'muted' }, t('actionsFailed'))));
}

function incidentForm(navigate: (path: string) => void): HTMLElement {
  const title = h('input', { name: 'title', required: true, maxlength: 200 });
  const severity = select(
    'severity',
    taxonomy().severities.map((s) => ({ value: s.id, label: severityName(s.id) })),
    taxonomy().defaultSeverity,
  );
  const type = select('type', [{ value: '', label: t('noType') }]);
  api
    .playbooks()
    .then((types) => setOptions(type, [{ value: '', label: t('noType') }, ...types.map((p) => ({ value: p.id, label: p.title }))]))
    .catch(() => {}); // without the list, rooms open without a type
  const message = h('p', { class: 'error', role: 'alert' });
  const submit = h('button', { type: 'submit' }, t('openIncidentButton'));
  return form(
    { class: 'card', 'aria-label': t('openIncident') },
    [
      h('h2', {}, t('openIncident')),
      h('div', { class: 'row' }, field(t('title'), title), field(t('severity'), severity, t('severityHint', { first: severityName(taxonomy().severities[0]?.id ?? '') })), field(t('type'), type, t('typeHint'))),
      submit,
      message,
    ],
    async () => {
      submit.disabled = true;
      replace(message);
      try {
        const room = await api.createIncident(title.value.trim(), severity.value, type.value);
        navigate(roomPath(room.id));
      } catch (e) {
        replace(message, t('couldNotOpenIncident', { error: errorText(e) }));
      } finally {
        submit.disabled = false;
      }
    },
  );
}

function exerciseForm(navigate: (path: string) => void): HTMLElement {
  const title = h('input', { name: 'title', maxlength: 200 });
  const scenario = select('scenario', [{ value: '', label: t('loadingScenarios') }]);
  scenario.required = true;
  const about = h('p', { class: 'muted', 'aria-live': 'polite' });
  const message = h('p', { class: 'error', role: 'alert' });
  const submit = h('button', { type: 'submit' }, t('openExerciseButton'));
  let scenarios: Awaited<ReturnType<typeof api.scenarios>> = [];
  const describe = () => {
    const s = scenarios.find((x) => x.id === scenario.value);
    const facts = s && { injects: s.injects, objectives: s.objectives, roles: s.roles.map(roleName).join(', ') };
    replace(
      about,
      !facts ? '' : s.durationSeconds ? t('scenarioAboutTimed', { ...facts, minutes: Math.round(s.durationSeconds / 60) }) : t('scenarioAbout', facts),
    );
    if (s && !title.value) title.placeholder = s.title;
  };
  scenario.addEventListener('change', describe);
  api
    .scenarios()
    .then((list) => {
      scenarios = list;
      setOptions(
        scenario,
        list.map((s) => ({ value: s.id, label: s.title })),
      );
      describe();
    })
    .catch((e: unknown) => replace(message, t('couldNotListScenarios', { error: errorText(e) })));
  return form(
    { class: 'card', 'aria-label': t('openExercise') },
    [h('h2', {}, t('runExercise')), field(t('scenario'), scenario), about, field(t('title'), title, t('titleHint')), submit, message],
    async () => {
      if (!scenario.value) return;
      submit.disabled = true;
      replace(message);
      try {
        const chosen = scenarios.find((s) => s.id === scenario.value);
        const room = await api.createExercise(title.value.trim() || chosen?.title || scenario.value, scenario.value);
        navigate(roomPath(room.id, 'facilitate'));
      } catch (e) {
        replace(message, t('couldNotOpenExercise', { error: errorText(e) }));
      } finally {
        submit.disabled = false;
      }
    },
  );
}
