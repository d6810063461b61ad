// Thirty Chromium tabs on one room's console, three people with ten tabs each, while 200 commands that
// change the sections arrive over REST: every tab shows every change (the timeline up to the room's
// head, every action moved, every decision), and the server answered no snapshot GET after the
// welcomes. No timing assertion: the test waits for what each tab shows.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE, PASSWORD, command, eventually, incident, launch, person, rest, snapshotGetCount, tag, waitLive } from './lib.mjs';

const TABS_PER_PERSON = Number(process.env.E2E_TABS_PER_PERSON ?? 10);
const ROUNDS = 50; // x (action.create, note.add, decision.propose, action.update) = 200 commands

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/**
 * One browser context for a person's `session` (its own cookies and storage, like a browser of its own) with `count`
 * tabs on the room's console. Each tab starts signed in: the browser holds the session cookie the sign-in
 * form would have got.
 */
async function tabsOf(session, roomId, count) {
  const context = await browser.newContext({ baseURL: BASE });
  await context.addCookies([{ name: 'sitroom_session', value: session.token, url: BASE, httpOnly: true, sameSite: 'Strict' }]);
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

/** Runs work(0) .. work(count - 1), `limit` at a time. */
async function inFlight(limit, count, work) {
  let next = 0;
  const worker = async () => {
    while (next < count) await work(next++);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

/** What a tab shows: its timeline's seqs and its sections' counts. */
function shown(page) {
  return page.evaluate(() => {
    const seqs = Array.from(document.querySelectorAll('[data-testid=timeline] li[data-seq]'), (li) => Number(li.getAttribute('data-seq')));
    return {
      last: Math.max(0, ...seqs),
      timeline: seqs.length,
      distinctSeqs: new Set(seqs).size,
      actions: document.querySelectorAll('[data-testid=actions] li[data-action]').length,
      inProgress: document.querySelectorAll('[data-testid=actions] li[data-action] .chip.st-in_progress').length,
      decisions: document.querySelectorAll('[data-testid=decisions] li[data-decision]').length,
    };
  });
}

const TIMELINE_WINDOW = 200;

test('thirty tabs on one console show all of 200 section changes, and none fetches the snapshot again', { timeout: 300_000 }, async (t) => {
  const started = Date.now();
  const mark = (what) => t.diagnostic(`${what} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const ic = await person('Ida Commander');
  const ana = await person('Ana Analyst');
  const bo = await person('Bo Analyst');
  const room = await incident(ic, `Many tabs ${tag()}`, [[ana, ['participant']], [bo, ['participant']]]);
  // One sign-in after another: the server checks a few passwords at a time (503 when busy).
  const sessions = [];
  for (const who of [ic, ana, bo]) sessions.push(await rest('POST', '/api/auth/login', { username: who.username, password: PASSWORD }));
  const tabs = (await Promise.all(sessions.map((session) => tabsOf(session, room.id, TABS_PER_PERSON)))).flat();
  assert.equal(tabs.length, 3 * TABS_PER_PERSON);
  const getsAfterWelcomes = await snapshotGetCount();
  mark(`${tabs.length} tabs live`);

  // A few commands in flight at a time, as several people would send them.
  await inFlight(4, ROUNDS, async (i) => {
    await command(room.id, ic, 'action.create', { title: `Action ${i}`, ownerRole: 'participant' });
    await command(room.id, ic, 'note.add', { text: `Note ${i}` });
    await command(room.id, ic, 'decision.propose', { title: `Decision ${i}`, choice: 'yes', rationale: 'needed now', approvers: ['incident_commander'] });
  });
  const actions = await rest('GET', `/api/rooms/${room.id}/actions`, undefined, ic.token);
  assert.equal(actions.length, ROUNDS);
  await inFlight(4, actions.length, (i) => command(room.id, ic, 'action.update', { actionId: actions[i].actionId, status: 'in_progress' }));
  // The sentinel: the last command; once every tab shows it, a GET one of them made would have been answered.
  const last = await command(room.id, ic, 'note.add', { text: 'The last note' });
  const head = last.seq;
  mark(`${head} events in the room`);

  // What each person may see of the log (REST, not the snapshot): their tabs' timelines must hold exactly that.
  const visible = new Map();
  for (const who of [ic, ana, bo]) {
    const page = await rest('GET', `/api/rooms/${room.id}/events?since=0&limit=1000`, undefined, who.token);
    assert.equal(page.hasMore, false);
    visible.set(who, page.events.length);
  }
  const owners = [ic, ana, bo].flatMap((who) => Array(TABS_PER_PERSON).fill(who));
  // Wait for the last event in every tab (how far each one is, when it takes long), then compare.
  const seen = await eventually(async () => {
    const now = await Promise.all(tabs.map((page) => shown(page)));
    if (now.every((s) => s.last >= head)) return now;
    throw new Error(`tabs' last seqs: ${now.map((s) => s.last).join(' ')}`);
  }, { timeout: 150_000, every: 500, message: `every tab at seq ${head}` });
  mark('every tab at the head');
  for (const [i, s] of seen.entries()) {
    // The console holds a window of the newest entries (TIMELINE_WINDOW in ui.ts); older ones come on demand.
    const timeline = Math.min(visible.get(owners[i]), TIMELINE_WINDOW);
    assert.deepEqual(s, { last: head, timeline, distinctSeqs: timeline, actions: ROUNDS, inProgress: ROUNDS, decisions: ROUNDS }, `tab ${i} (${owners[i].username})`);
  }
  assert.equal(await snapshotGetCount(), getsAfterWelcomes, 'snapshot GETs (GET /api/rooms/{id}) after the welcomes');
});
