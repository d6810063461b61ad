// Latency samples and the statistics the reports use: nearest-rank percentiles and medians.

/** A growable array of doubles (milliseconds); millions of samples without boxing. */
export class Samples {
  constructor(capacity = 1 << 16) {
    this.values = new Float64Array(capacity);
    this.count = 0;
  }

  push(value) {
    if (this.count === this.values.length) {
      const bigger = new Float64Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.count++] = value;
  }

  /** {count, p50, p99, p999, max} in ms; nulls when there are no samples. */
  summary() {
    if (this.count === 0) {
      return { count: 0, p50: null, p99: null, p999: null, max: null };
    }
    const sorted = this.values.slice(0, this.count).sort();
    return {
      count: this.count,
      p50: percentile(sorted, 0.5),
      p99: percentile(sorted, 0.99),
      p999: percentile(sorted, 0.999),
      max: sorted[sorted.length - 1],
    };
  }
}

/** Nearest-rank percentile of an ascending array (q in 0..1). */
export function percentile(sorted, q) {
  if (sorted.length === 0) return null;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** The median of the numbers in values, ignoring null/undefined; null when none. */
export function median(values) {
  const present = values.filter((v) => v != null && !Number.isNaN(v)).sort((a, b) => a - b);
  if (present.length === 0) return null;
  const mid = Math.floor(present.length / 2);
  return present.length % 2 ? present[mid] : (present[mid - 1] + present[mid]) / 2;
}
