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

const HOUR = 3_600_000;
const DAY = 86_400_000;

describe('study days in UTC', () => {
  it('counts days since 1970-01-01, the day starting at the configured hour', () => {
    process.env.TZ = 'UTC';
    expect(studyDay(Date.parse('1970-01-01T12:00:00Z'), 0)).toBe(0);
    expect(studyDay(Date.parse('1970-01-02T03:00:00Z'), 4)).toBe(0);
    expect(studyDay(Date.parse('2026-03-10T04:00:00Z'), 4)).toBe(20522);
  });

  it('the last millisecond before the start hour belongs to the previous day', () => {
    process.env.TZ = 'UTC';
    const start = Date.parse('2026-03-10T04:00:00Z');
    expect(studyDay(start - 1, 4)).toBe(20521);
    expect(studyDay(start, 4)).toBe(20522);
    expect(studyDay(Date.parse('2026-03-10T23:59:59Z'), 4)).toBe(20522);
  });

  it('with the day starting at midnight, study days are calendar days', () => {
    process.env.TZ = 'UTC';
    expect(studyDay(Date.parse('2026-03-10T00:00:00Z'), 0)).toBe(20522);
    expect(studyDay(Date.parse('2026-03-09T23:59:59Z'), 0)).toBe(20521);
  });

  it('dayStart is the start hour of that calendar day, nextDayStart the next one', () => {
    process.env.TZ = 'UTC';
    expect(dayStart(20522, 4)).toBe(Date.parse('2026-03-10T04:00:00Z'));
    expect(dayStart(0, 0)).toBe(0);
    expect(nextDayStart(Date.parse('2026-03-10T03:00:00Z'), 4)).toBe(
      Date.parse('2026-03-10T04:00:00Z'),
    );
    expect(nextDayStart(Date.parse('2026-03-10T04:00:00Z'), 4)).toBe(
      Date.parse('2026-03-11T04:00:00Z'),
    );
  });

  it('scheduler time moves the start hour to midnight and nothing else', () => {
    process.env.TZ = 'UTC';
    const at = Date.parse('2026-03-10T10:00:00Z');
    expect(toSchedulerTime(at, 4)).toBe(at - 4 * HOUR);
    expect(toSchedulerTime(at, 0)).toBe(at);
    expect(fromSchedulerTime(at - 4 * HOUR, 4)).toBe(at);
  });
});

describe('scheduler time away from UTC', () => {
  it('adds the zone offset: 04:00 in Kolkata (UTC+5:30) is midnight in scheduler time', () => {
    process.env.TZ = 'Asia/Kolkata';
    const at = Date.parse('2026-03-09T22:30:00Z'); // 04:00 on 10 March in Kolkata
    expect(toSchedulerTime(at, 4)).toBe(Date.parse('2026-03-10T00:00:00Z'));
    expect(fromSchedulerTime(Date.parse('2026-03-10T00:00:00Z'), 4)).toBe(at);
  });

  it('west of UTC the offset is negative: 04:00 in Los Angeles (UTC-8)', () => {
    process.env.TZ = 'America/Los_Angeles';
    const at = Date.parse('2026-01-10T12:00:00Z'); // 04:00 PST
    expect(toSchedulerTime(at, 4)).toBe(Date.parse('2026-01-10T00:00:00Z'));
    expect(fromSchedulerTime(Date.parse('2026-01-10T00:00:00Z'), 4)).toBe(at);
  });

  it('converts back exactly just after a DST change, where the first guess has the old offset', () => {
    process.env.TZ = 'America/Los_Angeles';
    // 03:30 PDT on 8 March 2026, one and a half hours after clocks went forward.
    const at = Date.parse('2026-03-08T10:30:00Z');
    const t = toSchedulerTime(at, 4);
    expect(t).toBe(at - 7 * HOUR - 4 * HOUR);
    expect(fromSchedulerTime(t, 4)).toBe(at);
  });

  it('dayStart follows the local calendar: in Auckland (UTC+13 in summer) day 20522 starts the evening before in UTC', () => {
    process.env.TZ = 'Pacific/Auckland';
    expect(dayStart(20522, 4)).toBe(Date.parse('2026-03-09T15:00:00Z'));
    expect(studyDay(Date.parse('2026-03-09T15:00:00Z'), 4)).toBe(20522);
    expect(studyDay(Date.parse('2026-03-09T15:00:00Z') - 1, 4)).toBe(20521);
    expect(nextDayStart(Date.parse('2026-03-09T15:00:00Z'), 4) - dayStart(20522, 4)).toBe(DAY);
  });
});
