import { describe, expect, it } from 'vitest';
import type {
  Grade,
  LogRecord,
  Memory,
  ReviewMode,
  ReviewRecord,
} from '../../../../src/core/model.js';
import { newMemory } from '../../../../src/core/scheduler.js';
import {
  retentionByDay,
  retentionOver,
  trueRetention,
} from '../../../../src/core/stats/true-retention.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-10T10:00:00Z');
const D = 20_522; // the study day of T0, by hand: floor(T0 / DAY) with the day starting at 04:00 UTC

const mem = (phase: Memory['phase'], scheduledDays: number): Memory => ({
  ...newMemory(0),
  phase,
  scheduledDays,
});

let n = 0;
function review(
  key: string,
  day: number,
  rating: Grade,
  before: Memory | null,
  extra: { mode?: ReviewMode; fed?: boolean; minute?: number } = {},
): ReviewRecord {
  n++;
  return {
    type: 'review',
    id: `r${n}`,
    key,
    at: T0 + (day - D) * DAY + (extra.minute ?? n),
    rating,
    mode: extra.mode ?? 'study',
    tookMs: 1000,
    ...(extra.fed === undefined ? {} : { fed: extra.fed }),
    before,
    after: mem('review', 1),
    day,
  };
}

describe('retentionByDay: what Anki counts', () => {
  it('counts the first answer of a review-phase card per day; Again fails, Hard/Good/Easy pass', () => {
    const young = mem('review', 5);
    const mature = mem('review', 21);
    const twice = review('a', D, 1, young);
    const log: LogRecord[] = [
      twice, // a: young, Again: young failed
      review('a', D, 3, mem('relearning', 0)), // a again the same day: not counted
      review('b', D, 2, mature), // b: mature (21 days exactly), Hard passes
      review('c', D, 4, young), // c: young, Easy passes
      review('d', D, 3, mem('learning', 0)), // d: learning step: not a review
      review('e', D, 3, null), // e: new card: not a review
      review('f', D - 1, 1, mature), // f yesterday: mature failed
      review('f', D, 3, mature), // f today: its first answer today, mature passed
    ];
    const byDay = retentionByDay(log);
    // Worked out by hand from the comments above.
    expect(byDay.get(D)).toEqual({
      youngPassed: 1,
      youngFailed: 1,
      maturePassed: 2,
      matureFailed: 0,
    });
    expect(byDay.get(D - 1)).toEqual({
      youngPassed: 0,
      youngFailed: 0,
      maturePassed: 0,
      matureFailed: 1,
    });
    expect([...byDay.keys()].sort()).toEqual([D - 1, D]);
  });

  it('a second look the same day is not counted even when the first one was not a review', () => {
    const log = [
      review('a', D, 3, mem('relearning', 0)), // morning: graduates from relearning
      review('a', D, 1, mem('review', 1)), // evening, same study day (review ahead): not counted
    ];
    expect(retentionByDay(log).size).toBe(0);
  });

  it('fed exam answers count as Anki counts rescheduling filtered decks; unfed exam answers and cram do not', () => {
    const r = mem('review', 30);
    const log: LogRecord[] = [
      review('a', D, 1, r, { mode: 'exam' }), // fed (old logs have no flag): counted, failed
      review('b', D, 3, r, { mode: 'exam', fed: true }), // fed: counted, passed
      review('c', D, 1, r, { mode: 'exam', fed: false }), // a measurement only: left out...
      review('c', D, 3, r), // ...so the study answer after it is c's first answer today
      {
        type: 'cram',
        id: 'k1',
        key: 'd',
        at: T0,
        rating: 1,
        tookMs: 1,
        day: D,
      } as unknown as LogRecord,
      review('d', D, 3, r), // the cram before it is invisible: counted
    ];
    expect(retentionByDay(log).get(D)).toEqual({
      youngPassed: 0,
      youngFailed: 0,
      maturePassed: 3,
      matureFailed: 1,
    });
  });

  it('an undone answer is not counted, and the answer given after it is the first', () => {
    const first = review('a', D, 1, mem('review', 3));
    const log: LogRecord[] = [
      first,
      { type: 'undo', id: 'u1', at: first.at + 1, review: first },
      review('a', D, 3, mem('review', 3)),
    ];
    expect(retentionByDay(log).get(D)).toEqual({
      youngPassed: 1,
      youngFailed: 0,
      maturePassed: 0,
      matureFailed: 0,
    });
  });

  it('limits to the cards in scope', () => {
    const log = [review('x/a', D, 3, mem('review', 3)), review('y/b', D, 1, mem('review', 3))];
    const byDay = retentionByDay(log, (key) => key.startsWith('x/'));
    expect(byDay.get(D)).toMatchObject({ youngPassed: 1, youngFailed: 0 });
  });
});

describe('trueRetention: the periods of the table', () => {
  const day = (yp: number, yf: number, mp: number, mf: number) => ({
    youngPassed: yp,
    youngFailed: yf,
    maturePassed: mp,
    matureFailed: mf,
  });
  const byDay = new Map([
    [D, day(3, 1, 0, 0)],
    [D - 1, day(0, 0, 4, 1)],
    [D - 6, day(1, 1, 0, 0)],
    [D - 7, day(5, 0, 0, 0)], // 8th day back: outside the week
    [D - 29, day(0, 0, 0, 2)],
    [D - 30, day(9, 0, 0, 0)], // 31st day back: outside the month
    [D - 364, day(0, 3, 0, 0)],
    [D - 365, day(7, 7, 7, 7)], // outside the year
    [D + 1, day(1, 1, 1, 1)], // a future day (a clock set back): never counted
  ]);
  const t = trueRetention(byDay, D);

  it('today and yesterday', () => {
    expect(t.today).toEqual({
      young: { passed: 3, failed: 1, rate: 0.75 },
      mature: { passed: 0, failed: 0, rate: null },
      total: { passed: 3, failed: 1, rate: 0.75 },
    });
    expect(t.yesterday.mature).toEqual({ passed: 4, failed: 1, rate: 0.8 });
  });

  it('week, month and year, by hand', () => {
    // week: today + yesterday + 6 days back: young 4/2, mature 4/1.
    expect(t.week.young).toEqual({ passed: 4, failed: 2, rate: 0.667 });
    expect(t.week.total).toEqual({ passed: 8, failed: 3, rate: 0.727 });
    // month adds 7 days back (young 5/0) and 29 back (mature 0/2): young 9/2, mature 4/3.
    expect(t.month.young).toEqual({ passed: 9, failed: 2, rate: 0.818 });
    expect(t.month.mature).toEqual({ passed: 4, failed: 3, rate: 0.571 });
    // year adds 30 back (young 9/0) and 364 back (young 0/3): young 18/5.
    expect(t.year.young).toEqual({ passed: 18, failed: 5, rate: 0.783 });
    expect(t.year.mature).toEqual({ passed: 4, failed: 3, rate: 0.571 });
  });

  it('no answers: no rate', () => {
    expect(retentionOver(new Map(), D, 30).total).toEqual({ passed: 0, failed: 0, rate: null });
  });
});
