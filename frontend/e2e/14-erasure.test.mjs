// Erasure in the browser: legal asks from the command bar, the admin approves on the erasure requests page (offered
// to the admin alone), and every open console drops the note's text as the event.erased arrives, keeping the entry's
// place; the chain still verifies. A second request the admin rejects there, with a reason.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ADMIN, BASE, assertClean, browserFor, command, incident, launch, openRoom, pageText, person, rest, screenshot, signIn, tag } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('a note erased at legal’s request leaves every open console, and its place stays', { timeout: 120_000 }, async () => {
  const ic = await person('Ida Commander');
  const legal = await person('Lio Legal');
  const exec = await person('Eda Executive');
  const title = `Erasure ${tag()}`;
  const room = await incident(ic, title, [
    [legal, ['legal']],
    [exec, ['executive']],
  ]);
  const secret = `Call Jane Roe at +1 555 0100 ${tag()}`;
  const note = await command(room.id, ic, 'note.add', { text: secret });
  const kept = await command(room.id, ic, 'note.add', { text: `Insurer notified ${tag()}` });

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

  assert.equal(await legalPage.getByRole('link', { name: 'Erasure requests' }).count(), 0, 'the queue is offered to the admin alone');
  await command(room.id, legal, 'erasure.request', { seq: kept.seq, reason: 'asked by mistake' });

  // The admin decides on the erasure requests page: rejects one with a reason, erases the other (a second click).
  const adminPage = await browserFor(browser, { bypassCSP: true }); // axe runs in it
  await signIn(adminPage, ADMIN);
  await adminPage.getByRole('link', { name: 'Erasure requests' }).click();
  await adminPage.getByRole('heading', { name: 'Erasure requests', level: 1 }).waitFor();
  const queued = (seq) => adminPage.getByTestId('erasures').locator('li').filter({ hasText: `${title}, entry #${seq} ` });
  await queued(note.seq).waitFor();
  assert.equal((await pageText(adminPage)).includes('Jane Roe'), false, 'the admin never sees the content');
  await assertClean(adminPage, 'erasure requests');
  await queued(kept.seq).getByRole('button', { name: /^Reject/ }).click();
  await adminPage.getByLabel('Reason for rejecting').fill('Not personal data');
  await adminPage.getByLabel('Reason for rejecting').press('Enter');
  await adminPage.getByRole('status').filter({ hasText: `The request for entry #${kept.seq}` }).waitFor();
  await queued(note.seq).getByRole('button', { name: /^Erase the content/ }).click();
  await assertClean(adminPage, 'erasure requests, confirming');
  await adminPage.getByRole('button', { name: /^Erase it for good/ }).click();
  await adminPage.getByRole('status').filter({ hasText: `Entry #${note.seq}` }).waitFor();
  await adminPage.getByLabel('Show').selectOption('all');
  await queued(note.seq).filter({ hasText: 'Erased by' }).waitFor();
  await queued(kept.seq).filter({ hasText: 'Not personal data' }).waitFor();
  await screenshot(adminPage, 'erasure-requests');

  // Both consoles drop the text, live; the rejected request is in the timeline with its reason.
  await execPage.locator('[data-testid=timeline] li[data-kind="erasure.rejected"]').filter({ hasText: 'Not personal data' }).waitFor();
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
  await adminPage.context().close();
});
