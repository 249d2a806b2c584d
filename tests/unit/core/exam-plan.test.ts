// The exam date in study days (the tests run in UTC): days left, never below zero, and the
// moment the readiness forecast looks at, the exam morning, never in the past.
import { describe, expect, it } from 'vitest';
import { examDay } from '../../../src/core/exam-plan.js';

const at = (iso: string) => Date.parse(iso);

describe('examDay', () => {
  it('counts study days to the exam and forecasts for five hours into its study day', () => {
    expect(examDay('2026-03-05', at('2026-03-02T10:00:00Z'), 4)).toEqual({
      daysLeft: 3,
      forecastAt: at('2026-03-05T09:00:00Z'),
      past: false,
    });
    expect(examDay('2026-12-25', at('2026-03-02T10:00:00Z'), 0)).toEqual({
      daysLeft: 298,
      forecastAt: at('2026-12-25T05:00:00Z'),
      past: false,
    });
  });

  it('counts from the study day, which before the day start is still yesterday', () => {
    expect(examDay('2026-03-03', at('2026-03-03T02:00:00Z'), 4)).toEqual({
      daysLeft: 1,
      forecastAt: at('2026-03-03T09:00:00Z'),
      past: false,
    });
    expect(examDay('2026-03-03', at('2026-03-03T02:00:00Z'), 0).daysLeft).toBe(0);
  });

  it('on the exam day, before the exam morning, still forecasts for the morning', () => {
    expect(examDay('2026-03-05', at('2026-03-05T05:00:00Z'), 4)).toEqual({
      daysLeft: 0,
      forecastAt: at('2026-03-05T09:00:00Z'),
      past: false,
    });
  });

  it('later on the exam day, or after it, forecasts for now and has no days left', () => {
    const now = at('2026-03-05T10:00:00Z');
    expect(examDay('2026-03-05', now, 4)).toEqual({ daysLeft: 0, forecastAt: now, past: false });
    expect(examDay('2026-02-20', now, 4)).toEqual({ daysLeft: 0, forecastAt: now, past: true });
  });

  it('the exam day is past only once its study day is over', () => {
    // Study days start at 04:00: 03:59 on March 6 is still March 5's study day.
    expect(examDay('2026-03-05', at('2026-03-06T03:59:00Z'), 4).past).toBe(false);
    expect(examDay('2026-03-05', at('2026-03-06T04:00:00Z'), 4).past).toBe(true);
  });
});
