import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { dayStart, nextDayStart, studyDay } from '../../../src/core/clock.js';

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
});

describe('away from UTC', () => {
  it('dayStart follows the local calendar: in Auckland (UTC+13 in summer) day 20522 starts the evening before in UTC', () => {
    process.env.TZ = 'Pacific/Auckland';
    expect(dayStart(20522, 4)).toBe(Date.parse('2026-03-09T15:00:00Z'));
    expect(studyDay(Date.parse('2026-03-09T15:00:00Z'), 4)).toBe(20522);
    expect(studyDay(Date.parse('2026-03-09T15:00:00Z') - 1, 4)).toBe(20521);
    expect(nextDayStart(Date.parse('2026-03-09T15:00:00Z'), 4) - dayStart(20522, 4)).toBe(DAY);
  });
});

// Zones with DST changes of an hour, of 30 minutes (Lord Howe), at 02:45 (Chatham), and
// with none; every start hour, so some start hours fall in a gap or occur twice.
const DST_ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/Santiago',
  'Asia/Kolkata',
];

describe.each(DST_ZONES)('study days across DST in %s', (tz) => {
  it('every instant lies in its study day: dayStart(day) <= t < dayStart(day + 1)', () => {
    process.env.TZ = tz;
    fc.assert(
      fc.property(
        fc.integer({
          min: Date.parse('2024-01-01T00:00:00Z'),
          max: Date.parse('2027-01-01T00:00:00Z'),
        }),
        fc.integer({ min: 0, max: 23 }),
        (t, h) => {
          const day = studyDay(t, h);
          expect(dayStart(day, h)).toBeLessThanOrEqual(t);
          expect(dayStart(day + 1, h)).toBeGreaterThan(t);
          expect(studyDay(dayStart(day, h), h)).toBe(day);
        },
      ),
      { numRuns: 3000, seed: 9 },
    );
  });

  it('study days are 22 to 26 hours long and never skipped', () => {
    process.env.TZ = tz;
    const first = studyDay(Date.parse('2024-01-01T12:00:00Z'), 2);
    for (let day = first; day < first + 366 * 3; day++) {
      for (const h of [0, 1, 2, 3]) {
        const len = dayStart(day + 1, h) - dayStart(day, h);
        expect(len).toBeGreaterThanOrEqual(22 * HOUR);
        expect(len).toBeLessThanOrEqual(26 * HOUR);
      }
    }
  });
});

describe('defect 2: day boundaries in local time when day-starts-at falls in a DST gap or overlap', () => {
  it('New York, day-starts-at 2 on 2024-03-10 (02:00 does not exist): the day starts at 03:00 EDT', () => {
    process.env.TZ = 'America/New_York';
    const day = studyDay(Date.parse('2024-03-10T12:00:00Z'), 2);
    expect(dayStart(day, 2)).toBe(Date.parse('2024-03-10T07:00:00Z'));
    expect(studyDay(Date.parse('2024-03-10T06:59:59Z'), 2)).toBe(day - 1); // 01:59 EST
    expect(studyDay(Date.parse('2024-03-10T07:00:00Z'), 2)).toBe(day); // 03:00 EDT
  });

  it('New York, day-starts-at 1 on 2024-11-03 (01:00 happens twice): the day starts at the first', () => {
    process.env.TZ = 'America/New_York';
    const day = studyDay(Date.parse('2024-11-03T12:00:00Z'), 1);
    expect(dayStart(day, 1)).toBe(Date.parse('2024-11-03T05:00:00Z')); // 01:00 EDT
    expect(studyDay(Date.parse('2024-11-03T06:30:00Z'), 1)).toBe(day); // 01:30 EST, the repeat
    expect(studyDay(Date.parse('2024-11-03T04:59:59Z'), 1)).toBe(day - 1);
  });
});

describe('defect 2: study days never go back when the clock does (day-starts-at in a repeated hour)', () => {
  it('Chatham, day-starts-at 3, 2026-04-05: clocks go back from 03:45 to 02:45 after the day began', () => {
    process.env.TZ = 'Pacific/Chatham';
    const start = Date.parse('2026-04-04T13:15:00Z'); // 03:00 CHADT, 5 April
    const day = studyDay(start, 3);
    expect(dayStart(day, 3)).toBe(start);
    expect(studyDay(start - 1, 3)).toBe(day - 1);
    // 14:04Z is 02:49 CHAST: the hour reads 2 again, but the day started at 13:15Z.
    expect(studyDay(Date.parse('2026-04-04T14:04:00Z'), 3)).toBe(day);
    expect(nextDayStart(Date.parse('2026-04-04T14:04:00Z'), 3)).toBeGreaterThan(
      Date.parse('2026-04-04T14:04:00Z'),
    );
  });

  it.each(DST_ZONES)(
    '%s: studyDay is monotonic minute by minute around every change of 2024-2026',
    (tz) => {
      process.env.TZ = tz;
      const hours = [0, 1, 2, 3, 4];
      for (
        let t = Date.parse('2024-01-01T00:00:00Z');
        t < Date.parse('2027-01-01T00:00:00Z');
        t += 6 * HOUR
      ) {
        // Only where the offset changes within the next 6 hours.
        if (new Date(t).getTimezoneOffset() === new Date(t + 6 * HOUR).getTimezoneOffset())
          continue;
        for (const h of hours) {
          let prev = studyDay(t, h);
          for (let u = t; u <= t + 6 * HOUR; u += 60_000) {
            const day = studyDay(u, h);
            expect(day).toBeGreaterThanOrEqual(prev);
            expect(dayStart(day, h)).toBeLessThanOrEqual(u);
            expect(dayStart(day + 1, h)).toBeGreaterThan(u);
            prev = day;
          }
        }
      }
    },
  );
});

describe('defect 2: a start hour inside a gap that began earlier', () => {
  it('Chatham, day-starts-at 3, 2025-09-28 (02:45 -> 03:45): the day starts at 03:45, not 04:00', () => {
    process.env.TZ = 'Pacific/Chatham';
    const change = Date.parse('2025-09-27T14:00:00Z'); // 02:45 CHAST becomes 03:45 CHADT
    const day = studyDay(change, 3);
    expect(dayStart(day, 3)).toBe(change);
    expect(studyDay(change - 1, 3)).toBe(day - 1);
  });
});
