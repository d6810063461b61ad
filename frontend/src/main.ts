// The app: a router over three views (sign-in, my rooms, a room) and the header.
import './style.css';
import { ApiError, api, clearSession, errorText, loadSession, login, setUnauthenticatedHandler } from './api';
import { field, h, replace, select } from './dom';
import { openRoom } from './roomView';
import { phaseLabel, roleLabel } from './timeline';
import { SEVERITIES } from './types';

const main = document.getElementById('main') as HTMLElement;
const nav = document.getElementById('nav') as HTMLElement;

/** Undoes the current view (closes a room's socket). */
let leaveView: () => void = () => {};
let signInNotice = '';

function navigate(path: string): void {
  if (path !== location.pathname) history.pushState(null, '', path);
  route(true);
}

function route(moveFocus = false): void {
  leaveView();
  leaveView = () => {};
  const session = loadSession();
  renderNav();
  if (!session) {
    signIn();
    return;
  }
  const match = /^\/rooms\/([^/]+)\/?$/.exec(location.pathname);
  if (match) {
    leaveView = openRoom(main, decodeURIComponent(match[1]!), session);
  } else {
    rooms();
  }
  if (moveFocus) main.querySelector<HTMLElement>('h1')?.focus();
}

function signOut(notice = ''): void {
  leaveView();
  leaveView = () => {};
  clearSession();
  signInNotice = notice;
  navigate('/');
}

function renderNav(): void {
  const session = loadSession();
  if (!session) {
    replace(nav);
    return;
  }
  replace(
    nav,
    h('span', { class: 'who' }, 'Signed in as ', h('strong', {}, session.user.displayName)),
    h('button', { type: 'button', class: 'secondary', onclick: () => signOut() }, 'Sign out'),
  );
}

// --- Sign-in -------------------------------------------------------------------------------

function signIn(): void {
  document.title = 'Sign in · Sitroom';
  const username = h('input', { name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none' });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const message = h('p', { class: 'error', role: 'alert' }, signInNotice);
  signInNotice = '';
  const submit = h('button', { type: 'submit' }, 'Sign in');

  const form = h(
    'form',
    { class: 'card narrow', 'aria-labelledby': 'signin-title' },
    h('h1', { id: 'signin-title', tabindex: -1 }, 'Sign in to Sitroom'),
    field('Username', username),
    field('Password', password),
    submit,
    message,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    replace(message);
    try {
      await login(username.value.trim(), password.value);
      route(true);
    } catch (e) {
      password.value = '';
      replace(
        message,
        e instanceof ApiError && e.status === 401 ? 'wrong username or password' : `Could not sign in: ${errorText(e)}`,
      );
      password.focus();
    } finally {
      submit.disabled = false;
    }
  });
  replace(main, form);
  username.focus();
}

// --- My rooms ------------------------------------------------------------------------------

function rooms(): void {
  document.title = 'My rooms · Sitroom';
  const list = h('div', { 'aria-live': 'polite', 'aria-busy': 'true' }, h('p', {}, 'Loading rooms…'));
  replace(
    main,
    h('h1', { tabindex: -1 }, 'My rooms'),
    h('section', { 'aria-labelledby': 'rooms-title' }, h('h2', { id: 'rooms-title', class: 'sr-only' }, 'Rooms'), list),
    createIncidentForm(),
  );

  api
    .rooms()
    .then((rooms) => {
      list.setAttribute('aria-busy', 'false');
      if (!rooms.length) {
        replace(list, h('p', {}, 'You are in no room yet. Open an incident below, or ask an incident commander to add you.'));
        return;
      }
      const sorted = [...rooms].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      replace(
        list,
        h(
          'ul',
          { class: 'rooms' },
          ...sorted.map((r) =>
            h(
              'li',
              {},
              h('a', { href: `/rooms/${encodeURIComponent(r.id)}`, 'data-nav': true }, r.title),
              ' ',
              h('span', { class: `sev sev-${r.severity}` }, r.severity),
              ' ',
              h('span', { class: 'phase' }, phaseLabel(r.phase)),
              h(
                'span',
                { class: 'muted' },
                ` · ${r.kind.toLowerCase()} · you: ${r.myRoles.length ? r.myRoles.map(roleLabel).join(', ') : 'no role'}`,
              ),
            ),
          ),
        ),
      );
    })
    .catch((e: unknown) => {
      list.setAttribute('aria-busy', 'false');
      replace(list, h('p', { class: 'error', role: 'alert' }, `Could not load your rooms: ${errorText(e)}`));
    });
}

function createIncidentForm(): HTMLElement {
  const title = h('input', { name: 'title', required: true, maxlength: 200 });
  const severity = select(
    'severity',
    SEVERITIES.map((s) => ({ value: s, label: s })),
    'SEV3',
  );
  const submit = h('button', { type: 'submit' }, 'Open incident');
  const message = h('p', { class: 'error', role: 'alert' });
  const form = h(
    'form',
    { class: 'card', 'aria-labelledby': 'create-title' },
    h('h2', { id: 'create-title' }, 'Open an incident'),
    h('div', { class: 'row' }, field('Title', title), field('Severity', severity, 'SEV1 is the worst')),
    submit,
    message,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    replace(message);
    try {
      const room = await api.createIncident(title.value.trim(), severity.value);
      navigate(`/rooms/${encodeURIComponent(room.id)}`);
    } catch (e) {
      replace(message, `Could not open the incident: ${errorText(e)}`);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

// --- Start ---------------------------------------------------------------------------------

// Same-origin links marked data-nav change the view without reloading the page.
document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest?.('a[data-nav]');
  if (!(link instanceof HTMLAnchorElement) || event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(link.pathname);
});
window.addEventListener('popstate', () => route(true));
setUnauthenticatedHandler(() => signOut('Your session has ended. Please sign in again.'));
route();
