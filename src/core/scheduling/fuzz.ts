// Fuzz as Anki applies it: rslib/src/scheduler/states/fuzz.rs (reviews) and
// rslib/src/scheduler/answering/learning.rs (learning steps). The random factor is a pure
// function of the card key and its reps before the answer, as Anki seeds it from card id +
// reps: the grade bar, the answer, and an undo followed by the same answer all agree, and
// two cards answered in the same millisecond still differ.

/** A number in [0, 1) from the card key and reps (FNV-1a, then a murmur3 finaliser). */
export function fuzzFactor(key: string, reps: number): number {
  let h = 0x811c9dc5;
  const text = `${key}\u0000${reps}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4_294_967_296;
}

/** fuzz.rs FUZZ_RANGES: 15% of the days in 2.5-7, 10% in 7-20, 5% above 20, plus a day. */
const FUZZ_RANGES: ReadonlyArray<readonly [number, number, number]> = [
  [2.5, 7, 0.15],
  [7, 20, 0.1],
  [20, Number.POSITIVE_INFINITY, 0.05],
];

function fuzzDelta(interval: number): number {
  if (interval < 2.5) return 0;
  let delta = 1;
  for (const [start, end, factor] of FUZZ_RANGES)
    delta += factor * Math.max(0, Math.min(interval, end) - start);
  return delta;
}

/** Rust's f32::round: halves away from zero (all our values are positive). */
const round = (x: number): number => Math.floor(x + 0.5);

/** Anki's min_and_max_review_intervals: the cap is hard, and wins over any minimum. */
export function reviewBounds(minimum: number, maxInterval: number): [number, number] {
  const max = Math.max(1, maxInterval);
  return [Math.min(Math.max(minimum, 1), max), max];
}

/** constrained_fuzz_bounds: the fuzz range of an unrounded interval, within [min, max]. */
export function fuzzBounds(interval: number, minimum: number, maximum: number): [number, number] {
  const min = Math.min(minimum, maximum);
  const ivl = Math.min(Math.max(interval, min), maximum);
  const delta = fuzzDelta(ivl);
  const lower = Math.min(Math.max(round(ivl - delta), min), maximum);
  let upper = Math.min(Math.max(round(ivl + delta), min), maximum);
  if (upper === lower && upper > 2 && upper < maximum) upper = lower + 1;
  return [lower, upper];
}

/** with_review_fuzz: days within [minimum, maximum]; `factor` null means fuzz is off. */
export function withReviewFuzz(
  factor: number | null,
  interval: number,
  minimum: number,
  maximum: number,
): number {
  if (factor === null) return Math.min(Math.max(round(interval), minimum), maximum);
  const [lower, upper] = fuzzBounds(interval, minimum, maximum);
  return Math.floor(lower + factor * (1 + upper - lower));
}

/** with_learning_fuzz: up to 25% more, at most 5 minutes, in whole seconds. */
export function withLearningFuzz(factor: number | null, secs: number): number {
  const upperExclusive = secs + Math.floor(Math.min(secs * 0.25, 300));
  if (factor === null || secs >= upperExclusive) return secs;
  return secs + Math.floor(factor * (upperExclusive - secs));
}
