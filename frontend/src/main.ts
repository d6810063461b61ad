// The app: the header and a router over the views. Views of one room share one connection.
import './style.css';
import { setUnauthenticatedHandler, takeCompanySignInState } from './api';
import { h, replace } from './dom';
import { LOCALES, type Locale, locale, setLocale } from './i18n';
import { LANGUAGE_NAMES, t } from './messages/nav';
import { type Route, parseRoute, roomPath } from './router';
import { type SessionChange, sessions } from './session';
import { NOT_STARTED_HERE, signInFromFragment } from './signInFragment';
import { RoomStore } from './roomStore';
import { loadTaxonomy, taxonomyRead } from './taxonomy';
import { consoleView } from './views/console';
import { dashboardView } from './views/dashboard';
import { debriefView } from './views/debrief';
import { execView } from './views/exec';
import { facilitateView } from './views/facilitate';
import { feedbackView } from './views/feedback';
import { participantView } from './views/participant';
import { roomsView } from './views/rooms';
import { searchView } from './views/search';
import { componentsView } from './views/components';
import { erasuresView } from './views/erasures';
import { t as erasureText } from './messages/erasures';
import { settingsView } from './views/settings';
import { joinView, signInView } from './views/signIn';
import { renderSignInError } from './views/signInError';

const main = document.getElementById('main') as HTMLElement;
const nav = document.getElementById('nav') as HTMLElement;
const keeper = sessions();

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
  const session = keeper.session!;
  // A new sign-in (another person, or the same again) gets a connection of its own.
  if (store && (store.roomId !== roomId || store.session !== session)) closeRoom();
  store ??= new RoomStore(roomId, session).start();
  return store;
}

function route(moveFocus = false): void {
  // The deployment's severities and phases before a signed-in view shows any (one read a page load).
  if (keeper.session && !taxonomyRead()) {
    void loadTaxonomy().then(() => route(moveFocus));
    return;
  }
  leaveView();
  leaveView = () => {};
  const session = keeper.session;
  const target: Route = parseRoute(location.pathname, location.hash);
  renderNav();
  if (target.view === 'signInError') {
    closeRoom();
    renderSignInError(main); // a failed company sign-in: no session to ask for
  } else if (target.view === 'debrief') {
    closeRoom();
    leaveView = debriefView(main, target.token); // read with its link alone: no sign-in
  } else if (target.view === 'join') {
    closeRoom();
    joinView(main, target.code, (roomId) => navigate(roomPath(roomId, 'play')));
  } else if (!session) {
    closeRoom();
    signInView(main, signInNotice, () => route(true));
    signInNotice = '';
  } else if (
    target.view === 'rooms' ||
    target.view === 'dashboard' ||
    target.view === 'search' ||
    target.view === 'components' ||
    target.view === 'settings' ||
    target.view === 'erasures'
  ) {
    if (session.roomId) {
      navigate(roomPath(session.roomId, 'play')); // a guest has only the room they were invited to
      return;
    }
    closeRoom();
    if (target.view === 'dashboard') leaveView = dashboardView(main);
    else if (target.view === 'search') leaveView = searchView(main);
    else if (target.view === 'components') leaveView = componentsView(main);
    else if (target.view === 'settings') leaveView = settingsView(main);
    else if (target.view === 'erasures') leaveView = erasuresView(main);
    else roomsView(main, navigate);
  } else {
    const room = roomStore(target.roomId);
    const views = { console: consoleView, exec: execView, facilitate: facilitateView, play: participantView, feedback: feedbackView };
    leaveView = views[target.view](main, room);
  }
  if (moveFocus) main.querySelector<HTMLElement>('h1')?.focus();
}

/** Signs this browser out: the token is revoked on the server, and every tab shows the sign-in page. */
async function signOut(): Promise<void> {
  leaveView();
  leaveView = () => {};
  closeRoom();
  await keeper.signOut();
}

/** Every tab follows the browser's one sign-in, whichever tab (or the server) changed it. */
function followSession(change: SessionChange): void {
  if (change.type === 'signed-in') {
    if (change.elsewhere) route();
    return;
  }
  leaveView();
  leaveView = () => {};
  closeRoom();
  if (change.elsewhere) {
    // Stay on this page's address: signing in again here comes back to it.
    signInNotice ||= t('signedOutElsewhere');
    route();
  } else {
    navigate('/');
  }
}

function languageSwitch(): HTMLElement {
  const choice = h(
    'select',
    { name: 'language', 'aria-label': t('language'), class: 'language' },
    ...LOCALES.map((code) => h('option', { value: code, lang: code, selected: code === locale() }, LANGUAGE_NAMES[code])),
  );
  choice.addEventListener('change', () => {
    setLocale(choice.value as Locale);
    renderChrome();
    route();
    nav.querySelector<HTMLSelectElement>('select.language')?.focus();
  });
  return choice;
}

function renderNav(): void {
  const session = keeper.session;
  replace(
    nav,
    session ? h('span', { class: 'who' }, session.roomId ? t('guest') : t('signedInAs'), h('strong', {}, session.user.displayName)) : null,
    session && !session.roomId ? h('a', { href: '/search', 'data-nav': true }, t('search')) : null,
    session?.user.admin ? h('a', { href: '/admin/erasures', 'data-nav': true }, erasureText('nav')) : null,
    languageSwitch(),
    session
      ? h('button', { type: 'button', class: 'secondary', onclick: () => void signOut() }, session.roomId ? t('leave') : t('signOut'))
      : null,
  );
}

/** The parts of the page around the views, in the current language. */
function renderChrome(): void {
  document.documentElement.lang = locale();
  const skip = document.querySelector('a.skip');
  if (skip) skip.textContent = t('skip');
  nav.setAttribute('aria-label', t('account'));
  renderNav();
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
// The server answered 401: the sign-in ended (expired, revoked, signed out in another browser). Nothing to revoke.
setUnauthenticatedHandler(() => {
  if (!keeper.session) return;
  signInNotice = t('sessionEnded');
  keeper.ended();
});

async function start(): Promise<void> {
  renderChrome();
  replace(main, h('p', { 'aria-busy': 'true' }, t('loading')));
  // Back from company sign-in: the server set the cookie; take the outcome out of the address bar (and history) at once.
  const fromProvider = signInFromFragment(location.hash, takeCompanySignInState());
  if (fromProvider) {
    history.replaceState(null, '', location.pathname + location.search);
    if ('error' in fromProvider) {
      signInNotice = fromProvider.error === NOT_STARTED_HERE ? t('notStartedHere') : t('couldNotSignIn', { error: fromProvider.error });
    }
  }
  await (fromProvider && 'signedIn' in fromProvider ? keeper.adopt() : keeper.restore());
  keeper.onChange(followSession);
  route();
}

void start();
