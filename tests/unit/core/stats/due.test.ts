// TZ is UTC in the tests; the study day starts at 04:00.
import { describe, expect, it } from 'vitest';
import { studyDay } from '../../../../src/core/clock.js';
import type { CardMarks, Memory } from '../../../../src/core/model.js';
import { newMemory } from '../../../../src/core/scheduler.js';
import { dueForecast, dueOffset, tomorrow, tomorrowText } from '../../../../src/core/stats/due.js';

const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const due = (when: number, phase: Memory['phase'] = 'review'): Memory => ({
  ...newMemory(0),
  phase,
  due: when,
});

// Cards around the day boundary of 2026-03-11 04:00 (the start of study day "the 11th").
const cards: Record<string, Memory> = {
  learnAt0330: due(at('2026-03-11T03:30:00Z'), 'learning'), // still the 10th's study day
  reviewAt0400: due(at('2026-03-11T04:00:00Z')), // the first instant of the 11th
  reviewAt2300: due(at('2026-03-11T23:00:00Z')), // the 11th
  reviewAt0359: due(at('2026-03-12T03:59:00Z')), // still the 11th
  reviewAt0400next: due(at('2026-03-12T04:00:00Z')), // the 12th
  fresh: { ...newMemory(0), phase: 'new' },
};
const keys = Object.keys(cards);
const p = { cards, marks: {} as Record<string, CardMarks> };

describe('tomorrow across the study-day boundary (day-starts-at 4)', () => {
  it('at 03:30 on the 11th it is still the 10th: tomorrow is the 11th (04:00 to 03:59)', () => {
    const now = at('2026-03-11T03:30:00Z');
    const today = studyDay(now, 4);
    // By hand: today (the 10th) holds the learning card due 03:30; tomorrow (the 11th) holds
    // the three reviews due 04:00, 23:00 and 03:59 the next morning.
    expect(tomorrow(keys, p, today, 4, 5)).toEqual({ reviews: 3, new: 5 });
    expect(dueForecast(keys, p, today, 4, 3)).toEqual([1, 3, 1]);
  });

  it('half an hour later, at 04:00 on the 11th, those three are today and tomorrow has one', () => {
    const now = at('2026-03-11T04:00:00Z');
    const today = studyDay(now, 4);
    expect(tomorrow(keys, p, today, 4, 5)).toEqual({ reviews: 1, new: 5 });
    // The learning card from the 10th is overdue: today's, never counted again tomorrow.
    expect(dueForecast(keys, p, today, 4, 3)).toEqual([4, 1, 0]);
  });

  it('with the day starting at midnight, the 03:59 card falls on the 12th', () => {
    const now = at('2026-03-11T12:00:00Z');
    const today = studyDay(now, 0);
    expect(dueForecast(keys, p, today, 0, 3)).toEqual([3, 2, 0]);
    expect(tomorrow(keys, p, today, 0, 0).reviews).toBe(2);
  });

  it('tomorrow is always the forecast day 1', () => {
    for (let h = 0; h < 48; h++) {
      const now = at('2026-03-10T12:00:00Z') + h * H;
      const today = studyDay(now, 4);
      expect(tomorrow(keys, p, today, 4, 0).reviews).toBe(dueForecast(keys, p, today, 4, 2)[1]);
    }
  });
});

describe('dueOffset', () => {
  const today = studyDay(at('2026-03-11T12:00:00Z'), 4);
  const card = due(at('2026-03-11T13:00:00Z'));
  it('new and suspended cards are never due; overdue is today', () => {
    expect(dueOffset(undefined, undefined, today, 4)).toBeNull();
    expect(dueOffset({ ...newMemory(0), phase: 'new' }, undefined, today, 4)).toBeNull();
    expect(dueOffset(card, { suspended: true }, today, 4)).toBeNull();
    expect(dueOffset(due(at('2026-01-01T00:00:00Z')), undefined, today, 4)).toBe(0);
  });
  it('a card buried today waits for tomorrow; an old bury changes nothing', () => {
    expect(dueOffset(card, { buriedDay: today }, today, 4)).toBe(1);
    expect(dueOffset(card, { buriedDay: today - 1 }, today, 4)).toBe(0);
    expect(dueOffset(due(card.due + 72 * H), { buriedDay: today }, today, 4)).toBe(3);
  });
});

describe('tomorrowText', () => {
  it('says what it counts', () => {
    expect(tomorrowText({ reviews: 23, new: 10 })).toBe('23 reviews due (+10 new)');
    expect(tomorrowText({ reviews: 1, new: 0 })).toBe('1 review due');
    expect(tomorrowText({ reviews: 0, new: 1 })).toBe('0 reviews due (+1 new)');
  });
});

describe('dueForecast places cards as dueOffset does', () => {
  it('for due times every 5 hours over more than a year, buried or not', () => {
    const today = studyDay(at('2026-03-11T12:00:00Z'), 4);
    const many: Record<string, Memory> = {};
    const marks: Record<string, CardMarks> = {};
    for (let i = 0; i < 2000; i++) {
      many[`k${i}`] = due(at('2026-03-01T00:00:00Z') + i * 5 * H + (i % 7) * 60_000);
      if (i % 13 === 0) marks[`k${i}`] = { buriedDay: today + (i % 3) };
    }
    const expected = new Array<number>(365).fill(0);
    for (const key of Object.keys(many)) {
      const o = dueOffset(many[key], marks[key], today, 4);
      if (o !== null && o < 365) expected[o]!++;
    }
    expect(dueForecast(Object.keys(many), { cards: many, marks }, today, 4, 365)).toEqual(expected);
  });
});
