// The incident console (/rooms/{id}): roles, the live timeline, decisions, actions, statements,
// updates by audience, acknowledgements, the chain badge, export and report links.
import { EXPORT_FORMATS, api } from '../api';
import { h, replace } from '../dom';
import { acksPanel } from '../panels/acks';
import { actionsPanel } from '../panels/actions';
import { decisionsPanel } from '../panels/decisions';
import { noteForm, roomControls, rolesPanel } from '../panels/roles';
import { statementsPanel } from '../panels/statements';
import { updatesPanel } from '../panels/updates';
import type { RoomStore } from '../roomStore';
import { Scope, chainBadge, commandLog, downloadLink, renderKeyed, roomHeader, timelinePanel } from '../ui';

export function consoleView(main: HTMLElement, store: RoomStore): () => void {
  const scope = new Scope();
  const files = h('p', { class: 'facts' });
  function renderFiles(): void {
    const room = store.room;
    if (!room) return;
    document.title = `${room.title} · Sitroom`;
    renderKeyed(files, room.kind, () => [
      chainBadge(store, scope),
      h(
        'span',
        { class: 'exports', role: 'group', 'aria-label': 'Export the room' },
        'Export: ',
        ...EXPORT_FORMATS.map((f) =>
          downloadLink(f.label, api.exportPath(store.roomId, f.format), `sitroom-${store.roomId}.${f.ext}`, `Export as ${f.label}`),
        ),
      ),
      room.kind === 'EXERCISE'
        ? downloadLink('After-action report', api.reportPath(store.roomId), `sitroom-report-${store.roomId}.md`)
        : null,
    ]);
  }
  scope.on(store, (c) => c.type === 'room' && renderFiles());
  renderFiles();

  replace(
    main,
    roomHeader(store, scope, 'console'),
    files,
    h(
      'div',
      { class: 'room-grid' },
      h('div', {}, timelinePanel(store, scope), noteForm(store, scope)),
      h('div', {}, roomControls(store, scope), rolesPanel(store, scope), commandLog(store, scope)),
    ),
    h(
      'div',
      { class: 'panel-grid' },
      decisionsPanel(store, scope),
      actionsPanel(store, scope),
      statementsPanel(store, scope),
      updatesPanel(store, scope),
      acksPanel(store, scope),
    ),
  );
  return () => scope.dispose();
}
