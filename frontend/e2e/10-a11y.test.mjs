// Accessibility: axe-core (the npm package) runs in every view, at 1280x800 and on a 390x844 phone,
// light and dark, and any WCAG 2.1 A/AA violation fails the test. Then a keyboard-only walk through
// the console: the command bar (Ctrl+K) posts a Markdown note and a decision, and both appear in the
// timeline, the note's Markdown rendered safely.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PHONE, assertClean, browserFor, command, eventually, incident, launch, openRoom, person, rest, screenshot, signIn, tag, waitLive } from './lib.mjs';

const DESKTOP = { viewport: { width: 1280, height: 800 } };
const SCENARIO = 'ransomware-friday-night';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Opens every on-demand form of the page, so that axe sees them too. */
async function openAllForms(page) {
  for (const summary of await page.locator('details.on-demand:visible > summary').all()) {
    if ((await summary.locator('xpath=..').getAttribute('open')) === null) await summary.click();
  }
}

/** The rooms and people every view is opened with: an incident with some of everything, an exercise. */
async function world() {
  const ic = await person('Ina Commander');
  const legal = await person('Lou Legal');
  const exec = await person('Eve Executive');
  const room = await incident(ic, `Accessible incident ${tag()}`, [
    [legal, ['legal']],
    [exec, ['executive']],
  ]);
  await command(room.id, ic, 'note.add', { text: 'Isolated **db-01**; runbook at https://example.org/runbook' });
  await command(room.id, ic, 'decision.propose', {
    title: 'Take db-01 offline',
    choice: 'Pull it from the network',
    rationale: 'It leaks data',
    approvers: ['legal', 'executive'],
  });
  await command(room.id, ic, 'action.create', { title: 'Preserve the access logs', ownerRole: 'legal' });
  await command(room.id, ic, 'update.post', { audience: 'executive', summary: 'Contained', impact: 'No customer impact yet' });
  await command(room.id, ic, 'statement.draft', { title: 'Holding statement', body: 'We are investigating.', channel: 'press' });
  await command(room.id, ic, 'ack.request', { about: 2, roles: ['legal'] });

  const facilitator = await person('Fio Facilitator');
  const player = await person('Pia Player');
  const exercise = await rest('POST', '/api/rooms', { kind: 'EXERCISE', title: `Accessible drill ${tag()}`, scenarioId: SCENARIO }, facilitator.token);
  await rest('POST', `/api/rooms/${exercise.id}/members`, { userId: player.id, roles: ['executive'] }, facilitator.token);
  await command(exercise.id, facilitator, 'exercise.start', { speed: 1000 });
  const invite = await rest('POST', `/api/rooms/${exercise.id}/invites`, { role: 'legal' }, facilitator.token);
  return { ic, legal, exec, room, facilitator, player, exercise, invite };
}

let people;

for (const [size, options] of [
  ['1280x800', DESKTOP],
  ['390x844', PHONE],
]) {
  test(`axe finds no WCAG 2.1 A/AA violation in any view at ${size}, light and dark`, { timeout: 300_000 }, async () => {
    people ??= await world();
    const { ic, exec, room, facilitator, player, exercise, invite } = people;
    const schemes = ['light', 'dark'];

    async function check(page, what, prepare) {
      for (const scheme of schemes) {
        await page.emulateMedia({ colorScheme: scheme });
        if (prepare) await prepare();
        await assertClean(page, `${what} (${size}, ${scheme})`);
      }
      const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(wide <= 0, `${what} at ${size} scrolls sideways by ${wide}px`);
    }

    const anon = await browserFor(browser, { ...options, bypassCSP: true });
    await anon.goto('/');
    await anon.getByLabel('Username').waitFor();
    await check(anon, 'sign-in');
    await anon.goto(`/join/${invite.code}`);
    await anon.getByLabel('Your name').waitFor();
    await check(anon, 'join');
    await anon.context().close();

    const icPage = await browserFor(browser, { ...options, bypassCSP: true });
    await signIn(icPage, ic);
    await check(icPage, 'my rooms');
    await icPage.goto('/dashboard');
    await icPage.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await icPage.locator('canvas').first().waitFor();
    await check(icPage, 'dashboard');
    await icPage.goto('/settings');
    await icPage.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await icPage.getByRole('button', { name: 'Save notifications' }).waitFor();
    await icPage.getByRole('button', { name: 'Make a link code' }).click();
    await icPage.getByText('Type it in chat:').waitFor();
    await check(icPage, 'settings');
    await openRoom(icPage, `/rooms/${room.id}`);
    await icPage.locator('[data-testid=timeline] li[data-kind="ack.requested"]').waitFor();
    await check(icPage, 'console as IC');
    await icPage.emulateMedia({ colorScheme: 'light' });
    await screenshot(icPage, size === '1280x800' ? 'incident-console' : 'incident-console-phone', { fullPage: false });
    await icPage.emulateMedia({ colorScheme: 'dark' });
    await screenshot(icPage, size === '1280x800' ? 'incident-console-dark' : 'incident-console-phone-dark', { fullPage: false });
    await check(icPage, 'console as IC, every form open', () => openAllForms(icPage));
    await check(icPage, 'console as IC, command bar open', async () => {
      await icPage.keyboard.press('Control+k');
      await icPage.getByTestId('command-bar').getByRole('option').first().waitFor();
    });
    await icPage.keyboard.press('Escape');
    await icPage.getByTestId('command-bar').waitFor({ state: 'hidden' });
    await icPage.context().close();

    const execPage = await browserFor(browser, { ...options, bypassCSP: true });
    await signIn(execPage, exec);
    await openRoom(execPage, `/rooms/${room.id}`);
    await execPage.locator('[data-testid=decisions] li').filter({ hasText: 'Take db-01 offline' }).waitFor();
    await check(execPage, 'console as executive');
    await openRoom(execPage, `/rooms/${room.id}/exec`);
    await check(execPage, 'executive view');
    await execPage.context().close();

    const fPage = await browserFor(browser, { ...options, bypassCSP: true });
    await signIn(fPage, facilitator);
    await openRoom(fPage, `/rooms/${exercise.id}/facilitate`);
    await fPage.getByTestId('injects').locator('li[data-status=delivered]').first().waitFor();
    await check(fPage, 'facilitator console');
    await fPage.emulateMedia({ colorScheme: 'light' });
    if (size !== '1280x800') await screenshot(fPage, 'facilitator-console-phone', { fullPage: false });
    await fPage.context().close();

    const pPage = await browserFor(browser, { ...options, bypassCSP: true });
    await signIn(pPage, player);
    await openRoom(pPage, `/rooms/${exercise.id}/play`);
    await pPage.locator('[data-testid=my-injects] li').first().waitFor({ timeout: 60_000 });
    await check(pPage, 'participant view');
    await pPage.emulateMedia({ colorScheme: 'light' });
    if (size !== '1280x800') await screenshot(pPage, 'participant-view-phone', { fullPage: false });
    await pPage.context().close();
  });
}

test('keyboard only: Ctrl+K, a Markdown note and a decision from the command bar, both in the timeline', { timeout: 120_000 }, async () => {
  const ic = await person('Kai Keyboard');
  const legal = await person('Lin Legal');
  const room = await incident(ic, `Keyboard incident ${tag()}`, [[legal, ['legal']]]);
  const page = await browserFor(browser, DESKTOP);
  await signIn(page, ic);
  await page.goto(`/rooms/${room.id}`);
  await waitLive(page);
  await page.evaluate(() => {
    window.__pwned = false;
  });

  const bar = page.getByTestId('command-bar');
  const input = page.getByTestId('command-input');
  const outcome = page.getByTestId('command-outcome');

  // Ctrl+K opens the bar with the commands listed; typing narrows them, Tab completes.
  await page.keyboard.press('Control+k');
  await bar.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'command-input');
  await page.keyboard.type('no');
  await page.keyboard.press('Tab');
  assert.equal(await input.inputValue(), '/note ');

  // A note in Markdown, with a link, a javascript: link and a script tag.
  const mark = tag();
  await page.keyboard.type(`**Bold ${mark}** step, see [the runbook](https://example.org/rb) and [bad](javascript:window.__pwned=true) <script>window.__pwned=true</script>`);
  await page.keyboard.press('Enter');
  await outcome.filter({ hasText: 'done' }).waitFor();
  const note = page.locator('[data-testid=timeline] li[data-kind="note.added"]').filter({ hasText: `Bold ${mark}` });
  await note.waitFor();
  assert.equal(await note.locator('strong').first().textContent(), `Bold ${mark}`);
  const link = note.getByRole('link', { name: 'the runbook' });
  assert.equal(await link.getAttribute('href'), 'https://example.org/rb');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  assert.equal(await note.locator('a').count(), 1, 'the javascript: link stays text');
  assert.equal(await note.locator('script').count(), 0);
  assert.match(await note.textContent(), /\[bad\]\(javascript:window.__pwned=true\) <script>window.__pwned=true<\/script>/);
  assert.equal(await page.evaluate(() => window.__pwned), false);

  // A decision: the verb and the approver role completed from the list with the arrow keys.
  await page.keyboard.type('/dec');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  assert.equal(await input.inputValue(), '/decide ');
  await page.keyboard.type(`Isolate db-01 ${mark} | Pull it from the network | It leaks | leg`);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  assert.equal(await input.inputValue(), `/decide Isolate db-01 ${mark} | Pull it from the network | It leaks | legal `);
  await page.keyboard.press('Enter');
  await outcome.filter({ hasText: 'done' }).filter({ hasText: `Isolate db-01 ${mark}` }).waitFor();
  await page.locator('[data-testid=timeline] li[data-kind="decision.proposed"]').filter({ hasText: `Isolate db-01 ${mark}` }).waitFor();
  await page.locator('[data-testid=decisions] li').filter({ hasText: `Isolate db-01 ${mark}` }).getByText('waiting for legal').waitFor();

  // A refusal in plain words, before anything is sent.
  await page.keyboard.type('/severity SEV2');
  await page.keyboard.press('Enter');
  await outcome.filter({ hasText: 'The room is SEV2 already.' }).waitFor();
  await eventually(async () => (await input.inputValue()) === '/severity SEV2', { message: 'the refused line stays to be corrected' });

  // Escape closes the bar and gives the focus back.
  await page.keyboard.press('Escape');
  await bar.waitFor({ state: 'hidden' });
  await page.context().close();
});
