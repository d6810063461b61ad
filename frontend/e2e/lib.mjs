// Shared helpers of the end-to-end tests: the server's REST API, people, Chromium, screenshots.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE = (process.env.SITROOM_URL ?? 'http://127.0.0.1:8099').replace(/\/$/, '');
const ADMIN_PASSWORD = process.env.SITROOM_ADMIN_PASSWORD;
if (!ADMIN_PASSWORD) throw new Error('set SITROOM_ADMIN_PASSWORD (and SITROOM_URL) to run the end-to-end tests');

const SCREENSHOTS = process.env.SITROOM_SCREENSHOTS === '1';
const SCREENSHOT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');
export const PASSWORD = 'e2e-password-0123';
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** A short random tag, so that runs against one database never collide. */
export function tag() {
  return randomBytes(3).toString('hex');
}

/** One REST call; throws with the server's message unless the status is 2xx. */
export async function rest(method, path, body, token) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${BASE}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const json = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw new Error(`${method} ${path} -> ${response.status}: ${text}`);
  return json;
}

let adminToken;
async function admin() {
  adminToken ??= (await rest('POST', '/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD })).token;
  return adminToken;
}

/**
 * How many times the server answered GET /api/rooms/{id} (the snapshot), all rooms together: the sum of
 * http_server_requests_seconds_count{method="GET",uri="/api/rooms/{id}"} in /q/metrics, read as the admin.
 */
export async function snapshotGetCount() {
  const response = await fetch(`${BASE}/q/metrics`, { headers: { Authorization: `Bearer ${await admin()}` } });
  if (!response.ok) throw new Error(`GET /q/metrics -> ${response.status}`);
  let count = 0;
  for (const line of (await response.text()).split('\n')) {
    if (line.startsWith('http_server_requests_seconds_count{') && line.includes('method="GET"') && line.includes('uri="/api/rooms/{id}"')) {
      count += Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return count;
}

/** A new account (made by the admin) and its token: { id, username, displayName, token }. */
export async function person(name) {
  const username = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${tag()}`;
  const user = await rest('POST', '/api/users', { username, displayName: name, password: PASSWORD }, await admin());
  const { token } = await rest('POST', '/api/auth/login', { username, password: PASSWORD });
  return { ...user, token };
}

let commands = 0;
/** A command over REST, as `who`. */
export function command(roomId, who, name, data) {
  commands += 1;
  return rest('POST', `/api/rooms/${roomId}/commands`, { commandId: `e2e-${tag()}-${commands}`, name, data }, who.token);
}

export async function incident(ic, title, members = []) {
  const room = await rest('POST', '/api/rooms', { kind: 'INCIDENT', title, severity: 'SEV2' }, ic.token);
  for (const [who, roles] of members) await rest('POST', `/api/rooms/${room.id}/members`, { userId: who.id, roles }, ic.token);
  return room;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * A browser context of its own (its own session, like a separate browser) with one page. Every
 * room WebSocket the page opens is recorded in window.__e2e.sockets, so a test can cut the
 * connection, and window.__e2e.block = true makes new ones fail.
 */
export async function browserFor(browser, options = {}) {
  const context = await browser.newContext({ baseURL: BASE, ...options });
  await context.addInitScript(() => {
    const Native = window.WebSocket;
    const sockets = [];
    window.__e2e = { sockets, block: false };
    window.WebSocket = class extends Native {
      constructor(url, protocols) {
        const room = String(url).includes('/ws/rooms/');
        // While blocked, room connections go to a closed port and fail at once, as offline ones do.
        super(room && window.__e2e.block ? 'ws://127.0.0.1:9/' : url, protocols);
        if (room) sockets.push(this);
      }
    };
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('dialog', (dialog) => void dialog.accept());
  return page;
}

/** The administrator's account, to sign in with in a browser. */
export const ADMIN = { username: 'admin', password: ADMIN_PASSWORD };

export async function signIn(page, who) {
  await page.goto('/');
  await page.getByLabel('Username').fill(who.username);
  await page.getByLabel('Password').fill(who.password ?? PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'My rooms' }).waitFor();
}

/** Opens a room view and waits until its socket is live. */
export async function openRoom(page, path) {
  await page.goto(path);
  await waitLive(page);
}

export async function waitLive(page) {
  await page.getByTestId('connection').filter({ hasText: /^(live|resumed at seq \d+)$/ }).waitFor();
}

/** All the text in the page, closed <details> included. */
export function pageText(page) {
  return page.evaluate(() => document.body.textContent ?? '');
}

/** The seqs shown in the page's timeline, in DOM order. */
export function timelineSeqs(page) {
  return page.$$eval('[data-testid=timeline] li[data-seq]', (items) => items.map((li) => Number(li.getAttribute('data-seq'))));
}

/** Saves docs/screenshots/<name>.png (with SITROOM_SCREENSHOTS=1): the whole page, or with fullPage false what the window shows. */
export async function screenshot(page, name, { fullPage = true } = {}) {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0)); // so the sticky status bar sits at the top
  await page.screenshot({ path: resolve(SCREENSHOT_DIR, `${name}.png`), fullPage });
}

/** Polls `check` until it returns a truthy value (which is returned) or the time is up. */
export async function eventually(check, { timeout = 20_000, every = 200, message = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await check();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${message}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/**
 * The console offers forms on demand: each sits closed under its summary in a <details data-form>.
 * Opens the one whose form is labelled `name` (if it is not open) and returns the form.
 */
export async function openForm(page, name, within = page) {
  const details = within.locator(`details[data-form="${name}"]`);
  if ((await details.getAttribute('open')) === null) await details.locator(':scope > summary').click();
  return within.getByRole('form', { name });
}

/** Whether the console offers the form labelled `name` (its summary is on screen, open or not). */
export function offersForm(page, name) {
  return page.locator(`details[data-form="${name}"]`).isVisible();
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe in the page; the violations as lines of text ("rule (impact): target ..."). */
async function violations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), WCAG);
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`).join('\n    ')}`,
  );
}

/** Fails when axe finds any WCAG 2.1 A/AA violation in the page, listing them. */
export async function assertClean(page, what) {
  const found = await violations(page);
  assert.deepEqual(found, [], `${what}: ${found.length} WCAG 2.1 A/AA violation(s):\n${found.join('\n')}`);
}
