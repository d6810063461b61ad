// A browser whose connection drops resumes from the last seq it saw: events posted meanwhile
// arrive, none is lost and none is shown twice, all in order.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { browserFor, command, eventually, incident, launch, openRoom, person, rest, signIn, tag, timelineSeqs } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function allSeqs(roomId, who) {
  const page = await rest('GET', `/api/rooms/${roomId}/events?since=0&limit=1000`, undefined, who.token);
  return page.events.map((e) => e.seq);
}

test('a dropped connection resumes without losing or repeating a timeline entry', { timeout: 120_000 }, async () => {
  const ic = await person('Ria Resume');
  const scribe = await person('Sam Scribe');
  const room = await incident(ic, `Flaky network ${tag()}`, [[scribe, ['scribe']]]);
  for (let i = 1; i <= 3; i++) await command(room.id, scribe, 'note.add', { text: `before the drop ${i}` });

  const page = await browserFor(browser);
  await signIn(page, ic);
  await openRoom(page, `/rooms/${room.id}`);
  await page.getByTestId('timeline').getByText('before the drop 3').waitFor();
  const before = await timelineSeqs(page);
  assert.deepEqual(before, await allSeqs(room.id, ic));
  const lastSeen = before.at(-1);

  // Cut the connection and keep it down (offline; new sockets fail) while the room goes on.
  await page.context().setOffline(true);
  await page.evaluate(() => {
    window.__e2e.block = true;
    for (const socket of window.__e2e.sockets) socket.close();
  });
  await page.getByTestId('connection').filter({ hasText: 'reconnecting' }).waitFor();
  for (let i = 1; i <= 5; i++) await command(room.id, scribe, 'note.add', { text: `while away ${i}` });
  await command(room.id, ic, 'room.severity', { severity: 'SEV1' });
  await new Promise((r) => setTimeout(r, 1500)); // a failed attempt or two while offline
  assert.equal(await page.getByTestId('timeline').getByText('while away 1').count(), 0);

  // Back online: it resumes from the last seq it had.
  await page.context().setOffline(false);
  await page.evaluate(() => {
    window.__e2e.block = false;
  });
  await page.getByTestId('connection').filter({ hasText: `resumed at seq ${lastSeen}` }).waitFor({ timeout: 30_000 });
  await page.getByTestId('timeline').getByText('while away 5').waitFor();
  await page.locator('.sev').filter({ hasText: 'SEV1' }).first().waitFor();

  // And live events keep coming after the resume.
  await command(room.id, scribe, 'note.add', { text: 'after the resume' });
  await page.getByTestId('timeline').getByText('after the resume').waitFor();

  const expected = await allSeqs(room.id, ic);
  const shown = await eventually(async () => {
    const seqs = await timelineSeqs(page);
    return seqs.length >= expected.length ? seqs : null;
  }, { message: 'every event in the timeline' });
  assert.deepEqual(shown, expected, 'each seq once, in order');
  assert.equal(new Set(shown).size, shown.length);
  for (let i = 1; i <= 5; i++) assert.equal(await page.getByTestId('timeline').getByText(`while away ${i}`).count(), 1);

  // Cut it again, this time briefly, with a command sent just before: still nothing twice.
  const again = (await timelineSeqs(page)).at(-1);
  await page.evaluate(() => {
    for (const socket of window.__e2e.sockets) socket.close();
  });
  await command(room.id, scribe, 'note.add', { text: 'during a short blip' });
  await page.getByTestId('connection').filter({ hasText: `resumed at seq ${again}` }).waitFor({ timeout: 30_000 });
  await page.getByTestId('timeline').getByText('during a short blip').waitFor();
  assert.deepEqual(await timelineSeqs(page), await allSeqs(room.id, ic));

  await page.context().close();
});
