import { describe, expect, it } from 'vitest';
import { parseRoute, roomPath } from './router';

describe('parseRoute', () => {
  it('names each view', () => {
    expect(parseRoute('/')).toEqual({ view: 'rooms' });
    expect(parseRoute('/dashboard')).toEqual({ view: 'dashboard' });
    expect(parseRoute('/dashboard/')).toEqual({ view: 'dashboard' });
    expect(parseRoute('/search')).toEqual({ view: 'search' });
    expect(parseRoute('/admin/erasures')).toEqual({ view: 'erasures' });
    expect(parseRoute('/sign-in-error')).toEqual({ view: 'signInError' });
    expect(parseRoute('/rooms/r1')).toEqual({ view: 'console', roomId: 'r1' });
    expect(parseRoute('/rooms/r1/')).toEqual({ view: 'console', roomId: 'r1' });
    expect(parseRoute('/rooms/r1/exec')).toEqual({ view: 'exec', roomId: 'r1' });
    expect(parseRoute('/rooms/r1/facilitate')).toEqual({ view: 'facilitate', roomId: 'r1' });
    expect(parseRoute('/rooms/r1/play')).toEqual({ view: 'play', roomId: 'r1' });
    expect(parseRoute('/join/ABCD-EFGH-JKMN')).toEqual({ view: 'join', code: 'ABCD-EFGH-JKMN' });
  });

  it('sends anything else to my rooms', () => {
    expect(parseRoute('/rooms/r1/nope')).toEqual({ view: 'rooms' });
    expect(parseRoute('/elsewhere')).toEqual({ view: 'rooms' });
  });

  it('round-trips room paths', () => {
    for (const view of ['console', 'exec', 'facilitate', 'play'] as const) {
      expect(parseRoute(roomPath('a b', view))).toEqual({ view, roomId: 'a b' });
    }
  });
});
