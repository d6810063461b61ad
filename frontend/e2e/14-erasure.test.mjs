// Erasure in the browser: legal asks from the command bar, the admin approves, and every open console drops
// the note's text as the event.erased arrives, keeping the entry's place; the chain still verifies.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE, browserFor, command, incident, launch, openRoom, pageText, person, rest, screenshot, signIn, tag } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function adminToken() {
  return (await rest('POST', '/api/auth/login', { username: 'admin', password: process.env.SITROOM_ADMIN_PASSWORD })).token;
}

test('a note erased at legal’s request leaves every open console, and its place stays', { timeout: 120_000 }, async () => {
  const ic = await person('Ida Commander');
  const legal = await person('Lio Legal');
  const exec = await person('Eda Executive');
  const room = await incident(ic, `Erasure ${tag()}`, [
    [legal, ['legal']],
    [exec, ['executive']],
  ]);
  const secret = `Call Jane Roe at +1 555 0100 ${tag()}`;
  const note = await command(room.id, ic, 'note.add', { text: secret });

  const legalPage = await browserFor(browser);
  const execPage = await browserFor(browser);
  await signIn(legalPage, legal);
  await openRoom(legalPage, `/rooms/${room.id}`);
  await signIn(execPage, exec);
  await openRoom(execPage, `/rooms/${room.id}`);
  await execPage.locator('[data-testid=timeline] li[data-kind="note.added"]').filter({ hasText: secret }).waitFor();

  // Legal asks from the command bar.
  await legalPage.keyboard.press('Control+k');
  await legalPage.getByTestId('command-bar').waitFor();
  await legalPage.keyboard.type(`erase #${note.seq} GDPR art. 17 request 2026-17`); // the bar opens with its slash typed
  await legalPage.keyboard.press('Enter');
  await legalPage.getByTestId('command-outcome').filter({ hasText: 'done' }).waitFor();
  await execPage.locator('[data-testid=timeline] li[data-kind="erasure.requested"]').waitFor();

  // The admin approves; both consoles drop the text, live.
  const admin = await adminToken();
  const pending = await rest('GET', '/api/admin/erasures?status=pending', undefined, admin);
  const request = pending.find((r) => r.roomId === room.id);
  assert.ok(request, 'the request waits for the admin');
  await rest('POST', `/api/admin/erasures/${request.erasureId}/approve`, undefined, admin);
  for (const page of [execPage, legalPage]) {
    await page.locator('[data-testid=timeline] li[data-kind="event.erased"]').waitFor();
    const entry = page.locator(`[data-testid=timeline] li[data-seq="${note.seq}"]`);
    await entry.filter({ hasText: 'its content was erased' }).waitFor();
    assert.equal((await pageText(page)).includes('Jane Roe'), false, 'the erased text is nowhere on the page');
  }
  await screenshot(execPage, 'erasure-timeline');

  // Opened afresh, the console shows the same; the chain still verifies.
  await openRoom(execPage, `/rooms/${room.id}`);
  await execPage.locator(`[data-testid=timeline] li[data-seq="${note.seq}"]`).filter({ hasText: 'its content was erased' }).waitFor();
  assert.equal((await pageText(execPage)).includes('Jane Roe'), false);
  const verified = await rest('GET', `/api/rooms/${room.id}/verify`, undefined, exec.token);
  assert.equal(verified.ok, true, `${BASE}: the chain verifies after the erasure`);

  await legalPage.context().close();
  await execPage.context().close();
});
