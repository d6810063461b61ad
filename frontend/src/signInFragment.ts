// Pure: company sign-in hands its answer to the web app in the URL's fragment, which browsers never send
// to a server: `#signed-in=<the sign-in answer as JSON>` or `#signin-error=<message>`.
import type { Session } from './types';

export type FragmentSignIn = { session: Session } | { error: string };

export function signInFromFragment(hash: string): FragmentSignIn | null {
  if (!hash.startsWith('#') || hash.length < 2) return null;
  const params = new URLSearchParams(hash.slice(1));
  const signedIn = params.get('signed-in');
  if (signedIn !== null) {
    try {
      const session = JSON.parse(signedIn) as Partial<Session>;
      if (typeof session.token === 'string' && session.token && typeof session.expiresAt === 'string' && session.user) {
        return { session: { token: session.token, expiresAt: session.expiresAt, user: session.user } };
      }
    } catch {
      // fall through
    }
    return { error: 'the answer of the sign-in could not be read' };
  }
  const error = params.get('signin-error');
  return error !== null ? { error } : null;
}
