import { afterEach, describe, expect, it } from 'vitest';
import {
  dayStart,
  fromSchedulerTime,
  nextDayStart,
  studyDay,
  toSchedulerTime,
} from '../../../src/core/clock.js';

const saved = process.env.TZ;
afterEach(() => {
  process.env.TZ = saved;
});

const ZONES = ['UTC', 'Pacific/Auckland', 'America/Los_Angeles', 'Asia/Kolkata'];

describe.each(ZONES)('study-day clock in %s', (tz) => {
  it('starts the day at the configured local hour', () => {
    process.env.TZ = tz;
    const start = dayStart(studyDay(Date.parse('2026-06-15T12:00:00Z'), 4), 4);
    expect(new Date(start).getHours()).toBe(4);
    expect(studyDay(start, 4) - studyDay(start - 1, 4)).toBe(1);
  });

  it('scheduler time puts every day boundary on UTC midnight and converts back exactly', () => {
    process.env.TZ = tz;
    for (const iso of ['2026-01-10T03:59:00Z', '2026-04-05T13:00:00Z', '2026-09-27T22:30:00Z']) {
      const at = Date.parse(iso);
      const t = toSchedulerTime(at, 4);
      expect(Math.floor(t / 86_400_000)).toBe(studyDay(at, 4));
      expect(fromSchedulerTime(t, 4)).toBe(at);
    }
  });
});

describe('DST', () => {
  it('a study day across the spring-forward change is 23 hours long and still starts at 04:00', () => {
    process.env.TZ = 'America/Los_Angeles';
    // DST starts 2026-03-08 at 02:00 local.
    const day = studyDay(Date.parse('2026-03-08T20:00:00Z'), 4);
    const start = dayStart(day, 4);
    const end = nextDayStart(start, 4);
    expect(new Date(start).getHours()).toBe(4);
    expect(new Date(end).getHours()).toBe(4);
    expect((end - dayStart(day - 1, 4)) / 3_600_000).toBe(47);
  });

  it('Auckland: an answer at 03:30 local belongs to the previous study day', () => {
    process.env.TZ = 'Pacific/Auckland';
    const at = new Date(2026, 5, 16, 3, 30).getTime();
    const before = new Date(2026, 5, 15, 22, 0).getTime();
    expect(studyDay(at, 4)).toBe(studyDay(before, 4));
    expect(studyDay(new Date(2026, 5, 16, 4, 0).getTime(), 4)).toBe(studyDay(at, 4) + 1);
  });
});

describe('property: scheduler time round trip', () => {
  it.each(ZONES)(
    'in %s converts back exactly, except within the repeated hour of a DST fall-back',
    async (tz) => {
      const fc = (await import('fast-check')).default;
      process.env.TZ = tz;
      fc.assert(
        fc.property(
          fc.integer({
            min: Date.parse('2026-01-01T00:00:00Z'),
            max: Date.parse('2027-01-01T00:00:00Z'),
          }),
          (at) => {
            const back = fromSchedulerTime(toSchedulerTime(at, 4), 4);
            const ambiguous =
              new Date(at - 3_600_000).getTimezoneOffset() !==
              new Date(at + 3_600_000).getTimezoneOffset();
            if (ambiguous) expect(Math.abs(back - at)).toBeLessThanOrEqual(3_600_000);
            else expect(back).toBe(at);
          },
        ),
        { numRuns: 2000 },
      );
    },
  );
});
