// The settings page's chat accounts: what to type on each platform, and a linked account in words, in English and German.
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n';
import { linkCommands, linkText, platformName } from './chatAccounts';

describe('chat accounts', () => {
  afterEach(() => setLocale('en'));

  it('says what to type on each platform', () => {
    expect(linkCommands('K7M2Q9XPRA')).toEqual([
      { platform: 'Slack, Mattermost', command: '/sitroom link K7M2Q9XPRA' },
      { platform: 'Microsoft Teams', command: '@Sitroom link K7M2Q9XPRA' },
    ]);
  });

  it('names the platforms, and an unknown one by its identifier', () => {
    expect(platformName('teams')).toBe('Microsoft Teams');
    expect(platformName('discord')).toBe('discord');
  });

  it('says which account is linked, in German too', () => {
    const link = { id: 'a1', platform: 'slack', teamId: 'T0SITROOM', platformUserId: 'U123', linkedAt: '2026-12-02T10:00:00.000Z' };
    expect(linkText(link, () => 'today')).toBe('Slack user U123 (workspace T0SITROOM), linked today');
    setLocale('de');
    expect(linkText(link, () => 'heute')).toBe('Slack-Nutzer U123 (Arbeitsbereich T0SITROOM), verknüpft heute');
  });
});
