// The executive view (/rooms/{id}/exec): business status only, readable on a phone: severity,
// phase, the latest executive update, decisions waiting for an executive, the update countdown.
import { h, replace } from '../dom';
import { awaitingRole, latestUpdate } from '../model';
import { decisionCard } from '../panels/decisions';
import { nextUpdateLine } from '../panels/updates';
import type { RoomStore } from '../roomStore';
import { phaseLabel, timeLabel } from '../timeline';
import { Scope, panel, renderKeyed, roomHeader } from '../ui';

export function execView(main: HTMLElement, store: RoomStore): () => void {
  const scope = new Scope();
  const status = h('div', { class: 'exec-status', 'data-testid': 'exec-status' });
  const update = h('div', { 'data-testid': 'exec-update' });
  const waiting = h('ul', { class: 'items', 'data-testid': 'exec-decisions' });

  function render(): void {
    const room = store.room;
    if (!room) return;
    document.title = `${room.title} · executive view · Sitroom`;
    renderKeyed(status, `${room.severity}|${room.phase}`, () => [
      h('p', { class: 'big' }, h('span', { class: `sev sev-${room.severity}` }, room.severity), ' ', h('span', { class: 'phase' }, phaseLabel(room.phase))),
    ]);
    const latest = latestUpdate(room.updates, 'executive');
    renderKeyed(update, JSON.stringify(latest ?? null), () =>
      latest
        ? [
            h('p', { class: 'muted' }, `From ${latest.by.displayName ?? '?'} at ${timeLabel(latest.at)}`),
            h('h3', {}, 'Summary'),
            h('p', { class: 'lead', 'data-field': 'summary' }, String(latest.data.summary ?? '')),
            h('h3', {}, 'Business impact'),
            h('p', { 'data-field': 'impact' }, String(latest.data.impact ?? '')),
            latest.data.decisionNeeded
              ? h('div', { class: 'decision-needed' }, h('h3', {}, 'Decision needed'), h('p', { 'data-field': 'decisionNeeded' }, String(latest.data.decisionNeeded)))
              : null,
          ]
        : [h('p', { class: 'muted' }, 'No executive update yet.')],
    );
    const decisions = awaitingRole(room.decisions ?? [], 'executive');
    renderKeyed(waiting, JSON.stringify([decisions, store.myRoles, store.can]), () =>
      decisions.length ? decisions.map((d) => decisionCard(store, d)) : [h('li', { class: 'muted' }, 'Nothing waits for an executive.')],
    );
  }
  scope.on(store, (c) => c.type === 'room' && render());
  render();

  replace(
    main,
    h(
      'div',
      { class: 'exec' },
      roomHeader(store, scope, 'exec'),
      status,
      nextUpdateLine(store, scope),
      panel('Latest executive update', update).section,
      panel('Decisions waiting for an executive', waiting).section,
    ),
  );
  return () => scope.dispose();
}
