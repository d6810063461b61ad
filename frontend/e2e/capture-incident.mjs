// Records a short animated capture of a live incident for the README: an incident commander's
// console in Chromium while the team's notes, a decision and its approval, an action and a
// severity change arrive live (sent by the others over REST), then the IC answers from the command bar. Each step is a screenshot; Debian's
// apngasm (apt-get install apngasm) assembles them into an animated PNG.
//   SITROOM_URL=http://127.0.0.1:8099 SITROOM_ADMIN_PASSWORD=... node e2e/capture-incident.mjs
// Not a test: run it by hand against a packaged app when the views change.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserFor, command, incident, launch, openRoom, person, signIn } from './lib.mjs';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'screenshots', 'live-incident.png');
const VIEWPORT = { width: 1000, height: 680 };

const browser = await launch();
const frames = mkdtempSync(join(tmpdir(), 'sitroom-capture-'));
try {
  const ic = await person('Iris Commander');
  const lead = await person('Cole Containment');
  const legal = await person('Leo Legal');
  const room = await incident(ic, 'Ransomware on the file servers', [
    [lead, ['containment_lead']],
    [legal, ['legal']],
  ]);
  const page = await browserFor(browser, { viewport: VIEWPORT, locale: 'en-GB', timezoneId: 'Europe/Berlin' });
  await signIn(page, ic);
  await openRoom(page, `/rooms/${room.id}`);

  let n = 0;
  const shot = async (delayMs) => {
    n += 1;
    await page.screenshot({ path: join(frames, `frame-${String(n).padStart(2, '0')}.png`) });
    return `${delayMs}`;
  };
  // The first frame is the one a still viewer shows: the room's opening entries, not a timeline still loading.
  await page.locator('[data-testid=timeline] li[data-seq]').nth(3).waitFor();
  const delays = [await shot(1500)];
  /** Sends a command as `who`, waits until the console shows `text`, and takes a frame. */
  const step = async (who, name, data, text, delayMs = 1400) => {
    const result = await command(room.id, who, name, data);
    await page.getByText(text).first().waitFor();
    await page.waitForTimeout(300); // let the row settle before the frame
    delays.push(await shot(delayMs));
    return result;
  };

  await step(lead, 'note.add', { text: 'Encrypted shares on fs-02 and fs-03; **backups untouched**.' }, 'Encrypted shares on fs-02');
  const proposed = await step(lead, 'decision.propose', {
    title: 'Isolate the file server VLAN',
    choice: 'Cut fs-* off the network now',
    rationale: 'Stops the spread; users lose shares for about two hours',
    approvers: ['incident_commander'],
  }, 'Isolate the file server VLAN');
  const decisionId = proposed?.events?.find?.((e) => e.kind === 'decision.proposed')?.data?.decisionId ?? proposed?.decisionId;
  if (decisionId) await step(ic, 'decision.approve', { decisionId, comment: 'Go' }, 'Go');
  await step(ic, 'room.severity', { severity: 'SEV1' }, 'SEV1');
  await step(legal, 'note.add', { text: 'Notify the regulator within 72 h if personal data is affected.' }, 'Notify the regulator');

  // The IC answers from the command bar (Ctrl+K), as responders do: typed, completed, sent.
  await page.keyboard.press('Control+k');
  await page.getByTestId('command-input').waitFor();
  await page.keyboard.type('note Regulator clock starts now; next exec update 14:30', { delay: 25 }); // the bar opens with '/'
  delays.push(await shot(1600));
  await page.keyboard.press('Enter');
  await page.getByTestId('command-outcome').filter({ hasText: 'done' }).waitFor();
  await page.getByText('Regulator clock starts now').first().waitFor();
  await page.waitForTimeout(300);
  delays.push(await shot(2500));

  // Each frame followed by its delay as a fraction (milliseconds / 1000); -z1 -i5: 7-zip compression, few passes.
  const args = delays.flatMap((d, i) => [join(frames, `frame-${String(i + 1).padStart(2, '0')}.png`), d, '1000']);
  const assembled = spawnSync('apngasm', [OUT, ...args, '-z1', '-i5'], { stdio: 'inherit' });
  if (assembled.status !== 0) throw new Error(`apngasm failed (${assembled.status}); is it installed (apt-get install apngasm)?`);
  console.log(`${OUT}: ${n} frames, ${(statSync(OUT).size / 1024).toFixed(0)} KiB`);
} finally {
  await browser.close();
  rmSync(frames, { recursive: true, force: true });
}
