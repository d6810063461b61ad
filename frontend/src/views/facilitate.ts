// The facilitator console (/rooms/{id}/facilitate): the scenario's injects delivered and upcoming,
// playback controls, facilitator notes, live expectation status, who has not reacted, invitations,
// and, after the end, releasing the after-action report (and the score) to the players.
// Controls are offered as the snapshot's `can` says (exercise.*, report.release, invite.create). The exercise is the
// store's: the welcome's section, kept current by the events (nothing is fetched again).
import { api, errorText } from '../api';
import { field, h, replace, select } from '../dom';
import { markdown } from '../markdown';
import { PLAYBACK, exerciseElapsed, expectationCounts, joinLink, parseSpeed, playbackControls, reportRelease, scenarioTime } from '../model';
import { noteForm } from '../panels/roles';
import type { RoomStore } from '../roomStore';
import { roleLabel, timeLabel } from '../timeline';
import { INVITABLE_ROLES, type InjectStatus } from '../types';
import { Scope, commandLog, downloadLink, form, panel, renderKeyed, roomHeader, timelinePanel } from '../ui';

function timingText(i: InjectStatus): string {
  const t = i.timing;
  if (!t) return '';
  switch (t.type) {
    case 'at':
      return `at ${scenarioTime((t.atSeconds ?? 0) * 1000)}`;
    case 'after':
      return `${scenarioTime((t.delaySeconds ?? 0) * 1000).slice(2)} after “${t.after}”`;
    case 'when':
      return `when ${Object.entries(t.when ?? {})
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}${t.after ? ` (after “${t.after}”)` : ''}`;
    default:
      return 'by hand only';
  }
}

/** Delivered injects in delivery order, then upcoming ones by planned time (unknown last). */
export function orderInjects(injects: readonly InjectStatus[]): InjectStatus[] {
  const key = (i: InjectStatus) => (i.status === 'delivered' ? (i.deliveredAtMs ?? 0) : (i.dueAtMs ?? Number.MAX_SAFE_INTEGER));
  return [...injects].sort((a, b) => (a.status === b.status ? key(a) - key(b) : a.status === 'delivered' ? -1 : 1));
}

export function facilitateView(main: HTMLElement, store: RoomStore): () => void {
  const scope = new Scope();

  const summary = h('div', { 'data-testid': 'exercise-status' });
  const clock = h('strong', { 'data-testid': 'scenario-clock' });
  const message = h('p', { class: 'error', role: 'alert' });
  const injects = h('ol', { class: 'items injects', 'data-testid': 'injects' });
  const expectations = h('div', { 'data-testid': 'expectations' });
  const notReacted = h('ul', { class: 'items', 'data-testid': 'not-reacted' });
  const notes = h('ul', { class: 'items', 'data-testid': 'facilitator-notes' });

  // --- Playback controls ---------------------------------------------------------------------
  const speed = h('input', { name: 'speed', type: 'number', min: 0.1, max: 1000, step: 'any', value: 60, required: true });
  const buttons = {
    start: h('button', { type: 'submit', value: 'start' }, 'Start'),
    pause: h('button', { type: 'submit', value: 'pause', class: 'secondary' }, 'Pause'),
    resume: h('button', { type: 'submit', value: 'resume' }, 'Resume'),
    speed: h('button', { type: 'submit', value: 'speed', class: 'secondary' }, 'Set speed'),
    end: h('button', { type: 'submit', value: 'end', class: 'danger' }, 'End exercise'),
  };
  const controls = form(
    { 'aria-label': 'Playback', class: 'row' },
    [field('Speed (× real time, 0.1 to 1000)', speed), ...Object.values(buttons)],
    (submitter) => {
      const what = (submitter as HTMLButtonElement | null)?.value ?? 'start';
      const s = parseSpeed(speed.value);
      if ((what === 'start' || what === 'speed') && s === null) {
        replace(message, 'The speed must be a number from 0.1 to 1000.');
        speed.focus();
        return;
      }
      replace(message);
      if (what === 'start') store.send('exercise.start', { speed: s }, `Start at ${s}×`);
      if (what === 'pause') store.send('exercise.pause', {}, 'Pause');
      if (what === 'resume') store.send('exercise.resume', {}, 'Resume');
      if (what === 'speed') store.send('exercise.speed', { speed: s }, `Speed ${s}×`);
      if (what === 'end' && confirm('End the exercise for everyone?')) store.send('exercise.end', {}, 'End exercise');
    },
  );

  // --- Releasing the report ----------------------------------------------------------------
  const releaseState = h('p', { class: 'muted', 'data-testid': 'report-released' });
  const release = h(
    'button',
    {
      type: 'button',
      'data-focus': 'report-release',
      onclick: () => {
        if (confirm('Release the after-action report and the score to every player?')) store.send('report.release', {}, 'Release the report');
      },
    },
    'Release the report',
  );

  // --- Invitations ---------------------------------------------------------------------------
  const inviteRole = select(
    'role',
    INVITABLE_ROLES.map((r) => ({ value: r, label: roleLabel(r) })),
    'incident_commander',
  );
  const ttl = h('input', { name: 'ttlMinutes', type: 'number', min: 1, max: 10080, value: 240, required: true });
  const invites = h('ul', { class: 'items', 'aria-live': 'polite', 'data-testid': 'invites' });
  const inviteMessage = h('p', { class: 'error', role: 'alert' });
  const inviteForm = form(
    { 'aria-label': 'Invite a player' },
    [h('div', { class: 'row' }, field('Role', inviteRole), field('Valid for (minutes)', ttl)), h('button', { type: 'submit' }, 'Create invitation'), inviteMessage],
    async () => {
      replace(inviteMessage);
      try {
        const invite = await api.invite(store.roomId, inviteRole.value, Number(ttl.value));
        const link = joinLink(location.origin, invite.code);
        invites.prepend(
          h(
            'li',
            { 'data-role': invite.role },
            h('strong', {}, roleLabel(invite.role)),
            ': code ',
            h('code', { class: 'invite-code' }, invite.code),
            ' · link ',
            h('a', { href: link, class: 'join-link' }, link),
            ` · valid until ${timeLabel(invite.expiresAt)} `,
            h(
              'button',
              {
                type: 'button',
                class: 'secondary small',
                onclick: (e: Event) => {
                  const button = e.currentTarget as HTMLElement;
                  if (!navigator.clipboard) {
                    replace(button, 'Copying needs https: select the link');
                    return;
                  }
                  navigator.clipboard.writeText(link).then(
                    () => replace(button, 'Copied'),
                    () => replace(button, 'Could not copy: select the link'),
                  );
                },
              },
              'Copy link',
            ),
          ),
        );
      } catch (e) {
        replace(inviteMessage, `Could not create the invitation: ${errorText(e)}`);
      }
    },
  );

  const invitePanel = panel('Invite players', inviteForm, invites).section;

  // --- Rendering -----------------------------------------------------------------------------
  function tick(): void {
    const x = store.room?.exercise;
    if (x) replace(clock, scenarioTime(exerciseElapsed(x, store.exerciseReadAt, Date.now())));
  }

  function render(): void {
    invitePanel.hidden = !store.may('invite.create');
    const x = store.room?.exercise;
    if (!x) {
      if (store.room) replace(message, 'This room is not an exercise.');
      return;
    }
    // The server sends the whole script (expectations included) to the facilitator only.
    if (!x.expectations) replace(message, 'Only the facilitator sees the whole script.');
    const status = x.status;
    const playback = playbackControls(status, store.can);
    for (const b of PLAYBACK) {
      buttons[b].hidden = !playback[b].shown;
      buttons[b].disabled = !playback[b].enabled;
    }
    controls.hidden = PLAYBACK.every((b) => !playback[b].shown);
    const releasing = reportRelease(x, store.can);
    release.hidden = !releasing.shown;
    release.disabled = !releasing.enabled;
    releaseState.hidden = !releasing.shown;
    replace(
      releaseState,
      x.reportReleased
        ? 'The report is released: every player reads it and the score.'
        : status === 'ended'
          ? 'The players see no score or report until you release it.'
          : 'The report can be released to the players once the exercise has ended.',
    );
    const deliver = store.may('exercise.inject');
    renderKeyed(summary, `${x.title}|${status}|${x.speed}`, () => [
      h('h3', {}, x.title),
      h('p', {}, 'Status: ', h('span', { class: `chip st-${status}`, 'data-status': status }, status), ` · speed ${x.speed}× · scenario clock `, clock),
      h('details', {}, h('summary', {}, 'Scenario summary'), markdown(x.summary)),
      x.debrief?.length
        ? h('details', { open: status === 'ended' }, h('summary', {}, 'Debrief questions'), h('ul', {}, ...x.debrief.map((q) => h('li', {}, q))))
        : null,
    ]);
    tick();
    const byId = new Map(x.injects.map((i) => [i.id, i.title]));
    renderKeyed(injects, JSON.stringify([x.injects, deliver]), () =>
      orderInjects(x.injects).map((i) =>
        h(
          'li',
          { class: `inject ${i.status}`, 'data-inject': i.id, 'data-status': i.status },
          h('h3', {}, i.title, ' ', h('span', { class: `chip st-${i.status}` }, i.status)),
          h(
            'p',
            { class: 'muted' },
            i.status === 'delivered' ? `delivered at ${scenarioTime(i.deliveredAtMs)}` : i.dueAtMs != null ? `due at ${scenarioTime(i.dueAtMs)}` : 'not scheduled yet',
            ` · ${timingText(i)} · to ${i.to.map(roleLabel).join(', ')}`,
          ),
          h('details', {}, h('summary', {}, 'What the players get'), markdown(i.body)),
          i.facilitatorNotes ? h('details', {}, h('summary', {}, 'Facilitator notes'), markdown(i.facilitatorNotes)) : null,
          i.status === 'upcoming' && deliver
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'secondary small',
                  'data-focus': `deliver-${i.id}`,
                  disabled: x.status === 'ended',
                  onclick: () => store.send('exercise.inject', { injectId: i.id }, `Deliver “${i.title}” now`),
                },
                'Deliver now',
              )
            : null,
        ),
      ),
    );
    const counts = expectationCounts(x.expectations);
    renderKeyed(expectations, JSON.stringify(x.expectations ?? []), () => [
      h('p', {}, `${counts.met} met · ${counts.missed} missed · ${counts.pending} pending · ${counts.not_started} not started`),
      h(
        'div',
        { class: 'scroll-x', tabindex: 0, role: 'region', 'aria-label': 'Expectations table' },
        h(
          'table',
          { class: 'expectations' },
          h('caption', { class: 'sr-only' }, 'Expectations'),
          h('thead', {}, h('tr', {}, ...['Expectation', 'Status', 'Due'].map((c) => h('th', { scope: 'col' }, c)))),
          h(
            'tbody',
            {},
            ...(x.expectations ?? []).map((e) =>
              h(
                'tr',
                { 'data-expectation': e.id, 'data-status': e.status },
                h('td', {}, e.description ?? e.id, h('br'), h('span', { class: 'muted' }, `${e.id} · ${roleLabel(e.role)}: ${roleLabel(e.action)}`)),
                h('td', {}, h('span', { class: `chip st-${e.status}` }, roleLabel(e.status))),
                h('td', {}, e.dueAtMs != null ? scenarioTime(e.dueAtMs) : ''),
              ),
            ),
          ),
        ),
      ),
    ]);
    renderKeyed(notReacted, JSON.stringify(x.notReacted ?? []), () =>
      (x.notReacted ?? []).length
        ? (x.notReacted ?? []).map((n) => h('li', {}, h('strong', {}, byId.get(n.injectId) ?? n.injectId), `: ${n.roles.map(roleLabel).join(', ')}`))
        : [h('li', { class: 'muted' }, 'Everyone has reacted to what they received.')],
    );
  }

  function renderNotes(): void {
    const mine = store.timeline.filter((e) => e.kind === 'note.added' && (e.visibleTo ?? []).join() === 'facilitator');
    renderKeyed(notes, mine.map((e) => e.seq).join(), () =>
      mine.length
        ? mine.map((e) => h('li', {}, h('span', { class: 'muted' }, `${timeLabel(e.at)} `), String(e.data.text ?? '')))
        : [h('li', { class: 'muted' }, 'No facilitator note yet.')],
    );
  }

  scope.on(store, (c) => {
    if (c.type === 'event' && c.event.kind === 'note.added') renderNotes();
    if (c.type === 'room') render();
  });
  scope.every(1000, tick);
  render();
  renderNotes();
  document.title = 'Facilitator console · Sitroom';

  replace(
    main,
    roomHeader(store, scope, 'facilitate'),
    h('p', { class: 'facts' }, downloadLink('After-action report', api.reportPath(store.roomId), `sitroom-report-${store.roomId}.md`)),
    h(
      'div',
      { class: 'room-grid' },
      h(
        'div',
        {},
        panel('Exercise', summary, controls, h('div', { class: 'row' }, release, releaseState), message).section,
        panel('Scenario timeline', injects).section,
        timelinePanel(store, scope, 'Room timeline'),
      ),
      h(
        'div',
        {},
        invitePanel,
        panel('Expectations', expectations).section,
        panel('Not reacted yet', notReacted).section,
        panel('Facilitator notes', notes).section,
        noteForm(store, scope, { title: 'Add a facilitator note', onlyFor: ['facilitator'] }),
        commandLog(store, scope),
      ),
    ),
  );
  return () => scope.dispose();
}
