import { describe, expect, it } from 'vitest';
import { NOT_STARTED_HERE, signInFromFragment } from './signInFragment';

describe('signInFromFragment', () => {
  const answer = {
    token: 'tok-123',
    expiresAt: '2026-11-29T20:00:00.000Z',
    user: { id: 'u-1', username: 'alice', displayName: 'Alice Example' },
  };
  const state = '0123456789abcdef0123456789abcdef';

  it('reads the sign-in answer the server put in the fragment, with the state this tab started', () => {
    const hash = '#signed-in=' + encodeURIComponent(JSON.stringify(answer)) + '&state=' + state;
    expect(signInFromFragment(hash, state)).toEqual({ session: answer });
  });

  it('reads a refusal', () => {
    expect(signInFromFragment('#signin-error=no%20account%20is%20linked&state=' + state, state)).toEqual({
      error: 'no account is linked',
    });
  });

  it('ignores an answer this tab did not start: no state kept, none returned, or another one', () => {
    const signedIn = '#signed-in=' + encodeURIComponent(JSON.stringify(answer));
    expect(signInFromFragment(signedIn + '&state=' + state, null)).toEqual({ error: NOT_STARTED_HERE });
    expect(signInFromFragment(signedIn, state)).toEqual({ error: NOT_STARTED_HERE });
    expect(signInFromFragment(signedIn + '&state=someone-elses-state', state)).toEqual({ error: NOT_STARTED_HERE });
    expect(signInFromFragment('#signin-error=x', null)).toEqual({ error: NOT_STARTED_HERE });
  });

  it('ignores other fragments and refuses a malformed answer', () => {
    expect(signInFromFragment('', state)).toBeNull();
    expect(signInFromFragment('#section-2', state)).toBeNull();
    expect(signInFromFragment('#signed-in=%7Bnot-json&state=' + state, state)).toEqual({
      error: 'the answer of the sign-in could not be read',
    });
    expect(signInFromFragment('#signed-in=' + encodeURIComponent('{"token":""}') + '&state=' + state, state)).toHaveProperty('error');
  });
});
