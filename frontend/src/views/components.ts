// The status page's components (/components): the services the public page lists, with their status.
// Everyone signed in reads them; the forms are offered as the server's `can` says (the admin's
// component.create, component.describe, component.status). Mount with componentsView(main); it returns its cleanup.
import { errorText, request } from '../api';
import { field, h, replace, select } from '../dom';
import { t } from '../messages/statusPage';

export const COMPONENT_STATUSES = ['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance'] as const;

export interface StatusComponent {
  id: string;
  name: string;
  description: string | null;
  status: string;
  position: number;
  createdAt: string;
  updatedAt: string;
}

export interface ComponentListing {
  can: string[];
  components: StatusComponent[];
}

type StatusKey = Parameters<typeof t>[0];

/** A component status in words (the identifier itself if this version does not know it). */
export function componentStatusText(status: string): string {
  const key = `status.${status}`;
  return key in t.catalogues.en ? t(key as StatusKey) : status;
}

/** The command that changes a component from `before` to the form's values, or null when nothing changed. */
export function describeCommand(
  before: StatusComponent,
  name: string,
  description: string,
): { componentId: string; name?: string; description?: string } | null {
  const data: { componentId: string; name?: string; description?: string } = { componentId: before.id };
  if (name.trim() && name.trim() !== before.name) data.name = name.trim();
  if (description.trim() && description.trim() !== (before.description ?? '')) data.description = description.trim();
  return data.name === undefined && data.description === undefined ? null : data;
}

const statusOptions = () => COMPONENT_STATUSES.map((s) => ({ value: s, label: componentStatusText(s) }));

export function componentsView(main: HTMLElement): () => void {
  const message = h('p', { role: 'status', class: 'muted' });
  const list = h('ul', { class: 'items', 'data-testid': 'components' });
  const createBox = h('div', {});
  let alive = true;

  async function issue(name: string, data: Record<string, unknown>): Promise<void> {
    try {
      const saved = await request<StatusComponent>('POST', '/api/status/components/commands', { name, data });
      if (alive) replace(message, t('components.saved', { name: saved.name }));
      await load();
    } catch (e: unknown) {
      if (alive) replace(message, h('span', { role: 'alert', class: 'error' }, t('components.couldNot', { error: errorText(e) })));
    }
  }

  function item(c: StatusComponent, can: readonly string[]): HTMLElement {
    const status = select('status', statusOptions(), c.status);
    status.setAttribute('aria-label', `${t('components.status')}: ${c.name}`);
    const name = h('input', { name: 'name', value: c.name, maxlength: 100, required: true });
    const description = h('textarea', { name: 'description', rows: 2, maxlength: 1000 }, c.description ?? '');
    const statusForm = h(
      'form',
      { class: 'row', 'aria-label': `${t('components.setStatus')}: ${c.name}` },
      status,
      h('button', { type: 'submit' }, t('components.setStatus')),
    );
    statusForm.addEventListener('submit', (event) => {
      event.preventDefault();
      if (status.value !== c.status) void issue('component.status', { componentId: c.id, status: status.value });
    });
    const describeForm = h(
      'form',
      { class: 'subform', 'aria-label': `${t('components.rename')}: ${c.name}` },
      field(t('components.name'), name),
      field(t('components.description'), description),
      h('button', { type: 'submit' }, t('components.save')),
    );
    describeForm.addEventListener('submit', (event) => {
      event.preventDefault();
      const data = describeCommand(c, name.value, description.value);
      if (data) void issue('component.describe', data);
    });
    return h(
      'li',
      { 'data-component': c.id },
      h('h3', {}, c.name, ' ', h('span', { class: `chip cs-${c.status}` }, componentStatusText(c.status))),
      c.description ? h('p', { class: 'muted' }, c.description) : null,
      can.includes('component.status') ? statusForm : null,
      can.includes('component.describe') ? h('details', { class: 'on-demand' }, h('summary', {}, t('components.rename')), describeForm) : null,
    );
  }

  function createForm(): HTMLElement {
    const name = h('input', { name: 'name', maxlength: 100, required: true });
    const description = h('textarea', { name: 'description', rows: 2, maxlength: 1000 });
    const status = select('status', statusOptions(), 'operational');
    const el = h(
      'form',
      { class: 'card', 'aria-label': t('components.create') },
      h('h2', {}, t('components.create')),
      field(t('components.name'), name),
      field(t('components.description'), description),
      field(t('components.status'), status),
      h('button', { type: 'submit' }, t('components.add')),
    );
    el.addEventListener('submit', (event) => {
      event.preventDefault();
      const data: Record<string, unknown> = { name: name.value.trim(), status: status.value };
      if (description.value.trim()) data.description = description.value.trim();
      void issue('component.create', data).then(() => el.reset());
    });
    return el;
  }

  async function load(): Promise<void> {
    try {
      const listing = await request<ComponentListing>('GET', '/api/status/components');
      if (!alive) return;
      replace(list, ...(listing.components.length ? listing.components.map((c) => item(c, listing.can)) : [h('li', { class: 'muted' }, t('components.none'))]));
      replace(createBox, listing.can.includes('component.create') ? createForm() : h('p', { class: 'muted' }, t('components.readOnly')));
    } catch (e: unknown) {
      if (alive) replace(message, h('span', { role: 'alert', class: 'error' }, t('components.couldNotList', { error: errorText(e) })));
    }
  }

  replace(
    main,
    h('h1', { tabindex: -1 }, t('components.title')),
    h('p', {}, t('components.intro'), ' ', h('a', { href: '/status', target: '_blank', rel: 'noopener' }, t('public.open'))),
    message,
    h('section', { class: 'card', 'aria-label': t('components.title') }, list),
    createBox,
  );
  void load();
  return () => {
    alive = false;
  };
}
