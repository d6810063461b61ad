// The two-person rule in the UI: Publish stays disabled until the comms approver and legal have
// both approved the current version, and says who is missing; then it publishes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { browserFor, incident, launch, openForm, openRoom, person, signIn, tag } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('publish is disabled until comms and legal approve, then works', { timeout: 120_000 }, async () => {
  const ic = await person('Ivo Commander');
  const comms = await person('Cora Comms');
  const legal = await person('Lars Legal');
  const room = await incident(ic, `Customer data leak ${tag()}`, [
    [comms, ['comms_approver']],
    [legal, ['legal']],
  ]);
  const commsPage = await browserFor(browser);
  const legalPage = await browserFor(browser);
  await signIn(commsPage, comms);
  await openRoom(commsPage, `/rooms/${room.id}`);
  await signIn(legalPage, legal);
  await openRoom(legalPage, `/rooms/${room.id}`);

  // The comms approver drafts a statement.
  const draft = await openForm(commsPage, 'Draft a statement');
  const title = `Service notice ${tag()}`;
  await draft.getByLabel('Title').fill(title);
  await draft.getByLabel('Channel').fill('website');
  await draft.getByLabel('Text').fill('We are investigating unauthorised access to one of our systems.');
  await draft.getByRole('button', { name: 'Save draft' }).click();

  const statement = commsPage.locator('[data-testid=statements] li').filter({ hasText: title });
  const publish = statement.getByRole('button', { name: 'Publish' });
  const reason = statement.getByTestId('publish-reason');
  await reason.filter({ hasText: 'waiting for approval by comms approver, legal' }).waitFor();
  assert.equal(await publish.isDisabled(), true);

  // Comms approves: still disabled, now waiting for legal only.
  await statement.getByRole('button', { name: 'Approve' }).click();
  await reason.filter({ hasText: /^waiting for approval by legal$/ }).waitFor();
  assert.equal(await publish.isDisabled(), true);

  // Legal sees the same rule, and approves from their own browser.
  const legalStatement = legalPage.locator('[data-testid=statements] li').filter({ hasText: title });
  await legalStatement.getByTestId('publish-reason').filter({ hasText: 'waiting for approval by legal' }).waitFor();
  assert.equal(await legalStatement.getByRole('button', { name: 'Publish' }).isDisabled(), true);
  await legalStatement.getByRole('button', { name: 'Approve' }).click();

  // Now the comms approver can publish.
  await reason.filter({ hasText: 'ready to publish' }).waitFor();
  assert.equal(await publish.isEnabled(), true);
  await publish.click();
  await statement.locator('.st-published').waitFor();
  await legalPage.getByTestId('timeline').getByText('published statement version 1').waitFor();
  assert.equal(await publish.isDisabled(), true);
  // Legal may never publish, approved or not.
  await legalStatement.locator('.st-published').waitFor();
  assert.equal(await legalStatement.getByRole('button', { name: 'Publish' }).isDisabled(), true);

  await commsPage.context().close();
  await legalPage.context().close();
});
