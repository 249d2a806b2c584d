// Regression tests for the scheduling defects of issue 9, one or more per defect, each named
// "defect N: ...". Time zones are set per test (this file runs in its own forked process).
import fc from 'fast-check';
import { fsrs, generatorParameters } from 'ts-fsrs';
import { afterEach, describe, expect, it } from 'vitest';
import { studyDay } from '../../../../src/core/clock.js';
import type { Grade, Memory } from '../../../../src/core/model.js';
import { newMemory, Scheduler } from '../../../../src/core/scheduler.js';
import { fuzzBounds } from '../../../../src/core/scheduling/fuzz.js';
import { resolveSettings, type Settings } from '../../../../src/core/settings.js';

const saved = process.env.TZ;
afterEach(() => {
  process.env.TZ = saved;
});

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const K = 'deck/card';

function review(at: number, stability: number, extra: Partial<Memory> = {}): Memory {
  return {
    phase: 'review',
    due: at,
    stability,
    difficulty: 5,
    scheduledDays: Math.max(1, Math.round(stability)),
    learningSteps: 0,
    reps: 6,
    lapses: 0,
    lastReview: at - Math.max(1, Math.round(stability)) * DAY,
    ...extra,
  };
}

const sched = (s: Partial<Settings>) => new Scheduler(resolveSettings(s));

describe('defect 1: learning-step due times are wall-clock time across DST changes', () => {
  it.each([
    ['America/New_York', '2024-03-10T06:50:00Z'], // 01:50 EST, clocks spring forward at 02:00
    ['America/New_York', '2024-11-03T05:50:00Z'], // 01:50 EDT, the hour repeats
    ['America/New_York', '2024-11-03T06:20:00Z'], // 01:20 EST, inside the repeated hour
    ['Australia/Lord_Howe', '2024-04-06T14:50:00Z'], // 01:50 LHDT, clocks go back 30 min
    ['Australia/Lord_Howe', '2024-10-05T15:20:00Z'], // 01:50 LHST, clocks go forward 30 min
  ])('%s at %s: Again and Good are due exactly 1m and 10m later', (tz, iso) => {
    process.env.TZ = tz;
    const s = sched({ fuzz: false, dayStartsAt: 4 });
    const at = Date.parse(iso);
    const p = s.preview(newMemory(at), at, K);
    expect([p[1], p[3]].map((o) => o.memory.due - at)).toEqual([MIN, 10 * MIN]);
    expect([p[1], p[3]].map((o) => o.intervalMs)).toEqual([MIN, 10 * MIN]);
    expect(s.answer(newMemory(at), at, 3, K).due).toBe(at + 10 * MIN);
  });
});

describe('defect 2: a review is due at the start of its study day, also in a DST gap', () => {
  it('New York, day-starts-at 2: answers at 02:xx whose interval ends on 2024-03-10 are not a day early', () => {
    process.env.TZ = 'America/New_York';
    const s = sched({ fuzz: false, dayStartsAt: 2 });
    let checked = 0;
    for (let day = 0; day < 45; day++) {
      const at = Date.parse('2024-01-25T07:10:00Z') + day * DAY; // 02:10 EST
      for (const stability of [5, 12, 20, 29, 38, 45]) {
        const p = s.preview(review(at, stability), at, K);
        for (const g of [2, 3, 4] as Grade[]) {
          const m = p[g].memory;
          // On main, 02:10 EST + 29 days landed in the gap and came back as 01:10 EST on
          // 10 March: study day 9 March, a day early.
          expect(studyDay(m.due, 2) - studyDay(at, 2)).toBe(m.scheduledDays);
          checked++;
        }
      }
    }
    expect(checked).toBe(45 * 18);
  });

  it('the 29-day case: due when study day 2024-03-10 begins, 03:00 EDT', () => {
    process.env.TZ = 'America/New_York';
    const s = sched({ fuzz: false, dayStartsAt: 2 });
    const at = Date.parse('2024-02-10T07:30:00Z'); // 02:30 EST on 10 February
    const card = (stability: number) => review(at, stability, { lastReview: at - 10 * DAY });
    let stability = 5;
    while (s.preview(card(stability), at, K)[3].memory.scheduledDays < 29) stability += 0.05;
    const m = s.answer(card(stability), at, 3, K);
    expect(m.scheduledDays).toBe(29);
    expect(m.due).toBe(Date.parse('2024-03-10T07:00:00Z'));
  });
});

describe('defect 3: max-interval is a hard cap', () => {
  it('with max 365, Hard/Good/Easy on a very stable card are 365/365/365, not 365/366/367', () => {
    const at = Date.parse('2026-03-02T10:00:00Z');
    const m = review(at, 2000, { lastReview: at - 400 * DAY });
    const p = sched({ fuzz: false, maxInterval: 365 }).preview(m, at, K);
    expect([2, 3, 4].map((g) => p[g as Grade].memory.scheduledDays)).toEqual([365, 365, 365]);
    // With fuzz, Anki fuzzes the capped interval within [345, 365] (constrained_fuzz_bounds).
    const f = sched({ fuzz: true, maxInterval: 365 }).preview(m, at, K);
    for (const g of [2, 3, 4] as Grade[]) {
      expect(f[g].memory.scheduledDays).toBeLessThanOrEqual(365);
      expect(f[g].memory.scheduledDays).toBeGreaterThanOrEqual(345);
    }
  });

  it('property: no outcome is ever longer than max-interval', () => {
    const at = Date.parse('2026-03-02T10:00:00Z');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.double({ min: 0.1, max: 5000, noNaN: true }),
        fc.boolean(),
        fc.constantFrom<Memory['phase']>('new', 'learning', 'review', 'relearning'),
        (maxInterval, stability, fuzz, phase) => {
          const m = phase === 'new' ? newMemory(at) : review(at, stability, { phase });
          const p = sched({ fuzz, maxInterval }).preview(m, at, `k${stability}`);
          for (const g of [1, 2, 3, 4] as Grade[])
            expect(p[g].memory.scheduledDays).toBeLessThanOrEqual(maxInterval);
        },
      ),
      { numRuns: 2000, seed: 3 },
    );
  });
});

describe('defect 4: after learning or relearning, Easy is at least Good + 1 day', () => {
  it('property: when Good graduates, Easy >= Good + 1 (fuzz on, any card, any step)', () => {
    const at = Date.parse('2026-03-02T10:00:00Z');
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 400, noNaN: true }),
        fc.double({ min: 1, max: 10, noNaN: true }),
        fc.constantFrom<Memory['phase']>('learning', 'relearning'),
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 3 }),
        (stability, difficulty, phase, key, dayBack) => {
          const s = sched({ fuzz: true, learningSteps: ['10m'], relearningSteps: ['10m'] });
          const m = review(at, stability, {
            phase,
            difficulty,
            lastReview: at - dayBack * DAY,
            learningSteps: 0,
          });
          const p = s.preview(m, at, key);
          if (p[3].memory.phase !== 'review') return;
          expect(p[4].memory.scheduledDays).toBeGreaterThanOrEqual(p[3].memory.scheduledDays + 1);
        },
      ),
      { numRuns: 3000, seed: 4 },
    );
  });
});

describe('defect 5: Hard on learning steps follows Anki', () => {
  const at = Date.parse('2026-03-02T10:00:00Z');

  it('on the first step, the mean of the first two steps (1m 10m: 5.5 minutes)', () => {
    const p = sched({ fuzz: false }).preview(newMemory(at), at, K);
    expect(p[2].intervalMs).toBe(330_000);
    expect(p[2].memory.learningSteps).toBe(0);
  });

  it('on a later step, that step again (10m), not the mean', () => {
    const s = sched({ fuzz: false });
    const second = s.answer(newMemory(at), at, 3, K);
    expect(second.learningSteps).toBe(1);
    const hard = s.preview(second, second.due, K)[2];
    expect(hard.intervalMs).toBe(10 * MIN);
    expect(hard.memory.learningSteps).toBe(1);
  });

  it('a single step: 1.5x the step (10m -> 15m)', () => {
    const p = sched({ fuzz: false, learningSteps: ['10m'] }).preview(newMemory(at), at, K);
    expect(p[2].intervalMs).toBe(15 * MIN);
  });
});

describe('defect 6: steps', () => {
  const at = Date.parse('2026-03-02T10:00:00Z'); // UTC; day starts at 04:00

  it('decimal steps are exact: 0.5h is 30 minutes, and Again does not graduate the card', () => {
    const s = sched({ fuzz: false, learningSteps: ['0.5h', '1.5m'] });
    const p = s.preview(newMemory(at), at, K);
    expect(p[1].memory.phase).toBe('learning');
    expect(p[1].intervalMs).toBe(30 * MIN);
    expect(p[3].intervalMs).toBe(90_000);
  });

  it('a step of a day or more is interday learning: 10m 1d 3d keeps the 3d step', () => {
    process.env.TZ = 'UTC';
    const s = sched({ fuzz: false, learningSteps: ['10m', '1d', '3d'] });
    let m = s.answer(newMemory(at), at, 3, K); // -> 1d step
    expect(m.phase).toBe('learning');
    expect(m.due).toBe(Date.parse('2026-03-03T04:00:00Z'));
    expect(s.preview(newMemory(at), at, K)[3].intervalMs).toBe(DAY); // the grade bar says 1d
    const t2 = Date.parse('2026-03-03T09:00:00Z');
    m = s.answer(m, t2, 3, K); // -> 3d step
    expect(m.phase).toBe('learning');
    expect(m.learningSteps).toBe(2);
    expect(m.due).toBe(Date.parse('2026-03-06T04:00:00Z'));
    m = s.answer(m, Date.parse('2026-03-06T09:00:00Z'), 3, K); // graduates
    expect(m.phase).toBe('review');
  });

  it('a step that crosses the day rollover is due at the rollover (next-day learning)', () => {
    process.env.TZ = 'UTC';
    const late = Date.parse('2026-03-03T03:55:00Z'); // five minutes before the 04:00 rollover
    const s = sched({ fuzz: false });
    const m = s.answer(newMemory(late), late, 3, K);
    expect(m.phase).toBe('learning');
    expect(m.due).toBe(Date.parse('2026-03-03T04:00:00Z'));
    // A step that ends before the rollover keeps its exact time.
    expect(s.answer(newMemory(late), late, 1, K).due).toBe(late + MIN);
  });

  it('learning steps are fuzzed as Anki does: up to 25%, at most 5 minutes', () => {
    const s = sched({ fuzz: true, learningSteps: ['10m', '1h'] });
    const tens = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const p = s.preview(newMemory(at), at, `deck/c${i}`);
      const ten = p[1].intervalMs; // Again: the first step
      expect(ten).toBeGreaterThanOrEqual(10 * MIN);
      expect(ten).toBeLessThan(12.5 * MIN);
      tens.add(ten);
      const hour = s.preview(
        s.answer(newMemory(at), at, 3, `deck/c${i}`),
        at + HOUR,
        `deck/c${i}`,
      )[2].intervalMs;
      expect(hour).toBeGreaterThanOrEqual(HOUR);
      expect(hour).toBeLessThan(HOUR + 5 * MIN);
    }
    expect(tens.size).toBeGreaterThan(50);
  });
});

describe('defect 7: fuzz is per card and reproducible', () => {
  const at = Date.parse('2026-03-02T10:00:00Z');
  const s = sched({ fuzz: true });

  it('the grade bar shown when the card appears is what the answer seconds later applies', () => {
    for (let i = 0; i < 200; i++) {
      const m = review(at, 20 + i);
      const shown = s.preview(m, at, `deck/c${i}`);
      const answered = s.answer(m, at + 7_000, 3, `deck/c${i}`);
      expect(answered.scheduledDays).toBe(shown[3].memory.scheduledDays);
      expect(answered.due).toBe(shown[3].memory.due);
    }
  });

  it('undo then the same answer gives the same interval', () => {
    for (let i = 0; i < 200; i++) {
      const before = review(at, 30 + i / 3);
      const first = s.answer(before, at, 3, `deck/c${i}`);
      const again = s.answer(before, at + 60_000, 3, `deck/c${i}`); // undo restored `before`
      expect(again.scheduledDays).toBe(first.scheduledDays);
    }
  });

  it('two cards answered in the same millisecond get different fuzz', () => {
    const days = new Set<number>();
    for (let i = 0; i < 50; i++)
      days.add(s.answer(review(at, 60), at, 3, `deck/c${i}`).scheduledDays);
    expect(days.size).toBeGreaterThan(3);
  });

  it("property: every fuzzed review interval lies in Anki's range around the unrounded interval", () => {
    const modifier = fsrs(generatorParameters({})).interval_modifier;
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 3000, noNaN: true }),
        fc.string({ minLength: 1, maxLength: 6 }),
        (stability, key) => {
          const p = s.preview(review(at, stability), at, key);
          const hard = p[2].memory.scheduledDays;
          const good = p[3].memory;
          const [lo, hi] = fuzzBounds(good.stability * modifier, hard + 1, 36500);
          expect(good.scheduledDays).toBeGreaterThanOrEqual(lo);
          expect(good.scheduledDays).toBeLessThanOrEqual(hi);
        },
      ),
      { numRuns: 3000, seed: 7 },
    );
  });
});

describe('defect 8: recall counts elapsed study days, as the scheduler does', () => {
  it('the morning after a late review, recall is that of 1 elapsed day, not 1.0', () => {
    process.env.TZ = 'Europe/Berlin';
    const s = sched({ fuzz: false, dayStartsAt: 4 });
    const evening = Date.parse('2026-03-02T21:00:00Z'); // 22:00 in Berlin
    const m = s.answer(newMemory(evening), evening, 4, K);
    const morning = Date.parse('2026-03-03T07:00:00Z'); // 08:00 the next day, 10 hours later
    const f = fsrs(generatorParameters({}));
    expect(s.retrievability(m, morning)).toBe(f.forgetting_curve(1, m.stability));
    expect(s.retrievability(m, morning)).toBeLessThan(1);
    // Before the rollover it is still the same study day.
    expect(s.retrievability(m, Date.parse('2026-03-03T02:30:00Z'))).toBe(1);
  });
});
