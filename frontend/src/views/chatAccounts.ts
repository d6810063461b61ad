// The settings page's "Chat accounts" section: make a one-time link code (POST /api/chat/link-codes), the command to
// type on each platform and until when it works, and the chat accounts linked to me with a way to unlink each
// (GET /api/chat/links, DELETE /api/chat/links/{id}).
import { errorText, request } from '../api';
import { h, replace } from '../dom';
import { localText, utcText } from '../i18n';
import { t } from '../messages/settings';

export interface LinkCode {
  code: string;
  expiresAt: string;
  command: string;
}

export interface ChatLink {
  id: string;
  platform: string;
  teamId: string;
  platformUserId: string;
  linkedAt: string;
}

type Key = Parameters<typeof t>[0];

/** A platform's name (its identifier when this version does not know it). */
export function platformName(platform: string): string {
  const key = `chat.platform.${platform}`;
  return key in t.catalogues.en ? t(key as Key) : platform;
}

/** What to type where: Slack and Mattermost take the slash command, Teams a mention of the outgoing webhook. */
export function linkCommands(code: string): { platform: string; command: string }[] {
  return [
    { platform: `${platformName('slack')}, ${platformName('mattermost')}`, command: `/sitroom link ${code}` },
    { platform: platformName('teams'), command: `@Sitroom link ${code}` },
  ];
}

/** One linked account in words. */
export function linkText(link: ChatLink, time: (d: Date) => string = (d) => localText(d)): string {
  return t('chat.account', { platform: platformName(link.platform), user: link.platformUserId, team: link.teamId, time: time(new Date(link.linkedAt)) });
}

export function chatAccountsSection(alive: () => boolean): HTMLElement {
  const codeBox = h('div', { role: 'status' });
  const list = h('ul', { class: 'chat-links', 'aria-labelledby': 'settings-chat-linked' });
  const message = h('p', { class: 'muted', tabindex: -1 });
  const make = h('button', { type: 'button' }, t('chat.make'));
  const section = h(
    'section',
    { class: 'card', 'aria-labelledby': 'settings-chat' },
    h('h2', { id: 'settings-chat' }, t('chat.title')),
    h('p', { class: 'muted' }, t('chat.intro')),
    make,
    codeBox,
    h('h3', { id: 'settings-chat-linked' }, t('chat.linked')),
    list,
    message,
  );

  const failed = (e: unknown) => alive() && replace(message, h('span', { role: 'alert', class: 'error' }, t('couldNot', { error: errorText(e) })));

  make.addEventListener('click', () => {
    make.disabled = true;
    request<LinkCode>('POST', '/api/chat/link-codes')
      .then((code) => {
        if (!alive()) return;
        const expires = new Date(code.expiresAt);
        replace(
          codeBox,
          h('p', {}, t('chat.code'), ' ', h('code', { class: 'link-code' }, code.code)),
          h('p', {}, t('chat.typeIn')),
          h('ul', { class: 'chat-commands' }, ...linkCommands(code.code).map((c) => h('li', {}, `${c.platform}: `, h('code', {}, c.command)))),
          h('p', { class: 'muted', title: utcText(expires) }, t('chat.expires', { time: localText(expires, 'time') })),
        );
      })
      .catch(failed)
      .finally(() => {
        make.disabled = false;
      });
  });

  function show(links: ChatLink[]): void {
    if (links.length === 0) {
      replace(list, h('li', { class: 'muted' }, t('chat.none')));
      return;
    }
    replace(
      list,
      ...links.map((link) => {
        const vars = { platform: platformName(link.platform), user: link.platformUserId };
        const unlink = h('button', { type: 'button', 'aria-label': t('chat.unlinkLabel', vars) }, t('chat.unlink'));
        unlink.addEventListener('click', () => {
          unlink.disabled = true;
          request<void>('DELETE', `/api/chat/links/${encodeURIComponent(link.id)}`)
            .then(() => load())
            .then(() => {
              if (!alive()) return;
              replace(message, t('chat.unlinked', vars));
              message.focus(); // the button is gone: say what happened where focus lands
            })
            .catch((e: unknown) => {
              unlink.disabled = false;
              failed(e);
            });
        });
        return h('li', {}, h('span', {}, linkText(link)), unlink);
      }),
    );
  }

  function load(): Promise<void> {
    return request<ChatLink[]>('GET', '/api/chat/links').then((links) => {
      if (alive()) show(links);
    });
  }

  load().catch((e: unknown) => alive() && replace(message, h('span', { role: 'alert', class: 'error' }, t('couldNotLoad', { error: errorText(e) }))));
  return section;
}
