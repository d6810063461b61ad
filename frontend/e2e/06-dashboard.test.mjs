// The dashboard across my rooms: open incidents by severity as a chart (with a table behind it),
// the number tiles, and the response-time chart once a room has been contained.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { browserFor, command, incident, launch, person, rest, screenshot, signIn, tag } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the dashboard charts my open incidents and shows the tiles', { timeout: 120_000 }, async () => {
  const ic = await person('Dana Dashboard');
  const contained = await incident(ic, `Phishing wave ${tag()}`); // SEV2
  await rest('POST', '/api/rooms', { kind: 'INCIDENT', title: `Ransomware ${tag()}`, severity: 'SEV1' }, ic.token);
  await command(contained.id, ic, 'room.phase', { phase: 'containment' });

  const page = await browserFor(browser);
  await signIn(page, ic);
  // From "My rooms", by keyboard: focus the link and press Enter.
  const link = page.getByRole('link', { name: 'Dashboard across my rooms' });
  await link.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL('**/dashboard');
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();

  const severity = page.getByTestId('dash-severity');
  await severity.getByRole('heading', { name: 'Open incidents by severity' }).waitFor();
  await severity.locator('[data-testid=severity-chart] canvas').first().waitFor();
  assert.match(await severity.locator('#dash-severity-summary').textContent(), /2 open incidents: 1 SEV1, 1 SEV2/);
  assert.equal(await severity.getByRole('img').count(), 1);

  const tiles = page.getByTestId('tiles');
  assert.equal((await tiles.getByTestId('tile-overdue').locator('.tile-value').textContent())?.trim(), '0');
  assert.equal((await tiles.getByTestId('tile-exceptions').locator('.tile-value').textContent())?.trim(), '0');
  await tiles.getByTestId('tile-oldest').getByText('no exception is open').waitFor();

  // Containment happened, so the response-time chart is drawn; its table names the room.
  await page.getByTestId('dash-response').locator('canvas').first().waitFor();
  await page.getByTestId('dash-response').getByText('Show as a table').click();
  await page.getByTestId('dash-response').getByRole('link', { name: contained.title }).waitFor();

  await screenshot(page, 'dashboard');
});
