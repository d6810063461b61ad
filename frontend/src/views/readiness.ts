// A player's part before the start, for the participant view: when the exercise is planned to
// start (`startsAt`, kept current by `exercise.scheduled`) and the communications check, "I'm
// ready" (`exercise.ready`, offered while the exercise is ready, `can` lists it and some of my roles
// have not confirmed). Which of my roles confirmed (I or another holder) comes from the server's view
// of a player (`readyRoles`, `notReadyRoles`), so it holds after a reload; the timeline adds the seq
// of my own confirmation when it has it.
import { h } from '../dom';
import { readiness } from '../exercisePlan';
import { timeElement } from '../i18n';
import { t } from '../messages/readiness';
import { roleName } from '../messages/terms';
import type { RoomStore } from '../roomStore';
import { type Scope, renderKeyed } from '../ui';

export function readinessBlock(store: RoomStore, scope: Scope): HTMLElement {
  const body = h('div', { 'aria-live': 'polite' });
  const section = h('section', { class: 'readiness', 'data-testid': 'readiness', 'aria-labelledby': 'readiness-heading' }, h('h3', { id: 'readiness-heading' }, t('heading')), body);
  let sending = false;

  function render(): void {
    const x = store.room?.exercise;
    section.hidden = !x || x.status !== 'ready';
    if (!x || section.hidden) return;
    const mine = readiness(x, store.timeline, store.myUserId);
    // The facilitator follows the check in the console; they have no roles to confirm.
    const offer = store.may('exercise.ready') && !store.myRoles.includes('facilitator') && mine.waiting.length > 0;
    const done = mine.roles.length > 0 && !mine.waiting.length;
    renderKeyed(body, JSON.stringify([x.startsAt ?? null, mine, offer, sending]), () => [
      h('p', { 'data-testid': 'starts-at' }, ...(x.startsAt ? [t('startsAt'), timeElement(x.startsAt)] : [t('notScheduled')])),
      done && mine.mine !== null ? h('p', { class: 'responded', 'data-testid': 'ready-confirmed' }, t('confirmed', { seq: String(mine.mine) })) : null,
      mine.roles.length && !(done && mine.mine !== null)
        ? h('p', { class: done ? 'responded' : undefined, 'data-testid': done ? 'ready-confirmed' : undefined }, t('rolesConfirmed', { roles: mine.roles.map(roleName).join(', ') }))
        : null,
      offer ? h('p', { class: 'muted' }, t('explain')) : null,
      offer
        ? h(
            'button',
            {
              type: 'button',
              'data-focus': 'ready',
              disabled: sending,
              onclick: () => {
                sending = true;
                const done = () => {
                  sending = false;
                  render();
                };
                if (!store.send('exercise.ready', {}, t('ready'), { onOk: done, onRefused: done })) done();
                else render();
              },
            },
            sending ? t('sending') : t('ready'),
          )
        : null,
    ]);
  }

  scope.on(store, (c) => {
    if (c.type === 'room' || c.type === 'history' || (c.type === 'event' && c.event.kind === 'exercise.ready_confirmed')) render();
  });
  render();
  return section;
}
