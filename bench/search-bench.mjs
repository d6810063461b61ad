// Search across rooms (issue 16, item 6). Seeds ROOMS incident rooms with about EVENTS events in all on a running
// Sitroom, through its command path (every event goes through the unit of work, which writes its search_entry):
// rooms and members over REST, then each room's commands sent down a WebSocket at once, so the server batches
// them (sitroom.commands.max-batch) as it does any burst. Then times GET /api/search for a mix of queries as a
// member of every room and as a member of ten, one query at a time, and prints p50/p95/p99 per viewer and per
// kind of query. Node 20 or later, no packages (run with --experimental-websocket before Node 22).
//
// The seeded text is incident vocabulary in prose frequencies (filler words, content words from common to rare,
// and a long tail of host names, user names, ticket numbers): the commonest word is in about a third of the
// entries, a rare tool name in a few hundred, a host name in a handful. A sixth of the notes are restricted to legal, which
// neither viewer holds, so the visibility filter has work.
//
// Usage: node --experimental-websocket bench/search-bench.mjs BASE_URL ADMIN_PASSWORD [ROOMS] [EVENTS] [QUERIES] [WORKERS]
//        node bench/search-bench.mjs BASE_URL ADMIN_PASSWORD --queries-only STATE_FILE [QUERIES]
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

const COMMON = `ransomware encrypted backup restore firewall credential password token phishing mailbox endpoint server
database customer invoice payroll vpn domain controller network segment isolate contain attacker malware beacon lateral
movement exfiltration upload download alert detection analysis legal regulator notify statement press executive board
update timeline evidence forensic image disk memory log audit access account admin privilege escalation patch
vulnerability exploit scan outage service latency traffic ddos mitigation provider vendor contract insurance negotiator
decryptor ransom note wallet bitcoin`.split(/\s+/);
const RARE = `kerberoasting mimikatz cobaltstrike bloodhound psexec rclone anydesk ngrok dcsync golden-ticket shadowcopy
vssadmin lsass ntds wmic certutil bitsadmin sliver havoc brute-ratel`.split(/\s+/);
const FILLER = 'the and to of on in we is was for with at from by it that this after before our their has have not'.split(' ');
/** Word frequencies as in prose (Zipf-Mandelbrot, rank offset 10): the commonest word is about 4% of the content words. */
const CUMULATIVE = (() => {
  const weights = COMMON.map((_, k) => 1 / (k + 10));
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  return weights.map((w) => (sum += w / total));
})();
const TYPES = ['ransomware', 'leaked-credentials', 'phishing-account-takeover', 'ddos', 'insider-data-theft', 'third-party-breach'];
const PHASES = ['detection', 'analysis', 'containment', 'eradication', 'recovery', 'post_incident'];

/** A small seeded generator (mulberry32), so a seeding can be repeated. */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    /** A content word, the first ones most often. */
    common: () => {
      const x = next();
      const k = CUMULATIVE.findIndex((c) => c >= x);
      return COMMON[k < 0 ? COMMON.length - 1 : k];
    },
  };
}

const host = (r) => `${r.pick(['srv', 'fs', 'db', 'web', 'dc', 'wks', 'vpn'])}-${String(r.int(1, 4000)).padStart(4, '0')}`;

function sentence(r, words = 12) {
  const out = [];
  for (let i = 0; i < words; i++) {
    const roll = r.next();
    if (roll < 0.4) out.push(r.pick(FILLER));
    else if (roll < 0.85) out.push(r.common());
    else if (roll < 0.87) out.push(r.pick(RARE));
    else if (roll < 0.95) out.push(host(r));
    else if (roll < 0.98) out.push(`user${r.int(1, 20000)}`);
    else out.push(`INC-${r.int(1, 99999)}`);
  }
  const text = out.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function client(base) {
  async function call(method, path, token, body) {
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(base + path, {
        method,
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (response.ok) return text ? JSON.parse(text) : null;
      if ((response.status === 429 || response.status === 503) && attempt < 20) {
        await sleep(1000 * Number(response.headers.get('Retry-After') || 1));
        continue;
      }
      throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
    }
  }
  const login = async (username, password) => (await call('POST', '/api/auth/login', null, { username, password })).token;
  async function user(admin, name) {
    const username = `bench-${name.toLowerCase().replace(/\s+/g, '-')}-${Math.random().toString(36).slice(2, 8)}`;
    const password = `password-${username}`;
    const { id } = await call('POST', '/api/users', admin, { username, displayName: name, password });
    return { id, name, token: await login(username, password) };
  }
  return { call, login, user };
}

/** Sends every command down one socket at once and waits for every result; returns the highest seq recorded. */
function sendAll(base, room, token, commands) {
  if (!commands.length) return Promise.resolve(0);
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/ws/rooms/${room}?token=${encodeURIComponent(token)}`);
    const waiting = new Set(commands.map((c) => c.commandId));
    let head = 0;
    const timer = setTimeout(() => {
      ws.close();
      reject(new Error(`room ${room}: ${waiting.size} commands unanswered after 10 minutes`));
    }, 600_000);
    ws.onmessage = (message) => {
      const frame = JSON.parse(message.data);
      if (frame.type === 'welcome') {
        for (const c of commands) ws.send(JSON.stringify({ type: 'command', ...c }));
      } else if (frame.type === 'result' && waiting.delete(frame.commandId)) {
        // Refusals are expected now and then: a phase the room is in already, a checklist item done already.
        if (frame.ok) head = Math.max(head, frame.lastSeq ?? frame.seq);
        else if (!['conflict', 'invalid'].includes(frame.error?.code)) reject(new Error(`room ${room}: ${JSON.stringify(frame.error)}`));
        if (waiting.size === 0) {
          clearTimeout(timer);
          ws.close();
          resolve(head);
        }
      }
    };
    ws.onerror = (e) => {
      clearTimeout(timer);
      reject(new Error(`room ${room}: socket error ${e.message ?? ''}`));
    };
  });
}

function fieldValues(r, field, many) {
  switch (field.type) {
    case 'select':
      return [r.pick(field.options)];
    case 'multi_select':
      return [...new Set([r.pick(field.options), r.pick(field.options)])].sort();
    case 'number':
      return [String(r.int(0, 500))];
    case 'date':
      return [new Date(Date.now() - r.int(0, 60) * 86_400_000).toISOString().slice(0, 10)];
    case 'user':
      return [many.id];
    default:
      return [sentence(r, 4)];
  }
}

let commandCounter = 0;

/** One room: opened (60% with a type) by its lead, the member of every room added, then its commands. */
async function seedRoom(api, base, i, lead, many, few, playbooks, eventsPerRoom) {
  const r = rng(16 * 100_003 + i);
  const body = { kind: 'INCIDENT', title: `${sentence(r, 5).slice(0, -1)} #${i}`, severity: `SEV${r.int(1, 4)}` };
  if (r.next() < 0.6) body.type = r.pick(TYPES);
  const { id: room } = await api.call('POST', '/api/rooms', lead.token, body);
  await api.call('POST', `/api/rooms/${room}/members`, lead.token, { userId: many.id, roles: ['containment_lead'] });
  if (few) await api.call('POST', `/api/rooms/${room}/members`, lead.token, { userId: few.id, roles: ['scribe'] });
  const playbook = playbooks[body.type];
  let head = few ? 4 : 3;
  let commands = 0;
  while (head < eventsPerRoom) {
    const byLead = [];
    const byMany = [];
    // About one event a command (update.post appends two): a little under what is left, then the rest.
    for (let n = 0; n < Math.max(1, Math.floor((eventsPerRoom - head) * 0.9)); n++) {
      const roll = r.next();
      let name;
      let data;
      let asLead = r.next() < 0.6;
      if (roll < 0.62) {
        name = 'note.add';
        data = { text: sentence(r, r.int(6, 40)) };
        if (r.next() < 0.16) data.visibleTo = ['legal'];
      } else if (roll < 0.7) {
        [name, asLead] = ['decision.propose', true];
        data = { title: sentence(r, 6).slice(0, -1), choice: 'Yes', rationale: sentence(r, 15), approvers: ['legal'] };
      } else if (roll < 0.8) {
        name = 'action.create';
        data = { title: sentence(r, 7).slice(0, -1), ownerRole: 'containment_lead' };
      } else if (roll < 0.86) {
        [name, asLead] = ['update.post', true];
        data = { audience: 'all', summary: sentence(r, 20) };
      } else if (roll < 0.9) {
        [name, asLead] = ['room.phase', true];
        data = { phase: r.pick(PHASES) };
      } else if (roll < 0.92) {
        [name, asLead] = ['room.severity', true];
        data = { severity: `SEV${r.int(1, 4)}` };
      } else if (playbook && roll < 0.96) {
        const field = r.pick(playbook.fields);
        name = 'field.set';
        data = { fieldId: field.id, values: fieldValues(r, field, many) };
      } else if (playbook) {
        [name, asLead] = ['checklist.check', true];
        data = { itemId: r.pick(playbook.checklist).id, note: sentence(r, 8) };
      } else {
        name = 'note.add';
        data = { text: sentence(r, 10) };
      }
      (asLead ? byLead : byMany).push({ commandId: `b-${i}-${++commandCounter}`, name, data });
    }
    const heads = await Promise.all([sendAll(base, room, lead.token, byLead), sendAll(base, room, many.token, byMany)]);
    head = Math.max(head, ...heads);
    commands += byLead.length + byMany.length;
  }
  return { room, type: body.type, events: head, commands };
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** One realistic query: its kind and its parameters. */
function queryMix(r) {
  const today = new Date();
  const day = (d) => new Date(today.getTime() - d * 86_400_000).toISOString().slice(0, 10);
  const roll = r.next();
  const common = () => r.common();
  if (roll < 0.3) return ['word', { q: common() }];
  if (roll < 0.4) return ['rare word', { q: r.pick(RARE) }];
  if (roll < 0.5) return ['host', { q: host(r) }];
  if (roll < 0.6) return ['two words', { q: `${common()} ${common()}` }];
  if (roll < 0.68) return ['phrase', { q: `"${common()} ${common()}"` }];
  if (roll < 0.74) return ['word+severity', { q: common(), severity: `SEV${r.int(1, 4)}` }];
  if (roll < 0.8) return ['word+type', { q: common(), type: r.pick(TYPES) }];
  if (roll < 0.85) return ['word+phase', { q: common(), phase: r.pick(PHASES) }];
  if (roll < 0.9) return ['word+dates', { q: common(), from: day(1), to: day(0) }];
  if (roll < 0.95) return ['field', { type: 'ransomware', 'field.exfiltration': r.pick(['unknown', 'suspected', 'confirmed', 'ruled out']) }];
  return ['filters only', { severity: `SEV${r.int(1, 4)}`, phase: r.pick(PHASES) }];
}

async function runQueries(api, viewers, n) {
  const r = rng(7);
  const results = {};
  for (const [label, token] of viewers) {
    for (let i = 0; i < 20; i++) await api.call('GET', `/api/search?${new URLSearchParams(queryMix(r)[1])}`, token); // warm-up
    const timings = [];
    for (let i = 0; i < n; i++) {
      const [kind, params] = queryMix(r);
      const started = performance.now();
      const body = await api.call('GET', `/api/search?${new URLSearchParams(params)}`, token);
      timings.push({ kind, ms: performance.now() - started, entries: body.entries.length, rooms: body.rooms.length, more: body.more });
    }
    results[label] = timings;
  }
  return results;
}

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const fmt = (x) => x.toFixed(1).padStart(7);

function report(results, before, after) {
  console.log(`load average before the queries: ${before}; after: ${after}`);
  for (const [label, timings] of Object.entries(results)) {
    const ms = timings.map((t) => t.ms);
    console.log(`${label}: ${ms.length} queries, ms p50 ${fmt(percentile(ms, 50))}, p95 ${fmt(percentile(ms, 95))}, p99 ${fmt(percentile(ms, 99))}, max ${fmt(Math.max(...ms))}`);
    const kinds = new Map();
    for (const t of timings) kinds.set(t.kind, [...(kinds.get(t.kind) ?? []), t]);
    for (const [kind, rows] of [...kinds].sort()) {
      const k = rows.map((t) => t.ms);
      const mean = (f) => (rows.reduce((s, t) => s + f(t), 0) / rows.length).toFixed(0);
      console.log(`    ${kind.padEnd(14)} n=${String(rows.length).padStart(4)}  p50 ${fmt(percentile(k, 50))}  p95 ${fmt(percentile(k, 95))}  max ${fmt(Math.max(...k))}` +
        `  rooms ~${mean((t) => t.rooms)}, entries ~${mean((t) => t.entries)}, more ${rows.filter((t) => t.more).length}`);
    }
  }
}

async function main() {
  const [base, password, third, fourth, fifth, sixth] = process.argv.slice(2);
  const api = client(base);
  const admin = await api.login('admin', password);
  let state;
  let queries;
  if (third === '--queries-only') {
    state = JSON.parse(readFileSync(fourth, 'utf8'));
    queries = Number(fifth ?? 500);
  } else {
    const rooms = Number(third ?? 1000);
    const events = Number(fourth ?? 100_000);
    queries = Number(fifth ?? 500);
    const workers = Number(sixth ?? 8);
    const leads = await Promise.all([0, 1, 2, 3].map((i) => api.user(admin, `Lead ${i}`)));
    const many = await api.user(admin, 'Mona Many');
    const few = await api.user(admin, 'Fay Few');
    const playbooks = Object.fromEntries(await Promise.all(TYPES.map(async (t) => [t, await api.call('GET', `/api/playbooks/${t}`, admin)])));
    const started = Date.now();
    const done = [];
    let next = 0;
    const every = Math.max(1, Math.floor(rooms / 10));
    async function worker() {
      while (next < rooms) {
        const i = next++;
        done.push(await seedRoom(api, base, i, leads[i % leads.length], many, i % every === 0 ? few : null, playbooks, Math.round(events / rooms)));
        if (done.length % 50 === 0) {
          const total = done.reduce((s, d) => s + d.events, 0);
          console.log(`seeded ${done.length} rooms, ${total} events, ${((Date.now() - started) / 1000).toFixed(0)} s, load ${load()}`);
        }
      }
    }
    await Promise.all(Array.from({ length: workers }, worker));
    const total = done.reduce((s, d) => s + d.events, 0);
    console.log(`seeded ${rooms} rooms with ${total} events (${done.reduce((s, d) => s + d.commands, 0)} commands) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    state = { many, few, rooms, events: total };
    writeFileSync(process.env.SEARCH_BENCH_STATE || 'target/search-bench-state.json', JSON.stringify(state));
  }
  // The state file holds sign-in tokens, which live 12 hours: an older one needs a new seeding.
  const viewers = [
    [`member of ${state.rooms} rooms`, state.many.token],
    ['member of 10 rooms', state.few.token],
  ];
  const before = load();
  const results = await runQueries(api, viewers, queries);
  report(results, before, load());
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
