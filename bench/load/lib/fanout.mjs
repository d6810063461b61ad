// Fan-out mode: N clients in M rooms; a few publisher clients per room send note.add commands at a
// set total rate (open loop: each command has its planned send time, kept in a map by commandId,
// and is sent when due whatever the answers do). Latency sample = the time the event with that
// commandId is decoded at one client minus the planned send time (one clock, one process), for
// every client of the room. A sweep runs one step per rate: warm-up, a measured window, a drain.
import { Samples } from './stats.mjs';
import { cpuMicros, ownCpuMicros } from './proc.mjs';
import { now, sleep, waitUntil, round } from './util.mjs';

const NOTE_TEXT = 'fan-out probe: a note of about the size an analyst would write in a room'.slice(0, 64);

/** Picks `count` publishers per room, spread over the room (so over different users). */
export function pickPublishers(clientsByRoom, count) {
  return clientsByRoom.map((clients) => {
    const n = Math.min(count, clients.length);
    return Array.from({ length: n }, (_, i) => clients[Math.floor((i * clients.length) / n)]);
  });
}

/** Runs the sweep; stops after the first step whose p99 exceeds stopP99 ms or that lost events. */
export async function runSweep({ clients, clientsByRoom, publishers, rates, warmupMs, windowMs, drainMs, stopP99, kneeP99, serverPid, tag, log }) {
  const steps = [];
  for (const rate of rates) {
    const step = await runStep({ clients, clientsByRoom, publishers, rate, warmupMs, windowMs, drainMs, serverPid, tag: `${tag}-${rate}` });
    step.pass = step.complete && step.p99 != null && step.p99 <= kneeP99;
    steps.push(step);
    log(describeStep(step));
    if (!step.complete || step.p99 == null || step.p99 > stopP99) {
      log(`  sweep stopped at ${rate}/s (${step.complete ? `p99 ${round(step.p99)} ms > ${stopP99} ms` : 'events missing'})`);
      break;
    }
  }
  const passing = steps.filter((s) => s.pass);
  return { steps, knee: passing.length ? Math.max(...passing.map((s) => s.rate)) : null };
}

function describeStep(s) {
  return (
    `  ${String(s.rate).padStart(5)}/s  delivered ${String(Math.round(s.deliveredPerSecond)).padStart(7)} msg/s  ` +
    `p50 ${round(s.p50)} p99 ${round(s.p99)} p999 ${round(s.p999)} max ${round(s.max)} ms  ` +
    `${s.complete ? 'all delivered' : `MISSING ${s.missing}`}${s.refused ? ` refused ${s.refused}` : ''}  ` +
    `server ${s.serverCpuMicrosPerDelivery == null ? '-' : round(s.serverCpuMicrosPerDelivery, 2)} us/delivery  ` +
    `generator ${Math.round(s.generatorCpu * 100)}% cpu, send lag p99 ${round(s.sendLagP99)} ms`
  );
}

/** One rate: warm-up (not measured), the measured window, then a drain until every event arrived. */
async function runStep({ clients, clientsByRoom, publishers, rate, warmupMs, windowMs, drainMs, serverPid, tag }) {
  const pending = new Map(); // commandId -> {planned, expected, got, measured}
  const latencies = new Samples();
  const sendLags = new Samples();
  const counts = { windowDeliveries: 0, measuredDeliveries: 0, expected: 0, refused: 0, refusals: {}, closed: 0, seqErrorsBefore: 0 };
  let windowStart = Infinity;
  let windowEnd = Infinity;
  counts.seqErrorsBefore = clients.reduce((sum, c) => sum + c.seqErrors, 0);

  const listener = {
    event(client, commandId, seq, t) {
      if (t >= windowStart && t < windowEnd) counts.windowDeliveries++;
      const command = pending.get(commandId);
      if (!command) return;
      command.got++;
      if (command.measured) {
        latencies.push(t - command.planned);
        counts.measuredDeliveries++;
      }
      if (command.got >= command.expected && command.resulted) pending.delete(commandId);
    },
    result(client, commandId, ok, code) {
      const command = pending.get(commandId);
      if (!command) return;
      command.resulted = true;
      if (!ok) {
        // A refused command appends nothing: no event will come.
        counts.refused++;
        counts.refusals[code] = (counts.refusals[code] || 0) + 1;
        if (command.measured) counts.expected -= command.expected;
        pending.delete(commandId);
      } else if (command.got >= command.expected) {
        pending.delete(commandId);
      }
    },
    closed() {
      counts.closed++;
    },
  };
  clients.forEach((c) => (c.listener = listener));

  const roomPublishers = publishers; // per room: [client, ...]
  const flatPublishers = roomPublishers.flatMap((list, r) => list.map((client) => ({ client, r })));
  const start = now();
  windowStart = start + warmupMs;
  windowEnd = windowStart + windowMs;
  let cpuAtWindowStart = null;
  let ownCpuAtWindowStart = null;
  let cpuAtWindowEnd = null;
  let ownCpuInWindow = null;
  let sent = 0;
  let measuredCommands = 0;
  const total = Math.ceil(((warmupMs + windowMs) * rate) / 1000); // every command planned before the window ends

  await new Promise((resolve) => {
    const tick = () => {
      const t = now();
      if (cpuAtWindowStart == null && t >= windowStart) {
        cpuAtWindowStart = cpuMicros(serverPid);
        ownCpuAtWindowStart = process.cpuUsage();
      }
      // Command k is planned at start + k/rate; those planned at or before t are due.
      const due = Math.min(Math.floor(((t - start) * rate) / 1000) + 1, total);
      while (sent < due) {
        const planned = start + (sent * 1000) / rate;
        const { client, r } = flatPublishers[sent % flatPublishers.length];
        const commandId = `${tag}-${sent}`;
        const measured = planned >= windowStart && planned < windowEnd;
        const expected = clientsByRoom[r].length;
        pending.set(commandId, { planned, expected, got: 0, measured, resulted: false });
        if (measured) {
          measuredCommands++;
          counts.expected += expected;
        }
        sendLags.push(now() - planned);
        client.sendNote(commandId, NOTE_TEXT);
        sent++;
      }
      if (t >= windowEnd) {
        cpuAtWindowEnd = cpuMicros(serverPid);
        ownCpuInWindow = ownCpuMicros(ownCpuAtWindowStart);
        resolve();
      } else {
        setTimeout(tick, 1);
      }
    };
    tick();
  });

  const actualWindowMs = now() - windowStart;
  await waitUntil(() => pending.size === 0, drainMs);
  await sleep(50);
  const missing = counts.expected - counts.measuredDeliveries;
  const latency = latencies.summary();
  const seqErrors = clients.reduce((sum, c) => sum + c.seqErrors, 0) - counts.seqErrorsBefore;
  const serverCpu = cpuAtWindowStart == null || cpuAtWindowEnd == null ? null : cpuAtWindowEnd - cpuAtWindowStart;
  return {
    rate,
    commandsSent: sent,
    measuredCommands,
    refused: counts.refused,
    refusals: counts.refusals,
    expectedDeliveries: counts.expected,
    deliveries: counts.measuredDeliveries,
    missing,
    complete: missing === 0 && counts.refused === 0 && counts.closed === 0 && seqErrors === 0,
    unexpectedCloses: counts.closed,
    seqErrors,
    deliveredPerSecond: (counts.windowDeliveries * 1000) / actualWindowMs,
    ...latency,
    sendLagP99: sendLags.summary().p99,
    serverCpuMicrosPerDelivery: serverCpu == null || counts.windowDeliveries === 0 ? null : serverCpu / counts.windowDeliveries,
    generatorCpu: ownCpuInWindow == null ? null : ownCpuInWindow / 1000 / actualWindowMs,
    pendingAfterDrain: pending.size,
  };
}
