// The participant view (/rooms/{id}/play): the injects delivered to my roles with their prompts,
// a response to each (when the snapshot's `can` lists inject.respond), decisions (propose, approve)
// and acknowledgements; once the facilitator released the report (the exercise's `reportReleased`),
// the score and a link to the after-action report.
import { api, errorText } from '../api';
import { field, h, replace } from '../dom';
import { markdown } from '../markdown';
import { type DeliveredInject, injectsForMe, scenarioTime, scoreText } from '../model';
import { acksPanel } from '../panels/acks';
import { decisionsPanel } from '../panels/decisions';
import type { RoomStore } from '../roomStore';
import { roleLabel } from '../timeline';
import { Scope, commandLog, downloadLink, form, panel, renderKeyed, roomHeader } from '../ui';

function injectCard(store: RoomStore, i: DeliveredInject): HTMLElement {
  const text = h('textarea', { name: 'text', rows: 3, maxlength: 10000, 'data-focus': `text-${i.injectId}` });
  const respond = i.canRespond
    ? form(
        { 'aria-label': `Respond to ${i.title}`, class: 'subform' },
        [field('Your response (optional)', text), h('button', { type: 'submit', 'data-focus': `respond-${i.injectId}` }, 'Respond')],
        () => {
          const value = text.value.trim();
          store.send('inject.respond', value ? { injectId: i.injectId, text: value } : { injectId: i.injectId }, `Respond to “${i.title}”`);
        },
      )
    : null;
  return h(
    'li',
    { class: 'inject delivered', 'data-inject': i.injectId },
    h('h3', {}, i.title),
    h('p', { class: 'muted' }, `${scenarioTime(i.scenarioMs)} · to ${i.to.map(roleLabel).join(', ')}`),
    markdown(i.body),
    i.prompts.length ? h('div', { class: 'prompts' }, h('h4', {}, 'Questions for you'), h('ul', {}, ...i.prompts.map((p) => h('li', {}, p)))) : null,
    i.response
      ? h('p', { class: 'responded', 'data-testid': 'responded' }, `You responded (#${i.response.seq})${i.response.text ? `: ${i.response.text}` : '.'}`)
      : respond,
  );
}

export function participantView(main: HTMLElement, store: RoomStore): () => void {
  const scope = new Scope();
  const intro = h('div', { 'data-testid': 'my-roles' });
  const list = h('ol', { class: 'items injects', 'aria-live': 'polite', 'data-testid': 'my-injects' });

  function renderIntro(): void {
    const x = store.room?.exercise;
    const roles = store.myRoles;
    renderKeyed(intro, JSON.stringify([roles, x?.title, x?.status]), () => [
      h('p', {}, 'You play ', h('strong', {}, roles.length ? roles.map(roleLabel).join(', ') : 'no role yet'), '.'),
      x ? h('p', {}, h('strong', {}, x.title), ` · exercise ${x.status}`) : null,
      x ? h('details', {}, h('summary', {}, 'The situation at the start'), markdown(x.summary)) : null,
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
    const score = h('p', { 'data-testid': 'exercise-score' }, 'Score: loading…');
    replace(
      report,
      h('p', {}, 'The facilitator released the after-action report.'),
      score,
      h('p', { class: 'facts' }, downloadLink('After-action report', api.reportPath(store.roomId), `sitroom-report-${store.roomId}.md`)),
    );
    api.metrics().then(
      (m) => {
        const s = m.rooms.find((r) => r.roomId === store.roomId)?.exerciseScore;
        replace(score, s ? `Score: ${scoreText(s)}` : 'Score: not available.');
      },
      (e) => replace(score, `Score: ${errorText(e)}`),
    );
  }

  function renderInjects(): void {
    const injects = injectsForMe(store.timeline, store.myRoles, store.myUserId, store.can);
    renderKeyed(list, JSON.stringify(injects), () =>
      injects.length ? injects.map((i) => injectCard(store, i)) : [h('li', { class: 'muted' }, 'No inject for you yet. They appear here as the exercise runs.')],
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
  document.title = 'My injects · Sitroom';

  replace(
    main,
    roomHeader(store, scope, 'play'),
    h(
      'div',
      { class: 'room-grid' },
      h('div', {}, panel('My injects', intro, report, list).section),
      h('div', {}, decisionsPanel(store, scope), acksPanel(store, scope), commandLog(store, scope)),
    ),
  );
  return () => scope.dispose();
}
