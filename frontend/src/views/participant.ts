// The participant view (/rooms/{id}/play): the injects delivered to my roles with their prompts,
// a response to each (when the snapshot's `can` lists inject.respond), decisions (propose, approve)
// and acknowledgements; once the facilitator released the report (the exercise's `reportReleased`),
// the score and a link to the after-action report. Each inject shows as what it is (issue 18, item 4):
// a news article, a social post, an e-mail, a call transcript, a document, or a plain message; a
// player holding several roles picks a feed per role.
import { api, errorText } from '../api';
import { field, h, replace, uid } from '../dom';
import { markdown } from '../markdown';
import { exerciseStatusName } from '../messages/facilitate';
import { mediumParts, scoreLine, t } from '../messages/participant';
import { roleName } from '../messages/terms';
import { type DeliveredInject, inFeed, injectFeeds, injectsForMe, scenarioTime } from '../model';
import { acksPanel } from '../panels/acks';
import { decisionsPanel } from '../panels/decisions';
import type { RoomStore } from '../roomStore';
import { Scope, commandLog, downloadLink, form, panel, renderKeyed, roomHeader } from '../ui';
import { feedbackLink } from './feedback';
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
  const headingId = uid('inject');
  return h(
    'li',
    { class: 'inject delivered', 'data-inject': i.injectId, 'data-medium': i.medium?.kind ?? 'plain' },
    h(
      'article',
      { class: `inject-card medium-${i.medium?.kind ?? 'plain'}`, 'aria-labelledby': headingId },
      h('h3', { id: headingId }, i.title),
      h('p', { class: 'muted' }, t('sentTo', { time: scenarioTime(i.scenarioMs), roles: i.to.map(roleName).join(', ') })),
      content(i),
      i.prompts.length ? h('div', { class: 'prompts' }, h('h4', {}, t('questions')), h('ul', {}, ...i.prompts.map((p) => h('li', {}, p)))) : null,
      i.response ? h('p', { class: 'responded', 'data-testid': 'responded' }, respondedText(i.response)) : respond,
    ),
  );
}

/** The inject as its medium shows it: the headers a participant would see around the body (safe Markdown). */
function content(i: DeliveredInject): HTMLElement {
  if (!i.medium) return markdown(i.body);
  const parts = mediumParts(i.medium);
  const kind = h('p', { class: 'medium-label' }, parts.label);
  const headers = parts.headers.length
    ? h('dl', { class: 'medium-headers' }, ...parts.headers.flatMap((x) => [h('dt', {}, x.label), h('dd', {}, x.value)]))
    : null;
  if (parts.news) {
    return h(
      'div',
      { class: 'medium news' },
      kind,
      h('p', { class: 'outlet' }, parts.news.outlet),
      h('h4', { class: 'headline' }, parts.news.headline),
      parts.news.byline ? h('p', { class: 'byline' }, parts.news.byline) : null,
      markdown(i.body),
    );
  }
  if (parts.social) {
    return h(
      'div',
      { class: 'medium social' },
      kind,
      h('p', { class: 'author' }, h('strong', {}, parts.social.author), ' ', h('span', { class: 'handle' }, parts.social.handle)),
      markdown(i.body),
      h('p', { class: 'reactions', 'aria-label': t('medium.reactions') }, h('span', {}, parts.social.likes), ' · ', h('span', {}, parts.social.shares)),
    );
  }
  // E-mail, call and document: their headers, then the mail, the transcript or the page.
  return h('div', { class: `medium ${parts.kind}` }, kind, headers, h('div', { class: 'medium-body' }, markdown(i.body)));
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
  // A player holding several roles reads one feed at a time (or all); a single role needs no choosing.
  const feeds = h('div', { class: 'feeds', role: 'group', 'aria-label': t('feeds'), 'data-testid': 'feeds' });
  let feed = 'all';

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

  function feedButton(value: string, label: string): HTMLElement {
    const button = h('button', { type: 'button', class: 'secondary', 'aria-pressed': String(feed === value), 'data-feed': value, 'data-focus': `feed-${value}` }, label);
    button.addEventListener('click', () => {
      feed = value;
      renderInjects();
    });
    return button;
  }

  function renderInjects(): void {
    const injects = injectsForMe(store.timeline, store.myRoles, store.myUserId, store.can);
    const roles = injectFeeds(injects, store.myRoles);
    if (!roles.some((r) => r.role === feed)) feed = 'all';
    renderKeyed(feeds, JSON.stringify([roles, feed]), () =>
      roles.length
        ? [feedButton('all', t('feedAll', { count: injects.length })), ...roles.map((r) => feedButton(r.role, t('feedRole', { role: roleName(r.role), count: r.count })))]
        : [],
    );
    feeds.hidden = roles.length === 0;
    const shown = inFeed(injects, feed);
    renderKeyed(list, JSON.stringify([shown, feed]), () =>
      shown.length
        ? shown.map((i) => injectCard(store, i))
        : [h('li', { class: 'muted' }, feed === 'all' ? t('noInject') : t('feedEmpty', { role: roleName(feed) }))],
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
      h('div', {}, panel(t('heading'), intro, readinessBlock(store, scope), feedbackLink(store, scope), report, feeds, list).section),
      h('div', {}, decisionsPanel(store, scope), acksPanel(store, scope), commandLog(store, scope)),
    ),
  );
  return () => scope.dispose();
}
