// Pure: company sign-in ends with a redirect into the web app whose fragment (never sent to a server)
// says how it went: `#signed-in=<who, as JSON>&state=<s>` or `#signin-error=<message>&state=<s>`. The
// token itself is already in the browser session's cookie, set by the same answer; the fragment never
// carries it.

export type FragmentSignIn = { signedIn: true } | { error: string };

/** Said when an answer comes that this tab did not ask for (someone else's link): it is not taken. */
export const NOT_STARTED_HERE = 'a sign-in that was not started in this tab was ignored';

/**
 * The outcome in the fragment, taken only when it carries `expectedState`: the state of a company sign-in
 * this tab started. A link made by someone else cannot sign anyone in (only the server's answer sets the
 * cookie), but it could put a misleading message on the sign-in page.
 */
export function signInFromFragment(hash: string, expectedState: string | null): FragmentSignIn | null {
  if (!hash.startsWith('#') || hash.length < 2) return null;
  const params = new URLSearchParams(hash.slice(1));
  const signedIn = params.get('signed-in');
  const error = params.get('signin-error');
  if (signedIn === null && error === null) return null;
  if (!expectedState || params.get('state') !== expectedState) return { error: NOT_STARTED_HERE };
  if (signedIn !== null) return { signedIn: true };
  return { error: error ?? '' };
}
