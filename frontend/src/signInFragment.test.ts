import { describe, expect, it } from 'vitest';
import { NOT_STARTED_HERE, signInFromFragment } from './signInFragment';

describe('signInFromFragment', () => {
  const who = { expiresAt: '2026-11-29T20:00:00.000Z', user: { id: 'u-1', username: 'alice', displayName: 'Alice Example' } };
  const state = '0123456789abcdef0123456789abcdef';

  it('takes a sign-in this tab started (the token is in the cookie, not here)', () => {
    const hash = '#signed-in=' + encodeURIComponent(JSON.stringify(who)) + '&state=' + state;
    expect(signInFromFragment(hash, state)).toEqual({ signedIn: true });
  });

  it('reads the refusal with the state this tab started', () => {
    expect(signInFromFragment('#signin-error=this%20account%20is%20disabled&state=' + state, state)).toEqual({
      error: 'this account is disabled',
    });
  });

  it('ignores an outcome that this tab did not start: no state kept, or another state', () => {
    const hash = '#signin-error=' + encodeURIComponent('call 555-0100 to unlock your account') + '&state=' + state;
    expect(signInFromFragment(hash, null)).toEqual({ error: NOT_STARTED_HERE });
    expect(signInFromFragment(hash, 'another-state-of-this-tab-000000')).toEqual({ error: NOT_STARTED_HERE });
    expect(signInFromFragment('#signed-in=x', state)).toEqual({ error: NOT_STARTED_HERE });
  });

  it('leaves other fragments alone', () => {
    expect(signInFromFragment('', state)).toBeNull();
    expect(signInFromFragment('#section-2', state)).toBeNull();
  });
});
