// A player's part before the start, for the participant view: when the exercise is planned to
// start (`startsAt`, kept current by `exercise.scheduled`) and the communications check, "I'm
// ready" (`exercise.ready`, offered while the exercise is ready and `can` lists it). Whether I (or
// another holder of my roles) confirmed comes from the timeline: the server's view of a player
// carries no check, but `exercise.ready_confirmed` reaches the confirming roles.
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
    const mine = readiness(store.timeline, store.myUserId, store.myRoles);
    // The facilitator follows the check in the console; they have no roles to confirm.
    const offer = store.may('exercise.ready') && !store.myRoles.includes('facilitator') && mine.mine === null;
    renderKeyed(body, JSON.stringify([x.startsAt ?? null, mine, offer, sending]), () => [
      h('p', { 'data-testid': 'starts-at' }, ...(x.startsAt ? [t('startsAt'), timeElement(x.startsAt)] : [t('notScheduled')])),
      mine.mine !== null ? h('p', { class: 'responded', 'data-testid': 'ready-confirmed' }, t('confirmed', { seq: String(mine.mine) })) : null,
      mine.roles.length && mine.mine === null ? h('p', {}, t('rolesConfirmed', { roles: mine.roles.map(roleName).join(', ') })) : null,
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
