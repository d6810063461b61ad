// Web-client mode: N copies of the web client's own room store (frontend/src/roomStore.ts with its
// socket.ts, state.ts and reducers.ts, compiled by build-webclient.mjs) in this process, each with a
// `ws` WebSocket, so the load is what users' browsers make:
//   - each store connects as the web app does: POST /api/ws-ticket with its user's session, then
//     /ws/rooms/{id}?ticket=...&since=0, with permessage-deflate offered as Chromium offers it and an
//     Origin header (the page's origin), and takes its state from the welcome;
//   - a few stores (spread over the room, so over different users) send section-changing commands
//     through RoomStore.send at a set rate, open loop: note.add, action.create, decision.propose and
//     action.update (of an action the sender made earlier), in turn;
//   - latency sample = the moment a store has applied the command's event with the client's reducers
//     (its 'event' change, emitted after the view is updated) minus the moment the command was sent,
//     for every store; each sample also checks that the store's view shows the change;
//   - snapshot GETs: http_server_requests_seconds_count for GET "/api/rooms/{id}" in /q/metrics (read
//     with the admin's token) after the welcomes and at the end: the client must fetch none.
// The store reads two browser globals: `location` (the page's origin) and `fetch` with relative paths,
// signed in as the web app is, by the browser's session cookie (frontend/src/api.ts sends
// `X-Sitroom-Session: cookie`). Each store is a browser of its own here: its cookie jar (the user's
// session token) follows it through AsyncLocalStorage, so each store fetches its tickets as its user.
// A real browser also sends its Origin with every POST; so does this.
import { AsyncLocalStorage } from 'node:async_hooks';
import { pathToFileURL } from 'node:url';
import WebSocket from 'ws';
import { buildWebClient } from '../build-webclient.mjs';
import { deflateOffer } from './clients.mjs';
import { cpuMicros, ownCpuMicros } from './proc.mjs';
import { Samples } from './stats.mjs';
import { mapLimit, now, round, sleep, waitUntil } from './util.mjs';

const SESSION_COOKIE = 'sitroom_session'; // the cookie's name over plain http (security/BrowserSession.java)
const browser = new AsyncLocalStorage(); // the running store's cookie jar: { token }
const FAR_FUTURE = '2999-01-01T00:00:00Z';

/** The browser globals roomStore.ts reads, for a page served from `base`. */
function installBrowserGlobals(base, counters) {
  const origin = new URL(base);
  globalThis.location = { protocol: origin.protocol, host: origin.host, origin: origin.origin, href: `${origin.origin}/` };
  const nativeFetch = globalThis.fetch;
  globalThis.fetch = (input, init = {}) => {
    if (typeof input !== 'string' || !input.startsWith('/')) return nativeFetch(input, init);
    counters.requests[input] = (counters.requests[input] ?? 0) + 1;
    const headers = { ...init.headers, origin: origin.origin };
    const jar = browser.getStore();
    if (jar) headers.cookie = `${SESSION_COOKIE}=${jar.token}`;
    return nativeFetch(origin.origin + input, { ...init, headers });
  };
}

/** The server's count of snapshot GETs (GET /api/rooms/{id}), from /q/metrics with the admin's token. */
async function snapshotGets(target) {
  const response = await fetch(`${target.base}/q/metrics`, { headers: { authorization: `Bearer ${await target.adminToken()}` } });
  if (!response.ok) throw new Error(`GET /q/metrics -> ${response.status}`);
  let count = 0;
  for (const line of (await response.text()).split('\n')) {
    if (line.startsWith('http_server_requests_seconds_count{') && line.includes('method="GET"') && line.includes('uri="/api/rooms/{id}"')) {
      count += Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return count;
}

/**
 * The commands, in turn. Each returns {name, data, reflected(view)} for the k-th command of a
 * sender, or null when it cannot be made now (then the next kind is used).
 */
const KINDS = [
  (marker) => ({ name: 'note.add', data: { text: marker }, reflected: (room) => room.notes.some((n) => n.text === marker) }),
  (marker) => ({
    name: 'action.create',
    data: { title: marker, ownerRole: 'participant' },
    reflected: (room) => (room.actions ?? []).some((a) => a.title === marker),
  }),
  (marker) => ({
    name: 'decision.propose',
    data: { title: marker, choice: 'yes', rationale: 'load test', approvers: ['incident_commander'] },
    reflected: (room) => (room.decisions ?? []).some((d) => d.title === marker),
  }),
  (marker, sender) => {
    // An action this sender made and has not moved yet (the participant role owns it).
    const action = (sender.store.room?.actions ?? []).find((a) => a.status === 'open' && sender.made.has(a.title) && !sender.moved.has(a.actionId));
    if (!action) return null;
    sender.moved.add(action.actionId);
    const id = action.actionId;
    return {
      name: 'action.update',
      data: { actionId: id, status: 'in_progress', note: marker },
      reflected: (room) => (room.actions ?? []).find((a) => a.actionId === id)?.status === 'in_progress',
    };
  },
];

export async function runWebClients({ target, clients, publishers, perUser, rate, commands, drainMs, concurrency, deflate, serverPid, tag, log }) {
  const counters = { requests: {} };
  installBrowserGlobals(target.base, counters);
  const { RoomStore } = await import(pathToFileURL(await buildWebClient()).href);
  log(`webclient: ${clients} copies of the web client's RoomStore in one room, ${publishers} sending ${commands} section-changing commands at ${rate}/s; ` +
      `permessage-deflate ${deflate ? 'offered (as Chromium)' : 'not offered'}`);

  const [plan] = await target.prepare({ rooms: 1, clientsPerRoom: clients, perUser, label: `webclient ${tag}` });
  const sockets = [];
  const createSocket = (url) => {
    const socket = new WebSocket(url, { perMessageDeflate: deflateOffer(deflate), origin: globalThis.location.origin });
    sockets.push(socket);
    return socket;
  };
  const tracker = new Tracker(clients);
  const connectStart = now();
  const stores = await mapLimit(Array.from({ length: clients }, (_, c) => c), concurrency, async (c) => {
    const identity = plan.identities[Math.floor(c / perUser)];
    const session = { expiresAt: identity.expiresAt ?? FAR_FUTURE, user: { id: identity.userId, username: identity.username, displayName: identity.username } };
    const store = new RoomStore(plan.ref, session, { createSocket });
    store.subscribe((change) => tracker.change(store, change));
    browser.run({ token: identity.token }, () => store.start());
    const live = await waitUntil(() => store.view != null && store.status.state === 'live', 60_000, 10);
    if (!live) throw new Error(`store ${c} not live after 60 s: ${JSON.stringify(store.status)}`);
    return store;
  });
  const connectSeconds = (now() - connectStart) / 1000;
  log(`  ${stores.length} stores live in ${round(connectSeconds)} s (${counters.requests['/api/ws-ticket'] ?? 0} tickets)`);

  const getsAfterWelcomes = await snapshotGets(target);
  const senders = Array.from({ length: Math.min(publishers, clients) }, (_, i) => ({
    store: stores[Math.floor((i * clients) / Math.min(publishers, clients))], made: new Set(), moved: new Set(), turn: 0,
  }));
  const start = now() + 200;
  const serverCpuAtStart = cpuMicros(serverPid);
  const ownCpuAtStart = process.cpuUsage();
  const sendLags = new Samples();
  let unsent = 0;
  for (let k = 0; k < commands; k++) {
    const planned = start + (k * 1000) / rate;
    const wait = planned - now();
    if (wait > 0) await sleep(wait);
    const sender = senders[k % senders.length];
    const marker = `${tag} #${k}`;
    let command = null;
    for (let tries = 0; !command && tries < KINDS.length; tries++) {
      command = KINDS[sender.turn++ % KINDS.length](marker, sender);
    }
    if (command.name === 'action.create') sender.made.add(marker);
    const sentAt = now();
    sendLags.push(sentAt - planned);
    tracker.sent(command, sentAt);
    // The store makes the commandId (newest first in store.commands); its event carries it back.
    if (sender.store.send(command.name, command.data, marker, { onRefused: (e) => tracker.refused(command, e) })) {
      tracker.byCommandId.set(sender.store.commands[0].commandId, command);
    } else {
      unsent++;
      command.refused = true;
    }
  }
  const sendSeconds = (now() - start) / 1000;
  await waitUntil(() => tracker.done(), drainMs);
  const elapsedMs = now() - start;
  const serverCpu = serverCpuAtStart == null ? null : cpuMicros(serverPid) - serverCpuAtStart;
  const ownCpu = ownCpuMicros(ownCpuAtStart);
  await sleep(500); // let any GET a store would make after the last event reach the server
  const getsAtEnd = await snapshotGets(target);

  // Every store shows the last command of each kind (its state, not just its events).
  const lastOfKind = new Map();
  for (const command of tracker.commands) lastOfKind.set(command.name, command);
  const storesNotShowing = stores.filter((s) => ![...lastOfKind.values()].every((command) => s.room && command.reflected(s.room))).length;
  const reconnects = stores.filter((s) => s.status.state !== 'live').length;
  stores.forEach((s) => s.stop());
  // Let the closing handshakes finish, as a closing tab's would, instead of resetting the connections on exit.
  await waitUntil(() => sockets.every((socket) => socket.readyState === WebSocket.CLOSED), 5_000);

  const latency = tracker.latencies.summary();
  const result = {
    clients: stores.length,
    publishers: senders.length,
    rate,
    deflate,
    commands: tracker.commands.length,
    byKind: tracker.byKind(),
    unsent,
    refused: tracker.refusedCount,
    refusals: tracker.refusals,
    expectedUpdates: tracker.commands.length * stores.length,
    updates: tracker.updates,
    notReflected: tracker.notReflected,
    missing: tracker.commands.length * stores.length - tracker.updates,
    storesNotShowingLast: storesNotShowing,
    storesNotLive: reconnects,
    complete: tracker.updates === tracker.commands.length * stores.length && tracker.notReflected === 0 && storesNotShowing === 0 && tracker.refusedCount === 0,
    ...latency,
    sendLagP99: sendLags.summary().p99,
    sendSeconds,
    connectSeconds,
    snapshotGetsAfterWelcomes: getsAfterWelcomes,
    snapshotGetsAtEnd: getsAtEnd,
    snapshotGets: getsAtEnd - getsAfterWelcomes,
    clientRequests: counters.requests,
    serverCpuMicrosPerUpdate: serverCpu == null || tracker.updates === 0 ? null : serverCpu / tracker.updates,
    generatorCpu: ownCpu / 1000 / elapsedMs,
  };
  log(`  ${result.updates}/${result.expectedUpdates} store updates${result.complete ? ', every store shows every change' : `; MISSING ${result.missing}, not reflected ${result.notReflected}, stores not showing the last ${storesNotShowing}, refused ${result.refused}`}; ` +
      `p50 ${round(latency.p50)} p99 ${round(latency.p99)} p999 ${round(latency.p999)} max ${round(latency.max)} ms; ` +
      `snapshot GETs after the welcomes ${result.snapshotGets}; server ${round(result.serverCpuMicrosPerUpdate, 2)} us/update; ` +
      `generator ${Math.round(result.generatorCpu * 100)}% cpu, send lag p99 ${round(result.sendLagP99)} ms`);
  return result;
}

/** The commands sent and, per store, when its view came to show each. */
class Tracker {
  constructor(clients) {
    this.clients = clients;
    this.commands = [];
    this.byCommandId = new Map(); // commandId (the store's) -> command
    this.latencies = new Samples();
    this.updates = 0; // (store, command) pairs seen applied
    this.notReflected = 0; // an event applied but the view does not show the change
    this.refusedCount = 0;
    this.refusals = {};
  }

  sent(command, sentAt) {
    command.sentAt = sentAt;
    command.got = 0;
    this.commands.push(command);
  }

  refused(command, error) {
    this.refusedCount++;
    this.refusals[error.code] = (this.refusals[error.code] ?? 0) + 1;
    command.refused = true;
  }

  change(store, change) {
    if (change.type !== 'event' || !change.event.commandId) return;
    const t = now();
    const command = this.byCommandId.get(change.event.commandId);
    if (!command) return;
    command.got++;
    this.updates++;
    this.latencies.push(t - command.sentAt);
    if (!(store.room && command.reflected(store.room))) this.notReflected++;
  }

  done() {
    return this.commands.every((c) => c.refused || c.got >= this.clients);
  }

  byKind() {
    const counts = {};
    for (const c of this.commands) counts[c.name] = (counts[c.name] ?? 0) + 1;
    return counts;
  }
}
