// The incident console (/rooms/{id}), timeline first: the live timeline in the centre with the newest
// entry in view, and beside it compact cards with their state at a glance (decisions waiting, actions
// overdue, acknowledgements pending, statements, updates, roles). Forms open on demand, or not at all
// where the server's `can` would refuse them; the command bar (Ctrl/Cmd+K) does it all by keyboard.
import { EXPORT_FORMATS, api } from '../api';
import { commandBar } from '../commandBar';
import { h, replace } from '../dom';
import { t } from '../messages/console';
import { acksPanel } from '../panels/acks';
import { actionsPanel } from '../panels/actions';
import { checklistPanel } from '../panels/checklist';
import { decisionsPanel } from '../panels/decisions';
import { noteForm, roomControls, rolesPanel } from '../panels/roles';
import { publicPagePanel } from '../panels/publicPage';
import { statementsPanel } from '../panels/statements';
import { updatesPanel } from '../panels/updates';
import type { RoomStore } from '../roomStore';
import { Scope, chainBadge, commandLog, downloadLink, renderKeyed, roomHeader, timelinePanel } from '../ui';

/** A form on demand standing alone, drawn as a card (hidden with it when not offered). */
function asCard(el: HTMLElement): HTMLElement {
  el.classList.add('card');
  return el;
}

export function consoleView(main: HTMLElement, store: RoomStore): () => void {
  const scope = new Scope();
  const files = h('p', { class: 'facts files' });
  function renderFiles(): void {
    const room = store.room;
    if (!room) return;
    document.title = `${room.title} · Sitroom`;
    renderKeyed(files, room.kind, () => [
      chainBadge(store, scope),
      h(
        'span',
        { class: 'exports', role: 'group', 'aria-label': t('console.export') },
        `${t('console.exportLabel')} `,
        ...EXPORT_FORMATS.map((f) =>
          downloadLink(f.label, api.exportPath(store.roomId, f.format), `sitroom-${store.roomId}.${f.ext}`, t('console.exportAs', { format: f.label })),
        ),
      ),
      room.kind === 'EXERCISE'
        ? downloadLink(t('console.report'), api.reportPath(store.roomId), `sitroom-report-${store.roomId}.md`)
        : null,
    ]);
  }
  scope.on(store, (c) => c.type === 'room' && renderFiles());
  renderFiles();

  const { bar, opener } = commandBar(store, scope);
  replace(
    main,
    roomHeader(store, scope, 'console'),
    h(
      'div',
      { class: 'console' },
      h(
        'div',
        { class: 'console-main' },
        timelinePanel(store, scope, t('timeline.title'), opener),
        asCard(noteForm(store, scope, { onDemand: true })),
      ),
      h(
        'div',
        { class: 'console-side', role: 'region', 'aria-label': t('console.side') },
        decisionsPanel(store, scope),
        actionsPanel(store, scope),
        checklistPanel(store, scope),
        acksPanel(store, scope),
        statementsPanel(store, scope),
        publicPagePanel(store, scope),
        updatesPanel(store, scope),
        rolesPanel(store, scope),
        asCard(roomControls(store, scope)),
        commandLog(store, scope),
      ),
    ),
    files,
    bar,
  );
  return () => scope.dispose();
}
