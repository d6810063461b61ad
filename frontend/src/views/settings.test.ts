// The settings page: what it says about the address, the body it sends for the preferences, its route,
// and its words in English and German.
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n';
import { parseRoute } from '../router';
import { emailStatusText, kindLabel, prefsBody } from './settings';

describe('settings', () => {
  afterEach(() => setLocale('en'));

  it('says whether the address gets notifications', () => {
    expect(emailStatusText({ email: null, verified: false, pending: false, mail: true })).toBe('No address yet: Sitroom mails you nothing.');
    expect(emailStatusText({ email: 'a@example.com', verified: true, pending: false, mail: true })).toBe(
      'Confirmed: notifications go to a@example.com.',
    );
    expect(emailStatusText({ email: 'a@example.com', verified: false, pending: true, mail: true })).toContain('follow the link');
    expect(emailStatusText({ email: 'a@example.com', verified: true, pending: false, mail: false })).toBe('This server sends no mail.');
  });

  it('sends the ticked kinds in the server order, and the digest choice', () => {
    const available = ['ack_requested', 'role_assigned', 'action_assigned'];
    expect(prefsBody(available, new Set(['action_assigned', 'ack_requested', 'unknown']), true)).toEqual({
      kinds: ['ack_requested', 'action_assigned'],
      digest: true,
    });
    expect(prefsBody(available, new Set(), false)).toEqual({ kinds: [], digest: false });
  });

  it('names the kinds, in German too, and an unknown one by its identifier', () => {
    expect(kindLabel('action_assigned')).toBe('an action is assigned to me');
    expect(kindLabel('new_kind')).toBe('new_kind');
    setLocale('de');
    expect(kindLabel('action_assigned')).toBe('mir eine Maßnahme zugewiesen wird');
  });

  it('has its route', () => {
    expect(parseRoute('/settings')).toEqual({ view: 'settings' });
    expect(parseRoute('/settings/')).toEqual({ view: 'settings' });
  });
});
