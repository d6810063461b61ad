// Sign-in (any path, when signed out) and joining by invitation code (/join/{code}).
import { ApiError, companySignIn, errorText, join, login, startCompanySignIn } from '../api';
import { field, h, replace } from '../dom';

export function signInView(main: HTMLElement, notice: string, done: () => void): void {
  document.title = 'Sign in · Sitroom';
  const username = h('input', { name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none' });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const message = h('p', { class: 'error', role: 'alert' }, notice);
  const submit = h('button', { type: 'submit' }, 'Sign in');

  const form = h(
    'form',
    { class: 'card narrow', 'aria-labelledby': 'signin-title' },
    h('h1', { id: 'signin-title', tabindex: -1 }, 'Sign in to Sitroom'),
    field('Username', username),
    field('Password', password),
    submit,
    message,
    h('p', { class: 'muted' }, 'Invited to an exercise? Open the link you were given (/join/…).'),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    replace(message);
    try {
      await login(username.value.trim(), password.value);
      done();
    } catch (e) {
      password.value = '';
      replace(
        message,
        e instanceof ApiError && e.status === 401 ? 'wrong username or password' : `Could not sign in: ${errorText(e)}`,
      );
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
          `Sign in with ${offer.providerName ?? 'single sign-on'}`,
        ),
        message,
      );
    })
    .catch(() => {});
}

/** Asks a display name, joins with the code as a guest, keeps the token, then opens `roomId`. */
export function joinView(main: HTMLElement, code: string, joined: (roomId: string) => void): void {
  document.title = 'Join an exercise · Sitroom';
  const codeInput = h('input', { name: 'code', required: true, value: code, autocapitalize: 'characters', autocomplete: 'off' });
  const name = h('input', { name: 'displayName', required: true, maxlength: 128, autocomplete: 'name' });
  const message = h('p', { class: 'error', role: 'alert' });
  const submit = h('button', { type: 'submit' }, 'Join');
  const form = h(
    'form',
    { class: 'card narrow', 'aria-labelledby': 'join-title' },
    h('h1', { id: 'join-title', tabindex: -1 }, 'Join an exercise'),
    h('p', {}, 'You were invited to a room. Tell the others who you are.'),
    field('Your name', name, 'Shown to everyone in the room'),
    field('Invitation code', codeInput),
    submit,
    message,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    replace(message);
    try {
      const result = await join(codeInput.value.trim(), name.value.trim());
      joined(result.roomId);
    } catch (e) {
      replace(message, `Could not join: ${errorText(e)}`);
    } finally {
      submit.disabled = false;
    }
  });
  replace(main, form);
  name.focus();
}
