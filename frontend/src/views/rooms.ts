// My rooms: the rooms I am in, my open actions, and forms to open an incident or an exercise.
import { api, errorText } from '../api';
import { field, h, replace, select, setOptions } from '../dom';
import { ownerText } from '../model';
import { roomPath } from '../router';
import { phaseLabel, roleLabel } from '../timeline';
import { SEVERITIES, type RoomSummary } from '../types';
import { form } from '../ui';

function roomItem(r: RoomSummary): HTMLElement {
  const facilitator = r.kind === 'EXERCISE' && r.myRoles.includes('facilitator');
  return h(
    'li',
    { 'data-room': r.id },
    h('a', { href: facilitator ? roomPath(r.id, 'facilitate') : roomPath(r.id), 'data-nav': true }, r.title),
    ' ',
    h('span', { class: `sev sev-${r.severity}` }, r.severity),
    ' ',
    h('span', { class: 'phase' }, phaseLabel(r.phase)),
    h('span', { class: 'muted' }, ` · ${r.kind.toLowerCase()} · you: ${r.myRoles.length ? r.myRoles.map(roleLabel).join(', ') : 'no role'}`),
    ' ',
    h(
      'span',
      { class: 'links' },
      facilitator ? h('a', { href: roomPath(r.id), 'data-nav': true }, 'console') : null,
      ' ',
      h('a', { href: roomPath(r.id, 'exec'), 'data-nav': true }, 'executive view'),
    ),
  );
}

export function roomsView(main: HTMLElement, navigate: (path: string) => void): void {
  document.title = 'My rooms · Sitroom';
  const list = h('div', { 'aria-live': 'polite', 'aria-busy': 'true' }, h('p', {}, 'Loading rooms…'));
  const actions = h('div', { 'aria-live': 'polite' });
  replace(
    main,
    h('h1', { tabindex: -1 }, 'My rooms'),
    h('p', {}, h('a', { href: '/dashboard', 'data-nav': true }, 'Dashboard across my rooms')),
    h('section', { 'aria-label': 'Rooms', 'data-testid': 'rooms' }, list),
    h('div', { class: 'panel-grid' }, incidentForm(navigate), exerciseForm(navigate)),
    h('section', { class: 'card', 'aria-labelledby': 'my-actions' }, h('h2', { id: 'my-actions' }, 'My open actions'), actions),
  );

  api
    .rooms()
    .then((rooms) => {
      list.setAttribute('aria-busy', 'false');
      if (!rooms.length) {
        replace(list, h('p', {}, 'You are in no room yet. Open an incident or an exercise below, or ask an incident commander to add you.'));
        return;
      }
      const sorted = [...rooms].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      replace(list, h('ul', { class: 'rooms' }, ...sorted.map(roomItem)));
    })
    .catch((e: unknown) => {
      list.setAttribute('aria-busy', 'false');
      replace(list, h('p', { class: 'error', role: 'alert' }, `Could not load your rooms: ${errorText(e)}`));
    });

  api
    .myOpenActions()
    .then((mine) =>
      replace(
        actions,
        mine.length
          ? h(
              'ul',
              { class: 'rooms' },
              ...mine.map((a) =>
                h(
                  'li',
                  { class: a.overdue ? 'overdue' : '' },
                  a.roomId ? h('a', { href: roomPath(a.roomId), 'data-nav': true }, a.title) : a.title,
                  h('span', { class: 'muted' }, ` · ${roleLabel(a.status)} · ${ownerText(a)}${a.overdue ? ' · OVERDUE' : ''}`),
                ),
              ),
            )
          : h('p', { class: 'muted' }, 'No open action is yours.'),
      ),
    )
    .catch(() => replace(actions, h('p', { class: 'muted' }, 'Your actions could not be loaded.')));
}

function incidentForm(navigate: (path: string) => void): HTMLElement {
  const title = h('input', { name: 'title', required: true, maxlength: 200 });
  const severity = select(
    'severity',
    SEVERITIES.map((s) => ({ value: s, label: s })),
    'SEV3',
  );
  const message = h('p', { class: 'error', role: 'alert' });
  const submit = h('button', { type: 'submit' }, 'Open incident');
  return form(
    { class: 'card', 'aria-label': 'Open an incident' },
    [h('h2', {}, 'Open an incident'), h('div', { class: 'row' }, field('Title', title), field('Severity', severity, 'SEV1 is the worst')), submit, message],
    async () => {
      submit.disabled = true;
      replace(message);
      try {
        const room = await api.createIncident(title.value.trim(), severity.value);
        navigate(roomPath(room.id));
      } catch (e) {
        replace(message, `Could not open the incident: ${errorText(e)}`);
      } finally {
        submit.disabled = false;
      }
    },
  );
}

function exerciseForm(navigate: (path: string) => void): HTMLElement {
  const title = h('input', { name: 'title', maxlength: 200 });
  const scenario = select('scenario', [{ value: '', label: 'loading scenarios…' }]);
  scenario.required = true;
  const about = h('p', { class: 'muted', 'aria-live': 'polite' });
  const message = h('p', { class: 'error', role: 'alert' });
  const submit = h('button', { type: 'submit' }, 'Open exercise');
  let scenarios: Awaited<ReturnType<typeof api.scenarios>> = [];
  const describe = () => {
    const s = scenarios.find((x) => x.id === scenario.value);
    replace(about, s ? `${s.injects} injects, ${s.objectives} objectives${s.durationSeconds ? `, about ${Math.round(s.durationSeconds / 60)} min` : ''}; roles: ${s.roles.map(roleLabel).join(', ')}` : '');
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
    .catch((e: unknown) => replace(message, `Could not list scenarios: ${errorText(e)}`));
  return form(
    { class: 'card', 'aria-label': 'Open an exercise' },
    [h('h2', {}, 'Run a tabletop exercise'), field('Scenario', scenario), about, field('Title', title, 'Defaults to the scenario’s title'), submit, message],
    async () => {
      if (!scenario.value) return;
      submit.disabled = true;
      replace(message);
      try {
        const chosen = scenarios.find((s) => s.id === scenario.value);
        const room = await api.createExercise(title.value.trim() || chosen?.title || scenario.value, scenario.value);
        navigate(roomPath(room.id, 'facilitate'));
      } catch (e) {
        replace(message, `Could not open the exercise: ${errorText(e)}`);
      } finally {
        submit.disabled = false;
      }
    },
  );
}
