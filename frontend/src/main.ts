// The app: the header and a router over the views. Views of one room share one connection.
import './style.css';
import { clearSession, loadSession, logout, saveSession, setUnauthenticatedHandler, takeCompanySignInState } from './api';
import { h, replace } from './dom';
import { type Route, parseRoute, roomPath } from './router';
import { signInFromFragment } from './signInFragment';
import { RoomStore } from './roomStore';
import { consoleView } from './views/console';
import { dashboardView } from './views/dashboard';
import { execView } from './views/exec';
import { facilitateView } from './views/facilitate';
import { participantView } from './views/participant';
import { roomsView } from './views/rooms';
import { joinView, signInView } from './views/signIn';

const main = document.getElementById('main') as HTMLElement;
const nav = document.getElementById('nav') as HTMLElement;

/** Undoes the current view (its subscriptions and timers). */
let leaveView: () => void = () => {};
/** The open room's connection, kept while moving between views of that room. */
let store: RoomStore | null = null;
let signInNotice = '';

function navigate(path: string): void {
  if (path !== location.pathname) history.pushState(null, '', path);
  route(true);
}

function closeRoom(): void {
  store?.stop();
  store = null;
}

function roomStore(roomId: string): RoomStore {
  const session = loadSession()!;
  if (store && (store.roomId !== roomId || store.session.token !== session.token)) closeRoom();
  store ??= new RoomStore(roomId, session).start();
  return store;
}

function route(moveFocus = false): void {
  leaveView();
  leaveView = () => {};
  const session = loadSession();
  const target: Route = parseRoute(location.pathname);
  renderNav();
  if (target.view === 'join') {
    closeRoom();
    joinView(main, target.code, (roomId) => navigate(roomPath(roomId, 'play')));
  } else if (!session) {
    closeRoom();
    signInView(main, signInNotice, () => route(true));
    signInNotice = '';
  } else if (target.view === 'rooms' || target.view === 'dashboard') {
    if (session.roomId) {
      navigate(roomPath(session.roomId, 'play')); // a guest has only the room they were invited to
      return;
    }
    closeRoom();
    if (target.view === 'dashboard') leaveView = dashboardView(main);
    else roomsView(main, navigate);
  } else {
    const room = roomStore(target.roomId);
    const views = { console: consoleView, exec: execView, facilitate: facilitateView, play: participantView };
    leaveView = views[target.view](main, room);
  }
  if (moveFocus) main.querySelector<HTMLElement>('h1')?.focus();
}

/** Signs out: the view and socket go, the token is revoked on the server (when it still works), then forgotten. */
async function signOut(notice = '', revoke = true): Promise<void> {
  leaveView();
  leaveView = () => {};
  closeRoom();
  if (revoke) await logout();
  else clearSession();
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
    h('span', { class: 'who' }, session.roomId ? 'Guest: ' : 'Signed in as ', h('strong', {}, session.user.displayName)),
    h('button', { type: 'button', class: 'secondary', onclick: () => void signOut() }, session.roomId ? 'Leave' : 'Sign out'),
  );
}

// Same-origin links marked data-nav change the view without reloading the page.
document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest?.('a[data-nav]');
  if (!(link instanceof HTMLAnchorElement) || event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(link.pathname);
});
window.addEventListener('popstate', () => route(true));
// The token no longer works (expired or revoked): nothing to revoke.
setUnauthenticatedHandler(() => void signOut('Your session has ended. Please sign in again.', false));
// Back from company sign-in: keep the token, and take it out of the address bar (and history) at once.
const fromProvider = signInFromFragment(location.hash, takeCompanySignInState());
if (fromProvider) {
  history.replaceState(null, '', location.pathname + location.search);
  if ('session' in fromProvider) saveSession(fromProvider.session);
  else signInNotice = `Could not sign in: ${fromProvider.error}`;
}
route();
