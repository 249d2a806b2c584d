// Anki's review fuzz (rslib/src/scheduler/states/fuzz.rs) and the sets of fuzz factors
// that give an interval, for checking intervals whose factor the oracle cannot know.

const FUZZ_RANGES = [
  { start: 2.5, end: 7.0, factor: 0.15 },
  { start: 7.0, end: 20.0, factor: 0.1 },
  { start: 20.0, end: Number.MAX_VALUE, factor: 0.05 },
];

function fuzzDelta(interval: number): number {
  if (interval < 2.5) return 0;
  let delta = 1;
  for (const r of FUZZ_RANGES) delta += r.factor * Math.max(0, Math.min(interval, r.end) - r.start);
  return delta;
}

/** fuzz.rs constrained_fuzz_bounds. */
export function constrainedFuzzBounds(
  interval: number,
  minimum: number,
  maximum: number,
): [number, number] {
  const min = Math.min(minimum, maximum);
  const ivl = Math.min(Math.max(interval, min), maximum);
  const delta = fuzzDelta(ivl);
  let lower = Math.round(ivl - delta);
  let upper = Math.round(ivl + delta);
  lower = Math.min(Math.max(lower, min), maximum);
  upper = Math.min(Math.max(upper, min), maximum);
  if (upper === lower && upper > 2 && upper < maximum) upper = lower + 1;
  return [lower, upper];
}

/** states/mod.rs min_and_max_review_intervals. */
export function minMax(maxInterval: number, minimum: number): [number, number] {
  const maximum = Math.max(maxInterval, 1);
  return [Math.min(Math.max(minimum, 1), maximum), maximum];
}

/** fuzz.rs with_review_fuzz for a known factor (null: fuzz off). */
export function withReviewFuzz(
  f: number | null,
  interval: number,
  minimum: number,
  maximum: number,
): number {
  if (f === null) return Math.min(Math.max(Math.round(interval), minimum), maximum);
  const [lo, hi] = constrainedFuzzBounds(interval, minimum, maximum);
  return Math.floor(lo + f * (1 + hi - lo));
}

/** Factors in [0,1) for which with_review_fuzz gives `value`; null when none can. */
export function factorsGiving(
  value: number,
  interval: number,
  minimum: number,
  maximum: number,
): [number, number] | null {
  const [lo, hi] = constrainedFuzzBounds(interval, minimum, maximum);
  if (value < lo || value > hi) return null;
  const n = 1 + hi - lo;
  return [(value - lo) / n, (value - lo + 1) / n];
}

// ---- factor sets: unions of [a, b) intervals ----

export type FactorSet = Array<[number, number]>;
export const ALL_FACTORS: FactorSet = [[0, 1]];

export function intersect(a: FactorSet, b: FactorSet): FactorSet {
  const out: FactorSet = [];
  for (const [a0, a1] of a)
    for (const [b0, b1] of b) {
      const lo = Math.max(a0, b0);
      const hi = Math.min(a1, b1);
      if (hi > lo) out.push([lo, hi]);
    }
  return out;
}
