/** Summary of repeated timings: median and spread (min, max, quartiles). */
export interface Spread {
  runs: number;
  median: number;
  min: number;
  max: number;
  p25: number;
  p75: number;
}

/** Quantile with linear interpolation between the two nearest ranks. */
export function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    median: quantile(sorted, 0.5),
    min: sorted[0] ?? NaN,
    max: sorted.at(-1) ?? NaN,
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
  };
}

/** One `layout-shift` entry that had no recent input: when it happened and its score. */
export interface Shift {
  at: number;
  value: number;
}

/**
 * Cumulative layout shift as the Web Vitals and Lighthouse define it: the largest burst of
 * shifts, a burst ending after 1 s without a shift or 5 s after it started.
 */
export function layoutShiftScore(shifts: readonly Shift[]): number {
  let best = 0;
  let current = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const { at, value } of [...shifts].sort((a, b) => a.at - b.at)) {
    if (at - last > 1000 || at - first > 5000) {
      first = at;
      current = 0;
    }
    current += value;
    last = at;
    best = Math.max(best, current);
  }
  return best;
}
