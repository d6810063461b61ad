// Durable mode: the most commands a room (or many rooms) accepts per second. Every publisher
// connection keeps `inflight` note.add commands outstanding (pipelining: a new one goes out as each
// result comes back); accepted = results with ok:true. Counted over a measured window after a
// warm-up; refusals are counted by code. For Sitroom an ok result means the event is committed to
// PostgreSQL; the peers persist nothing, so their numbers are labelled "no persistence".
import { Samples } from './stats.mjs';
import { cpuMicros } from './proc.mjs';
import { now, sleep, waitUntil } from './util.mjs';

const NOTE_TEXT = 'durable probe: a note of about the size an analyst would write in a room'.slice(0, 64);

export async function runDurable({ publishers, inflight, warmupMs, windowMs, drainMs, serverPid, tag }) {
  const roundTrips = new Samples();
  const counts = { sent: 0, accepted: 0, refused: 0, refusals: {}, closed: 0, outstanding: 0 };
  const sentAt = new Map(); // commandId -> send time
  let stopping = false;
  let windowStart = Infinity;
  let windowEnd = Infinity;
  let serial = 0;

  const send = (client) => {
    const commandId = `${tag}-${serial++}`;
    sentAt.set(commandId, now());
    counts.sent++;
    counts.outstanding++;
    client.sendNote(commandId, NOTE_TEXT);
  };

  const listener = {
    event() {},
    result(client, commandId, ok, code, t) {
      const started = sentAt.get(commandId);
      if (started == null) return;
      sentAt.delete(commandId);
      counts.outstanding--;
      const inWindow = t >= windowStart && t < windowEnd;
      if (inWindow) {
        roundTrips.push(t - started);
        if (ok) {
          counts.accepted++;
        } else {
          counts.refused++;
          counts.refusals[code] = (counts.refusals[code] || 0) + 1;
        }
      }
      if (!stopping) send(client);
    },
    closed() {
      counts.closed++;
    },
  };
  publishers.forEach((client) => (client.listener = listener));

  const start = now();
  windowStart = start + warmupMs;
  windowEnd = windowStart + windowMs;
  publishers.forEach((client) => {
    for (let i = 0; i < inflight; i++) send(client);
  });
  await sleep(warmupMs);
  const cpuStart = cpuMicros(serverPid);
  await sleep(windowMs);
  const cpuEnd = cpuMicros(serverPid);
  stopping = true;
  await waitUntil(() => counts.outstanding === 0, drainMs);
  const accepted = counts.accepted;
  return {
    publishers: publishers.length,
    inflight,
    commandsPerSecond: (accepted * 1000) / windowMs,
    accepted,
    refused: counts.refused,
    refusals: counts.refusals,
    unexpectedCloses: counts.closed,
    unanswered: counts.outstanding,
    resultRoundTrip: roundTrips.summary(),
    serverCpuMicrosPerCommand: cpuStart == null || accepted === 0 ? null : (cpuEnd - cpuStart) / accepted,
  };
}
