// Fan-out mode: N clients in M rooms; a few publisher clients per room send note.add commands at a
// set total rate (open loop: each command has its planned send time, kept in a map by commandId,
// and is sent when due whatever the answers do). Latency sample = the time the event with that
// commandId is decoded at one client minus the planned send time (one clock, one process), for
// every client of the room. A sweep runs one step per rate: warm-up, a measured window, a drain.
import { monitorEventLoopDelay } from 'node:perf_hooks';
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
  for (const [index, rate] of rates.entries()) {
    // The step's index keeps command ids unique when a rate appears twice (a warm-up step).
    const step = await runStep({ clients, clientsByRoom, publishers, rate, warmupMs, windowMs, drainMs, serverPid, tag: `${tag}-${index}-${rate}` });
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
    `generator ${Math.round(s.generatorCpu * 100)}% cpu, send lag p99 ${round(s.sendLagP99)} ms, loop delay max ${round(s.generatorLoopDelayMaxMs)} ms`
  );
}

/**
 * The commands of one step and what became of them: per command the planned send time, how many
 * clients must get its event and how many did; latency samples of the measured commands.
 */
class StepTracker {
  constructor(window) {
    this.window = window; // {start, end}: the measured window on the generator's clock
    this.pending = new Map(); // commandId -> {planned, expected, got, measured, resulted}
    this.latencies = new Samples();
    this.windowDeliveries = 0; // any event received inside the window (the throughput figure)
    this.expected = 0; // deliveries owed for the measured commands
    this.delivered = 0; // deliveries received for the measured commands
    this.refused = 0;
    this.refusals = {};
    this.closes = 0; // clients closed by the server during the step
  }

  planned(commandId, planned, expected) {
    const measured = planned >= this.window.start && planned < this.window.end;
    this.pending.set(commandId, { planned, expected, got: 0, measured, resulted: false });
    if (measured) this.expected += expected;
    return measured;
  }

  event(client, commandId, seq, t) {
    if (t >= this.window.start && t < this.window.end) this.windowDeliveries++;
    const command = this.pending.get(commandId);
    if (!command) return;
    command.got++;
    if (command.measured) {
      this.latencies.push(t - command.planned);
      this.delivered++;
    }
    if (command.got >= command.expected && command.resulted) this.pending.delete(commandId);
  }

  result(client, commandId, ok, code) {
    const command = this.pending.get(commandId);
    if (!command) return;
    command.resulted = true;
    if (!ok) {
      // A refused command appends nothing: no event will come. The step counts as failed.
      this.refused++;
      this.refusals[code] = (this.refusals[code] || 0) + 1;
      if (command.measured) this.expected -= command.expected;
      this.pending.delete(commandId);
    } else if (command.got >= command.expected) {
      this.pending.delete(commandId);
    }
  }

  closed() {
    this.closes++;
  }
}

/** Server CPU, the generator's CPU and its event-loop delay over the measured window. */
class WindowMeter {
  constructor(serverPid) {
    this.serverPid = serverPid;
    // How late the generator's own event loop ran: a stall there delays sends and receipts alike.
    this.loopDelay = monitorEventLoopDelay({ resolution: 5 });
  }

  start() {
    this.startedAt = now();
    this.serverCpuAtStart = cpuMicros(this.serverPid);
    this.ownCpuAtStart = process.cpuUsage();
    this.loopDelay.enable();
  }

  stop() {
    this.loopDelay.disable();
    this.elapsedMs = now() - this.startedAt;
    const serverCpuAtEnd = cpuMicros(this.serverPid);
    this.serverCpu = this.serverCpuAtStart == null ? null : serverCpuAtEnd - this.serverCpuAtStart;
    this.ownCpu = ownCpuMicros(this.ownCpuAtStart);
  }
}

/**
 * Sends command k at its planned time start + k/rate (checked every millisecond; late commands go
 * out at once, keeping their planned time), for every command planned before the window ends.
 * Calls send(k, planned); starts and stops the meter at the window's edges.
 */
function paceCommands({ rate, start, window, meter, send }) {
  const total = Math.ceil(((window.end - start) * rate) / 1000);
  let sent = 0;
  return new Promise((resolve) => {
    const tick = () => {
      const t = now();
      if (!meter.startedAt && t >= window.start) meter.start();
      const due = Math.min(Math.floor(((t - start) * rate) / 1000) + 1, total);
      for (; sent < due; sent++) {
        send(sent, start + (sent * 1000) / rate);
      }
      if (t >= window.end) {
        meter.stop();
        resolve(sent);
      } else {
        setTimeout(tick, 1);
      }
    };
    tick();
  });
}

const seqErrorsOf = (clients) => clients.reduce((sum, c) => sum + c.seqErrors, 0);

/** One rate: warm-up (not measured), the measured window, then a drain until every event arrived. */
async function runStep({ clients, clientsByRoom, publishers, rate, warmupMs, windowMs, drainMs, serverPid, tag }) {
  const start = now();
  const window = { start: start + warmupMs, end: start + warmupMs + windowMs };
  const tracker = new StepTracker(window);
  const meter = new WindowMeter(serverPid);
  const sendLags = new Samples();
  const seqErrorsBefore = seqErrorsOf(clients);
  const senders = publishers.flatMap((list, r) => list.map((client) => ({ client, audience: clientsByRoom[r].length })));
  clients.forEach((c) => (c.listener = tracker));

  const sent = await paceCommands({
    rate, start, window, meter,
    send: (k, planned) => {
      const { client, audience } = senders[k % senders.length];
      const commandId = `${tag}-${k}`;
      if (tracker.planned(commandId, planned, audience)) sendLags.push(now() - planned);
      client.sendNote(commandId, NOTE_TEXT);
    },
  });
  await waitUntil(() => tracker.pending.size === 0, drainMs);
  await sleep(50);

  const missing = tracker.expected - tracker.delivered;
  const seqErrors = seqErrorsOf(clients) - seqErrorsBefore;
  return {
    rate,
    commandsSent: sent,
    measuredCommands: sendLags.count,
    refused: tracker.refused,
    refusals: tracker.refusals,
    expectedDeliveries: tracker.expected,
    deliveries: tracker.delivered,
    missing,
    complete: missing === 0 && tracker.refused === 0 && tracker.closes === 0 && seqErrors === 0,
    unexpectedCloses: tracker.closes,
    seqErrors,
    deliveredPerSecond: (tracker.windowDeliveries * 1000) / meter.elapsedMs,
    ...tracker.latencies.summary(),
    sendLagP99: sendLags.summary().p99,
    generatorLoopDelayMaxMs: meter.loopDelay.count ? meter.loopDelay.max / 1e6 : null,
    serverCpuMicrosPerDelivery: meter.serverCpu == null || tracker.windowDeliveries === 0 ? null : meter.serverCpu / tracker.windowDeliveries,
    generatorCpu: meter.ownCpu / 1000 / meter.elapsedMs,
    pendingAfterDrain: tracker.pending.size,
  };
}
