// What the console offers follows the snapshot's `can`: an observer gets no form to write with, a
// closed room offers the incident commander only the phase (to reopen it), legal only its record keeping
// and everybody else nothing, and reopening brings the forms back.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { browserFor, command, incident, launch, offersForm, openForm, openRoom, person, signIn, tag } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const WRITING_FORMS = ['Add a note', 'Propose a decision', 'Create an action', 'Post a status update', 'Draft a statement', 'Request an acknowledgement'];

test('forms follow `can`: an observer, a closed room, a reopened one', { timeout: 120_000 }, async () => {
  const ic = await person('Ida Commander');
  const legal = await person('Lio Legal');
  const observer = await person('Olu Observer');
  const room = await incident(ic, `Closed for now ${tag()}`, [
    [legal, ['legal']],
    [observer, ['observer']],
  ]);
  await command(room.id, ic, 'action.create', { title: 'Brief the regulator', ownerRole: 'legal' });

  const icPage = await browserFor(browser);
  const legalPage = await browserFor(browser);
  const obsPage = await browserFor(browser);
  await signIn(icPage, ic);
  await openRoom(icPage, `/rooms/${room.id}`);
  await signIn(legalPage, legal);
  await openRoom(legalPage, `/rooms/${room.id}`);
  await signIn(obsPage, observer);
  await openRoom(obsPage, `/rooms/${room.id}`);

  // Open room: the IC has every form; the observer none of the writing ones.
  await icPage.locator('details[data-form="Add a note"]').waitFor();
  for (const name of WRITING_FORMS) assert.equal(await offersForm(icPage, name), true, `the IC gets “${name}”`);
  const controls = await openForm(icPage, 'Severity and phase');
  await controls.getByRole('button', { name: 'Set severity' }).waitFor();
  await obsPage.locator('[data-testid=actions] li').filter({ hasText: 'Brief the regulator' }).waitFor();
  for (const name of [...WRITING_FORMS, 'Severity and phase', 'Assign or release a role', 'Add a member']) {
    assert.equal(await offersForm(obsPage, name), false, `the observer gets no “${name}”`);
  }
  // The observer may hand over their own role.
  assert.equal(await offersForm(obsPage, 'Hand over a role'), true);

  // action.update is for the action's owner (here: whoever holds legal) and the IC, whatever the
  // action (`privileged`): legal and the IC are offered the control, the observer is not.
  const obsAction = obsPage.locator('[data-testid=actions] li').filter({ hasText: 'Brief the regulator' });
  const legalAction = legalPage.locator('[data-testid=actions] li').filter({ hasText: 'Brief the regulator' });
  await legalAction.getByRole('button', { name: 'Update' }).waitFor();
  await icPage.locator('[data-testid=actions] li').filter({ hasText: 'Brief the regulator' }).getByRole('button', { name: 'Update' }).waitFor();
  assert.equal(await obsAction.getByRole('button', { name: 'Update' }).isVisible(), false, 'the observer owns no part of it');

  // The IC closes the room: only the phase stays, for the IC; legal and the observer get no form.
  await controls.getByLabel('Phase').selectOption('closed');
  await controls.getByRole('button', { name: 'Set phase' }).click();
  await icPage.getByRole('button', { name: 'Set severity' }).waitFor({ state: 'hidden' });
  await icPage.locator('details[data-form="Add a note"]').waitFor({ state: 'hidden' });
  assert.equal(await icPage.getByRole('button', { name: 'Set phase' }).isVisible(), true);
  for (const name of [...WRITING_FORMS, 'Assign or release a role', 'Hand over a role', 'Add a member']) {
    assert.equal(await offersForm(icPage, name), false, `a closed room offers the IC no “${name}”`);
  }
  await legalPage.locator('details[data-form="Add a note"]').waitFor({ state: 'hidden' });
  await legalAction.getByRole('button', { name: 'Update' }).waitFor({ state: 'hidden' });
  assert.equal(await offersForm(legalPage, 'Severity and phase'), false);
  assert.equal(await offersForm(legalPage, 'Hand over a role'), false);

  // The command bar offers the same: in the closed room, only /phase to the IC, and to legal only its record
  // keeping (erasure requests and legal holds come long after an incident closed).
  await icPage.keyboard.press('Control+k');
  const options = icPage.getByTestId('command-bar').getByRole('option');
  await options.first().waitFor();
  assert.deepEqual(await options.locator('.bar-label').allTextContents(), ['/phase']);
  await icPage.keyboard.press('Escape');
  await legalPage.keyboard.press('Control+k');
  const legalOptions = legalPage.getByTestId('command-bar').getByRole('option');
  await legalOptions.first().waitFor();
  assert.deepEqual(await legalOptions.locator('.bar-label').allTextContents(), ['/erase', '/hold', '/unhold']);
  await legalPage.keyboard.press('Escape');

  // Reopened, the forms are back.
  await controls.getByLabel('Phase').selectOption('recovery');
  await controls.getByRole('button', { name: 'Set phase' }).click();
  await icPage.locator('details[data-form="Add a note"]').waitFor();
  await icPage.getByRole('button', { name: 'Set severity' }).waitFor();
  await legalPage.locator('details[data-form="Add a note"]').waitFor();
  await legalAction.getByRole('button', { name: 'Update' }).waitFor();

  await icPage.context().close();
  await legalPage.context().close();
  await obsPage.context().close();
});
