import { describe, expect, it } from 'vitest';
import { signInErrorOf } from './views/signInError';
import { t } from './messages/signInError';

describe('signInErrorOf', () => {
  it('names a known reason and keeps the provider’s description as text', () => {
    expect(signInErrorOf('?error=access_denied&error_description=User%20said%20no')).toEqual({
      reason: 'access_denied',
      detail: 'User said no',
    });
  });
  it('reads interaction codes as login_required and anything else as unknown', () => {
    expect(signInErrorOf('?error=interaction_required').reason).toBe('login_required');
    expect(signInErrorOf('?error=%3Cscript%3E').reason).toBe('unknown');
    expect(signInErrorOf('').reason).toBe('unknown');
  });
});

describe('the sign-in error messages', () => {
  it('are complete in German', () => {
    expect(Object.keys(t.catalogues.de).sort()).toEqual(Object.keys(t.catalogues.en).sort());
  });
});
