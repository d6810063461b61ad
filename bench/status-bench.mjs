// The public status page (issue 17, item 1): seeds a running Sitroom with COMPONENTS components and INCIDENTS public
// incidents, each with UPDATES published statements (through the command path, as the IC, comms approver and legal
// would), then loads GET /status and GET /api/v2/summary.json together at RATE requests a second for SECONDS seconds,
// open loop: requests leave on a fixed schedule whatever the answers do, and each latency is measured from the moment
// its request was due (so a stall is counted in full, not hidden by the client waiting). Keep-alive connections, no
// If-None-Match (every answer is a full 200 body, the worst case for the server). Prints p50/p90/p99/max per path,
// errors, the rate achieved, and the load average before and after. Node 20 or later, no packages.
//
// Usage: node bench/status-bench.mjs BASE_URL ADMIN_PASSWORD [RATE] [SECONDS] [INCIDENTS] [UPDATES] [COMPONENTS]
import http from 'node:http';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

const [base, adminPassword, rateArg, secondsArg, incidentsArg, updatesArg, componentsArg] = process.argv.slice(2);
if (!base || !adminPassword) {
  console.error('usage: node bench/status-bench.mjs BASE_URL ADMIN_PASSWORD [RATE] [SECONDS] [INCIDENTS] [UPDATES] [COMPONENTS]');
  process.exit(2);
}
const RATE = Number(rateArg ?? 1000);
const SECONDS = Number(secondsArg ?? 30);
const INCIDENTS = Number(incidentsArg ?? 20);
const UPDATES = Number(updatesArg ?? 5);
const COMPONENTS = Number(componentsArg ?? 8);
const PATHS = ['/status', '/api/v2/summary.json'];
const WARMUP_SECONDS = 5;
/** ENCODING=gzip asks for compressed answers, as browsers do. */
const ENCODING = process.env.ENCODING ?? '';

async function call(method, path, token, body) {
  const res = await fetch(base + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

async function login(username, password) {
  return (await call('POST', '/api/auth/login', null, { username, password })).token;
}

async function user(admin, name) {
  const username = `bench-${name.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}`;
  const password = `status-bench-${username}-pw`;
  const created = await call('POST', '/api/users', admin, { username, displayName: name, password });
  return { id: created.id, token: await login(username, password) };
}

let commands = 0;
async function command(token, room, name, data) {
  return call('POST', `/api/rooms/${room}/commands`, token, { commandId: `bench-${++commands}`, name, data });
}

async function seed() {
  const admin = await login('admin', adminPassword);
  const statuses = ['operational', 'operational', 'degraded_performance', 'operational', 'partial_outage', 'operational'];
  for (let i = 0; i < COMPONENTS; i++) {
    await call('POST', '/api/status/components/commands', admin, {
      name: 'component.create',
      data: { name: `Service ${i + 1} ${Math.random().toString(36).slice(2, 6)}`, description: `What service ${i + 1} does for customers.`, status: statuses[i % statuses.length] },
    });
  }
  const comms = await user(admin, 'Cora');
  const legal = await user(admin, 'Lea');
  for (let i = 0; i < INCIDENTS; i++) {
    const room = (await call('POST', '/api/rooms', admin, { kind: 'INCIDENT', title: `Bench incident ${i + 1}`, severity: `SEV${1 + (i % 4)}` })).id;
    await call('POST', `/api/rooms/${room}/members`, admin, { userId: comms.id, roles: ['comms_approver'] });
    await call('POST', `/api/rooms/${room}/members`, admin, { userId: legal.id, roles: ['legal'] });
    await command(admin, room, 'room.public', {});
    let statementId;
    for (let u = 0; u < UPDATES; u++) {
      const body = `Update ${u + 1} on incident ${i + 1}: we are working on it and will post again within the hour. `.repeat(3);
      const drafted = await command(comms.token, room, 'statement.draft', {
        ...(statementId ? { statementId } : {}), title: `Incident ${i + 1}: degraded service`, body, channel: 'status-page',
      });
      const events = await call('GET', `/api/rooms/${room}/events?since=${drafted.seq - 1}&limit=1`, admin);
      statementId = events.events[0].data.statementId;
      await command(comms.token, room, 'statement.approve', { statementId });
      await command(legal.token, room, 'statement.approve', { statementId });
      await command(comms.token, room, 'statement.publish', { statementId });
    }
    if (i % 3 === 0) await command(admin, room, 'room.phase', { phase: i % 2 ? 'containment' : 'closed' });
  }
}

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

async function load() {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const results = Object.fromEntries(PATHS.map((p) => [p, { latencies: [], errors: 0, bytes: 0 }]));
  const interval = 1000 / RATE;
  const total = Math.round(RATE * (SECONDS + WARMUP_SECONDS));
  const warmup = Math.round(RATE * WARMUP_SECONDS);
  const start = performance.now();
  let done = 0;
  let sent = 0;
  await new Promise((resolve) => {
    const fire = (i) => {
      const due = start + i * interval;
      const path = PATHS[i % PATHS.length];
      const headers = ENCODING ? { 'Accept-Encoding': ENCODING } : {};
      const req = http.get({ host: url.hostname, port: url.port, path, agent, headers }, (res) => {
        let bytes = 0;
        res.on('data', (chunk) => (bytes += chunk.length));
        res.on('end', () => {
          if (i >= warmup) {
            const r = results[path];
            if (res.statusCode === 200) {
              r.latencies.push(performance.now() - due);
              r.bytes = bytes;
            } else r.errors++;
          }
          if (++done === total) resolve();
        });
      });
      req.on('error', () => {
        if (i >= warmup) results[path].errors++;
        if (++done === total) resolve();
      });
    };
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + sent * interval <= now) fire(sent++);
      if (sent < total) setTimeout(tick, Math.max(0, Math.min(5, start + sent * interval - performance.now())));
    };
    tick();
  });
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  return { results, elapsed, total };
}

const t0 = performance.now();
await seed();
console.log(`seeded ${COMPONENTS} components, ${INCIDENTS} public incidents x ${UPDATES} published statements in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
for (const path of PATHS) {
  const res = await fetch(base + path);
  console.log(`${path}: ${res.status}, ${(await res.arrayBuffer()).byteLength} bytes, ETag ${res.headers.get('etag')}, ${res.headers.get('cache-control')}`);
}
const before = loadavg();
const { results, elapsed, total } = await load();
const after = loadavg();
console.log(`load: ${RATE} requests/s for ${SECONDS} s after ${WARMUP_SECONDS} s of warm-up (${total} requests in ${elapsed.toFixed(1)} s, both paths alternating; Accept-Encoding: ${ENCODING || 'none'})`);
for (const [path, r] of Object.entries(results)) {
  const sorted = r.latencies.sort((a, b) => a - b);
  const f = (p) => percentile(sorted, p).toFixed(1);
  console.log(`${path}: ${sorted.length} ok, ${r.errors} errors, ${r.bytes} bytes; ms p50 ${f(50)} p90 ${f(90)} p99 ${f(99)} max ${sorted.length ? sorted[sorted.length - 1].toFixed(1) : 'NaN'}`);
}
console.log(`load average (1, 5, 15 min) before ${before.map((x) => x.toFixed(2)).join(' ')}, after ${after.map((x) => x.toFixed(2)).join(' ')}; ${(await import('node:os')).cpus().length} cores`);
