import { describe, expect, it } from 'vitest';
import { signInFromFragment } from './signInFragment';

describe('signInFromFragment', () => {
  const answer = {
    token: 'tok-123',
    expiresAt: '2026-11-29T20:00:00.000Z',
    user: { id: 'u-1', username: 'alice', displayName: 'Alice Example' },
  };

  it('reads the sign-in answer the server put in the fragment', () => {
    const hash = '#signed-in=' + encodeURIComponent(JSON.stringify(answer));
    expect(signInFromFragment(hash)).toEqual({ session: answer });
  });

  it('reads a refusal', () => {
    expect(signInFromFragment('#signin-error=no%20account%20is%20linked')).toEqual({ error: 'no account is linked' });
  });

  it('ignores other fragments and refuses a malformed answer', () => {
    expect(signInFromFragment('')).toBeNull();
    expect(signInFromFragment('#section-2')).toBeNull();
    expect(signInFromFragment('#signed-in=%7Bnot-json')).toEqual({ error: 'the answer of the sign-in could not be read' });
    expect(signInFromFragment('#signed-in=' + encodeURIComponent('{"token":""}'))).toHaveProperty('error');
  });
});
