// TZ is UTC in the tests, so the local hour is the UTC hour.
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
  answerButtons,
  answerSeries,
  answersOf,
  answersPerDay,
  hourly,
  todayStats,
} from '../../../../src/core/stats/answers.js';

const D = 20_522; // study day of 2026-03-10 (day starts 04:00 UTC)
const dayAt = (day: number, hour: number) => Date.UTC(2026, 2, 10 + (day - D), hour);
const mem = (phase: Memory['phase'], scheduledDays: number): Memory => ({
  ...newMemory(0),
  phase,
  scheduledDays,
});

let n = 0;
function review(
  key: string,
  at: number,
  day: number,
  rating: Grade,
  before: Memory | null,
  more: { mode?: ReviewMode; fed?: boolean; correct?: boolean; tookMs?: number } = {},
): ReviewRecord {
  n++;
  return {
    type: 'review',
    id: `r${n}`,
    key,
    at,
    rating,
    mode: more.mode ?? 'study',
    tookMs: more.tookMs ?? 1000,
    ...(more.correct === undefined ? {} : { correct: more.correct }),
    ...(more.fed === undefined ? {} : { fed: more.fed }),
    before,
    after: mem('review', 3),
    day,
  };
}

// A small log, worked through by hand in each test.
const undone = review('d/a', dayAt(D, 9), D, 4, mem('review', 30)); // taken back
const log: LogRecord[] = [
  review('d/a', dayAt(D - 1, 9), D - 1, 1, mem('review', 30)), // yesterday 09h, mature Again
  review('d/a', dayAt(D, 8), D, 3, mem('relearning', 0), { tookMs: 2000 }), // today, learning
  undone,
  { type: 'undo', id: 'u1', at: dayAt(D, 9) + 1, review: undone },
  review('d/b', dayAt(D, 9), D, 1, mem('review', 5), { correct: false, tookMs: 3000 }), // young Again
  review('d/c', dayAt(D, 9), D, 2, null), // new card, Hard
  review('d/m', dayAt(D, 10), D, 3, mem('review', 40), { mode: 'exam' }), // fed exam: mature Good
  review('d/m', dayAt(D, 10), D, 1, mem('review', 40), { mode: 'exam', fed: false }), // measurement
  {
    type: 'cram',
    id: 'k1',
    key: 'd/b',
    at: dayAt(D, 11),
    rating: 3,
    tookMs: 500,
    correct: true,
    day: D,
  },
  review('x/z', dayAt(D, 9), D, 3, mem('review', 5)), // another deck
];
const kinds: Record<string, string> = {
  'd/a': 'basic',
  'd/b': 'mcq',
  'd/c': 'cloze',
  'd/m': 'mcq',
};
const answers = answersOf(log, (key) => key.startsWith('d/'));

describe('answers of the log', () => {
  it('leaves out answers taken back and cards out of scope; keeps cram and exam answers', () => {
    // 8 review/cram lines in d/, one undone: 7.
    expect(answers).toHaveLength(7);
    expect(answers.filter((a) => a.scheduled)).toHaveLength(5);
    expect(answers.filter((a) => a.counted)).toHaveLength(6); // all but the measurement
  });

  it('per day, as the day count has them: unfed exam answers are not counted', () => {
    expect(answersPerDay(answers)).toEqual(
      new Map([
        [D - 1, 1],
        [D, 5],
      ]),
    );
  });
});

describe('todayStats', () => {
  it('studied, cards, time, again and the share right by kind', () => {
    const t = todayStats(answers, D, (key) => kinds[key] ?? 'unknown');
    // Today, counted: a Good (2 s), b Again (3 s), c Hard (1 s), m exam Good (1 s), b cram (0.5 s).
    expect(t).toEqual({
      answers: 5,
      cards: 4,
      ms: 7500,
      again: 1,
      byKind: [
        { kind: 'basic', answers: 1, correct: 1, share: 1 },
        { kind: 'cloze', answers: 1, correct: 1, share: 1 },
        // b wrong (trainer said so), m right (Good), b right in cram: 2 of 3.
        { kind: 'mcq', answers: 3, correct: 2, share: 0.667 },
      ],
    });
  });
});

describe('answerButtons by card age', () => {
  it('counts fed answers per grade: learning (new, steps), young (<21 d), mature', () => {
    // Today and yesterday (window 30): a yesterday mature Again; a today relearning Good;
    // b young Again; c new Hard; m mature Good (fed exam). Cram and the measurement: no.
    expect(answerButtons(answers, D, 30)).toEqual({
      learning: [0, 1, 1, 0],
      young: [1, 0, 0, 0],
      mature: [1, 0, 1, 0],
    });
    // Today alone: yesterday's Again leaves.
    expect(answerButtons(answers, D, 1).mature).toEqual([0, 0, 1, 0]);
  });
});

describe('hourly', () => {
  it('review-phase fed answers by local hour, with the share passed', () => {
    const h = hourly(answers, D, 30);
    expect(h).toHaveLength(24);
    // 09h: yesterday's mature Again and b's young Again: 0 of 2. 10h: m's Good: 1 of 1.
    expect(h[9]).toEqual({ hour: 9, answers: 2, passed: 0, rate: 0 });
    expect(h[10]).toEqual({ hour: 10, answers: 1, passed: 1, rate: 1 });
    // 08h: a relearning answer; 11h: cram. Neither counts.
    expect(h[8]!.answers + h[11]!.answers).toBe(0);
    expect(h.reduce((s, x) => s + x.answers, 0)).toBe(3);
  });
});

describe('answerSeries', () => {
  it('gives in one pass what each series gives on its own', () => {
    const kindOf = (key: string) => kinds[key] ?? 'unknown';
    expect(answerSeries(answers, D, kindOf)).toEqual({
      perDay: answersPerDay(answers),
      today: todayStats(answers, D, kindOf),
      buttons: { month: answerButtons(answers, D, 30), year: answerButtons(answers, D, 365) },
      hours: { month: hourly(answers, D, 30), year: hourly(answers, D, 365) },
    });
  });
});
