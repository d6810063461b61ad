// Small helpers shared by the load generator: the one clock, sleeping, bounded concurrency.
import { performance } from 'node:perf_hooks';

/** The one clock of the generator: milliseconds (fractional, monotonic) since the process started. */
export const now = () => performance.now();

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs fn over items with at most `limit` calls in flight; resolves to the results in order. */
export async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index], index);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Resolves when check() is true (polled every `every` ms) or after timeoutMs; resolves to check(). */
export async function waitUntil(check, timeoutMs, every = 20) {
  const deadline = now() + timeoutMs;
  while (!check() && now() < deadline) {
    await sleep(every);
  }
  return check();
}

/** A short random tag, so command ids and room names of one run never collide with another's. */
export const runTag = () => Math.random().toString(36).slice(2, 8);

export const round = (value, digits = 1) =>
  value == null || Number.isNaN(value) ? null : Number(value.toFixed(digits));
