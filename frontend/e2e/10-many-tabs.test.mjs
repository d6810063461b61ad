// Thirty Chromium tabs on one room's console, three people with ten tabs each, while 200 commands that
// change the sections arrive over REST: every tab shows every change (the timeline up to the room's
// head, every action moved, every decision), and the server answered no snapshot GET after the
// welcomes. No timing assertion: the test waits for what each tab shows.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE, PASSWORD, command, incident, launch, person, rest, snapshotGetCount, tag, timelineSeqs, waitLive } from './lib.mjs';

const TABS_PER_PERSON = 10;
const ROUNDS = 50; // x (action.create, note.add, decision.propose, action.update) = 200 commands

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/**
 * One browser context for `who` (its own cookies and storage, like a browser of its own) with `count`
 * tabs on the room's console. Each tab starts signed in: the session the sign-in form would have saved
 * is in the tab's sessionStorage before the app runs.
 */
async function tabsOf(who, roomId, count) {
  const session = await rest('POST', '/api/auth/login', { username: who.username, password: PASSWORD });
  const context = await browser.newContext({ baseURL: BASE });
  await context.addInitScript((saved) => {
    if (!sessionStorage.getItem('sitroom.session')) sessionStorage.setItem('sitroom.session', saved);
  }, JSON.stringify(session));
  const pages = [];
  for (let i = 0; i < count; i++) {
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    page.on('dialog', (dialog) => void dialog.accept());
    pages.push(page);
  }
  await Promise.all(pages.map(async (page) => {
    await page.goto(`/rooms/${roomId}`);
    await waitLive(page);
  }));
  return pages;
}

/** Waits until the tab's timeline reaches seq `head`, then reads what its sections show. */
async function shown(page, head) {
  await page.locator(`[data-testid=timeline] li[data-seq="${head}"]`).waitFor({ state: 'attached' });
  const seqs = await timelineSeqs(page);
  return page.evaluate((seqs) => ({
    timeline: seqs.length,
    distinctSeqs: new Set(seqs).size,
    actions: document.querySelectorAll('[data-testid=actions] li[data-action]').length,
    inProgress: document.querySelectorAll('[data-testid=actions] li[data-action] .chip.st-in_progress').length,
    decisions: document.querySelectorAll('[data-testid=decisions] li[data-decision]').length,
  }), seqs);
}

test('thirty tabs on one console show all of 200 section changes, and none fetches the snapshot again', { timeout: 180_000 }, async () => {
  const ic = await person('Ida Commander');
  const ana = await person('Ana Analyst');
  const bo = await person('Bo Analyst');
  const room = await incident(ic, `Many tabs ${tag()}`, [[ana, ['participant']], [bo, ['participant']]]);
  const tabs = (await Promise.all([ic, ana, bo].map((who) => tabsOf(who, room.id, TABS_PER_PERSON)))).flat();
  assert.equal(tabs.length, 3 * TABS_PER_PERSON);
  const getsAfterWelcomes = await snapshotGetCount();

  for (let i = 0; i < ROUNDS; i++) {
    await command(room.id, ic, 'action.create', { title: `Action ${i}`, ownerRole: 'participant' });
    await command(room.id, ic, 'note.add', { text: `Note ${i}` });
    await command(room.id, ic, 'decision.propose', { title: `Decision ${i}`, choice: 'yes', rationale: 'needed now', approvers: ['incident_commander'] });
  }
  const actions = await rest('GET', `/api/rooms/${room.id}/actions`, undefined, ic.token);
  assert.equal(actions.length, ROUNDS);
  for (const action of actions) {
    await command(room.id, ic, 'action.update', { actionId: action.actionId, status: 'in_progress' });
  }
  // The sentinel: the last command; once every tab shows it, a GET one of them made would have been answered.
  const last = await command(room.id, ic, 'note.add', { text: 'The last note' });
  const head = last.seq;

  // What each person may see of the log (REST, not the snapshot): their tabs' timelines must hold exactly that.
  const visible = new Map();
  for (const who of [ic, ana, bo]) {
    const page = await rest('GET', `/api/rooms/${room.id}/events?since=0&limit=1000`, undefined, who.token);
    assert.equal(page.hasMore, false);
    visible.set(who, page.events.length);
  }
  const owners = [ic, ana, bo].flatMap((who) => Array(TABS_PER_PERSON).fill(who));
  const seen = await Promise.all(tabs.map((page) => shown(page, head)));
  for (const [i, s] of seen.entries()) {
    const timeline = visible.get(owners[i]);
    assert.deepEqual(s, { timeline, distinctSeqs: timeline, actions: ROUNDS, inProgress: ROUNDS, decisions: ROUNDS }, `tab ${i} (${owners[i].username})`);
  }
  assert.equal(await snapshotGetCount(), getsAfterWelcomes, 'snapshot GETs (GET /api/rooms/{id}) after the welcomes');
});
