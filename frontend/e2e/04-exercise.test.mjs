// A facilitator runs a shipped scenario at speed 1000; a participant who joined by invitation code
// gets the injects addressed to their role, and none addressed only to other roles. Before the start
// the facilitator plans it and the participant says it is ready (the communications check); during
// play the facilitator adds an inject, which reaches the participant.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { browserFor, eventually, launch, pageText, person, rest, screenshot, signIn, tag } from './lib.mjs';

const SCENARIO = 'ransomware-friday-night';
const ROLE = 'executive';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('a facilitator runs a scenario and a participant gets only its role’s injects', { timeout: 180_000 }, async () => {
  const facilitator = await person('Fay Facilitator');
  const script = await rest('GET', `/api/scenarios/${SCENARIO}`, undefined, facilitator.token);
  const forRole = new Set(script.injects.filter((i) => i.to.includes(ROLE)).map((i) => i.id));
  const timed = script.injects
    .filter((i) => i.to.includes(ROLE) && i.timing.type === 'at')
    .sort((a, b) => a.timing.atSeconds - b.timing.atSeconds);
  assert.ok(forRole.size > 0 && timed.length > 0, 'the scenario has injects for the role');

  // The facilitator opens an exercise from the scenario list.
  const fPage = await browserFor(browser);
  await signIn(fPage, facilitator);
  const open = fPage.getByRole('form', { name: 'Open an exercise' });
  await open.getByLabel('Scenario').selectOption(SCENARIO);
  const title = `Friday drill ${tag()}`;
  await open.getByLabel('Title').fill(title);
  await open.getByRole('button', { name: 'Open exercise' }).click();
  await fPage.getByRole('heading', { name: title }).waitFor();
  await fPage.getByTestId('connection').filter({ hasText: 'live' }).waitFor();
  await fPage.getByTestId('injects').locator('li[data-status=upcoming]').first().waitFor();
  const roomId = new URL(fPage.url()).pathname.split('/')[2];

  // An invitation for the executive role; its link goes to the participant.
  const invite = fPage.getByRole('form', { name: 'Invite a player' });
  await invite.getByLabel('Role').selectOption(ROLE);
  await invite.getByRole('button', { name: 'Create invitation' }).click();
  const link = await fPage.getByTestId('invites').locator(`li[data-role=${ROLE}] a.join-link`).getAttribute('href');
  assert.match(link, /\/join\/[A-Z0-9-]+$/);

  const pPage = await browserFor(browser);
  await pPage.goto(link);
  await pPage.getByLabel('Your name').fill('Pat Player');
  await pPage.getByRole('button', { name: 'Join' }).click();
  await pPage.waitForURL(`**/rooms/${roomId}/play`);
  await pPage.getByTestId('connection').filter({ hasText: 'live' }).waitFor();
  await pPage.getByTestId('my-roles').getByText('executive').waitFor();

  // The facilitator plans the start for tomorrow (typed in local time); the participant sees it and
  // confirms it is ready; the facilitator's communications check moves the role to "Ready".
  await fPage.getByTestId('comms-not-ready').locator(`[data-role=${ROLE}]`).waitFor();
  const tomorrow = new Date(Date.now() + 24 * 3600_000);
  const pad = (n) => String(n).padStart(2, '0');
  const local = `${tomorrow.getFullYear()}-${pad(tomorrow.getMonth() + 1)}-${pad(tomorrow.getDate())}T${pad(tomorrow.getHours())}:${pad(tomorrow.getMinutes())}`;
  const schedule = fPage.getByRole('form', { name: 'Schedule the exercise' });
  await schedule.getByLabel(/^Planned start/).fill(local);
  await schedule.getByRole('button', { name: 'Set the start' }).click();
  await pPage.getByTestId('readiness').getByTestId('starts-at').locator('time').waitFor();
  const planned = await rest('GET', `/api/rooms/${roomId}/exercise`, undefined, facilitator.token);
  assert.equal(Math.abs(Date.parse(planned.startsAt) - tomorrow.getTime()) < 60_000, true, `startsAt ${planned.startsAt} is the time typed, in UTC`);
  await pPage.getByRole('button', { name: 'I’m ready' }).click();
  await pPage.getByTestId('ready-confirmed').waitFor();
  await fPage.getByTestId('comms-ready').locator(`[data-role=${ROLE}]`).waitFor();

  // Start at speed 1000: 150 scenario minutes pass in 9 seconds.
  await fPage.getByLabel(/^Speed/).fill('1000');
  await fPage.getByRole('button', { name: 'Start', exact: true }).click();
  await fPage.getByTestId('exercise-status').locator('[data-status=running]').waitFor();
  // Deliver by hand an inject that is not for the participant's role.
  const manual = script.injects.find((i) => i.timing.type === 'manual' && !i.to.includes(ROLE));
  if (manual) await fPage.locator(`[data-inject="${manual.id}"]`).getByRole('button', { name: 'Deliver now' }).click();

  // The facilitator improvises an inject for the participant's role, by hand (no scenario time),
  // and delivers it: the participant receives it as written.
  const improvisedTitle = `A reporter calls (${tag()})`;
  const add = fPage.getByRole('form', { name: 'Add an inject during play' });
  await add.getByLabel('Title', { exact: true }).fill(improvisedTitle);
  await add.getByLabel('What the players get (Markdown)').fill('A journalist asks about **the outage** and wants a quote.');
  await add.locator(`input[name=to][value=${ROLE}]`).check();
  await add.getByRole('button', { name: 'Add inject' }).click();
  const added = fPage.getByTestId('injects').locator('li[data-status=upcoming]', { hasText: improvisedTitle });
  await added.locator('[data-improvised=added]').waitFor();
  const improvisedId = await added.getAttribute('data-inject');
  assert.match(improvisedId, /^improvised-\d{3}$/);
  forRole.add(improvisedId);
  await added.getByRole('button', { name: 'Deliver now' }).click();
  await fPage.locator(`[data-testid=injects] li[data-inject="${improvisedId}"][data-status=delivered]`).waitFor();
  const received = pPage.locator(`[data-testid=my-injects] li[data-inject="${improvisedId}"]`);
  await received.getByRole('heading', { name: improvisedTitle }).waitFor();
  await received.locator('strong', { hasText: 'the outage' }).waitFor();

  // Wait until every timed inject for the role has reached the participant.
  const last = timed.map((i) => i.id).at(-1);
  await pPage.locator(`[data-testid=my-injects] li[data-inject="${last}"]`).waitFor({ timeout: 60_000 });
  await fPage.locator(`[data-testid=injects] li[data-inject="${last}"][data-status=delivered]`).waitFor();
  if (manual) await fPage.locator(`[data-testid=injects] li[data-inject="${manual.id}"][data-status=delivered]`).waitFor();

  // What the participant holds: only injects addressed to the role, and each one delivered to it.
  const state = await rest('GET', `/api/rooms/${roomId}/exercise`, undefined, facilitator.token);
  const deliveredForRole = state.injects.filter((i) => i.status === 'delivered' && i.to.includes(ROLE)).map((i) => i.id);
  const deliveredElsewhere = state.injects.filter((i) => i.status === 'delivered' && !i.to.includes(ROLE)).map((i) => i.id);
  assert.ok(deliveredElsewhere.length > 0, 'injects for other roles were delivered too');
  const shown = await eventually(async () => {
    const ids = await pPage.$$eval('[data-testid=my-injects] li[data-inject]', (l) => l.map((x) => x.dataset.inject));
    return ids.length >= deliveredForRole.length ? ids : null;
  }, { message: 'the participant’s injects' });
  assert.deepEqual([...shown].sort(), [...deliveredForRole].sort());
  for (const id of shown) assert.ok(forRole.has(id), `${id} is addressed to ${ROLE}`);
  const page = await pageText(pPage);
  for (const id of deliveredElsewhere) {
    const inject = script.injects.find((i) => i.id === id);
    assert.ok(!page.includes(inject.title.slice(0, 40)), `“${inject.title}” (to ${inject.to}) must not reach the ${ROLE}`);
  }
  // Prompts come along.
  const withPrompts = script.injects.find((i) => deliveredForRole.includes(i.id) && i.prompts?.length);
  if (withPrompts) await pPage.locator(`[data-inject="${withPrompts.id}"] .prompts`).getByText(withPrompts.prompts[0].slice(0, 30)).waitFor();

  // The participant responds; the facilitator's "not reacted" list stops naming the role for it.
  const first = pPage.locator(`[data-testid=my-injects] li[data-inject="${last}"]`);
  await first.getByLabel('Your response (optional)').fill('Board call moved to 08:00; I will front the press.');
  await first.getByRole('button', { name: 'Respond' }).click();
  await first.getByTestId('responded').waitFor();
  await fPage.getByTestId('timeline').getByText('Board call moved to 08:00').waitFor();
  await eventually(async () => {
    const text = await fPage.getByTestId('not-reacted').innerText();
    const lastTitle = script.injects.find((i) => i.id === last).title;
    return !text.split('\n').some((line) => line.startsWith(lastTitle) && line.includes(ROLE));
  }, { message: 'the response to show in “not reacted”' });

  // A facilitator note never reaches the participant.
  const note = fPage.getByRole('form', { name: 'Add a facilitator note' });
  const secret = `They froze on the ransom question (${tag()})`;
  await note.getByLabel('Note').fill(secret);
  await note.getByRole('button', { name: 'Add note' }).click();
  await fPage.getByTestId('facilitator-notes').getByText(secret).waitFor();

  await screenshot(fPage, 'facilitator-console');
  await screenshot(pPage, 'participant-view');
  assert.ok(!(await pageText(pPage)).includes(secret));

  // Pause and end.
  await fPage.getByRole('button', { name: 'Pause' }).click();
  await fPage.getByTestId('exercise-status').locator('[data-status=paused]').waitFor();
  await fPage.getByRole('button', { name: 'End exercise' }).click();
  await fPage.getByTestId('exercise-status').locator('[data-status=ended]').waitFor();

  await fPage.context().close();
  await pPage.context().close();
});
