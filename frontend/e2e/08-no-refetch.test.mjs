// After the welcome the web client never fetches the snapshot again: an incident console and a
// facilitator console watched through many events that change every section ask the server for the
// room (GET /api/rooms/{id}) and the exercise (GET .../exercise) not once, and show what happened.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE, browserFor, command, incident, launch, openRoom, person, rest, signIn, tag, waitLive } from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Counts the page's GETs of a room's snapshot and exercise, from now on. */
function snapshotGets(page, roomId) {
  const paths = new Set([`/api/rooms/${roomId}`, `/api/rooms/${roomId}/exercise`]);
  const counter = { count: 0, paths: [] };
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (request.method() === 'GET' && paths.has(url.pathname)) {
      counter.count += 1;
      counter.paths.push(url.pathname);
    }
  });
  return counter;
}

test('an incident console keeps its sections from events alone', { timeout: 180_000 }, async () => {
  const ic = await person('Noa Commander');
  const legal = await person('Lex Legal');
  const room = await incident(ic, `No refetch ${tag()}`, [[legal, ['legal', 'comms_approver']]]);
  const page = await browserFor(browser);
  await signIn(page, ic);
  await openRoom(page, `/rooms/${room.id}`);
  await waitLive(page);
  const gets = snapshotGets(page, room.id);

  const rounds = 12;
  for (let i = 0; i < rounds; i++) {
    await command(room.id, ic, 'decision.propose', { title: `Decision ${i}`, choice: 'yes', rationale: 'because it is needed now', approvers: ['legal'] });
    await command(room.id, ic, 'action.create', { title: `Action ${i}`, ownerRole: 'legal' });
    await command(room.id, ic, 'update.post', { audience: 'all', summary: `Update ${i}` });
    await command(room.id, ic, 'statement.draft', { title: `Statement ${i}`, body: 'We are on it.', channel: 'web' });
    await command(room.id, ic, 'ack.request', { about: 1, roles: ['legal'] });
    await command(room.id, ic, 'room.severity', { severity: i % 2 ? 'SEV2' : 'SEV1' });
  }
  const snapshot = await rest('GET', `/api/rooms/${room.id}`, undefined, legal.token);
  for (const d of snapshot.decisions.slice(0, 6)) {
    await command(room.id, legal, 'decision.approve', { decisionId: d.decisionId });
  }

  await page.locator('[data-testid=decisions] li').filter({ hasText: `Decision ${rounds - 1}` }).waitFor();
  await page.locator('[data-testid=actions] li').filter({ hasText: `Action ${rounds - 1}` }).waitFor();
  await page.locator('[data-testid=statements] li').filter({ hasText: `Statement ${rounds - 1}` }).waitFor();
  await page.locator('[data-testid=updates]').filter({ hasText: `Update ${rounds - 1}` }).waitFor();
  await page.locator('[data-testid=decisions] li').filter({ hasText: 'Decision 5' }).filter({ hasText: /accepted/ }).waitFor();
  await page.waitForTimeout(1_000); // a refetch put off by a timer would have gone out by now
  assert.equal(gets.count, 0, `snapshot GETs after the welcome: ${gets.paths.join(', ')}`);
});

test('a facilitator console follows playback from events alone', { timeout: 180_000 }, async () => {
  const facilitator = await person('Fay Facilitator');
  const room = await rest('POST', '/api/rooms', { kind: 'EXERCISE', title: `No refetch drill ${tag()}`, scenarioId: 'ransomware-friday-night' }, facilitator.token);
  const page = await browserFor(browser);
  await signIn(page, facilitator);
  await openRoom(page, `/rooms/${room.id}/facilitate`);
  await waitLive(page);
  const gets = snapshotGets(page, room.id);

  await command(room.id, facilitator, 'exercise.start', { speed: 60 });
  await page.locator('[data-testid=exercise-status] [data-status=running]').waitFor();
  await page.locator('[data-testid=injects] li[data-status=delivered]').first().waitFor();
  await command(room.id, facilitator, 'exercise.pause', {});
  await page.locator('[data-testid=exercise-status] [data-status=paused]').waitFor();
  await command(room.id, facilitator, 'exercise.speed', { speed: 120 });
  await command(room.id, facilitator, 'exercise.resume', {});
  await page.locator('[data-testid=exercise-status] [data-status=running]').waitFor();
  await page.locator('[data-testid=exercise-status]').filter({ hasText: '120×' }).waitFor();
  await page.waitForTimeout(1_000);
  assert.equal(gets.count, 0, `snapshot GETs after the welcome (${BASE}): ${gets.paths.join(', ')}`);
});
