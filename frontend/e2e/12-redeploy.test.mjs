// Two deploys in a row on one origin (docs/operations.md, "The web app: caching and compression"): a browser
// that had the first build revalidates the page on reload (304 while nothing changed), and after the second
// deploy a reload gets the new page, which names a new script, and runs it; the stylesheet both builds share
// comes from the browser's cache, unasked, and the first build's script is never asked for again.
//
// This test runs its own servers, one after the other on one port: build 1 is the packaged app
// (target/quarkus-app); build 2 is a copy of it whose web app differs as a real new build's would: its
// index.html names a new hashed script (the old one plus a statement that sets globalThis.__sitroomBuild),
// which replaces the old one in the package. Both run as .ci/e2e runs its server, on the run's database
// (E2E_DB_URL and E2E_EVIDENCE_KEY, which .ci/e2e passes; else its defaults, with E2E_DB).
// The browser is a Chromium with a profile of its own (user-data-dir), so its HTTP cache is a real one.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './lib.mjs';

const APP = resolve(dirname(fileURLToPath(import.meta.url)), '../../target/quarkus-app');
const RESOURCES = 'META-INF/resources';
const MARKER = "globalThis.__sitroomBuild = 'second';";
const STARTUP = 120_000; // the machines that run this are busy; a cold start can take a while
const SERVER_ENV = {
  SITROOM_DB_URL: process.env.E2E_DB_URL ?? `jdbc:postgresql://127.0.0.1:5432/${process.env.E2E_DB ?? 'sitroom_e2e'}`,
  SITROOM_DB_USER: 'sitroom',
  SITROOM_DB_PASSWORD: 'sitroom',
  SITROOM_ADMIN_PASSWORD: process.env.SITROOM_ADMIN_PASSWORD,
  SITROOM_EVIDENCE_KEY: process.env.E2E_EVIDENCE_KEY ?? 'e2e-only-evidence-secret-of-32-characters-or-more',
  // What reached the server, one line each; the health polls are left out.
  QUARKUS_HTTP_ACCESS_LOG_ENABLED: 'true',
  QUARKUS_HTTP_ACCESS_LOG_PATTERN: 'served %m %U %s if-none-match=%{i,If-None-Match}',
  QUARKUS_HTTP_ACCESS_LOG_EXCLUDE_PATTERN: '/q/.*',
};

const cleanups = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function temporaryDirectory(name) {
  const dir = mkdtempSync(join(tmpdir(), `sitroom-${name}-`));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A port nothing listens on now (the servers below take it in turn). */
function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Every occurrence of `from` in `bytes` replaced by `to`, which has the same length (so class files and indexes stay valid). */
function replaceBytes(bytes, from, to) {
  assert.equal(from.length, to.length);
  let count = 0;
  for (let at = bytes.indexOf(from); at >= 0; at = bytes.indexOf(from, at + to.length)) {
    to.copy(bytes, at);
    count += 1;
  }
  return count;
}

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true }).map((f) => join(dir, f)).filter((f) => statSync(f).isFile());
}

/**
 * Build 2: a copy of the packaged app whose web app is a new build. Vite names the script by its content's hash,
 * and Quarkus records the names of the static files it serves at build time (in a generated class) and indexes
 * the package's resources (quarkus-application.dat): a new build changes all three, so the copy does too, with a
 * new name as long as the old one. Returns the old and the new script's path.
 */
function secondBuild(dir) {
  cpSync(APP, dir, { recursive: true });
  const jar = join(dir, 'quarkus', 'generated-bytecode.jar');
  const staging = join(dir, 'staging');
  execFileSync('unzip', ['-q', jar, '-d', staging]);
  const pagePath = join(staging, RESOURCES, 'index.html');
  const page = readFileSync(pagePath, 'utf8');
  const oldScript = page.match(/<script type="module"[^>]* src="(\/assets\/[^"]+-([A-Za-z0-9_-]+)\.js)"/);
  assert.ok(oldScript, `the built index.html names its script: ${page}`);
  const [, oldPath, oldHash] = oldScript;
  const script = Buffer.concat([readFileSync(join(staging, RESOURCES, oldPath)), Buffer.from(`\n${MARKER}\n`)]);
  const newHash = createHash('sha256').update(script).digest('base64url').slice(0, oldHash.length);
  const newPath = oldPath.slice(0, -`${oldHash}.js`.length) + `${newHash}.js`;

  const changed = [];
  for (const file of filesUnder(staging)) {
    const bytes = readFileSync(file);
    if (replaceBytes(bytes, Buffer.from(oldPath), Buffer.from(newPath)) > 0) {
      writeFileSync(file, bytes);
      changed.push(relative(staging, file));
    }
  }
  assert.ok(changed.includes(`${RESOURCES}/index.html`), 'the new index.html names the new script');
  assert.ok(changed.some((f) => f.endsWith('.class')), `the recorded static files name the new script: ${changed}`);
  unlinkSync(join(staging, RESOURCES, oldPath));
  writeFileSync(join(staging, RESOURCES, newPath), script);
  changed.push(`${RESOURCES}${newPath}`);
  execFileSync('zip', ['-q', '-d', jar, `${RESOURCES}${oldPath}`]);
  execFileSync('zip', ['-q', jar, ...changed], { cwd: staging });
  rmSync(staging, { recursive: true });

  const index = join(dir, 'quarkus', 'quarkus-application.dat');
  const indexBytes = readFileSync(index);
  replaceBytes(indexBytes, Buffer.from(`${RESOURCES}${oldPath}`), Buffer.from(`${RESOURCES}${newPath}`));
  writeFileSync(index, indexBytes);
  return { oldPath, newPath };
}

/** Starts the packaged app in `dir` on `port` and waits until it is ready; stop() ends it (SIGTERM). */
async function startApp(dir, port) {
  const log = [];
  const child = spawn('java', ['-jar', join(dir, 'quarkus-run.jar')], {
    cwd: dir,
    env: { ...process.env, ...SERVER_ENV, QUARKUS_HTTP_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let exited = false;
  const exit = new Promise((resolveExit) => child.once('exit', (code, signal) => {
    exited = true;
    resolveExit(signal ?? code);
  }));
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    let rest = '';
    stream.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      log.push(...lines);
    });
  }
  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exit;
    clearTimeout(timer);
  };
  cleanups.push(stop);

  const started = Date.now();
  const end = started + STARTUP;
  for (;;) {
    if (exited) throw new Error(`the server in ${dir} exited; its log:\n${log.slice(-60).join('\n')}`);
    if (Date.now() > end) throw new Error(`the server in ${dir} was not ready within ${STARTUP} ms; its log:\n${log.slice(-60).join('\n')}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/q/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    stop,
    readyAfter: Date.now() - started,
    /** The web app's requests that reached this server so far: { method, path, status, ifNoneMatch }. */
    served() {
      return log.flatMap((line) => {
        const m = line.match(/served (\S+) (\S+) (\d+) if-none-match=(.*)$/);
        return m && !m[2].startsWith('/api/') ? [{ method: m[1], path: m[2], status: Number(m[3]), ifNoneMatch: m[4].trim() }] : [];
      });
    },
  };
}

/**
 * What Chromium does for each request of the page, from its DevTools protocol: whether it went to the network (and
 * with which status and headers there) or came from its cache. `take()` returns what happened since the last call.
 */
async function networkRecorder(page) {
  const cdp = await page.context().newCDPSession(page);
  const byId = new Map();
  const entry = (requestId) => byId.get(requestId) ?? byId.set(requestId, { requestId }).get(requestId);
  cdp.on('Network.requestWillBeSent', ({ requestId, request, type }) => Object.assign(entry(requestId), { url: request.url, type }));
  cdp.on('Network.requestServedFromCache', ({ requestId }) => Object.assign(entry(requestId), { cache: 'memory' }));
  cdp.on('Network.responseReceived', ({ requestId, response }) => Object.assign(entry(requestId), {
    status: response.status,
    fromDiskCache: response.fromDiskCache,
    fromServiceWorker: response.fromServiceWorker,
    headers: lowerCase(response.headers),
  }));
  // Only for what really went over the network: the headers as sent and the status as answered (a 304 stays a 304).
  cdp.on('Network.requestWillBeSentExtraInfo', ({ requestId, headers }) => Object.assign(entry(requestId), { sentHeaders: lowerCase(headers) }));
  cdp.on('Network.responseReceivedExtraInfo', ({ requestId, statusCode, headers }) => Object.assign(entry(requestId), {
    networkStatus: statusCode,
    networkHeaders: lowerCase(headers),
  }));
  await cdp.send('Network.enable');
  return {
    take() {
      const all = [...byId.values()].filter((e) => e.url && !new URL(e.url).pathname.startsWith('/api/'));
      byId.clear();
      return all.map((e) => ({ ...e, path: new URL(e.url).pathname }));
    },
  };
}

function lowerCase(headers = {}) {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

test('a browser that had the first build runs the second after a reload', { timeout: 6 * 60_000 }, async (t) => {
  assert.ok(existsSync(join(APP, 'quarkus-run.jar')), `${APP}/quarkus-run.jar: build it first (./mvnw package)`);
  const build2 = temporaryDirectory('build2');
  const { oldPath, newPath } = secondBuild(build2);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;

  const first = await startApp(APP, port);
  t.diagnostic(`build 1 ready after ${first.readyAfter} ms`);
  const context = await chromium.launchPersistentContext(temporaryDirectory('profile'), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  cleanups.push(() => context.close());
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(20_000);
  const network = await networkRecorder(page);
  const signInHeading = page.getByRole('heading', { name: 'Sign in to Sitroom' });

  // First visit: everything from build 1 over the network; the page may be kept but not used unasked, the
  // hashed assets for a year.
  await page.goto(`${origin}/`);
  await signInHeading.waitFor();
  const visit = network.take();
  t.diagnostic(`first visit: ${describe(visit)}`);
  assert.equal(await page.evaluate(() => globalThis.__sitroomBuild), undefined);
  const firstPage = only(visit, '/');
  assert.equal(firstPage.networkStatus, 200);
  assert.equal(firstPage.headers['cache-control'], 'no-cache');
  const firstTag = firstPage.headers.etag;
  assert.match(firstTag ?? '', /^"[0-9a-f]+"$/);
  const assets = visit.filter((e) => e.path.startsWith('/assets/'));
  assert.ok(assets.some((e) => e.path === oldPath), `build 1's script: ${describe(visit)}`);
  const stylesheet = assets.find((e) => e.path.endsWith('.css'))?.path;
  assert.ok(stylesheet, `build 1's stylesheet: ${describe(visit)}`);
  for (const asset of assets) {
    assert.equal(asset.networkStatus, 200, asset.path);
    assert.equal(asset.headers['cache-control'], 'public, max-age=31536000, immutable', asset.path);
  }
  // Text is compressed for a browser that accepts it.
  assert.match(only(visit, oldPath).headers['content-encoding'] ?? '', /^(br|gzip|deflate)$/);

  // A reload while build 1 still runs: the page is asked for again (If-None-Match) and answered 304; the assets
  // come from the cache without asking.
  const before = first.served().length;
  await page.reload();
  await signInHeading.waitFor();
  const reload = network.take();
  t.diagnostic(`reload, build 1: ${describe(reload)}`);
  t.diagnostic(`build 1 served on that reload: ${JSON.stringify(first.served().slice(before))}`);
  const revalidated = only(reload, '/');
  assert.equal(revalidated.sentHeaders?.['if-none-match'], firstTag, 'the reload asks with the ETag it has');
  assert.equal(revalidated.networkStatus, 304);
  for (const asset of reload.filter((e) => e.path.startsWith('/assets/'))) assert.equal(asset.networkStatus, undefined, `${asset.path} from the cache`);
  assert.deepEqual(first.served().slice(before).map((r) => [r.path, r.status]), [['/', 304]]);

  // Deploy build 2 on the same port and reload.
  await first.stop();
  const second = await startApp(build2, port);
  t.diagnostic(`build 2 ready after ${second.readyAfter} ms`);
  await page.reload();
  await signInHeading.waitFor();
  const afterDeploy = network.take();
  t.diagnostic(`reload, build 2: ${describe(afterDeploy)}`);
  t.diagnostic(`build 2 served: ${JSON.stringify(second.served())}`);
  assert.equal(await page.evaluate(() => globalThis.__sitroomBuild), 'second', 'the page runs the second build');
  const newPage = only(afterDeploy, '/');
  assert.equal(newPage.sentHeaders?.['if-none-match'], firstTag);
  assert.equal(newPage.networkStatus, 200, 'a new page for the old ETag');
  assert.notEqual(newPage.headers.etag, firstTag);
  assert.equal(only(afterDeploy, newPath).networkStatus, 200, 'the new script from the server');
  assert.equal(afterDeploy.filter((e) => e.path === oldPath).length, 0, 'the old script is not asked for');
  assert.equal(only(afterDeploy, stylesheet).networkStatus, undefined, 'the stylesheet both builds share, from the cache');
  // The same, as build 2 saw it: the page and the new script, nothing else of the web app.
  // (in any order: the server logs each when it has answered, and the script may finish first)
  assert.deepEqual(second.served().map((r) => [r.path, r.status]).sort(), [['/', 200], [newPath, 200]].sort());

  // A new tab after the deploy: the page is asked for again (304 now), the assets come from the cache.
  const tab = await context.newPage();
  tab.setDefaultTimeout(20_000);
  const tabNetwork = await networkRecorder(tab);
  const servedBefore = second.served().length;
  await tab.goto(`${origin}/`);
  await tab.getByRole('heading', { name: 'Sign in to Sitroom' }).waitFor();
  const newTab = tabNetwork.take();
  t.diagnostic(`new tab, build 2: ${describe(newTab)}`);
  t.diagnostic(`build 2 served for it: ${JSON.stringify(second.served().slice(servedBefore))}`);
  assert.equal(await tab.evaluate(() => globalThis.__sitroomBuild), 'second');
  assert.equal(only(newTab, '/').networkStatus, 304);
  // Chromium takes them from the profile's disk cache here; a renderer it chose to share would have them in memory.
  for (const path of [newPath, stylesheet]) assert.equal(only(newTab, path).networkStatus, undefined, `${path} from the cache`);
  assert.deepEqual(second.served().slice(servedBefore).map((r) => [r.path, r.status]), [['/', 304]]);
});

function only(entries, path) {
  const matching = entries.filter((e) => e.path === path);
  assert.equal(matching.length, 1, `one request for ${path}: ${describe(entries)}`);
  return matching[0];
}

function describe(entries) {
  return JSON.stringify(entries.map((e) => ({
    path: e.path,
    status: e.status,
    network: e.networkStatus ?? null,
    cache: e.fromDiskCache ? 'disk' : (e.cache ?? null),
    ifNoneMatch: e.sentHeaders?.['if-none-match'],
  })));
}
