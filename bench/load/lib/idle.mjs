// Idle mode: open `count` sockets (spread over rooms and users), hold them, and measure what they
// cost the server: heap in use (after a full GC where possible) and RSS, before and after, per
// connection. Every socket must still be open at the end. A few sockets are opened and closed first
// (warm-up) so that one-off initialisation is not counted per socket.
import { connectAll } from './targets.mjs';
import { compilerCpuMicros, cpuMicros, rssBytes } from './proc.mjs';
import { now, sleep } from './util.mjs';

const WARMUP_SOCKETS = 100;

/**
 * Opens and closes a few sockets first, so that what a server initialises lazily on its first
 * connections (code paths, pools, caches) is in the "before" reading, not charged to the sockets.
 */
async function warmUp(target, plan, perUser, concurrency) {
  const clients = await connectAll(target, plan.slice(0, 1), Math.min(WARMUP_SOCKETS, perUser * plan[0].identities.length), perUser, concurrency);
  clients.forEach((c) => c.close());
  await sleep(1000);
}

export async function runIdle({ target, plan, perRoom, perUser, concurrency, settleMs, serverPid, log }) {
  await warmUp(target, plan, perUser, concurrency);
  const before = await target.heap();
  const rssBefore = rssBytes(serverPid);
  const opening = now();
  const cpuStart = cpuMicros(serverPid);
  const jitStart = compilerCpuMicros(serverPid);
  const clients = await connectAll(target, plan, perRoom, perUser, concurrency);
  const openSeconds = (now() - opening) / 1000;
  // The server's CPU for the opens alone: unlike the open time, it does not depend on the generator's pace.
  const cpuEnd = cpuMicros(serverPid);
  const jitEnd = compilerCpuMicros(serverPid);
  log(`  ${clients.length} sockets open in ${openSeconds.toFixed(1)} s; holding ${settleMs / 1000} s`);
  let closed = 0;
  clients.forEach((c) => (c.listener = { event() {}, result() {}, closed: () => closed++ }));
  await sleep(settleMs);
  const after = await target.heap();
  const rssAfter = rssBytes(serverPid);
  const count = clients.length;
  const stillOpen = clients.filter((c) => !c.closed).length;
  clients.forEach((c) => c.close());
  await sleep(500);
  return {
    sockets: count,
    stillOpen,
    unexpectedCloses: closed,
    openSeconds,
    serverCpuMicrosPerOpen: cpuStart == null || clients.length === 0 ? null : (cpuEnd - cpuStart) / clients.length,
    // Of that, the JIT's compiler threads (a JVM's; 0 for Node): what is left is the work of opening itself.
    serverJitMicrosPerOpen: jitStart == null || clients.length === 0 ? null : (jitEnd - jitStart) / clients.length,
    heapBefore: before.bytes,
    heapAfter: after.bytes,
    heapAfterGc: before.gc && after.gc,
    heapPerConnection: (after.bytes - before.bytes) / count,
    rssBefore,
    rssAfter,
    rssPerConnection: rssBefore == null || rssAfter == null ? null : (rssAfter - rssBefore) / count,
  };
}
