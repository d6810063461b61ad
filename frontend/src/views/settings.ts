// The settings page (/settings): the account's e-mail address (confirmed by a mailed link), which
// notifications Sitroom mails, as they happen or as a digest, and the chat accounts linked to it. Mount with settingsView(main); it returns its cleanup.
import { errorText, request } from '../api';
import { field, h, replace } from '../dom';
import { t } from '../messages/settings';
import { chatAccountsSection } from './chatAccounts';

export interface EmailState {
  email: string | null;
  verified: boolean;
  pending: boolean;
  mail: boolean;
}

export interface NotificationPrefs {
  kinds: string[];
  digest: boolean;
  available: string[];
}

type Key = Parameters<typeof t>[0];

/** What the page says about the address. */
export function emailStatusText(state: EmailState): string {
  if (!state.mail) return t('email.noMail');
  if (!state.email) return t('email.none');
  if (state.verified) return t('email.verified', { email: state.email });
  return t(state.pending ? 'email.pending' : 'email.unverified', { email: state.email });
}

/** A notification kind in words (the identifier itself if this version does not know it). */
export function kindLabel(kind: string): string {
  const key = `kind.${kind}`;
  return key in t.catalogues.en ? t(key as Key) : kind;
}

/** The body of PUT /api/account/notifications: the ticked kinds in the server's order. */
export function prefsBody(available: readonly string[], ticked: ReadonlySet<string>, digest: boolean): { kinds: string[]; digest: boolean } {
  return { kinds: available.filter((k) => ticked.has(k)), digest };
}

export function settingsView(main: HTMLElement): () => void {
  document.title = t('title');
  let alive = true;
  const emailStatus = h('p', { role: 'status' });
  const emailInput = h('input', { name: 'email', type: 'email', autocomplete: 'email', maxlength: 254 });
  const emailMessage = h('p', { role: 'status', class: 'muted' });
  const emailForm = h(
    'form',
    { class: 'card', 'aria-labelledby': 'settings-email' },
    h('h2', { id: 'settings-email' }, t('email.title')),
    emailStatus,
    field(t('email.label'), emailInput, t('email.hint')),
    h('button', { type: 'submit' }, t('email.save')),
    emailMessage,
  );
  const prefsBox = h('div', {});
  const prefsMessage = h('p', { role: 'status', class: 'muted' });
  replace(main, h('h1', { tabindex: -1 }, t('title')), emailForm, h('section', { class: 'card', 'aria-labelledby': 'settings-prefs' },
    h('h2', { id: 'settings-prefs' }, t('prefs.title')), prefsBox, prefsMessage), chatAccountsSection(() => alive));

  function showEmail(state: EmailState): void {
    replace(emailStatus, emailStatusText(state));
    emailInput.value = state.email ?? '';
    emailInput.disabled = !state.mail;
  }

  emailForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const email = emailInput.value.trim();
    request<EmailState>('PUT', '/api/account/email', { email: email || null })
      .then((state) => {
        if (!alive) return;
        showEmail(state);
        replace(emailMessage, email ? t('email.saved') : t('email.removed'));
      })
      .catch((e: unknown) => alive && replace(emailMessage, h('span', { role: 'alert', class: 'error' }, t('couldNot', { error: errorText(e) }))));
  });

  function showPrefs(prefs: NotificationPrefs): void {
    const boxes = prefs.available.map((kind) =>
      h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'kind', value: kind, checked: prefs.kinds.includes(kind) }), ' ',
        kindLabel(kind)),
    );
    const radio = (digest: boolean, label: string) =>
      h('label', { class: 'check' }, h('input', { type: 'radio', name: 'when', value: digest ? 'digest' : 'immediate', checked: prefs.digest === digest }),
        ' ', label);
    const form = h(
      'form',
      { 'aria-labelledby': 'settings-prefs' },
      h('fieldset', { class: 'choices' }, h('legend', {}, t('prefs.kinds')), ...boxes),
      h('fieldset', { class: 'choices' }, h('legend', {}, t('prefs.when')), radio(false, t('prefs.immediate')), radio(true, t('prefs.digest'))),
      h('button', { type: 'submit' }, t('prefs.save')),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const ticked = new Set([...form.querySelectorAll<HTMLInputElement>('input[name=kind]:checked')].map((i) => i.value));
      const digest = form.querySelector<HTMLInputElement>('input[name=when][value=digest]')?.checked ?? false;
      request<NotificationPrefs>('PUT', '/api/account/notifications', prefsBody(prefs.available, ticked, digest))
        .then((saved) => {
          if (!alive) return;
          showPrefs(saved);
          replace(prefsMessage, t('prefs.saved'));
        })
        .catch((e: unknown) => alive && replace(prefsMessage, h('span', { role: 'alert', class: 'error' }, t('couldNot', { error: errorText(e) }))));
    });
    replace(prefsBox, form);
  }

  Promise.all([request<EmailState>('GET', '/api/account/email'), request<NotificationPrefs>('GET', '/api/account/notifications')])
    .then(([email, prefs]) => {
      if (!alive) return;
      showEmail(email);
      showPrefs(prefs);
    })
    .catch((e: unknown) => alive && replace(prefsMessage, h('span', { role: 'alert', class: 'error' }, t('couldNotLoad', { error: errorText(e) }))));

  return () => {
    alive = false;
  };
}
