// Sign-in (any path, when signed out) and joining by invitation code (/join/{code}).
import { ApiError, companySignIn, errorText, startCompanySignIn } from '../api';
import { field, h, replace } from '../dom';
import { t } from '../messages/signIn';
import { sessions } from '../session';

export function signInView(main: HTMLElement, notice: string, done: () => void): void {
  document.title = t('pageTitle');
  const username = h('input', { name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none' });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const message = h('p', { class: 'error', role: 'alert' }, notice);
  const submit = h('button', { type: 'submit' }, t('submit'));

  const form = h(
    'form',
    { class: 'card narrow', 'aria-labelledby': 'signin-title' },
    h('h1', { id: 'signin-title', tabindex: -1 }, t('heading')),
    field(t('username'), username),
    field(t('password'), password),
    submit,
    message,
    h('p', { class: 'muted' }, t('invitedHint')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    replace(message);
    try {
      await sessions().signIn(username.value.trim(), password.value);
      done();
    } catch (e) {
      password.value = '';
      replace(message, e instanceof ApiError && e.status === 401 ? t('wrongCredentials') : t('couldNotSignIn', { error: errorText(e) }));
      password.focus();
    } finally {
      submit.disabled = false;
    }
  });
  replace(main, form);
  username.focus();
  // Company sign-in, when the server offers it: a full-page visit to the provider and back.
  companySignIn()
    .then((offer) => {
      if (!offer.enabled || !offer.loginPath || !form.isConnected) return;
      const path = offer.loginPath;
      form.insertBefore(
        h(
          'button',
          { type: 'button', class: 'secondary', onclick: () => startCompanySignIn(path) },
          t('companySignIn', { provider: offer.providerName ?? t('singleSignOn') }),
        ),
        message,
      );
    })
    .catch(() => {});
}

/** Asks a display name, joins with the code as a guest (this browser's sign-in becomes the guest's), then opens `roomId`. */
export function joinView(main: HTMLElement, code: string, joined: (roomId: string) => void): void {
  document.title = t('joinPageTitle');
  const codeInput = h('input', { name: 'code', required: true, value: code, autocapitalize: 'characters', autocomplete: 'off' });
  const name = h('input', { name: 'displayName', required: true, maxlength: 128, autocomplete: 'name' });
  const message = h('p', { class: 'error', role: 'alert' });
  const submit = h('button', { type: 'submit' }, t('join'));
  const form = h(
    'form',
    { class: 'card narrow', 'aria-labelledby': 'join-title' },
    h('h1', { id: 'join-title', tabindex: -1 }, t('joinHeading')),
    h('p', {}, t('joinIntro')),
    field(t('yourName'), name, t('yourNameHint')),
    field(t('code'), codeInput),
    submit,
    message,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    replace(message);
    try {
      const result = await sessions().join(codeInput.value.trim(), name.value.trim());
      joined(result.roomId);
    } catch (e) {
      replace(message, t('couldNotJoin', { error: errorText(e) }));
    } finally {
      submit.disabled = false;
    }
  });
  replace(main, form);
  name.focus();
}
