// What the generator reads about the server process on the same machine: CPU time and RSS from
// /proc/<pid>, and, for a JVM, a full GC through jcmd before the heap is read.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

let ticksPerSecond = null;

/** Clock ticks per second of /proc/<pid>/stat times (getconf CLK_TCK, usually 100). */
export function clockTicksPerSecond() {
  if (ticksPerSecond == null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** User + system CPU time of the process (all its threads) in microseconds; null without a pid. */
export function cpuMicros(pid) {
  if (!pid) return null;
  return (cpuTicksOf(readFileSync(`/proc/${pid}/stat`, 'utf8')) * 1e6) / clockTicksPerSecond();
}

/** User + system clock ticks of a /proc/<pid>/stat or /proc/<pid>/task/<tid>/stat line. */
function cpuTicksOf(stat) {
  // Fields after the command name (which may hold spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * CPU time of the process's JIT compiler threads (a JVM's C1 and C2), in microseconds; null without a pid. Taken
 * apart from the rest, the work a server does is measured without the compiling, whose share changes from one JVM
 * to the next. Threads that ended meanwhile are not counted (compiler threads live on).
 */
export function compilerCpuMicros(pid) {
  if (!pid) return null;
  let ticks = 0;
  let tasks;
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return null;
  }
  for (const tid of tasks) {
    let stat;
    try {
      stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    } catch {
      continue; // the thread ended
    }
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    if (/^C[12] CompilerThre/.test(name)) ticks += cpuTicksOf(stat);
  }
  return (ticks * 1e6) / clockTicksPerSecond();
}

/** Resident set size of the process in bytes (VmRSS); null without a pid. */
export function rssBytes(pid) {
  if (!pid) return null;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = status.match(/^VmRSS:\s+(\d+)\s+kB/m);
  return match ? Number(match[1]) * 1024 : null;
}

/** Asks a local JVM for a full GC (jcmd <pid> GC.run); false when that is not possible. */
export function jvmFullGc(pid) {
  if (!pid) return false;
  try {
    execFileSync('jcmd', [String(pid), 'GC.run'], { stdio: 'ignore', timeout: 30000 });
    return true;
  } catch {
    return false;
  }
}

/** CPU used by this generator process since `since` (a process.cpuUsage() value), in microseconds. */
export function ownCpuMicros(since) {
  const used = process.cpuUsage(since);
  return used.user + used.system;
}
