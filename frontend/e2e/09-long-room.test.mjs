// A long incident (20,000 events; CI makes 5,000, see LONG_ROOM_EVENTS) opens in the console with its newest entry in view, keeps only a
// window of the timeline in the page, pages older entries on demand ("Show older", or scrolling to
// the top) and follows a new live event. The time to open is printed, never asserted: the figures
// live in docs/benchmarks.md ("Long incidents in the console").
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { browserFor, incident, launch, person, rest, signIn, tag, timelineSeqs, waitLive } from './lib.mjs';

// The benchmark's room holds 20,000 events; CI sets 5,000 (LONG_ROOM_EVENTS in .ci/e2e), which keeps the
// window, paging and live-event checks as demanding (the window holds at most 300) and saves ~100 s.
const EVENTS = Number(process.env.LONG_ROOM_EVENTS ?? 20_000);
const WRITERS = 20; // each user may issue bursts of 1,000 commands, so 20 writers never wait for the limit
const IN_FLIGHT = 32;
const WINDOW_MAX = 300;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** One note over REST; a 429 (should the limit be lower than the default) waits and tries again. */
async function note(roomId, who, id, text) {
  for (;;) {
    try {
      return await rest('POST', `/api/rooms/${roomId}/commands`, { commandId: id, name: 'note.add', data: { text } }, who.token);
    } catch (e) {
      if (!String(e.message).includes('-> 429')) throw e;
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }
}

/** Appends notes until the room's log holds `total` events, IN_FLIGHT requests at a time. */
async function fill(roomId, writers, total) {
  const head = (await rest('GET', `/api/rooms/${roomId}`, undefined, writers[0].token)).seq;
  const run = tag();
  let next = 0;
  const count = total - head;
  async function worker() {
    while (next < count) {
      const i = next++;
      await note(roomId, writers[i % writers.length], `long-${run}-${i}`, `Long-room note ${i + 1} of ${count}`);
    }
  }
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
}

/** Whether the timeline entry `seq` is in view: inside the box of the list, which scrolls on its own. */
function entryInView(seq) {
  const item = document.querySelector(`[data-testid=timeline] li[data-seq="${seq}"]`);
  const list = document.querySelector('[data-testid=timeline]');
  if (!item || !list || item.hidden) return false;
  const r = item.getBoundingClientRect();
  const l = list.getBoundingClientRect();
  return r.height > 0 && r.top >= l.top - 1 && r.bottom <= l.bottom + 1;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

test(`a room of ${EVENTS.toLocaleString('en')} events opens with its newest entry in view and a bounded window`, { timeout: 900_000 }, async (t) => {
  const ic = await person('Lona Commander');
  const writers = [];
  for (let i = 0; i < WRITERS; i++) writers.push(await person(`Scribe ${i}`));
  const room = await incident(ic, `Long incident ${tag()}`, writers.map((w) => [w, ['scribe']]));

  const started = Date.now();
  await fill(room.id, writers, EVENTS);
  const head = (await rest('GET', `/api/rooms/${room.id}`, undefined, ic.token)).seq;
  assert.ok(head >= EVENTS, `the room holds ${head} events`);
  t.diagnostic(`setup: ${head} events in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const page = await browserFor(browser, { viewport: { width: 1280, height: 900 } });
  await signIn(page, ic);

  // Opened three times: from navigation to the newest entry on screen.
  const times = [];
  for (let i = 0; i < 3; i++) {
    const t0 = Date.now();
    await page.goto(`/rooms/${room.id}`);
    await page.waitForFunction(entryInView, head, { timeout: 300_000, polling: 'raf' });
    times.push(Date.now() - t0);
  }
  t.diagnostic(`open to newest entry in view (ms): ${times.join(', ')}; median ${median(times)}`);
  await waitLive(page);

  // The timeline is a labelled list holding a window, not the whole log.
  const timeline = page.getByRole('log', { name: 'Timeline' });
  await timeline.waitFor();
  let seqs = await timelineSeqs(page);
  assert.ok(seqs.length > 0 && seqs.length <= WINDOW_MAX, `${seqs.length} entries in the page`);
  assert.equal(seqs[seqs.length - 1], head);
  assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b));

  // A live event appears at the bottom and the view follows it.
  const live = `Live after the long history ${tag()}`;
  await rest('POST', `/api/rooms/${room.id}/commands`, { commandId: `live-${tag()}`, name: 'note.add', data: { text: live } }, ic.token);
  await page.locator('[data-testid=timeline] li').last().filter({ hasText: live }).waitFor();
  await page.waitForFunction(entryInView, head + 1, { polling: 'raf' });
  seqs = await timelineSeqs(page);
  assert.ok(seqs.length <= WINDOW_MAX, `${seqs.length} entries in the page after a live event`);

  // "Show older" is a button that brings the entries before the window.
  const oldest = seqs[0];
  await page.getByRole('button', { name: /Show older/ }).click();
  await page.waitForFunction((before) => {
    const first = document.querySelector('[data-testid=timeline] li[data-seq]');
    return first && Number(first.getAttribute('data-seq')) < before;
  }, oldest);
  const afterButton = await timelineSeqs(page);
  assert.ok(afterButton[0] < oldest, `older entries shown: from #${afterButton[0]}`);
  assert.equal(afterButton[afterButton.length - 1], head + 1);
  assert.deepEqual(afterButton, [...afterButton].sort((a, b) => a - b));
  for (let i = 1; i < afterButton.length; i++) assert.equal(afterButton[i], afterButton[i - 1] + 1, 'no gap between pages');

  // Scrolling to the top of the list brings the next older page.
  const oldestAfterButton = afterButton[0];
  await page.locator('[data-testid=timeline]').evaluate((list) => {
    list.scrollTop = 0;
  });
  await page.waitForFunction((before) => {
    const first = document.querySelector('[data-testid=timeline] li[data-seq]');
    return first && Number(first.getAttribute('data-seq')) < before;
  }, oldestAfterButton);
  const afterScroll = await timelineSeqs(page);
  assert.ok(afterScroll[0] < oldestAfterButton, `scrolling up showed older entries: from #${afterScroll[0]}`);
});
