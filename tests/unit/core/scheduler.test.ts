import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { dayStart, studyDay } from '../../../src/core/clock.js';
import { formatInterval } from '../../../src/core/format.js';
import type { Grade, Memory } from '../../../src/core/model.js';
import { newMemory, Scheduler } from '../../../src/core/scheduler.js';
import { resolveSettings } from '../../../src/core/settings.js';

// TZ=UTC (vitest.config.ts). With the day starting at midnight, study days are UTC days.
const T0 = Date.parse('2026-03-02T10:00:00Z');
const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const K = 'deck/card';
const settings = resolveSettings({ fuzz: false, dayStartsAt: 0 });

describe('Scheduler (TZ=UTC, day starts at midnight, no fuzz)', () => {
  let s: Scheduler;
  beforeEach(() => {
    s = new Scheduler(settings);
  });

  it('previews the learning steps of a new card as Anki shows them', () => {
    const p = s.preview(newMemory(T0), T0, K);
    expect(([1, 2, 3, 4] as Grade[]).map((g) => formatInterval(p[g].intervalMs))).toEqual([
      '1m',
      '6m', // 5.5 minutes: the mean of 1m and 10m
      '10m',
      '8d',
    ]);
    expect(p[2].intervalMs).toBe(330_000);
    expect(p[3].memory.phase).toBe('learning');
    expect(p[4].memory.phase).toBe('review');
  });

  it('answer() gives exactly the previewed outcome', () => {
    const m = newMemory(T0);
    for (const g of [1, 2, 3, 4] as Grade[])
      expect(s.answer(m, T0, g, K)).toEqual(s.preview(m, T0, K)[g].memory);
  });

  it('follows a golden sequence: Good, Good graduates to review, a lapse relearns', () => {
    let m = s.answer(newMemory(T0), T0, 3, K);
    expect(m.due - T0).toBe(10 * MIN);
    m = s.answer(m, T0 + 10 * MIN, 3, K);
    expect(m.phase).toBe('review');
    expect(m.scheduledDays).toBe(2);
    expect(m.due).toBe(dayStart(studyDay(T0, 0) + 2, 0));
    const t2 = m.due + 9 * HOUR;
    m = s.answer(m, t2, 1, K);
    expect(m.phase).toBe('relearning');
    expect(m.lapses).toBe(1);
    expect(m.due - t2).toBe(10 * MIN);
    m = s.answer(m, t2 + 10 * MIN, 3, K);
    expect(m.phase).toBe('review');
    expect(m.reps).toBe(4);
  });

  it('clamps a review that is earlier than the last one (clock skew)', () => {
    const m = s.answer(newMemory(T0), T0, 3, K);
    expect(() => s.answer(m, T0 - DAY, 3, K)).not.toThrow();
  });

  it('a review of N days is due when study day today + N begins', () => {
    const late = new Scheduler(resolveSettings({ fuzz: false, dayStartsAt: 4 }));
    const at = Date.parse('2026-03-02T02:00:00Z'); // before 04:00: still the study day of 1 March
    const m = late.answer(newMemory(at), at, 4, K);
    expect(m.scheduledDays).toBe(8);
    expect(m.due).toBe(Date.parse('2026-03-09T04:00:00Z'));
    expect(late.preview(newMemory(at), at, K)[4].intervalMs).toBe(8 * DAY);
  });
});

describe('golden sequence (UTC, day starts at 04:00, no fuzz, default weights)', () => {
  // A fixed start and fixed ratings, each answered at 10:00 on the day it is due, give these
  // intervals. A change here changes every learner's schedule.
  it('pins phase, scheduled days and due for 13 answers', () => {
    const s = new Scheduler(resolveSettings({ fuzz: false }));
    let m = newMemory(T0);
    let now = T0;
    const seen: [string, number][] = [];
    for (const g of [3, 3, 3, 3, 3, 3, 3, 1, 3, 3, 3, 4, 2] as Grade[]) {
      m = s.answer(m, now, g, K);
      seen.push([m.phase, m.phase === 'review' ? m.scheduledDays : (m.due - now) / MIN]);
      expect(m.lastReview).toBe(now);
      if (m.phase === 'review') expect(m.due).toBe(dayStart(studyDay(now, 4) + m.scheduledDays, 4));
      now = m.phase === 'review' ? m.due + 6 * HOUR : m.due;
    }
    // The same days as ts-fsrs with fuzz off; learning steps in minutes.
    expect(seen).toEqual([
      ['learning', 10],
      ['review', 2],
      ['review', 11],
      ['review', 46],
      ['review', 163],
      ['review', 498],
      ['review', 1348],
      ['relearning', 10],
      ['review', 9],
      ['review', 22],
      ['review', 47],
      ['review', 139],
      ['review', 229],
    ]);
    expect(m).toMatchObject({ reps: 13, lapses: 1, learningSteps: 0 });
  });
});

describe('golden sequence with fuzz (UTC, day starts at 04:00)', () => {
  // Pins the per-card fuzz: a change of the seed or of the ranges moves every learner's
  // due dates, so it must be deliberate.
  it('pins the fuzzed days and step seconds of one card', () => {
    const s = new Scheduler(resolveSettings({ fuzz: true }));
    let m = newMemory(T0);
    let now = T0;
    const seen: number[] = [];
    for (const g of [3, 3, 3, 3, 3, 1, 3, 4, 3] as Grade[]) {
      const key = 'kvm-basics/vtx-flags';
      const shown = s.preview(m, now, key)[g];
      m = s.answer(m, now, g, key);
      expect(m).toEqual(shown.memory);
      seen.push(m.phase === 'review' ? m.scheduledDays : (m.due - now) / 1000);
      now = m.phase === 'review' ? m.due + 6 * HOUR : m.due;
    }
    // Seconds for a step (10m + learning fuzz), days for a review.
    expect(seen).toEqual([649, 2, 13, 54, 185, 640, 4, 17, 45]);
  });
});

describe('memory states equal ts-fsrs driven directly', () => {
  it('property: any ratings at any gaps give ts-fsrs stability and difficulty', async () => {
    const { fsrs, generatorParameters, createEmptyCard } = await import('ts-fsrs');
    // UTC and a midnight day start: ts-fsrs' UTC days are our study days.
    const f = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: true }));
    const s = new Scheduler(settings);
    const answer = fc.record({
      grade: fc.constantFrom<Grade>(1, 2, 3, 4),
      gapMin: fc.integer({ min: 0, max: 90 * 1440 }),
    });
    fc.assert(
      fc.property(fc.array(answer, { minLength: 1, maxLength: 12 }), (answers) => {
        let m = newMemory(T0);
        let c = createEmptyCard(new Date(T0));
        let now = T0;
        for (const { grade, gapMin } of answers) {
          now += gapMin * MIN;
          m = s.answer(m, now, grade, K);
          c = f.next(c, new Date(now), grade).card;
          expect(m.stability).toBe(c.stability);
          expect(m.difficulty).toBe(c.difficulty);
          expect(m.reps).toBe(c.reps);
        }
      }),
      { numRuns: 200, seed: 3 },
    );
  });
});

describe('preview', () => {
  let s: Scheduler;
  beforeEach(() => {
    s = new Scheduler(settings);
  });

  it('gives, for each grade, the days (reviews) or the wall time (steps) the grade bar shows', () => {
    let m = s.answer(newMemory(T0), T0, 3, K);
    m = s.answer(m, m.due, 3, K);
    const at = m.due + 3 * DAY;
    const p = s.preview(m, at, K);
    for (const g of [2, 3, 4] as Grade[])
      expect(p[g].intervalMs).toBe(p[g].memory.scheduledDays * DAY);
    for (const g of [1, 2, 3, 4] as Grade[]) expect(p[g].memory.lastReview).toBe(at);
    expect(p[1].memory.phase).toBe('relearning');
    expect(p[1].intervalMs).toBe(10 * MIN);
    expect(p[2].intervalMs).toBeLessThan(p[3].intervalMs);
    expect(p[3].intervalMs).toBeLessThan(p[4].intervalMs);
  });

  it('measures intervals from the last review when the clock is behind it', () => {
    const m = s.answer(newMemory(T0), T0, 3, K);
    const p = s.preview(m, T0 - DAY, K);
    expect(p).toEqual(s.preview(m, T0, K));
  });

  it('answering with the clock behind the last review keeps the last review time', () => {
    const m = s.answer(newMemory(T0), T0, 3, K);
    const skewed = s.answer(m, T0 - DAY, 3, K);
    expect(skewed).toEqual(s.answer(m, T0, 3, K));
    expect(skewed.lastReview).toBe(T0);
  });
});

describe('settings reach the scheduler', () => {
  const graduate = (s: Scheduler) => {
    let m = s.answer(newMemory(T0), T0, 3, K);
    for (let i = 0; i < 8; i++) m = s.answer(m, m.due + HOUR, 3, K);
    return m;
  };

  it('a higher desired retention gives shorter intervals', () => {
    const low = graduate(new Scheduler(resolveSettings({ ...settings, desiredRetention: 0.8 })));
    const high = graduate(new Scheduler(resolveSettings({ ...settings, desiredRetention: 0.97 })));
    expect(high.scheduledDays).toBeLessThan(low.scheduledDays);
  });

  it('learning and relearning steps come from the settings, decimals exactly', () => {
    const s = new Scheduler(
      resolveSettings({ ...settings, learningSteps: ['1.5m', '0.5h'], relearningSteps: ['30m'] }),
    );
    expect(s.preview(newMemory(T0), T0, K)[1].intervalMs).toBe(90_000);
    let m = s.answer(newMemory(T0), T0, 3, K);
    expect(m.due - T0).toBe(30 * MIN);
    m = s.answer(m, m.due, 3, K);
    expect(m.phase).toBe('review');
    const lapse = s.answer(m, m.due, 1, K);
    expect(lapse.phase).toBe('relearning');
    expect(lapse.due - m.due).toBe(30 * MIN);
  });

  it('with no learning steps, FSRS decides: under half a day a same-day step, else review', () => {
    const s = new Scheduler(resolveSettings({ ...settings, learningSteps: [] }));
    for (const g of [2, 3, 4] as Grade[])
      expect(s.answer(newMemory(T0), T0, g, K).phase).toBe('review');
    // Again: S = w0 = 0.212 days, an FSRS interval of about 5 hours (Anki 25.x short-term).
    const again = s.preview(newMemory(T0), T0, K)[1];
    expect(again.memory.phase).toBe('learning');
    expect(again.intervalMs).toBeGreaterThan(4 * HOUR);
    expect(again.intervalMs).toBeLessThan(6 * HOUR);
  });

  it('with no relearning steps, a lapse goes back to review the next day or so', () => {
    const s = new Scheduler(resolveSettings({ ...settings, relearningSteps: [] }));
    const m = graduate(s);
    const lapse = s.answer(m, m.due, 1, K);
    expect(lapse.phase).toBe('review');
    expect(lapse.lapses).toBe(1);
    expect(lapse.scheduledDays).toBeGreaterThanOrEqual(1);
  });

  it('optimised weights replace the defaults, from the settings or the argument', async () => {
    const { default_w } = await import('ts-fsrs');
    const w = [...default_w];
    w[2] = 10; // initial stability after Good
    const fromArg = new Scheduler(settings, w);
    const fromSettings = new Scheduler(resolveSettings({ ...settings, weights: w }));
    const dflt = new Scheduler(settings);
    expect(fromArg.answer(newMemory(T0), T0, 3, K).stability).toBeCloseTo(10, 6);
    expect(fromSettings.answer(newMemory(T0), T0, 3, K).stability).toBeCloseTo(10, 6);
    expect(dflt.answer(newMemory(T0), T0, 3, K).stability).toBeCloseTo(default_w[2]!, 6);
  });
});

describe('retrievability', () => {
  let s: Scheduler;
  let reviewed: Memory;
  beforeEach(() => {
    s = new Scheduler(settings);
    reviewed = s.answer(newMemory(T0), T0, 4, K);
  });

  it('counts elapsed study days, as the scheduler does', () => {
    const tomorrow = dayStart(studyDay(T0, 0) + 1, 0);
    expect(s.retrievability(reviewed, tomorrow - 1)).toBe(1);
    expect(s.retrievability(reviewed, tomorrow)).toBe(s.retrievability(reviewed, T0 + 1.5 * DAY));
    expect(s.retrievability(reviewed, T0 + 2 * DAY)).toBeLessThan(
      s.retrievability(reviewed, T0 + DAY),
    );
  });

  it('is 1 on the day of the review and when the clock is behind it', () => {
    expect(s.retrievability(reviewed, T0)).toBe(1);
    expect(s.retrievability(reviewed, T0 - 3 * DAY)).toBe(1);
  });

  it('is 0 for a card without a review time, whatever its phase says', () => {
    expect(s.retrievability({ ...reviewed, lastReview: null }, T0 + DAY)).toBe(0);
    expect(s.retrievability({ ...reviewed, phase: 'new' }, T0 + DAY)).toBe(0);
  });

  it('matches ts-fsrs forgetting_curve over elapsed study days', async () => {
    const { fsrs, generatorParameters } = await import('ts-fsrs');
    const f = fsrs(generatorParameters({}));
    for (const d of [1, 5, 17, 90])
      expect(s.retrievability(reviewed, T0 + d * DAY)).toBe(
        f.forgetting_curve(d, reviewed.stability),
      );
  });
});

describe('newMemory', () => {
  it('is a new card due at once, with no history', () => {
    expect(newMemory(T0)).toEqual({
      phase: 'new',
      due: T0,
      stability: 0,
      difficulty: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 0,
      lapses: 0,
      lastReview: null,
    });
  });
});
