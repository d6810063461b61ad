// The executive view (/rooms/{id}/exec): business status only, readable on a phone: severity,
// phase, the latest executive update, decisions waiting for an executive, the update countdown.
import { h, replace } from '../dom';
import { awaitingRole, latestUpdate } from '../model';
import { decisionCard } from '../panels/decisions';
import { nextUpdateLine } from '../panels/updates';
import type { RoomStore } from '../roomStore';
import { timeElement } from '../i18n';
import { t } from '../messages/exec';
import { phaseBadge, severityBadge } from '../taxonomy';
import { Scope, panel, renderKeyed, roomHeader } from '../ui';

export function execView(main: HTMLElement, store: RoomStore): () => void {
  const scope = new Scope();
  const status = h('div', { class: 'exec-status', 'data-testid': 'exec-status' });
  const update = h('div', { 'data-testid': 'exec-update' });
  const waiting = h('ul', { class: 'items', 'data-testid': 'exec-decisions' });

  function render(): void {
    const room = store.room;
    if (!room) return;
    document.title = t('pageTitle', { title: room.title });
    renderKeyed(status, `${room.severity}|${room.phase}`, () => [
      h('p', { class: 'big' }, severityBadge(room.severity), ' ', phaseBadge(room.phase)),
    ]);
    const latest = latestUpdate(room.updates, 'executive');
    renderKeyed(update, JSON.stringify(latest ?? null), () =>
      latest
        ? [
            h('p', { class: 'muted' }, t('from', { name: latest.by.displayName ?? t('someone') }), timeElement(latest.at, 'time')),
            h('h3', {}, t('summary')),
            h('p', { class: 'lead', 'data-field': 'summary' }, String(latest.data.summary ?? '')),
            h('h3', {}, t('impact')),
            h('p', { 'data-field': 'impact' }, String(latest.data.impact ?? '')),
            latest.data.decisionNeeded
              ? h('div', { class: 'decision-needed' }, h('h3', {}, t('decisionNeeded')), h('p', { 'data-field': 'decisionNeeded' }, String(latest.data.decisionNeeded)))
              : null,
          ]
        : [h('p', { class: 'muted' }, t('noUpdate'))],
    );
    const decisions = awaitingRole(room.decisions ?? [], 'executive');
    renderKeyed(waiting, JSON.stringify([decisions, store.myRoles, store.can]), () =>
      decisions.length ? decisions.map((d) => decisionCard(store, d)) : [h('li', { class: 'muted' }, t('nothingWaits'))],
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
      panel(t('latestUpdate'), update).section,
      panel(t('waitingDecisions'), waiting).section,
    ),
  );
  return () => scope.dispose();
}
