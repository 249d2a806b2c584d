import { describe, expect, it } from 'vitest';
import { studyDay } from '../../../src/core/clock.js';
import type { ExamSummary, Memory } from '../../../src/core/model.js';
import { emptyProgress, type Progress } from '../../../src/core/progress.js';
import { newMemory } from '../../../src/core/scheduler.js';
import type { Answer } from '../../../src/core/stats/answers.js';
import { type RetentionDay, retentionOfAnswers } from '../../../src/core/stats/true-retention.js';
import { computeStats, STATS_DAYS, type StatsInput, sparkline } from '../../../src/core/stats.js';

// TZ is UTC in the tests; the study day starts at 04:00.
const T0 = Date.parse('2026-03-10T10:00:00Z');
const DAY = 86_400_000;
const TODAY = studyDay(T0, 4);
const SETTINGS = { dayStartsAt: 4, desiredRetention: 0.9 };

const due = (at: number, phase: Memory['phase'] = 'review'): Memory => ({
  ...newMemory(0),
  phase,
  due: at,
  stability: 5,
  lastReview: at - 5 * DAY,
});

/** Progress built by hand, so these tests do not depend on how the log is folded. */
function progress(parts: Partial<Progress>): Progress {
  return { ...emptyProgress(), ...parts };
}

/** `n` answers on a study day, graded Good, fed to the schedule unless said otherwise. */
function answers(day: number, n: number, more: Partial<Answer> = {}): Answer[] {
  return Array.from({ length: n }, (_, i) => ({
    key: `d/c${i}`,
    at: T0 + (day - TODAY) * DAY,
    day,
    rating: 3,
    tookMs: 1000,
    phase: 'review',
    interval: 5,
    scheduled: true,
    counted: true,
    ...more,
  }));
}

/** Every card `p` has a memory for, no answers, 3 new cards tomorrow. */
const input = (p: Progress, more: Partial<StatsInput> = {}): StatsInput => ({
  keys: Object.keys(p.cards),
  answers: [],
  retention: new Map(),
  newTomorrow: 3,
  kindOf: () => 'basic',
  recall: () => 0.9,
  ...more,
});
const rday = (d: Partial<RetentionDay>): RetentionDay => ({
  youngPassed: 0,
  youngFailed: 0,
  maturePassed: 0,
  matureFailed: 0,
  ...d,
});

describe('computeStats: retention and activity', () => {
  const log = [
    ...answers(TODAY - 30, 100),
    ...answers(TODAY - 29, 5),
    ...answers(TODAY - 1, 2),
    ...answers(TODAY, 3),
    // An exam answer that did not feed the schedule is a measurement: not a day's answer.
    ...answers(TODAY, 4, { scheduled: false, counted: false }),
  ];
  const p = progress({});

  it('the headline retention is true retention over the last 30 study days, to 3 decimals', () => {
    const retention = new Map([
      [TODAY - 30, rday({ youngFailed: 100 })],
      [TODAY - 29, rday({ youngPassed: 2, maturePassed: 1, matureFailed: 1 })],
      [TODAY - 1, rday({ maturePassed: 1 })],
      [TODAY, rday({ youngFailed: 1 })],
    ]);
    const s = computeStats(p, T0, SETTINGS, input(p, { retention }));
    // 3 + 1 + 0 passed of 4 + 1 + 1; the day 30 days ago is outside the window.
    expect(s.retention).toEqual({ target: 0.9, actual: 0.667, answers: 6 });
    expect(s.trueRetention.month.young).toEqual({ passed: 2, failed: 1, rate: 0.667 });
    expect(s.trueRetention.month.mature).toEqual({ passed: 2, failed: 1, rate: 0.667 });
    expect(s.trueRetention.today.total).toEqual({ passed: 0, failed: 1, rate: 0 });
    expect(s.trueRetention.yesterday.total).toEqual({ passed: 1, failed: 0, rate: 1 });
    expect(s.trueRetention.year.total).toEqual({ passed: 4, failed: 102, rate: 0.038 });
  });

  it('activity has one count per study day, oldest first, today last', () => {
    const s = computeStats(p, T0, SETTINGS, input(p, { answers: log }));
    expect(s.activity).toHaveLength(STATS_DAYS);
    expect(s.activity[0]).toBe(5);
    expect(s.activity.slice(-2)).toEqual([2, 3]);
    expect(s.activity.reduce((a, b) => a + b, 0)).toBe(10);
  });

  it('reports the total, today and the streak', () => {
    const s = computeStats(p, T0, SETTINGS, input(p, { answers: log }));
    expect(s.reviews).toBe(110);
    expect(s.reviewedToday).toBe(3);
    expect(s.streak).toBe(2);
  });

  it('has no retention figure and no activity without answers', () => {
    const empty = computeStats(
      emptyProgress(),
      T0,
      { dayStartsAt: 4, desiredRetention: 0.85 },
      input(emptyProgress(), { newTomorrow: 0 }),
    );
    expect(empty.retention).toEqual({ target: 0.85, actual: null, answers: 0 });
    expect(empty.activity).toEqual(new Array(STATS_DAYS).fill(0));
    expect(empty.reviewedToday).toBe(0);
    expect(empty.forecast).toEqual(new Array(STATS_DAYS).fill(0));
    expect(empty.exams).toEqual([]);
    expect(empty.scope).toEqual({ deck: null, objective: null });
  });

  it('study days follow dayStartsAt: 03:00 still counts for yesterday', () => {
    const early = Date.parse('2026-03-11T03:00:00Z');
    expect(computeStats(p, early, SETTINGS, input(p, { answers: log })).reviewedToday).toBe(3);
    const midnight = { ...SETTINGS, dayStartsAt: 0 };
    expect(computeStats(p, early, midnight, input(p, { answers: log })).reviewedToday).toBe(0);
  });
});

describe('computeStats: the due forecast', () => {
  it('buckets cards by the study day they are due; overdue cards count today', () => {
    const p = progress({
      cards: {
        overdue: due(T0 - 10 * DAY),
        today: due(T0 + 3_600_000),
        tomorrow: due(T0 + DAY, 'learning'),
        last: due(T0 + 29 * DAY, 'relearning'),
        beyond: due(T0 + 30 * DAY),
        fresh: { ...newMemory(T0), phase: 'new' },
      },
    });
    const s = computeStats(p, T0, SETTINGS, input(p));
    const f = s.forecast;
    expect(s.tomorrow).toEqual({ reviews: f[1], new: 3 });
    expect(f).toHaveLength(STATS_DAYS);
    expect(f[0]).toBe(2);
    expect(f[1]).toBe(1);
    expect(f[29]).toBe(1);
    expect(f.reduce((a, b) => a + b, 0)).toBe(4);
    // The year: the card due in 30 days is on day 30 of it.
    expect(s.forecastYear).toHaveLength(365);
    expect(s.forecastYear.slice(0, 30)).toEqual(f);
    expect(s.forecastYear[30]).toBe(1);
  });

  it('leaves out suspended cards and cards no longer in any deck; a card buried today is due tomorrow', () => {
    const p = progress({
      cards: {
        'd/a': due(T0 + DAY),
        'd/suspended': due(T0 + DAY),
        'd/buried': due(T0),
        'd/buriedYesterday': due(T0),
        'gone/b': due(T0 + DAY),
      },
      marks: {
        'd/suspended': { suspended: true },
        'd/buried': { buriedDay: TODAY },
        'd/buriedYesterday': { buriedDay: TODAY - 1 },
        'd/a': { flagged: true },
      },
    });
    const keys = Object.keys(p.cards).filter((key) => key.startsWith('d/'));
    const s = computeStats(p, T0, SETTINGS, input(p, { keys }));
    // The card buried today is due tomorrow: the bury holds it back until today ends.
    expect(s.forecast.slice(0, 2)).toEqual([1, 2]);
    expect(s.forecast.reduce((a, b) => a + b, 0)).toBe(3);
    expect(s.tomorrow).toEqual({ reviews: 2, new: 3 });
    expect(s.counts).toEqual({
      new: 0,
      learning: 0,
      review: 2,
      relearning: 0,
      suspended: 1,
      buried: 1,
      total: 4,
    });
  });
});

describe('computeStats: exams', () => {
  it('lists each exam with its time as ISO-8601 and its scores', () => {
    const exam: ExamSummary = {
      id: 'e1',
      at: T0,
      questions: 20,
      correct: 15,
      scorePercent: 75,
      passPercent: 70,
      passed: true,
      usedMs: 600_000,
      timedOut: false,
      byDeck: {},
      byTag: {},
      predictedPercent: 71,
      scope: { decks: null, tag: null, blueprint: null },
    };
    const p = progress({
      exams: [exam, { ...exam, id: 'e2', predictedPercent: null, passed: false }],
    });
    const s = computeStats(p, T0, SETTINGS, input(emptyProgress()));
    expect(s.exams).toEqual([
      {
        at: '2026-03-10T10:00:00.000Z',
        questions: 20,
        correct: 15,
        scorePercent: 75,
        passed: true,
        passPercent: 70,
        predictedPercent: 71,
      },
      {
        at: '2026-03-10T10:00:00.000Z',
        questions: 20,
        correct: 15,
        scorePercent: 75,
        passed: false,
        passPercent: 70,
        predictedPercent: null,
      },
    ]);
  });
});

describe('sparkline', () => {
  it('scales to the largest value and marks zero with a dot', () => {
    expect(sparkline([0, 1, 4, 8])).toBe('·▁▄█');
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe('▁▂▃▄▅▆▇█');
  });
  it('a small value still shows the lowest bar, not a dot', () => {
    expect(sparkline([1, 100])).toBe('▁█');
  });
  it('all zeros are all dots; no values is an empty line', () => {
    expect(sparkline([0, 0, 0])).toBe('···');
    expect(sparkline([])).toBe('');
  });
});

describe('computeStats: true retention from the answers themselves', () => {
  it('without a retention map, the same pass as the other series gives retentionOfAnswers', () => {
    const p = progress({});
    const log = [
      ...answers(TODAY, 3, { rating: 1 }),
      ...answers(TODAY, 2, { interval: 30 }),
      ...answers(TODAY - 3, 4, { phase: 'learning' }),
      ...answers(TODAY - 10, 5, { interval: 40, rating: 2 }),
    ];
    const { retention: _, ...rest } = input(p, { answers: log });
    const alone = computeStats(p, T0, SETTINGS, rest);
    const given = computeStats(
      p,
      T0,
      SETTINGS,
      input(p, { answers: log, retention: retentionOfAnswers(log) }),
    );
    expect(alone.trueRetention).toEqual(given.trueRetention);
    // By hand: today d/c0..c2 young Again, then d/c0, d/c1 again the same day (not counted).
    expect(alone.trueRetention.today.young).toEqual({ passed: 0, failed: 3, rate: 0 });
    expect(alone.trueRetention.month.mature).toEqual({ passed: 5, failed: 0, rate: 1 });
  });
});
