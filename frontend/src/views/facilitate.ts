// The facilitator console (/rooms/{id}/facilitate): the scenario's injects delivered and upcoming,
// playback controls, facilitator notes, live expectation status, who has not reacted, invitations,
// and, after the end, releasing the after-action report (and the score) to the players. During play
// the facilitator improvises (adds an inject; edits, moves or drops an upcoming one: improvise.ts);
// before the start, schedules the exercise and follows the communications check. The scenario's
// files (versions, uploads, the MSEL spreadsheet) are in scenarioLibrary.ts.
// Controls are offered as the snapshot's `can` says (exercise.*, inject.*, report.release, invite.create). The exercise is the
// store's: the welcome's section, kept current by the events (nothing is fetched again).
import { api, errorText } from '../api';
import { field, h, replace, select } from '../dom';
import { markdown } from '../markdown';
import { timeElement } from '../i18n';
import { injectChanges, localDateTimeValue, utcFromLocal, viewerTimeZone } from '../exercisePlan';
import {
  actionName,
  conditionText,
  exerciseStatusName,
  expectationStatusName,
  improvisedName,
  injectStatusName,
  speedText,
  t,
} from '../messages/facilitate';
import { roleName } from '../messages/terms';
import { PLAYBACK, exerciseElapsed, expectationCounts, joinLink, parseSpeed, playbackControls, reportRelease, scenarioTime } from '../model';
import { feedbackPanel } from '../panels/feedbackPanel';
import { noteForm } from '../panels/roles';
import type { RoomStore } from '../roomStore';
import { mergeBySeqInPlace } from '../socket';
import { INVITABLE_ROLES, type InjectStatus, type RoomEvent } from '../types';
import { Scope, commandLog, downloadLink, form, panel, renderKeyed, roomHeader, timelinePanel } from '../ui';
import { addInjectPanel, injectEditor } from './improvise';
import { scenarioLibraryPanel } from './scenarioLibrary';

/** When an inject is due, as the script says: "at T+0:30", "5:00 after “first”", "when …", "by hand only". */
export function timingText(i: Pick<InjectStatus, 'timing'>): string {
  const timing = i.timing;
  if (!timing) return '';
  switch (timing.type) {
    case 'at':
      return t('timing.at', { time: scenarioTime((timing.atSeconds ?? 0) * 1000) });
    case 'after':
      return t('timing.after', { delay: scenarioTime((timing.delaySeconds ?? 0) * 1000).slice(2), inject: timing.after ?? '' });
    case 'when': {
      const conditions = Object.entries(timing.when ?? {})
        .filter(([, value]) => value != null)
        .map(([name, value]) => conditionText(name, String(value)))
        .join(', ');
      return timing.after ? t('timing.whenAfter', { conditions, inject: timing.after }) : t('timing.when', { conditions });
    }
    default:
      return t('timing.manual');
  }
}

/** A note only the facilitator sees (the notes this console lists). */
export function isFacilitatorNote(e: RoomEvent): boolean {
  return e.kind === 'note.added' && (e.visibleTo ?? []).join() === 'facilitator';
}

/** Delivered injects in delivery order, then upcoming ones by planned time (unknown last), then dropped ones. */
export function orderInjects(injects: readonly InjectStatus[]): InjectStatus[] {
  const rank = (i: InjectStatus) => (i.status === 'delivered' ? 0 : i.status === 'dropped' ? 2 : 1);
  const key = (i: InjectStatus) => (i.status === 'delivered' ? (i.deliveredAtMs ?? 0) : (i.dueAtMs ?? Number.MAX_SAFE_INTEGER));
  return [...injects].sort((a, b) => rank(a) - rank(b) || key(a) - key(b));
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
    start: h('button', { type: 'submit', value: 'start' }, t('start')),
    pause: h('button', { type: 'submit', value: 'pause', class: 'secondary' }, t('pause')),
    resume: h('button', { type: 'submit', value: 'resume' }, t('resume')),
    speed: h('button', { type: 'submit', value: 'speed', class: 'secondary' }, t('setSpeed')),
    end: h('button', { type: 'submit', value: 'end', class: 'danger' }, t('end')),
  };
  const controls = form(
    { 'aria-label': t('playback'), class: 'row' },
    [field(t('speed'), speed), ...Object.values(buttons)],
    (submitter) => {
      const what = (submitter as HTMLButtonElement | null)?.value ?? 'start';
      const s = parseSpeed(speed.value);
      if ((what === 'start' || what === 'speed') && s === null) {
        replace(message, t('badSpeed'));
        speed.focus();
        return;
      }
      replace(message);
      if (what === 'start') store.send('exercise.start', { speed: s }, t('startAt', { speed: speedText(s!) }));
      if (what === 'pause') store.send('exercise.pause', {}, t('pause'));
      if (what === 'resume') store.send('exercise.resume', {}, t('resume'));
      if (what === 'speed') store.send('exercise.speed', { speed: s }, t('speedTo', { speed: speedText(s!) }));
      if (what === 'end' && confirm(t('confirmEnd'))) store.send('exercise.end', {}, t('end'));
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
        if (confirm(t('confirmRelease'))) store.send('report.release', {}, t('release'));
      },
    },
    t('release'),
  );

  // --- Invitations ---------------------------------------------------------------------------
  const inviteRole = select(
    'role',
    INVITABLE_ROLES.map((r) => ({ value: r, label: roleName(r) })),
    'incident_commander',
  );
  const ttl = h('input', { name: 'ttlMinutes', type: 'number', min: 1, max: 10080, value: 240, required: true });
  const invites = h('ul', { class: 'items', 'aria-live': 'polite', 'data-testid': 'invites' });
  const inviteMessage = h('p', { class: 'error', role: 'alert' });
  const inviteForm = form(
    { 'aria-label': t('inviteForm') },
    [h('div', { class: 'row' }, field(t('role'), inviteRole), field(t('validFor'), ttl)), h('button', { type: 'submit' }, t('createInvite')), inviteMessage],
    async () => {
      replace(inviteMessage);
      try {
        const invite = await api.invite(store.roomId, inviteRole.value, Number(ttl.value));
        const link = joinLink(location.origin, invite.code);
        invites.prepend(
          h(
            'li',
            { 'data-role': invite.role },
            h('strong', {}, roleName(invite.role)),
            t('inviteCode'),
            h('code', { class: 'invite-code' }, invite.code),
            t('inviteLink'),
            h('a', { href: link, class: 'join-link' }, link),
            t('validUntil'),
            timeElement(invite.expiresAt),
            ' ',
            h(
              'button',
              {
                type: 'button',
                class: 'secondary small',
                onclick: (e: Event) => {
                  const button = e.currentTarget as HTMLElement;
                  if (!navigator.clipboard) {
                    replace(button, t('copyNeedsHttps'));
                    return;
                  }
                  navigator.clipboard.writeText(link).then(
                    () => replace(button, t('copied')),
                    () => replace(button, t('copyFailed')),
                  );
                },
              },
              t('copy'),
            ),
          ),
        );
      } catch (e) {
        replace(inviteMessage, t('inviteFailed', { error: errorText(e) }));
      }
    },
  );

  const invitePanel = panel(t('invitePanel'), inviteForm, invites).section;

  // --- Scheduling and the communications check (before the start) ---------------------------
  const startsAtText = h('p', { 'data-testid': 'starts-at' });
  const startsAt = h('input', { type: 'datetime-local', name: 'startsAt', 'data-focus': 'starts-at' });
  const scheduleMessage = h('p', { class: 'error', role: 'alert' });
  const clearStart = h('button', { type: 'submit', value: 'clear', class: 'secondary' }, t('clearStart'));
  const scheduleForm = form(
    { 'aria-label': t('scheduleForm') },
    [
      h('div', { class: 'row' }, field(t('startsAtLabel', { zone: viewerTimeZone() }), startsAt), h('button', { type: 'submit', value: 'set' }, t('setStart')), clearStart),
      scheduleMessage,
    ],
    (submitter) => {
      if ((submitter as HTMLButtonElement | null)?.value === 'clear') {
        replace(scheduleMessage);
        store.send('exercise.schedule', { startsAt: null }, t('unschedule'));
        return;
      }
      // The field holds the viewer's local time; the server gets the instant, in UTC.
      const utc = utcFromLocal(startsAt.value);
      if (!utc) {
        replace(scheduleMessage, t('badStartsAt'));
        return startsAt.focus();
      }
      if (Date.parse(utc) <= Date.now()) {
        replace(scheduleMessage, t('pastStartsAt'));
        return startsAt.focus();
      }
      replace(scheduleMessage);
      store.send('exercise.schedule', { startsAt: utc }, t('scheduleAt', { time: startsAt.value.replace('T', ' ') }));
    },
  );
  const comms = h('div', { 'aria-live': 'polite', 'data-testid': 'comms-check' });
  const schedulePanel = panel(t('schedulePanel'), startsAtText, scheduleForm, h('h3', {}, t('commsCheck')), h('p', { class: 'muted' }, t('commsExplain')), comms).section;
  schedulePanel.hidden = true;
  let shownStartsAt: string | null | undefined;

  function renderSchedule(x: NonNullable<NonNullable<typeof store.room>['exercise']>): void {
    // Both are about the start: once the exercise runs they have nothing more to say.
    schedulePanel.hidden = x.status !== 'ready' || !x.expectations;
    if (schedulePanel.hidden) return;
    replace(startsAtText, ...(x.startsAt ? [t('startsAt'), timeElement(x.startsAt)] : [t('notScheduledYet')]));
    scheduleForm.hidden = !store.may('exercise.schedule');
    clearStart.hidden = !x.startsAt;
    if (shownStartsAt !== x.startsAt) {
      // The field follows the planned start as it changes (here or in another tab), not while typing.
      shownStartsAt = x.startsAt;
      startsAt.value = localDateTimeValue(x.startsAt);
    }
    startsAt.min = localDateTimeValue(new Date().toISOString());
    const check = x.commsCheck ?? { ready: [], notReady: [] };
    const roles = (list: string[], testid: string) =>
      h('ul', { class: 'chips', 'data-testid': testid }, ...(list.length ? list.map((r) => h('li', { class: 'chip', 'data-role': r }, roleName(r))) : [h('li', { class: 'muted' }, t('commsNone'))]));
    renderKeyed(comms, JSON.stringify(check), () => [
      h('h4', {}, t('commsReady')),
      roles(check.ready, 'comms-ready'),
      h('h4', {}, t('commsNotReady')),
      check.notReady.length ? roles(check.notReady, 'comms-not-ready') : h('p', { 'data-testid': 'comms-not-ready' }, t('commsAllReady')),
    ]);
  }

  // --- Improvising ---------------------------------------------------------------------------
  const editor = injectEditor(store, scope);

  // --- Rendering -----------------------------------------------------------------------------
  function tick(): void {
    const x = store.room?.exercise;
    if (x) replace(clock, scenarioTime(exerciseElapsed(x, store.exerciseReadAt, Date.now())));
  }

  function render(): void {
    invitePanel.hidden = !store.may('invite.create');
    const x = store.room?.exercise;
    if (!x) {
      if (store.room) replace(message, t('notExercise'));
      return;
    }
    // The server sends the whole script (expectations included) to the facilitator only.
    if (!x.expectations) replace(message, t('notFacilitator'));
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
      x.reportReleased ? t('released') : status === 'ended' ? t('notReleased') : t('releaseAfterEnd'),
    );
    const deliver = store.may('exercise.inject');
    renderSchedule(x);
    const changeable = ['inject.edit', 'inject.move', 'inject.drop'].filter((c) => store.may(c));
    renderKeyed(summary, `${x.title}|${status}|${x.speed}`, () => [
      h('h3', {}, x.title),
      h(
        'p',
        {},
        t('status'),
        h('span', { class: `chip st-${status}`, 'data-status': status }, exerciseStatusName(status)),
        t('speedAndClock', { speed: speedText(x.speed) }),
        clock,
      ),
      h('details', {}, h('summary', {}, t('summary')), markdown(x.summary)),
      x.debrief?.length
        ? h('details', { open: status === 'ended' }, h('summary', {}, t('debrief')), h('ul', {}, ...x.debrief.map((q) => h('li', {}, q))))
        : null,
    ]);
    tick();
    const byId = new Map(x.injects.map((i) => [i.id, i.title]));
    renderKeyed(injects, JSON.stringify([x.injects, deliver, changeable, status === 'ended']), () =>
      orderInjects(x.injects).map((i) => {
        const changes = injectChanges(i, status, store.can);
        return h(
          'li',
          { class: `inject ${i.status}`, 'data-inject': i.id, 'data-status': i.status },
          h(
            'h3',
            {},
            i.title,
            ' ',
            h('span', { class: `chip st-${i.status}` }, injectStatusName(i.status)),
            i.improvised && i.improvised !== 'dropped' ? h('span', { class: 'chip', 'data-improvised': i.improvised }, improvisedName(i.improvised)) : null,
          ),
          h(
            'p',
            { class: 'muted' },
            i.status === 'delivered'
              ? t('deliveredAt', { time: scenarioTime(i.deliveredAtMs) })
              : i.status === 'dropped'
                ? improvisedName('dropped')
                : i.dueAtMs != null
                ? t('dueAt', { time: scenarioTime(i.dueAtMs) })
                : t('notScheduled'),
            t('timingAndRoles', { timing: timingText(i), roles: i.to.map(roleName).join(', ') }),
          ),
          h('details', {}, h('summary', {}, t('playersGet')), markdown(i.body)),
          i.facilitatorNotes ? h('details', {}, h('summary', {}, t('facilitatorNotes')), markdown(i.facilitatorNotes)) : null,
          i.status === 'upcoming' && deliver
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'secondary small',
                  'data-focus': `deliver-${i.id}`,
                  disabled: x.status === 'ended',
                  onclick: () => store.send('exercise.inject', { injectId: i.id }, t('deliverTitleNow', { title: i.title })),
                },
                t('deliverNow'),
              )
            : null,
          changes.edit || changes.move
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'secondary small',
                  'data-focus': `change-${i.id}`,
                  'aria-label': t('changeTitled', { title: i.title }),
                  onclick: () => editor.open(i, changes),
                },
                t('change'),
              )
            : null,
          changes.drop
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'secondary small',
                  'data-focus': `drop-${i.id}`,
                  'aria-label': t('dropTitled', { title: i.title }),
                  onclick: () => {
                    if (confirm(t('confirmDrop', { title: i.title }))) store.send('inject.drop', { injectId: i.id }, t('dropTitled', { title: i.title }));
                  },
                },
                t('drop'),
              )
            : null,
        );
      }),
    );
    const counts = expectationCounts(x.expectations);
    renderKeyed(expectations, JSON.stringify(x.expectations ?? []), () => [
      h('p', {}, t('counts', { met: counts.met!, missed: counts.missed!, pending: counts.pending!, notStarted: counts.not_started! })),
      h(
        'div',
        { class: 'scroll-x', tabindex: 0, role: 'region', 'aria-label': t('expectationsTable') },
        h(
          'table',
          { class: 'expectations' },
          h('caption', { class: 'sr-only' }, t('expectations')),
          h('thead', {}, h('tr', {}, ...[t('expectation'), t('statusColumn'), t('due')].map((c) => h('th', { scope: 'col' }, c)))),
          h(
            'tbody',
            {},
            ...(x.expectations ?? []).map((e) =>
              h(
                'tr',
                { 'data-expectation': e.id, 'data-status': e.status },
                h('td', {}, e.description ?? e.id, h('br'), h('span', { class: 'muted' }, `${e.id} · ${roleName(e.role)}: ${actionName(e.action)}`)),
                h('td', {}, h('span', { class: `chip st-${e.status}` }, expectationStatusName(e.status))),
                h('td', {}, e.dueAtMs != null ? scenarioTime(e.dueAtMs) : ''),
              ),
            ),
          ),
        ),
      ),
    ]);
    renderKeyed(notReacted, JSON.stringify(x.notReacted ?? []), () =>
      (x.notReacted ?? []).length
        ? (x.notReacted ?? []).map((n) => h('li', {}, h('strong', {}, byId.get(n.injectId) ?? n.injectId), `: ${n.roles.map(roleName).join(', ')}`))
        : [h('li', { class: 'muted' }, t('allReacted'))],
    );
  }

  // The facilitator notes, ordered by seq: the timeline is read once here, then each new event is
  // looked at alone. Filtering the whole timeline again for every note made reading a long room's
  // history (one event at a time) quadratic.
  const mine = store.timeline.filter(isFacilitatorNote);
  function renderNotes(): void {
    renderKeyed(notes, mine.map((e) => e.seq).join(), () =>
      mine.length
        ? mine.map((e) => h('li', {}, h('span', { class: 'muted' }, timeElement(e.at, 'time'), ' '), String(e.data.text ?? '')))
        : [h('li', { class: 'muted' }, t('noNote'))],
    );
  }

  scope.on(store, (c) => {
    if (c.type === 'event' && isFacilitatorNote(c.event)) {
      mergeBySeqInPlace(mine, [c.event]);
      renderNotes();
    }
    if (c.type === 'room') render();
  });
  scope.every(1000, tick);
  render();
  renderNotes();
  document.title = t('pageTitle');

  replace(
    main,
    roomHeader(store, scope, 'facilitate'),
    h(
      'p',
      { class: 'facts' },
      downloadLink(t('report'), api.reportPath(store.roomId), `sitroom-report-${store.roomId}.md`),
      ' · ',
      // The whole exercise in one file (scenario version, verifiable log, report, feedback), to import elsewhere.
      downloadLink(t('bundle'), `/api/rooms/${encodeURIComponent(store.roomId)}/bundle`, `sitroom-exercise-${store.roomId}.zip`),
    ),
    h(
      'div',
      { class: 'room-grid' },
      h(
        'div',
        {},
        panel(t('exercise'), summary, controls, h('div', { class: 'row' }, release, releaseState), message).section,
        schedulePanel,
        addInjectPanel(store, scope),
        panel(t('scenarioTimeline'), editor.element, injects).section,
        timelinePanel(store, scope, t('roomTimeline')),
      ),
      h(
        'div',
        {},
        invitePanel,
        panel(t('expectations'), expectations).section,
        panel(t('notReacted'), notReacted).section,
        panel(t('facilitatorNotes'), notes).section,
        feedbackPanel(store, scope),
        noteForm(store, scope, { title: t('addNote'), onlyFor: ['facilitator'] }),
        commandLog(store, scope),
        scenarioLibraryPanel(store, scope),
      ),
    ),
  );
  return () => scope.dispose();
}
