#!/usr/bin/env node
// Sitroom load generator: one process and one clock (performance.now) for every client, so a
// latency is a difference of two readings of the same clock. Targets: sitroom (the server under
// test), relay (bare `ws` relay, relay.mjs: the practical ceiling, no persistence) and socketio
// (Socket.IO rooms, socketio-server.mjs). Modes:
//   fanout   N clients in M rooms, a sweep of publish rates; per rate: delivered msgs/s, fan-out
//            latency (planned send of a command -> its event decoded at each client) p50/p99/p999/max,
//            whether every client got every event, server CPU us per delivery; the knee = highest
//            rate with p99 <= --knee-p99 ms and every event delivered.
//   durable  accepted commands/s with --inflight commands outstanding per publisher, into one hot
//            room, then across --durable-rooms rooms (one publisher each).
//   idle     --idle sockets held open; server heap (after a full GC where possible) and RSS per socket.
//   webclient  --web-clients copies of the web client's own room store (frontend/src/roomStore.ts,
//            compiled by build-webclient.mjs) over `ws`, a few of them sending section-changing
//            commands at --web-rate; latency = send -> each store reflects it; snapshot GETs counted
//            from /q/metrics (sitroom only). See lib/webclient.mjs.
// Clients offer permessage-deflate as Chromium does (--deflate 1, the default); --deflate 0, or a mode
// name ending in -plain (fanout-plain), offers none: the comparison without compression.
// Server CPU and RSS are read from /proc/<--server-pid>. Prints lines as it goes and writes all of
// it as JSON to --out. bench/run-load.sh runs it against all three targets; see that script.
//
//   node loadgen.mjs --target sitroom --url http://127.0.0.1:8097 --server-pid <pid> --mode fanout [--quick]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createTarget, connectAll } from './lib/targets.mjs';
import { runSweep, pickPublishers } from './lib/fanout.mjs';
import { runDurable } from './lib/durable.mjs';
import { runIdle } from './lib/idle.mjs';
import { startFlood } from './lib/flood.mjs';
import { runWebClients } from './lib/webclient.mjs';
import { runTag, round } from './lib/util.mjs';

const FULL = {
  clients: 500, rooms: 1, publishers: 4, 'per-user': 20,
  rates: '10,25,50,100,200,300,400,600,800,1200,1600',
  warmup: 1, window: 3, drain: 5, 'stop-p99': 1000, 'knee-p99': 100,
  'durable-conns': 20, 'durable-rooms': 100, inflight: 8, 'durable-window': 5,
  idle: 10000, 'idle-rooms': 100, settle: 5, 'connect-concurrency': 100,
  flood: 0,
  'web-clients': 500, 'web-publishers': 4, 'web-rate': 20, 'web-commands': 200, 'web-drain': 15,
};
const QUICK = {
  ...FULL, clients: 50, rates: '10,50,100,200,400', warmup: 0.5, window: 1.5, drain: 3,
  'durable-conns': 5, 'durable-rooms': 10, 'durable-window': 2, idle: 500, 'idle-rooms': 10, settle: 2,
  'web-clients': 50, 'web-commands': 40,
};

function options() {
  const names = Object.keys(FULL);
  const { values } = parseArgs({
    options: {
      target: { type: 'string', default: 'sitroom' },
      mode: { type: 'string', default: 'fanout' },
      url: { type: 'string' },
      'server-pid': { type: 'string' },
      'admin-password': { type: 'string', default: process.env.SITROOM_ADMIN_PASSWORD || '' },
      out: { type: 'string' },
      run: { type: 'string', default: '1' },
      quick: { type: 'boolean', default: false },
      'flood-frame': { type: 'string', default: 'ping' },
      deflate: { type: 'string', default: '1' },
      ...Object.fromEntries(names.map((n) => [n, { type: 'string' }])),
    },
  });
  const defaults = values.quick ? QUICK : FULL;
  const o = { ...values };
  for (const n of names) {
    o[n] = n === 'rates' ? String(values[n] ?? defaults[n]) : Number(values[n] ?? defaults[n]);
  }
  o.rateList = o.rates.split(',').map(Number).filter((r) => r > 0);
  o.deflate = values.deflate !== '0' && !o.mode.endsWith('-plain');
  o.serverPid = values['server-pid'] ? Number(values['server-pid']) : null;
  o.url = values.url || { sitroom: 'http://127.0.0.1:8097', relay: 'http://127.0.0.1:18095', socketio: 'http://127.0.0.1:18096' }[o.target];
  return o;
}

const seconds = (s) => Math.round(s * 1000);

async function fanoutMode(target, o, log) {
  const perRoom = Math.ceil(o.clients / o.rooms);
  log(`fanout: ${perRoom * o.rooms} clients in ${o.rooms} room(s), ${o.publishers} publisher(s) per room, rates ${o.rates}/s (total)`);
  const plan = await target.prepare({ rooms: o.rooms, clientsPerRoom: perRoom, perUser: o['per-user'], label: `fanout ${o.tag}` });
  const clients = await connectAll(target, plan, perRoom, o['per-user'], o['connect-concurrency']);
  const clientsByRoom = plan.map((_, r) => clients.filter((c) => c.roomIndex === r));
  let flood = null;
  if (o.flood > 0) {
    // One more connection of the room's first user, in a process of its own, sending --flood frames a second.
    const { url, headers } = target.connection(plan[0], plan[0].identities[0]);
    flood = startFlood({ url, headers, rate: o.flood, frame: o['flood-frame'] });
    await flood.ready;
    log(`  flooding: one more client sends ${o.flood} ${o['flood-frame']} frames/s`);
  }
  const sweep = await runSweep({
    clients, clientsByRoom, publishers: pickPublishers(clientsByRoom, o.publishers), rates: o.rateList,
    warmupMs: seconds(o.warmup), windowMs: seconds(o.window), drainMs: seconds(o.drain),
    stopP99: o['stop-p99'], kneeP99: o['knee-p99'], serverPid: o.serverPid, tag: o.tag, log,
  });
  log(`  knee (p99 <= ${o['knee-p99']} ms, all delivered): ${sweep.knee ?? 'none'} commands/s`);
  let flooded = null;
  if (flood) {
    flooded = { requested: o.flood, frame: o['flood-frame'], ...(await flood.stop()) };
    log(`  flood: ${Math.round(flooded.framesPerSecond)} frames/s sent over ${flooded.connections} connection(s), ` +
        `${flooded.errorFrames} error frames back, closes ${JSON.stringify(flooded.closes)}, ${flooded.refusedUpgrades} upgrades refused`);
  }
  clients.forEach((c) => c.close());
  return { clients: clients.length, rooms: o.rooms, clientsPerRoom: perRoom, publishersPerRoom: o.publishers, flood: flooded, ...sweep };
}

async function durablePhase(target, o, log, rooms, connsPerRoom, label) {
  const plan = await target.prepare({ rooms, clientsPerRoom: connsPerRoom, perUser: 1, label: `durable ${label} ${o.tag}` });
  const publishers = await connectAll(target, plan, connsPerRoom, 1, o['connect-concurrency']);
  const result = await runDurable({
    publishers, inflight: o.inflight, warmupMs: seconds(o.warmup), windowMs: seconds(o['durable-window']),
    // Command ids hold letters, digits and . _ : - only (the server refuses others): the label's spaces go.
    drainMs: seconds(o.drain), serverPid: o.serverPid, tag: `${o.tag}-${label.replace(/[^A-Za-z0-9._:-]+/g, '-')}`,
  });
  publishers.forEach((c) => c.close());
  const note = target.persistent ? '' : ' (no persistence)';
  log(`  ${label}: ${Math.round(result.commandsPerSecond)} commands/s accepted${note}; ${rooms} room(s) x ${connsPerRoom} publisher(s) x ${o.inflight} in flight; ` +
      `result round trip p50 ${round(result.resultRoundTrip.p50)} p99 ${round(result.resultRoundTrip.p99)} ms` +
      `${result.refused ? `; REFUSED ${JSON.stringify(result.refusals)}` : ''}${result.unexpectedCloses ? `; CLOSED ${result.unexpectedCloses}` : ''}`);
  return { rooms, ...result, persistent: target.persistent };
}

async function durableMode(target, o, log) {
  log(`durable: pipelined note.add, ${o.inflight} in flight per connection`);
  const hotRoom = await durablePhase(target, o, log, 1, o['durable-conns'], 'hot room');
  const manyRooms = await durablePhase(target, o, log, o['durable-rooms'], 1, `${o['durable-rooms']} rooms`);
  return { hotRoom, manyRooms };
}

async function idleMode(target, o, log) {
  const perRoom = Math.ceil(o.idle / o['idle-rooms']);
  log(`idle: ${perRoom * o['idle-rooms']} sockets in ${o['idle-rooms']} rooms, at most ${o['per-user']} per user`);
  const plan = await target.prepare({ rooms: o['idle-rooms'], clientsPerRoom: perRoom, perUser: o['per-user'], label: `idle ${o.tag}` });
  const result = await runIdle({
    target, plan, perRoom, perUser: o['per-user'], concurrency: o['connect-concurrency'],
    settleMs: seconds(o.settle), serverPid: o.serverPid, log,
  });
  const mib = (b) => (b == null ? '-' : (b / 1048576).toFixed(1));
  log(`  heap ${mib(result.heapBefore)} -> ${mib(result.heapAfter)} MiB${result.heapAfterGc ? ' (after full GC)' : ' (no GC forced)'}, ` +
      `${(result.heapPerConnection / 1024).toFixed(1)} KiB/socket; RSS ${mib(result.rssBefore)} -> ${mib(result.rssAfter)} MiB, ` +
      `${result.rssPerConnection == null ? '-' : (result.rssPerConnection / 1024).toFixed(1)} KiB/socket; ${result.stillOpen}/${result.sockets} still open; ` +
      `server CPU ${result.serverCpuMicrosPerOpen == null ? '-' : Math.round(result.serverCpuMicrosPerOpen)} µs/open ` +
      `(the JIT ${result.serverJitMicrosPerOpen == null ? '-' : Math.round(result.serverJitMicrosPerOpen)})`);
  return result;
}

async function webClientMode(target, o, log) {
  if (target.name !== 'sitroom') throw new Error('the webclient mode runs the web client, which speaks only to Sitroom');
  return runWebClients({
    target, clients: o['web-clients'], publishers: o['web-publishers'], perUser: o['per-user'], rate: o['web-rate'],
    commands: o['web-commands'], drainMs: seconds(o['web-drain']), concurrency: o['connect-concurrency'],
    deflate: o.deflate, serverPid: o.serverPid, tag: o.tag, log,
  });
}

const MODES = { fanout: fanoutMode, 'fanout-plain': fanoutMode, durable: durableMode, idle: idleMode, webclient: webClientMode, 'webclient-plain': webClientMode };

async function main() {
  const o = options();
  o.tag = `${o.target.slice(0, 2)}${o.run}-${runTag()}`;
  const target = createTarget(o.target, { url: o.url, adminPassword: o['admin-password'], serverPid: o.serverPid, deflate: o.deflate });
  const mode = MODES[o.mode];
  if (!mode) throw new Error(`unknown mode ${o.mode} (${Object.keys(MODES).join(', ')})`);
  const log = (line) => console.log(`[${o.target} ${o.mode} run ${o.run}${o.deflate ? '' : ', no deflate'}] ${line}`);
  const startedAt = new Date().toISOString();
  const result = await mode(target, o, log);
  const record = { target: o.target, mode: o.mode, deflate: o.deflate, run: Number(o.run), quick: o.quick, persistent: target.persistent, startedAt, options: o, result };
  if (o.out) writeFileSync(o.out, JSON.stringify(record, null, 2));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error.stack || String(error));
    process.exit(1);
  },
);
