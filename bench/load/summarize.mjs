#!/usr/bin/env node
// Reads the JSON files loadgen.mjs wrote into one results directory (one per mode, target and run),
// takes the median over runs of every figure, and prints a markdown summary: each target's figures,
// Sitroom's and Socket.IO's ratios to the bare relay, and Sitroom's targets met or missed.
//
//   node summarize.mjs <results-dir> [--ref-rate 50]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { median } from './lib/stats.mjs';

const { values: args, positionals } = parseArgs({ allowPositionals: true, options: { 'ref-rate': { type: 'string', default: '50' } } });
const dir = positionals[0];
const REF_RATE = Number(args['ref-rate']);
const TARGET_ORDER = ['sitroom', 'relay', 'socketio'];
const GENERATOR_BUSY = 0.85;

const records = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));

const byTarget = (mode) => {
  const groups = new Map();
  for (const r of records.filter((r) => r.mode === mode)) {
    if (!groups.has(r.target)) groups.set(r.target, []);
    groups.get(r.target).push(r);
  }
  return [...groups.entries()].sort((a, b) => TARGET_ORDER.indexOf(a[0]) - TARGET_ORDER.indexOf(b[0]));
};

const fmt = (v, digits = 1) => (v == null ? '-' : Number(v).toFixed(digits));
const ratio = (value, relay) => (value == null || relay == null || relay === 0 ? '-' : `${(value / relay).toFixed(2)}x`);
const runsOf = (list) => list.map((r) => r.run).join(',');
const out = [];
const print = (line = '') => out.push(line);

// ---- fan-out -----------------------------------------------------------------------------------
function stepAt(record, rate) {
  return record.result.steps.find((s) => s.rate === rate) || null;
}

function fanoutFigures(list) {
  const ref = list.map((r) => stepAt(r, REF_RATE));
  return {
    runs: list.length,
    clients: list[0].result.clientsPerRoom,
    rooms: list[0].result.rooms,
    knee: median(list.map((r) => r.result.knee ?? 0)),
    knees: list.map((r) => r.result.knee ?? 'none').join(', '),
    // The sweep never failed: the knee is only a lower bound (the sweep's top rate).
    kneeIsLowerBound: list.some((r) => r.result.knee != null && r.result.knee === Math.max(...r.options.rateList)),
    // The first failing step ran with the generator's core nearly busy: the generator may be what failed.
    generatorBound: list.some((r) => (r.result.steps.find((st) => !st.pass)?.generatorCpu ?? 0) >= GENERATOR_BUSY),
    peak: median(list.map((r) => Math.max(...r.result.steps.map((s) => s.deliveredPerSecond)))),
    refP50: median(ref.map((s) => s?.p50)),
    refP99: median(ref.map((s) => s?.p99)),
    refP999: median(ref.map((s) => s?.p999)),
    refMax: median(ref.map((s) => s?.max)),
    refComplete: ref.every((s) => s?.complete),
    refCpu: median(ref.map((s) => s?.serverCpuMicrosPerDelivery)),
    generatorPeak: median(list.map((r) => Math.max(...r.result.steps.map((s) => s.generatorCpu ?? 0)))),
    sendLag: median(list.map((r) => Math.max(...r.result.steps.map((s) => s.sendLagP99 ?? 0)))),
  };
}

function printFanout(mode = 'fanout') {
  const groups = byTarget(mode);
  if (!groups.length) return null;
  const figures = Object.fromEntries(groups.map(([t, list]) => [t, fanoutFigures(list)]));
  const relay = figures.relay;
  const deflate = groups[0][1][0].deflate !== false;
  print(`## Fan-out (${mode}: clients ${deflate ? 'offer permessage-deflate as Chromium does' : 'offer no compression'})`);
  print();
  print(`Median over runs. Latency = planned send of a command -> its event decoded at each client, at ${REF_RATE} commands/s.`);
  print();
  print('| target | runs | clients x rooms | knee (cmd/s) [per run] | knee vs relay | peak delivered msg/s | vs relay | p50 / p99 / p999 / max ms | all delivered | server CPU us/delivery | vs relay | generator peak CPU | worst send lag p99 ms |');
  print('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const [t, f] of Object.entries(figures)) {
    print(`| ${t} | ${f.runs} | ${f.clients} x ${f.rooms} | ${f.kneeIsLowerBound ? '>= ' : ''}${fmt(f.knee, 0)} [${f.knees}]${f.generatorBound ? ' generator-bound' : ''} | ${ratio(f.knee, relay?.knee)} | ${fmt(f.peak, 0)} | ${ratio(f.peak, relay?.peak)} | ` +
      `${fmt(f.refP50)} / ${fmt(f.refP99)} / ${fmt(f.refP999)} / ${fmt(f.refMax)} | ${f.refComplete ? 'yes' : 'NO'} | ${fmt(f.refCpu, 2)} | ${ratio(f.refCpu, relay?.refCpu)} | ${fmt(f.generatorPeak * 100, 0)}% | ${fmt(f.sendLag)} |`);
  }
  print();
  print('Generator CPU near 100% (`generator-bound`: at least 85% in the first failing step) means the generator, not the target,');
  print('may have set the limit. A send lag of more than a few ms: the generator\'s event loop was late (its core was busy,');
  print('or it was working through a burst of frames after a stall); latencies count from the planned send time, so they include it.');
  if (Object.values(figures).some((f) => f.kneeIsLowerBound)) {
    print();
    print('`>=`: the sweep reached its top rate without failing; raise the rates (RATES=...) to find the knee.');
  }
  print();
  const rates = [...new Set(groups.flatMap(([, list]) => list.flatMap((r) => r.result.steps.map((s) => s.rate))))].sort((a, b) => a - b);
  print('p99 fan-out latency (ms) and delivered msg/s per publish rate (median of the runs that reached the rate; `n/N` = runs that reached it):');
  print();
  print(`| rate | ${groups.map(([t]) => `${t} p99 | ${t} msg/s`).join(' | ')} |`);
  print(`|---|${groups.map(() => '---|---').join('|')}|`);
  for (const rate of rates) {
    const cells = groups.map(([, list]) => {
      const steps = list.map((r) => stepAt(r, rate)).filter(Boolean);
      if (!steps.length) return '- | -';
      const lost = steps.some((s) => !s.complete) ? ' (lost)' : '';
      return `${fmt(median(steps.map((s) => s.p99)))}${lost} ${steps.length}/${list.length} | ${fmt(median(steps.map((s) => s.deliveredPerSecond)), 0)}`;
    });
    print(`| ${rate} | ${cells.join(' | ')} |`);
  }
  print();
  return figures;
}

// ---- compression ---------------------------------------------------------------------------------
function printCompression(deflated, plain) {
  if (!deflated || !plain) return;
  print('## What compression costs');
  print();
  print(`Server CPU per delivery at ${REF_RATE} commands/s and the knee, with permessage-deflate offered (fanout) and without (fanout-plain); medians.`);
  print();
  print('| target | CPU us/delivery deflate | plain | ratio | p99 ms deflate | plain | knee deflate | plain |');
  print('|---|---|---|---|---|---|---|---|');
  for (const t of TARGET_ORDER) {
    const d = deflated[t];
    const p = plain[t];
    if (!d || !p) continue;
    print(`| ${t} | ${fmt(d.refCpu, 2)} | ${fmt(p.refCpu, 2)} | ${ratio(d.refCpu, p.refCpu)} | ${fmt(d.refP99)} | ${fmt(p.refP99)} | ${fmt(d.knee, 0)} [${d.knees}] | ${fmt(p.knee, 0)} [${p.knees}] |`);
  }
  print();
}

// ---- web client ---------------------------------------------------------------------------------
function printWebClient() {
  const modes = ['webclient', 'webclient-plain'].filter((m) => records.some((r) => r.mode === m));
  if (!modes.length) return null;
  print('## Web client (copies of frontend/src/roomStore.ts over ws)');
  print();
  print('Latency = a command sent by a store -> each store has applied its event with the client\'s reducers. Median over runs.');
  print();
  print('| mode | runs | stores | commands (rate/s) | store updates (expected) | every store shows every change | p50 / p99 / p999 / max ms | snapshot GETs after welcomes [per run] | server CPU us/update | generator CPU |');
  print('|---|---|---|---|---|---|---|---|---|---|');
  const figures = {};
  for (const mode of modes) {
    const list = records.filter((r) => r.mode === mode);
    const res = list.map((r) => r.result);
    const f = {
      runs: runsOf(list), clients: res[0].clients, commands: res[0].commands, rate: res[0].rate,
      updates: median(res.map((x) => x.updates)), expected: median(res.map((x) => x.expectedUpdates)),
      complete: res.every((x) => x.complete), p50: median(res.map((x) => x.p50)), p99: median(res.map((x) => x.p99)),
      p999: median(res.map((x) => x.p999)), max: median(res.map((x) => x.max)),
      gets: res.map((x) => x.snapshotGets), cpu: median(res.map((x) => x.serverCpuMicrosPerUpdate)),
      generator: median(res.map((x) => x.generatorCpu)),
    };
    figures[mode] = f;
    print(`| ${mode} | ${f.runs} | ${f.clients} | ${f.commands} (${f.rate}) | ${fmt(f.updates, 0)} (${fmt(f.expected, 0)}) | ${f.complete ? 'yes' : 'NO'} | ` +
      `${fmt(f.p50)} / ${fmt(f.p99)} / ${fmt(f.p999)} / ${fmt(f.max)} | ${Math.max(...f.gets)} [${f.gets.join(', ')}] | ${fmt(f.cpu, 2)} | ${fmt(f.generator * 100, 0)}% |`);
  }
  print();
  return figures;
}

// ---- durable ------------------------------------------------------------------------------------
function printDurable() {
  const groups = byTarget('durable');
  if (!groups.length) return null;
  const figures = Object.fromEntries(groups.map(([t, list]) => [t, {
    runs: runsOf(list),
    persistent: list[0].persistent,
    hot: median(list.map((r) => r.result.hotRoom.commandsPerSecond)),
    hotConns: list[0].result.hotRoom.publishers,
    many: median(list.map((r) => r.result.manyRooms.commandsPerSecond)),
    manyRooms: list[0].result.manyRooms.rooms,
    inflight: list[0].result.hotRoom.inflight,
    refused: list.reduce((sum, r) => sum + r.result.hotRoom.refused + r.result.manyRooms.refused, 0),
  }]));
  const relay = figures.relay;
  print('## Durable commands');
  print();
  print('Accepted commands/s (median over runs), pipelined with a fixed number in flight per connection.');
  print();
  print('| target | runs | hot room cmd/s | vs relay | across rooms cmd/s | vs relay | set-up | refused |');
  print('|---|---|---|---|---|---|---|---|');
  for (const [t, f] of Object.entries(figures)) {
    const label = f.persistent ? '' : ' (no persistence)';
    print(`| ${t}${label} | ${f.runs} | ${fmt(f.hot, 0)} | ${ratio(f.hot, relay?.hot)} | ${fmt(f.many, 0)} | ${ratio(f.many, relay?.many)} | ` +
      `hot: ${f.hotConns} conns; ${f.manyRooms} rooms x 1 conn; ${f.inflight} in flight | ${f.refused} |`);
  }
  print();
  return figures;
}

// ---- idle ---------------------------------------------------------------------------------------
function printIdle() {
  const groups = byTarget('idle');
  if (!groups.length) return null;
  const mib = (b) => (b == null ? null : b / 1048576);
  const kib = (b) => (b == null ? null : b / 1024);
  const figures = Object.fromEntries(groups.map(([t, list]) => [t, {
    runs: runsOf(list),
    sockets: list[0].result.sockets,
    open: Math.min(...list.map((r) => r.result.stillOpen)),
    gc: list.every((r) => r.result.heapAfterGc),
    heapAfter: median(list.map((r) => r.result.heapAfter)),
    heapPer: median(list.map((r) => r.result.heapPerConnection)),
    rssAfter: median(list.map((r) => r.result.rssAfter)),
    rssPer: median(list.map((r) => r.result.rssPerConnection)),
    openSeconds: median(list.map((r) => r.result.openSeconds)),
    cpuPerOpen: median(list.map((r) => r.result.serverCpuMicrosPerOpen)),
    jitPerOpen: median(list.map((r) => r.result.serverJitMicrosPerOpen)),
  }]));
  const relay = figures.relay;
  print('## Idle sockets');
  print();
  print('| target | runs | sockets (min still open) | heap after, MiB | heap KiB/socket | vs relay | RSS after, MiB | RSS KiB/socket | vs relay | open time s | server CPU µs/open | of it the JIT |');
  print('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const [t, f] of Object.entries(figures)) {
    print(`| ${t} | ${f.runs} | ${f.sockets} (${f.open}) | ${fmt(mib(f.heapAfter))}${f.gc ? '' : ' (no GC)'} | ${fmt(kib(f.heapPer))} | ${ratio(f.heapPer, relay?.heapPer)} | ` +
      `${fmt(mib(f.rssAfter))} | ${fmt(kib(f.rssPer))} | ${ratio(f.rssPer, relay?.rssPer)} | ${fmt(f.openSeconds)} | ${fmt(f.cpuPerOpen, 0)} | ${fmt(f.jitPerOpen, 0)} |`);
  }
  print();
  return figures;
}

// ---- Sitroom's targets ---------------------------------------------------------------------------
function verdict(ok, sizesMatch) {
  if (ok == null) return 'not measured';
  return `${ok ? 'MET' : 'MISSED'}${sizesMatch ? '' : ' (other sizes than the target names: indicative only)'}`;
}

function printTargets(fanout, durable, idle, web) {
  print('## Sitroom targets');
  print();
  const s = fanout?.sitroom;
  const r = fanout?.relay;
  const room500 = s?.clients === 500 && s?.rooms === 1;
  if (s && r) {
    const bound = r.kneeIsLowerBound ? ' (the relay\'s knee is a lower bound)' : '';
    print(`- knee for a ${s.clients}-client room >= 0.7x the bare relay's: ${fmt(s.knee, 0)} vs ${fmt(r.knee, 0)} cmd/s (${ratio(s.knee, r.knee)})${bound}: ` +
      verdict(r.knee ? s.knee >= 0.7 * r.knee : null, room500));
  } else {
    print('- knee >= 0.7x the bare relay: not measured (needs fanout for sitroom and relay)');
  }
  if (s && REF_RATE === 50) {
    print(`- p99 fan-out < 50 ms for a ${s.clients}-client room at 50 cmd/s: ${fmt(s.refP99)} ms${s.refComplete ? '' : ' (events lost)'}: ` +
      verdict(s.refP99 == null ? false : s.refP99 < 50 && s.refComplete, room500));
  }
  const w = web?.webclient;
  if (w) {
    const sized = w.clients === 500 && w.rate === 20;
    print(`- ${w.clients} web-client stores at ${w.rate} section-changing cmd/s: every store updated ${w.complete ? 'yes' : 'NO'}, p99 ${fmt(w.p99)} ms (< 100), ` +
      `snapshot GETs after the welcomes ${Math.max(...w.gets)} (0): ${verdict(w.complete && w.p99 != null && w.p99 < 100 && Math.max(...w.gets) === 0, sized)}`);
  }
  const d = durable?.sitroom;
  if (d) {
    print(`- >= 2000 durable cmd/s into one hot room: ${fmt(d.hot, 0)}: ${verdict(d.hot >= 2000, true)}`);
    print(`- >= 5000 durable cmd/s across 100 rooms: ${fmt(d.many, 0)} across ${d.manyRooms} rooms: ${verdict(d.many >= 5000, d.manyRooms === 100)}`);
  }
  const i = idle?.sitroom;
  if (i) {
    print(`- 10,000 idle sockets in < 512 MiB heap: ${fmt(i.heapAfter / 1048576)} MiB with ${i.sockets} sockets (${i.open} still open)` +
      `${i.gc ? '' : ', heap read without a forced GC'}: ${verdict(i.heapAfter < 512 * 1048576 && i.open === i.sockets, i.sockets >= 10000)}`);
  }
  print();
}

print(`# Sitroom load results: ${dir}`);
print();
const fanout = printFanout('fanout');
const plain = printFanout('fanout-plain');
printCompression(fanout, plain);
const web = printWebClient();
const durable = printDurable();
const idle = printIdle();
printTargets(fanout ?? plain, durable, idle, web);
console.log(out.join('\n'));
