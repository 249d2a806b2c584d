import { describe, expect, it } from 'vitest';
import { type AnswerStat, summarize } from '../../../src/core/summary.js';

const T0 = Date.parse('2026-03-10T10:00:00Z');
const a = (grade: 1 | 2 | 3 | 4, isNew = false): AnswerStat => ({ grade, tookMs: 1000, isNew });

describe('summarize', () => {
  it('counts cards, new cards, Hard-or-better accuracy and the time taken', () => {
    const s = summarize([a(1, true), a(2), a(3, true), a(4)], T0, T0 + 95_000, T0 + 600_000, {
      dueTomorrow: 7,
      newTomorrow: 4,
      streak: 3,
    });
    expect(s).toEqual({
      cards: 4,
      accuracy: 75,
      newCards: 2,
      elapsedMs: 95_000,
      nextDue: T0 + 600_000,
      dueTomorrow: 7,
      newTomorrow: 4,
      streak: 3,
    });
  });

  it('rounds accuracy to a whole percent', () => {
    expect(summarize([a(1), a(3), a(3)], T0, T0, null).accuracy).toBe(67);
    expect(summarize([a(1), a(1), a(3)], T0, T0, null).accuracy).toBe(33);
  });

  it('an empty session has 0% accuracy, not NaN, and no day-end figures', () => {
    expect(summarize([], T0, T0, null)).toEqual({
      cards: 0,
      accuracy: 0,
      newCards: 0,
      elapsedMs: 0,
      nextDue: null,
      dueTomorrow: 0,
      newTomorrow: 0,
      streak: 0,
    });
  });

  it('never reports a negative elapsed time when the clock went back', () => {
    expect(summarize([a(3)], T0, T0 - 5000, null).elapsedMs).toBe(0);
  });
});
