import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from './i18n';
import { readMedium } from './medium';
import { callLength, mediumParts } from './messages/participant';
import { inFeed, injectFeeds, injectsForMe } from './model';
import { reduceExercise } from './reducers';
import type { ExerciseView, InjectMedium, RoomEvent } from './types';

function delivered(seq: number, injectId: string, to: string[], medium?: unknown): RoomEvent {
  return {
    type: 'event',
    roomId: 'r',
    seq,
    at: `2026-01-01T10:00:${String(seq).padStart(2, '0')}.000Z`,
    kind: 'inject.delivered',
    data: { injectId, title: injectId, body: 'Body **text**', to, prompts: [], scenarioMs: seq * 1000, manual: false, ...(medium ? { medium } : {}) },
    hash: `h${seq}`,
  };
}

const news: InjectMedium = { kind: 'news', outlet: 'Vrachtnieuws', headline: 'Gang claims payroll data', byline: 'Sanne Brouwer' };
const post: InjectMedium = { kind: 'social', author: 'Jules Okafor', handle: 'jokafor_re', likes: 6100, shares: 1, platform: 'Mastodon' };
const mail: InjectMedium = { kind: 'email', from: 'a@x.example', to: ['b@x.example', 'c@x.example'], subject: 'Read carefully', cc: ['d@x.example'] };
const call: InjectMedium = { kind: 'call', caller: 'The CEO', callee: 'The IC', durationSeconds: 160 };
const doc: InjectMedium = { kind: 'document', title: 'Ransom note', filename: 'README.txt', classification: 'TLP:AMBER' };

describe('readMedium', () => {
  it('reads each kind the server sends', () => {
    for (const m of [news, post, mail, call, doc]) expect(readMedium(m)).toEqual(m);
    expect(readMedium({ kind: 'news', outlet: 'O', headline: 'H' })).toEqual({ kind: 'news', outlet: 'O', headline: 'H', byline: null });
    expect(readMedium({ kind: 'social', author: 'A', handle: '@h', likes: 0, shares: 0 })).toMatchObject({ handle: 'h', likes: 0 });
  });

  it('gives null, a plain message, for no medium, an unknown kind or a missing field', () => {
    expect(readMedium(undefined)).toBeNull();
    expect(readMedium({ kind: 'fax', from: 'x' })).toBeNull();
    expect(readMedium({ kind: 'news', outlet: 'O' })).toBeNull();
    expect(readMedium({ kind: 'social', author: 'A', handle: 'h', likes: -1, shares: 0 })).toBeNull();
    expect(readMedium({ kind: 'email', from: 'a', to: [], subject: 's' })).toBeNull();
    expect(readMedium({ kind: 'document', classification: 'secret' })).toBeNull();
  });
});

describe('mediumParts', () => {
  afterEach(() => setLocale('en'));

  it('shows a news article with its outlet, headline and byline', () => {
    expect(mediumParts(news)).toEqual({
      kind: 'news',
      label: 'News article',
      headers: [],
      news: { outlet: 'Vrachtnieuws', headline: 'Gang claims payroll data', byline: 'By Sanne Brouwer' },
    });
  });

  it('shows a social post with its author, @handle, and counted likes and shares', () => {
    expect(mediumParts(post)).toEqual({
      kind: 'social',
      label: 'Post on Mastodon',
      headers: [],
      social: { author: 'Jules Okafor', handle: '@jokafor_re', likes: '6,100 likes', shares: '1 share' },
    });
    expect(mediumParts({ ...post, platform: null }).label).toBe('Social media post');
  });

  it('shows an e-mail with From, To, Cc and Subject headers', () => {
    expect(mediumParts(mail).headers).toEqual([
      { label: 'From', value: 'a@x.example' },
      { label: 'To', value: 'b@x.example, c@x.example' },
      { label: 'Cc', value: 'd@x.example' },
      { label: 'Subject', value: 'Read carefully' },
    ]);
    expect(mediumParts({ ...mail, cc: null }).headers.map((x) => x.label)).toEqual(['From', 'To', 'Subject']);
  });

  it('shows a call transcript with its caller, callee and length, and a document with its title, file and classification', () => {
    expect(mediumParts(call)).toMatchObject({
      label: 'Call transcript',
      headers: [
        { label: 'Caller', value: 'The CEO' },
        { label: 'Called', value: 'The IC' },
        { label: 'Duration', value: '2:40 min' },
      ],
    });
    expect(mediumParts({ kind: 'call', caller: 'X' }).headers).toEqual([{ label: 'Caller', value: 'X' }]);
    expect(callLength(3_725)).toBe('1:02:05');
    expect(mediumParts(doc).headers.map((x) => x.value)).toEqual(['Ransom note', 'README.txt', 'TLP:AMBER']);
  });

  it('speaks German after setLocale("de")', () => {
    setLocale('de');
    expect(mediumParts(news).label).toBe('Zeitungsartikel');
    expect(mediumParts(news).news?.byline).toBe('Von Sanne Brouwer');
    expect(mediumParts(post).social).toMatchObject({ likes: '6.100 Likes', shares: '1-mal geteilt' });
    expect(mediumParts(mail).headers.map((x) => x.label)).toEqual(['Von', 'An', 'Kopie', 'Betreff']);
    expect(mediumParts(call).headers[2]).toEqual({ label: 'Dauer', value: '2:40 Min.' });
  });
});

describe('the participant feed', () => {
  const timeline = [
    delivered(1, 'article', ['comms_approver', 'executive'], news),
    delivered(2, 'mail', ['legal'], mail),
    delivered(3, 'plain', ['executive']),
    delivered(4, 'elsewhere', ['containment_lead'], post),
  ];

  it('carries each inject’s medium, and none for a plain one', () => {
    const mine = injectsForMe(timeline, ['executive', 'legal'], 'me', []);
    expect(mine.map((i) => [i.injectId, i.medium?.kind ?? null])).toEqual([
      ['plain', null],
      ['mail', 'email'],
      ['article', 'news'],
    ]);
  });

  it('offers a feed per role when I hold several, an inject to two of them in both', () => {
    const mine = injectsForMe(timeline, ['executive', 'legal'], 'me', []);
    expect(injectFeeds(mine, ['executive', 'legal'])).toEqual([
      { role: 'executive', count: 2 },
      { role: 'legal', count: 1 },
    ]);
    expect(inFeed(mine, 'legal').map((i) => i.injectId)).toEqual(['mail']);
    expect(inFeed(mine, 'executive').map((i) => i.injectId)).toEqual(['plain', 'article']);
    expect(inFeed(mine, 'all')).toHaveLength(3);
  });

  it('offers no feeds to a player of one role (the facilitator role does not count)', () => {
    const mine = injectsForMe(timeline, ['legal'], 'me', []);
    expect(injectFeeds(mine, ['legal'])).toEqual([]);
    expect(injectFeeds(mine, ['facilitator', 'legal'])).toEqual([]);
  });
});

describe('a player’s exercise view', () => {
  const base: ExerciseView = {
    scenarioId: 'drill',
    title: 'Drill',
    summary: '',
    status: 'running',
    reportReleased: false,
    speed: 1,
    elapsedMs: 0,
    clock: { scenarioMs: 0, at: null },
    injects: [],
  };
  const ctx = { userId: 'me', roles: ['legal'], kind: 'EXERCISE', members: [{ userId: 'me', displayName: 'Me', roles: ['legal'] }] };

  it('appends a delivery with its medium, as the server’s view has it', () => {
    const x = reduceExercise(reduceExercise(base, delivered(2, 'mail', ['legal'], mail), ctx), delivered(3, 'plain', ['legal']), ctx);
    expect(x.injects[0]).toMatchObject({ id: 'mail', medium: mail });
    expect(x.injects[1]).not.toHaveProperty('medium');
  });
});
