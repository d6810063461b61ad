// Pure: company sign-in hands its answer to the web app in the URL's fragment, which browsers never send
// to a server: `#signed-in=<the sign-in answer as JSON>&state=<s>` or `#signin-error=<message>&state=<s>`.
import type { Session } from './types';

export type FragmentSignIn = { session: Session } | { error: string };

/** Said when an answer comes that this tab did not ask for (someone else's link): it is not taken. */
export const NOT_STARTED_HERE = 'a sign-in that was not started in this tab was ignored';

/**
 * The answer in the fragment, taken only when it carries `expectedState`: the state of a company sign-in this
 * tab started. Otherwise a link made by someone else could sign this tab into their account.
 */
export function signInFromFragment(hash: string, expectedState: string | null): FragmentSignIn | null {
  if (!hash.startsWith('#') || hash.length < 2) return null;
  const params = new URLSearchParams(hash.slice(1));
  const signedIn = params.get('signed-in');
  const error = params.get('signin-error');
  if (signedIn === null && error === null) return null;
  if (!expectedState || params.get('state') !== expectedState) return { error: NOT_STARTED_HERE };
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
  return { error: error ?? '' };
}
