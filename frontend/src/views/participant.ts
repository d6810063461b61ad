// The participant view (/rooms/{id}/play): the injects delivered to my roles with their prompts,
// a response to each (when the snapshot's `can` lists inject.respond), decisions (propose, approve)
// and acknowledgements; once the facilitator released the report (the exercise's `reportReleased`),
// the score and a link to the after-action report.
import { api, errorText } from '../api';
import { field, h, replace } from '../dom';
import { markdown } from '../markdown';
import { exerciseStatusName } from '../messages/facilitate';
import { scoreLine, t } from '../messages/participant';
import { roleName } from '../messages/terms';
import { type DeliveredInject, injectsForMe, scenarioTime } from '../model';
import { acksPanel } from '../panels/acks';
import { decisionsPanel } from '../panels/decisions';
import type { RoomStore } from '../roomStore';
import { Scope, commandLog, downloadLink, form, panel, renderKeyed, roomHeader } from '../ui';
import { readinessBlock } from './readiness';

function injectCard(store: RoomStore, i: DeliveredInject): HTMLElement {
  const text = h('textarea', { name: 'text', rows: 3, maxlength: 10000, 'data-focus': `text-${i.injectId}` });
  const respond = i.canRespond
    ? form(
        { 'aria-label': t('respondTo', { title: i.title }), class: 'subform' },
        [field(t('response'), text), h('button', { type: 'submit', 'data-focus': `respond-${i.injectId}` }, t('respond'))],
        () => {
          const value = text.value.trim();
          const data = value ? { injectId: i.injectId, text: value } : { injectId: i.injectId };
          store.send('inject.respond', data, t('respondToQuoted', { title: i.title }));
        },
      )
    : null;
  return h(
    'li',
    { class: 'inject delivered', 'data-inject': i.injectId },
    h('h3', {}, i.title),
    h('p', { class: 'muted' }, t('sentTo', { time: scenarioTime(i.scenarioMs), roles: i.to.map(roleName).join(', ') })),
    markdown(i.body),
    i.prompts.length ? h('div', { class: 'prompts' }, h('h4', {}, t('questions')), h('ul', {}, ...i.prompts.map((p) => h('li', {}, p)))) : null,
    i.response ? h('p', { class: 'responded', 'data-testid': 'responded' }, respondedText(i.response)) : respond,
  );
}

/** "You responded (#12): text", or "(#12)." without words. The seq is an id, never grouped ("#1234"). */
function respondedText(response: { seq: number; text: string }): string {
  const seq = String(response.seq);
  return response.text ? t('respondedWith', { seq, text: response.text }) : t('responded', { seq });
}

export function participantView(main: HTMLElement, store: RoomStore): () => void {
  const scope = new Scope();
  const intro = h('div', { 'data-testid': 'my-roles' });
  const list = h('ol', { class: 'items injects', 'aria-live': 'polite', 'data-testid': 'my-injects' });

  function renderIntro(): void {
    const x = store.room?.exercise;
    const roles = store.myRoles;
    renderKeyed(intro, JSON.stringify([roles, x?.title, x?.status]), () => [
      h('p', {}, t('youPlay'), h('strong', {}, roles.length ? roles.map(roleName).join(', ') : t('noRole')), t('youPlayEnd')),
      x ? h('p', {}, h('strong', {}, x.title), t('exerciseStatus', { status: exerciseStatusName(x.status) })) : null,
      x ? h('details', {}, h('summary', {}, t('situation')), markdown(x.summary)) : null,
    ]);
  }

  // The score and the report are the facilitator's until released; then they are fetched once.
  const report = h('div', { 'data-testid': 'released-report', 'aria-live': 'polite' });
  let reportShown = false;
  function renderReport(): void {
    const released = store.room?.exercise?.reportReleased === true;
    report.hidden = !released;
    if (!released || reportShown) return;
    reportShown = true;
    const score = h('p', { 'data-testid': 'exercise-score' }, t('scoreLoading'));
    replace(
      report,
      h('p', {}, t('released')),
      score,
      h('p', { class: 'facts' }, downloadLink(t('report'), api.reportPath(store.roomId), `sitroom-report-${store.roomId}.md`)),
    );
    api.metrics().then(
      (m) => {
        const s = m.rooms.find((r) => r.roomId === store.roomId)?.exerciseScore;
        replace(score, s ? scoreLine(s) : t('scoreNone'));
      },
      (e) => replace(score, t('scoreFailed', { error: errorText(e) })),
    );
  }

  function renderInjects(): void {
    const injects = injectsForMe(store.timeline, store.myRoles, store.myUserId, store.can);
    renderKeyed(list, JSON.stringify(injects), () =>
      injects.length ? injects.map((i) => injectCard(store, i)) : [h('li', { class: 'muted' }, t('noInject'))],
    );
  }

  scope.on(store, (c) => {
    if (c.type === 'room') {
      renderIntro();
      renderInjects();
      renderReport();
    }
    if (c.type === 'event' && (c.event.kind === 'inject.delivered' || c.event.kind === 'inject.responded')) renderInjects();
  });
  renderIntro();
  renderInjects();
  renderReport();
  document.title = t('pageTitle');

  replace(
    main,
    roomHeader(store, scope, 'play'),
    h(
      'div',
      { class: 'room-grid' },
      h('div', {}, panel(t('heading'), intro, readinessBlock(store, scope), report, list).section),
      h('div', {}, decisionsPanel(store, scope), acksPanel(store, scope), commandLog(store, scope)),
    ),
  );
  return () => scope.dispose();
}
