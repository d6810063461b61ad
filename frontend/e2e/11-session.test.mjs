// One sign-in for the browser: a room opened in a new tab of the same browser is signed in, and
// signing out in one tab signs out every tab and revokes the token on the server.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE, PASSWORD, browserFor, incident, launch, person, signIn, tag, waitLive } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const signInHeading = (page) => page.getByRole('heading', { name: 'Sign in to Sitroom' });

test('a new tab is signed in; signing out in one tab signs out all of them', { timeout: 120_000 }, async () => {
  const ic = await person('Tessa Tabs');
  const room = await incident(ic, `Credential stuffing ${tag()}`);
  const first = await browserFor(browser);
  await signIn(first, ic);

  // A room opened in a new tab of the same browser: signed in, live, without a sign-in form.
  const second = await first.context().newPage();
  second.setDefaultTimeout(20_000);
  await second.goto(`/rooms/${room.id}`);
  await waitLive(second);
  await second.getByRole('button', { name: 'Sign out' }).waitFor();

  // The token is in an HttpOnly, SameSite=Strict cookie: the browser has it, no script can read it.
  const cookie = (await first.context().cookies()).find((c) => c.name === 'sitroom_session');
  assert.ok(cookie, 'the session cookie');
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Strict');
  assert.equal(await second.evaluate(() => document.cookie.includes('sitroom_session')), false);
  assert.equal(await second.evaluate((token) => JSON.stringify({ ...localStorage, ...sessionStorage }).includes(token), cookie.value), false);

  // Sign out in the first tab: the second shows the sign-in page, and its next request is refused.
  await first.getByRole('button', { name: 'Sign out' }).click();
  await signInHeading(first).waitFor();
  await signInHeading(second).waitFor();
  assert.equal(new URL(second.url()).pathname, `/rooms/${room.id}`, 'the tab stays where it was, to come back after signing in');
  const status = await second.evaluate(async () => (await fetch('/api/rooms', { headers: { 'X-Sitroom-Session': 'cookie' } })).status);
  assert.equal(status, 401);
  // Revoked on the server: the token itself no longer works, from anywhere.
  const revoked = await fetch(`${BASE}/api/rooms`, { headers: { Authorization: `Bearer ${cookie.value}` } });
  assert.equal(revoked.status, 401);

  // Signing in again in the second tab signs the first one in too, and the room comes back.
  await second.getByLabel('Username').fill(ic.username);
  await second.getByLabel('Password').fill(PASSWORD);
  await second.getByRole('button', { name: 'Sign in' }).click();
  await waitLive(second);
  await first.getByRole('heading', { name: 'My rooms' }).waitFor();
});

test('a page of another site cannot act with the session cookie', { timeout: 60_000 }, async () => {
  const ic = await person('Cyril Crosssite');
  const page = await browserFor(browser);
  await signIn(page, ic);
  const cookie = (await page.context().cookies()).find((c) => c.name === 'sitroom_session');
  // What a cross-site form post carries: the cookie (had the browser sent it), another Origin, no proof.
  const forged = await fetch(`${BASE}/api/rooms`, {
    method: 'POST',
    headers: { Cookie: `sitroom_session=${cookie.value}`, Origin: 'https://evil.example', 'Content-Type': 'application/json' },
    body: JSON.stringify({ kind: 'INCIDENT', title: 'forged', severity: 'SEV1' }),
  });
  assert.equal(forged.status, 403);
  // The web app itself goes on working.
  const own = await page.evaluate(async () => (await fetch('/api/rooms', { headers: { 'X-Sitroom-Session': 'cookie' } })).status);
  assert.equal(own, 200);
});

test('the language switch re-renders the view in German, marks the page, and is kept', { timeout: 60_000 }, async () => {
  const ic = await person('Lena Language');
  await incident(ic, `Phishing wave ${tag()}`);
  const page = await browserFor(browser);
  await signIn(page, ic);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
  await page.getByRole('heading', { name: 'Meine Räume' }).waitFor();
  await page.getByRole('button', { name: 'Abmelden' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
  // Times in the viewer's locale and time zone, with UTC on hover.
  const opened = page.getByTestId('rooms').locator('time').first();
  assert.match(await opened.getAttribute('title'), /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
  // Kept in this browser: a reload (or a new tab) speaks German too.
  await page.reload();
  await page.getByRole('heading', { name: 'Meine Räume' }).waitFor();
  await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en');
  await page.getByRole('heading', { name: 'My rooms' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
});
