// Properties of the whole scheduler over random cards, settings, zones and times.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { dayStart, studyDay } from '../../../../src/core/clock.js';
import type { Grade, Memory } from '../../../../src/core/model.js';
import { newMemory, Scheduler } from '../../../../src/core/scheduler.js';
import { resolveSettings } from '../../../../src/core/settings.js';

const saved = process.env.TZ;
afterEach(() => {
  process.env.TZ = saved;
});

const DAY = 86_400_000;
const GRADES = [1, 2, 3, 4] as const;
const ZONES = ['UTC', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kolkata'];

const arbSettings = fc.record({
  maxInterval: fc.oneof(
    fc.integer({ min: 1, max: 30 }),
    fc.constant(36500),
    fc.integer({ min: 31, max: 3650 }),
  ),
  desiredRetention: fc.double({ min: 0.7, max: 0.99, noNaN: true }),
  fuzz: fc.boolean(),
  dayStartsAt: fc.integer({ min: 0, max: 23 }),
  learningSteps: fc.constantFrom(
    [],
    ['1m', '10m'],
    ['10m'],
    ['1.5m', '0.5h', '1d'],
    ['10m', '1d', '3d'],
  ),
  relearningSteps: fc.constantFrom([], ['10m'], ['10m', '1h'], ['2d']),
});

/** A card after 1-8 random answers at random gaps (minutes to months). */
function arbHistory() {
  return fc.array(
    fc.record({
      grade: fc.constantFrom<Grade>(1, 2, 3, 4),
      gapMin: fc.integer({ min: 0, max: 120 * 1440 }),
    }),
    { minLength: 0, maxLength: 8 },
  );
}

const T0 = Date.parse('2024-01-01T00:00:00Z');

function play(s: Scheduler, key: string, history: { grade: Grade; gapMin: number }[]) {
  let m: Memory = newMemory(T0);
  let now = T0;
  for (const { grade, gapMin } of history) {
    now += gapMin * 60_000;
    m = s.answer(m, now, grade, key);
  }
  return { m, now };
}

describe.each(ZONES)('scheduler properties in %s', (tz) => {
  it('preview == answer, deterministic, cap kept, Hard < Good < Easy on reviews, due at day start', () => {
    process.env.TZ = tz;
    fc.assert(
      fc.property(
        arbSettings,
        arbHistory(),
        fc.integer({ min: 0, max: 60 * 1440 }),
        fc.string({ minLength: 1, maxLength: 10 }),
        (settings, history, waitMin, key) => {
          const s = new Scheduler(resolveSettings(settings));
          const { m, now } = play(s, key, history);
          const at = now + waitMin * 60_000;
          const p = s.preview(m, at, key);
          expect(new Scheduler(resolveSettings(settings)).preview(m, at, key)).toEqual(p);
          for (const g of GRADES) {
            const out = p[g].memory;
            expect(s.answer(m, at, g, key)).toEqual(out);
            expect(out.scheduledDays).toBeLessThanOrEqual(settings.maxInterval);
            expect(out.due).toBeGreaterThan(at);
            if (out.phase === 'review') {
              expect(out.scheduledDays).toBeGreaterThanOrEqual(1);
              expect(out.due).toBe(
                dayStart(
                  studyDay(at, settings.dayStartsAt) + out.scheduledDays,
                  settings.dayStartsAt,
                ),
              );
              expect(p[g].intervalMs).toBe(out.scheduledDays * DAY);
            } else if (p[g].intervalMs !== out.due - at) {
              // A step of a day or more shows as whole days and is due when that day begins.
              expect(p[g].intervalMs % DAY).toBe(0);
              expect(out.due).toBe(
                dayStart(studyDay(out.due, settings.dayStartsAt), settings.dayStartsAt),
              );
            }
          }
          const days = (g: Grade) => p[g].memory.scheduledDays;
          // Good >= Hard + 1 and Easy >= Good + 1, unless the cap forbids it.
          const max = settings.maxInterval;
          if (m.phase === 'review' && days(2) < max) expect(days(3)).toBeGreaterThan(days(2));
          if (m.phase === 'review' && days(3) < max) expect(days(4)).toBeGreaterThan(days(3));
          if (p[3].memory.phase === 'review' && days(3) < settings.maxInterval)
            expect(days(4)).toBeGreaterThanOrEqual(days(3) + 1);
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });
});
