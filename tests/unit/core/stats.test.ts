import { describe, expect, it } from 'vitest';
import { studyDay } from '../../../src/core/clock.js';
import type { Memory, ReviewRecord } from '../../../src/core/model.js';
import { rebuildProgress } from '../../../src/core/fold.js';
import { newMemory } from '../../../src/core/scheduler.js';
import { computeStats, sparkline } from '../../../src/core/stats.js';

const T0 = Date.parse('2026-03-10T10:00:00Z');
const DAY = 86_400_000;
const review = (due: number): Memory => ({
  ...newMemory(0),
  phase: 'review',
  due,
  stability: 5,
  lastReview: due - 5 * DAY,
});

function rec(
  key: string,
  at: number,
  rating: 1 | 3,
  before: Memory | null,
  after: Memory,
): ReviewRecord {
  return {
    type: 'review',
    id: `${key}@${at}`,
    key,
    at,
    rating,
    mode: 'study',
    tookMs: 1000,
    before,
    after,
    day: studyDay(at, 4),
  };
}

describe('computeStats', () => {
  it('true retention counts review-phase answers passed; the forecast buckets due days', () => {
    const p = rebuildProgress([
      rec('a', T0 - 2 * DAY, 3, review(T0 - 2 * DAY), review(T0 + DAY)),
      rec('b', T0 - DAY, 1, review(T0 - DAY), { ...review(T0), phase: 'relearning' }),
      rec('c', T0, 3, null, review(T0 + 3 * DAY)),
      rec('d', T0, 3, review(T0), review(T0 + 40 * DAY)),
    ]);
    const s = computeStats(p, T0, { dayStartsAt: 4, desiredRetention: 0.9 }, () => true);
    expect(s.retention).toEqual({ target: 0.9, actual: 0.667, answers: 3 });
    expect(s.forecast.slice(0, 4)).toEqual([1, 1, 0, 1]);
    expect(s.forecast.reduce((a, b) => a + b, 0)).toBe(3); // d is beyond 30 days
    expect(s.activity.slice(-3)).toEqual([1, 1, 2]);
    expect(s.reviewedToday).toBe(2);
    expect(s.streak).toBe(3);
  });

  it('leaves out cards that are no longer in any deck', () => {
    const p = rebuildProgress([rec('gone', T0, 3, review(T0), review(T0 + DAY))]);
    expect(
      computeStats(p, T0, { dayStartsAt: 4, desiredRetention: 0.9 }, () => false).forecast[1],
    ).toBe(0);
  });

  it('sparkline scales to the largest value and marks zero with a dot', () => {
    expect(sparkline([0, 1, 4, 8])).toBe('·▁▄█');
  });
});
