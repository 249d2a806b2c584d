// Anki's own fuzz table (rslib/src/scheduler/states/fuzz.rs, test with_review_fuzz), and
// properties of the per-card fuzz factor.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fuzzBounds,
  fuzzFactor,
  withLearningFuzz,
  withReviewFuzz,
} from '../../../../src/core/scheduling/fuzz.js';

describe('withReviewFuzz, as fuzz.rs', () => {
  it('without fuzz rounds and clamps', () => {
    expect(withReviewFuzz(null, 1.5, 1, 100)).toBe(2);
    expect(withReviewFuzz(null, 0.1, 1, 100)).toBe(1);
    expect(withReviewFuzz(null, 101, 1, 100)).toBe(100);
  });

  it.each([
    // interval, minimum, maximum, at factor 0, 0.5, 0.99
    [1.0, 1, 1000, 1, 1, 1],
    [2.49, 1, 1000, 2, 2, 2],
    [2.5, 1, 1000, 2, 3, 4],
    [7.0, 1, 1000, 5, 7, 9],
    [17.0, 1, 1000, 14, 17, 20],
    [37.0, 1, 1000, 33, 37, 41],
    [2.0, 2, 1000, 2, 2, 2],
    [2.0, 3, 1000, 3, 4, 4],
    [2.0, 3, 3, 3, 3, 3],
    [6.9, 3, 1000, 5, 7, 9],
    [7.0, 3, 1000, 5, 7, 9],
    [7.1, 3, 1000, 5, 7, 9],
    [19.9, 3, 1000, 17, 20, 23],
    [20.0, 3, 1000, 17, 20, 23],
    [20.1, 3, 1000, 17, 20, 23],
    [100.0, 101, 1000, 101, 105, 108],
    [100.0, 1, 99, 92, 96, 99],
    [100.0, 97, 103, 97, 100, 103],
  ])('%f in [%i, %i] -> %i / %i / %i', (ivl, min, max, lo, mid, hi) => {
    expect(withReviewFuzz(0, ivl, min, max)).toBe(lo);
    expect(withReviewFuzz(0.5, ivl, min, max)).toBe(mid);
    expect(withReviewFuzz(0.99, ivl, min, max)).toBe(hi);
  });

  it('invalid bounds (minimum above maximum) do not throw', () => {
    expect(() => fuzzBounds(1, 3, 2)).not.toThrow();
  });

  it('property: the result lies in the bounds, which lie in [min, max]', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 40000, noNaN: true }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 36500 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        (ivl, min0, max, f) => {
          const min = Math.min(min0, max);
          const [lo, hi] = fuzzBounds(ivl, min, max);
          expect(lo).toBeGreaterThanOrEqual(min);
          expect(hi).toBeLessThanOrEqual(max);
          const d = withReviewFuzz(f, ivl, min, max);
          expect(d).toBeGreaterThanOrEqual(lo);
          expect(d).toBeLessThanOrEqual(hi);
        },
      ),
      { numRuns: 3000, seed: 5 },
    );
  });
});

describe('withLearningFuzz (answering/learning.rs with_learning_fuzz)', () => {
  it('adds up to 25%, at most 5 minutes, never less than the step', () => {
    expect(withLearningFuzz(0, 600)).toBe(600);
    expect(withLearningFuzz(0.999, 600)).toBe(749);
    expect(withLearningFuzz(0.999, 3600)).toBe(3899); // capped at +5 min (exclusive)
    expect(withLearningFuzz(0.5, 3)).toBe(3); // 25% of 3 s is under a second
    expect(withLearningFuzz(null, 600)).toBe(600);
  });
});

describe('fuzzFactor', () => {
  it('is in [0, 1), the same for the same card and reps, different across cards', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(1000), (key, reps) => {
        const f = fuzzFactor(key, reps);
        expect(f).toBeGreaterThanOrEqual(0);
        expect(f).toBeLessThan(1);
        expect(fuzzFactor(key, reps)).toBe(f);
      }),
      { seed: 1 },
    );
    expect(fuzzFactor('d/a', 3)).not.toBe(fuzzFactor('d/b', 3));
    expect(fuzzFactor('d/a', 3)).not.toBe(fuzzFactor('d/a', 4));
  });

  it('is spread evenly: 10 buckets over 5000 cards each hold 8-12%', () => {
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 5000; i++) buckets[Math.floor(fuzzFactor(`deck/card-${i}`, 2) * 10)]++;
    for (const b of buckets) {
      expect(b).toBeGreaterThan(400);
      expect(b).toBeLessThan(600);
    }
  });
});
