// Two browsers in one incident, the incident commander and legal, see each other's events live.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { browserFor, launch, openForm, openRoom, person, screenshot, signIn, tag } from './lib.mjs';

/** A time as a datetime-local input takes it: "2026-11-29T17:05:09", local time. */
function localDateTime(ms) {
  const d = new Date(ms);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the IC and legal see each other’s events live, and a refusal in plain words', { timeout: 120_000 }, async () => {
  const ic = await person('Ines Commander');
  const legal = await person('Lea Legal');
  const icPage = await browserFor(browser);
  const legalPage = await browserFor(browser);

  // The IC signs in and opens an incident through the UI.
  await icPage.goto('/');
  await screenshot(icPage, 'login');
  await signIn(icPage, ic);
  const title = `Database exfiltration ${tag()}`;
  await icPage.getByRole('form', { name: 'Open an incident' }).getByLabel('Title').fill(title);
  await icPage.getByRole('button', { name: 'Open incident' }).click();
  await icPage.getByRole('heading', { name: title }).waitFor();
  await icPage.getByTestId('connection').filter({ hasText: 'live' }).waitFor();
  const roomId = new URL(icPage.url()).pathname.split('/')[2];

  // The IC adds legal from the roles panel.
  const add = await openForm(icPage, 'Add a member');
  await add.getByLabel('Person').selectOption({ label: `${legal.displayName} (${legal.username})` });
  await add.getByLabel('First role').selectOption('legal');
  await add.getByRole('button', { name: 'Add member' }).click();
  await icPage.locator('[data-testid=roles] tr[data-role=legal]').filter({ hasText: legal.displayName }).waitFor();

  await signIn(legalPage, legal);
  await legalPage.locator(`[data-room="${roomId}"]`).waitFor();
  await screenshot(legalPage, 'rooms');
  await openRoom(legalPage, `/rooms/${roomId}`);

  // A note from each side arrives on the other side without a reload.
  const fromIc = `IC here: isolating db-01 (${tag()})`;
  await (await openForm(icPage, 'Add a note')).getByLabel('Note').fill(fromIc);
  await icPage.getByRole('button', { name: 'Add note' }).click();
  await legalPage.getByTestId('timeline').getByText(fromIc).waitFor();
  await icPage.getByTestId('commands').locator('[data-state=done]').filter({ hasText: 'IC here' }).waitFor();

  const fromLegal = `Legal: keep the access logs for the regulator (${tag()})`;
  await (await openForm(legalPage, 'Add a note')).getByLabel('Note').fill(fromLegal);
  await legalPage.getByRole('button', { name: 'Add note' }).click();
  await icPage.getByTestId('timeline').getByText(fromLegal).waitFor();

  // A decision proposed by the IC for legal shows up for legal, who approves it; the IC sees it accepted.
  const propose = await openForm(icPage, 'Propose a decision');
  await propose.getByLabel('Title').fill('Take db-01 offline');
  await propose.getByLabel('Choice').fill('Pull db-01 from the network now');
  await propose.getByLabel('Rationale').fill('It is leaking customer data');
  await propose.getByRole('checkbox', { name: 'legal' }).check();
  await propose.getByRole('button', { name: 'Propose' }).click();
  const decision = legalPage.locator('[data-testid=decisions] li').filter({ hasText: 'Take db-01 offline' });
  await decision.getByText('waiting for legal').waitFor();
  await decision.getByRole('button', { name: 'Approve' }).click();
  await icPage.locator('[data-testid=decisions] li').filter({ hasText: 'Take db-01 offline' }).locator('.st-accepted').waitFor();

  // Both timelines hold the same entries, in the same order.
  await legalPage.getByTestId('timeline').getByText('a decision was accepted').waitFor();
  await icPage.getByTestId('timeline').getByText('a decision was accepted').waitFor();
  const seqs = (page) => page.$$eval('[data-testid=timeline] li[data-seq]', (l) => l.map((x) => x.dataset.seq).join());
  assert.equal(await seqs(legalPage), await seqs(icPage));

  // An action for legal, due in a few seconds: once past due, legal sees it highlighted and moves it on.
  const create = await openForm(icPage, 'Create an action');
  await create.getByLabel('Title').fill('Preserve the access logs');
  await create.getByLabel('Owner').selectOption({ label: 'role: legal' });
  await create.getByLabel('Due (optional)').fill(localDateTime(Date.now() + 4000));
  await create.getByRole('button', { name: 'Create action' }).click();
  const action = legalPage.locator('[data-testid=actions] li').filter({ hasText: 'Preserve the access logs' });
  await action.locator('.overdue-text').waitFor();
  assert.match(await action.getAttribute('class'), /overdue/);
  await action.getByLabel('Status', { exact: true }).selectOption('done');
  await action.getByRole('button', { name: 'Update' }).click();
  await icPage.locator('[data-testid=actions] li').filter({ hasText: 'Preserve the access logs' }).locator('.st-done').waitFor();

  // The IC asks legal to acknowledge the IC's note; the request is pending for legal until given.
  const noteSeq = await icPage.locator('[data-testid=timeline] li').filter({ hasText: fromIc }).getAttribute('data-seq');
  const ask = await openForm(icPage, 'Request an acknowledgement');
  await ask.getByLabel('About timeline entry #').fill(noteSeq);
  await ask.getByRole('checkbox', { name: 'legal' }).check();
  await ask.getByRole('button', { name: 'Request acknowledgement' }).click();
  await icPage.getByTestId('acks-per-role').getByText('legal: 1 pending').waitFor();
  await legalPage.getByRole('button', { name: `Acknowledge #${noteSeq}` }).click();
  await icPage.getByTestId('acks-per-role').getByText('No acknowledgement pending.').waitFor();

  // A refused command is shown as refused, in the server's words.
  const severity = await openForm(icPage, 'Severity and phase');
  await severity.getByLabel('Severity').selectOption('SEV2'); // the room is SEV3: this one goes through
  await severity.getByRole('button', { name: 'Set severity' }).click();
  await icPage.locator('.sev').filter({ hasText: 'SEV2' }).first().waitFor();
  await severity.getByRole('button', { name: 'Set severity' }).click(); // the same again: a conflict
  await icPage.getByTestId('commands').locator('[data-state=refused]').waitFor();
  assert.match(await icPage.getByTestId('alert').innerText(), /was refused: .+/);

  await screenshot(icPage, 'incident-console');
  await icPage.context().close();
  await legalPage.context().close();
});
