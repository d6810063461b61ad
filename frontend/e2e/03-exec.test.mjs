// The executive view on a phone: the executive update arrives live, a decision waiting for the
// executive shows up, and a note meant for legal only never reaches the executive's browser.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PHONE, browserFor, command, incident, launch, openForm, openRoom, pageText, person, screenshot, signIn, tag } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('an executive gets the executive update and never a legal-only note', { timeout: 120_000 }, async () => {
  const ic = await person('Iris Commander');
  const legal = await person('Leo Legal');
  const exec = await person('Erin Executive');
  const room = await incident(ic, `Ransomware at the warehouse ${tag()}`, [
    [legal, ['legal']],
    [exec, ['executive']],
  ]);
  const icPage = await browserFor(browser);
  const execPage = await browserFor(browser, PHONE);
  await signIn(icPage, ic);
  await openRoom(icPage, `/rooms/${room.id}`);
  await signIn(execPage, exec);
  await openRoom(execPage, `/rooms/${room.id}/exec`);
  await execPage.getByTestId('countdown').filter({ hasText: /due in \d/ }).waitFor();

  // The IC posts an executive update through the console; the form shows the executive fields.
  const post = await openForm(icPage, 'Post a status update');
  await post.getByLabel('Audience').selectOption('executive');
  await post.getByLabel('Summary').fill('Warehouse systems are down at two sites; no sign of spread.');
  await post.getByLabel('Business impact').fill('Deliveries from Duisburg are delayed by about six hours.');
  await post.getByLabel('Decision needed (optional)').fill('Approve overtime for the Monday shift.');
  await post.getByRole('button', { name: 'Post update' }).click();

  const update = execPage.getByTestId('exec-update');
  await update.getByText('Warehouse systems are down at two sites').waitFor();
  await update.getByText('Deliveries from Duisburg are delayed').waitFor();
  await update.getByText('Approve overtime for the Monday shift.').waitFor();

  // A decision that needs the executive appears on the phone, and the executive approves it there.
  await command(room.id, ic, 'decision.propose', {
    title: 'Pay overtime to clear the backlog',
    choice: 'Approve two extra shifts',
    rationale: 'Keeps the biggest customer supplied',
    approvers: ['executive'],
  });
  const waiting = execPage.getByTestId('exec-decisions').locator('li').filter({ hasText: 'Pay overtime' });
  await waiting.getByText('waiting for executive').waitFor();
  await screenshot(execPage, 'exec-view-phone');
  // Readable on a phone: nothing sticks out sideways.
  const overflow = await execPage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the executive view is ${overflow}px wider than the phone`);
  await waiting.getByRole('button', { name: 'Approve' }).click();
  await execPage.getByTestId('exec-decisions').getByText('Nothing waits for an executive.').waitFor();

  // Legal writes a note for legal only; then the IC a note for everyone, as a marker.
  const secret = `Privileged: counsel advises a GDPR notification (${tag()})`;
  await command(room.id, legal, 'note.add', { text: secret, visibleTo: ['legal'] });
  const marker = `Everyone: next call at 18:00 (${tag()})`;
  await command(room.id, ic, 'note.add', { text: marker });

  // The executive's timeline gets the marker, never the legal note (nor after a reload, which replays).
  await execPage.getByRole('link', { name: 'Console' }).click();
  await execPage.getByTestId('timeline').getByText(marker).waitFor();
  assert.equal(await execPage.getByText(secret).count(), 0);
  assert.ok(!(await pageText(execPage)).includes(secret));
  await execPage.reload();
  await execPage.getByTestId('timeline').getByText(marker).waitFor();
  assert.ok(!(await pageText(execPage)).includes(secret));
  // The IC (lead) does see it: it exists.
  await icPage.getByTestId('timeline').getByText(secret).waitFor();

  await icPage.context().close();
  await execPage.context().close();
});
