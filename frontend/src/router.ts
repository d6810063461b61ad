// Pure: a path -> the view it names.

export type Route =
  | { view: 'rooms' }
  | { view: 'dashboard' }
  | { view: 'search' }
  | { view: 'components' }
  | { view: 'settings' }
  | { view: 'erasures' }
  | { view: 'signInError' }
  | { view: 'console'; roomId: string }
  | { view: 'exec'; roomId: string }
  | { view: 'facilitate'; roomId: string }
  | { view: 'play'; roomId: string }
  | { view: 'feedback'; roomId: string }
  | { view: 'debrief'; token: string }
  | { view: 'join'; code: string };

const ROOM_VIEWS = { '': 'console', exec: 'exec', facilitate: 'facilitate', play: 'play' } as const;

/** `hash` is the address's fragment (`#...`): where a debrief link keeps its token, which browsers never send. */
export function parseRoute(pathname: string, hash = ''): Route {
  if (/^\/dashboard\/?$/.test(pathname)) return { view: 'dashboard' };
  if (/^\/search\/?$/.test(pathname)) return { view: 'search' };
  if (/^\/components\/?$/.test(pathname)) return { view: 'components' };
  if (/^\/settings\/?$/.test(pathname)) return { view: 'settings' };
  if (/^\/admin\/erasures\/?$/.test(pathname)) return { view: 'erasures' };
  if (/^\/sign-in-error\/?$/.test(pathname)) return { view: 'signInError' };
  if (/^\/debrief\/?$/.test(pathname)) return { view: 'debrief', token: decodeURIComponent(hash.replace(/^#/, '')) };
  const feedback = /^\/rooms\/([^/]+)\/feedback\/?$/.exec(pathname);
  if (feedback) return { view: 'feedback', roomId: decodeURIComponent(feedback[1]!) };
  const join = /^\/join\/([^/]+)\/?$/.exec(pathname);
  if (join) return { view: 'join', code: decodeURIComponent(join[1]!) };
  const room = /^\/rooms\/([^/]+)(?:\/(exec|facilitate|play))?\/?$/.exec(pathname);
  if (room) {
    const view = ROOM_VIEWS[(room[2] ?? '') as keyof typeof ROOM_VIEWS];
    return { view, roomId: decodeURIComponent(room[1]!) };
  }
  return { view: 'rooms' };
}

export function roomPath(roomId: string, view: 'console' | 'exec' | 'facilitate' | 'play' = 'console'): string {
  const base = `/rooms/${encodeURIComponent(roomId)}`;
  return view === 'console' ? base : `${base}/${view}`;
}
