import { describe, expect, it } from 'vitest';
import { CALENDAR_DAYS, calendar } from '../../../../src/core/stats/calendar.js';

const D = 20_522;

describe('calendar', () => {
  const perDay = new Map([
    [D, 2],
    [D - 1, 8],
    [D - 2, 1],
    // a gap at D - 3
    [D - 4, 4],
    [D - 10, 3],
    [D - 11, 3],
    [D - 12, 3],
    [D - 13, 3],
    [D - 400, 50], // a year ago and more: outside the cells, still in the longest streak
    [D - 399, 1],
  ]);
  const c = calendar(perDay, D);

  it('365 cells, oldest first, today last, each with its level by quarter of the busiest', () => {
    expect(c.cells).toHaveLength(CALENDAR_DAYS);
    expect(c.cells[0]!.day).toBe(D - 364);
    expect(c.cells.at(-1)).toEqual({ day: D, answers: 2, level: 1 }); // ceil(4 x 2 / 8) = 1
    expect(c.cells.at(-2)).toEqual({ day: D - 1, answers: 8, level: 4 });
    expect(c.cells.at(-4)).toEqual({ day: D - 3, answers: 0, level: 0 });
    expect(c.cells.at(-5)).toEqual({ day: D - 4, answers: 4, level: 2 }); // ceil(16 / 8) = 2
    expect(c.cells.at(-11)!.level).toBe(2); // 3 answers: ceil(12 / 8) = 2
    expect(c.activeDays).toBe(8);
  });

  it('streaks: the current one ends today, the longest is anywhere in the history', () => {
    expect(c.currentStreak).toBe(3); // D, D-1, D-2
    expect(c.longestStreak).toBe(4); // D-13 .. D-10
    // With nothing today yet, the streak still counts from yesterday.
    expect(calendar(perDay, D + 1).currentStreak).toBe(3);
    expect(calendar(perDay, D + 2).currentStreak).toBe(0);
  });
});
