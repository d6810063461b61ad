// The console's card for the public status page: whether the incident is public, and for the IC the
// control that changes it, offered as `can` says (room.public / room.private; never in an exercise).
import { h, replace } from '../dom';
import type { RoomStore } from '../roomStore';
import { t } from '../messages/statusPage';
import { type Scope, panel } from '../ui';

/** What the card offers: the command to send, if any, given whether the room is public and what `can` lists. */
export function publicControl(isPublic: boolean, can: readonly string[]): 'room.public' | 'room.private' | null {
  if (isPublic) return can.includes('room.private') ? 'room.private' : null;
  return can.includes('room.public') ? 'room.public' : null;
}

export function publicPagePanel(store: RoomStore, scope: Scope): HTMLElement {
  const explain = h('p', { class: 'muted' });
  const controls = h('p', {});
  const { section, state } = panel(t('public.title'), explain, controls);

  function render(): void {
    const room = store.room;
    if (!room) return;
    const isPublic = room.public === true;
    const command = publicControl(isPublic, store.can);
    section.hidden = room.kind !== 'INCIDENT';
    state.className = isPublic ? 'card-state waiting' : 'card-state muted';
    replace(state, isPublic ? t('public.isPublic') : t('public.isPrivate'));
    replace(explain, isPublic ? t('public.explainPublic') : t('public.explainPrivate'));
    replace(
      controls,
      command
        ? h(
            'button',
            {
              type: 'button',
              class: command === 'room.public' ? '' : 'secondary',
              'data-focus': 'public-control',
              onclick: () => store.send(command, {}, command === 'room.public' ? t('public.sentPublic') : t('public.sentPrivate')),
            },
            command === 'room.public' ? t('public.make') : t('public.makePrivate'),
          )
        : null,
      command ? ' ' : null,
      h('a', { href: '/status', target: '_blank', rel: 'noopener' }, t('public.open')),
    );
  }
  scope.on(store, (c) => c.type === 'room' && render());
  render();
  return section;
}
