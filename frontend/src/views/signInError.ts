// Where a failed company sign-in ends (quarkus.oidc.authentication.error-path=/sign-in-error): the reason in plain
// words, what the provider said (as text, never markup), and a way back. The route: path "/sign-in-error".
import { h, replace } from '../dom';
import { t } from '../messages/signInError';

/** The OAuth 2.0 / OpenID Connect error codes with a message of their own; any other gets the general one. */
const KNOWN = ['access_denied', 'login_required', 'consent_required', 'temporarily_unavailable', 'server_error', 'expired'] as const;
export type SignInErrorReason = (typeof KNOWN)[number] | 'unknown';

/** The path the server sends a failed company sign-in to. */
export const SIGN_IN_ERROR_PATH = '/sign-in-error';

/**
 * Pure: the reason and the provider's own description from the page's query (`?error=...&error_description=...`,
 * as the provider or the server put them). Interaction and account-selection codes read as login_required.
 */
export function signInErrorOf(search: string): { reason: SignInErrorReason; detail: string | null } {
  const params = new URLSearchParams(search);
  const code = (params.get('error') ?? '').trim();
  const alias: Record<string, SignInErrorReason> = { interaction_required: 'login_required', account_selection_required: 'login_required' };
  const reason = (KNOWN as readonly string[]).includes(code) ? (code as SignInErrorReason) : (alias[code] ?? 'unknown');
  const description = (params.get('error_description') ?? '').trim();
  // Shown as text; kept short, as a page of the provider's wording helps nobody.
  return { reason, detail: description ? description.slice(0, 300) : null };
}

export function renderSignInError(root: HTMLElement, search: string = location.search): void {
  const { reason, detail } = signInErrorOf(search);
  replace(
    root,
    h(
      'main',
      { class: 'sign-in-error' },
      h('h1', {}, t('title')),
      h('p', { role: 'alert' }, t(`reason.${reason}`)),
      detail ? h('p', { class: 'muted' }, t('detail', { detail })) : null,
      h('p', {}, t('hint')),
      h('p', {}, h('a', { href: '/', class: 'button' }, t('back'))),
    ),
  );
}
