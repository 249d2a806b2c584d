// What a submitted exam writes to the log: a review record per question still in the decks,
// times from the store's clock in order, relearning for a wrong answer only when
// `exam-feeds-schedule` is on, and the summary last.
import { describe, expect, it } from 'vitest';
import { studyDay } from '../../../src/core/clock.js';
import { type ExamRecordContext, examRecords } from '../../../src/core/exam-records.js';
import type { ExamResult } from '../../../src/core/exam-score.js';
import type { Memory } from '../../../src/core/model.js';
import { newMemory, Scheduler } from '../../../src/core/scheduler.js';
import { resolveSettings } from '../../../src/core/settings.js';

const DAY = 86_400_000;
// 03:30 UTC (the tests run in UTC): before a 04:00 day start, so still the previous study day.
const AT = Date.parse('2026-03-02T03:30:00Z');

const studied: Memory = {
  phase: 'review',
  due: AT + 3 * DAY,
  stability: 12,
  difficulty: 5,
  scheduledDays: 12,
  learningSteps: 0,
  reps: 4,
  lapses: 0,
  lastReview: AT - 9 * DAY,
};

function result(over: Partial<ExamResult> = {}): ExamResult {
  return {
    id: 'exam-1',
    at: AT,
    questions: 5,
    correct: 2,
    scorePercent: 40,
    passPercent: 70,
    passed: false,
    usedMs: 600_000,
    timedOut: false,
    byDeck: { a: { correct: 2, total: 4, percent: 50 } },
    byTag: {},
    predictedPercent: 35,
    scope: { decks: null, tag: null, blueprint: null },
    results: [
      { key: 'a/right-studied', correct: true, answer: [0] },
      { key: 'a/wrong-studied', correct: false, answer: [1] },
      { key: 'gone/card', correct: false, answer: null },
      { key: 'a/wrong-new', correct: false, answer: 'nope' },
      { key: 'a/right-new', correct: true, answer: 'virsh list --all' },
    ],
    ...over,
  };
}

function context(feeds: boolean) {
  const settings = resolveSettings({ dayStartsAt: 4, examFeedsSchedule: feeds });
  const scheduler = new Scheduler(settings);
  const asked: [string | null, number][] = [];
  let n = 0;
  const ctx: ExamRecordContext = {
    scheduler,
    settings,
    memory: (key) => (key.endsWith('-studied') ? studied : null),
    exists: (key) => key.startsWith('a/'),
    newId: () => `id-${++n}`,
    // The store would move a time past the card's last record; here by 10 ms each.
    timeFor: (key, notBefore) => {
      asked.push([key, notBefore]);
      return notBefore + 10;
    },
  };
  return { ctx, scheduler, asked };
}

describe('examRecords', () => {
  it('a wrong answer sends the card to relearning; a right one leaves its schedule', () => {
    const { ctx, scheduler } = context(true);
    const records = examRecords(result(), ctx);
    const t = [AT + 10, AT + 21, AT + 32, AT + 43];
    const day = Math.round(Date.UTC(2026, 2, 1) / DAY);
    expect(studyDay(AT, 4)).toBe(day);
    const review = { type: 'review', mode: 'exam', tookMs: 0, day };
    expect(records).toEqual(
      [
        {
          ...review,
          id: 'id-1',
          key: 'a/right-studied',
          at: t[0],
          rating: 3,
          correct: true,
          before: studied,
          after: studied,
        },
        {
          ...review,
          id: 'id-2',
          key: 'a/wrong-studied',
          at: t[1],
          rating: 1,
          correct: false,
          before: studied,
          after: scheduler.answer(studied, t[1]!, 1, 'a/wrong-studied'),
        },
        {
          ...review,
          id: 'id-3',
          key: 'a/wrong-new',
          at: t[2],
          rating: 1,
          correct: false,
          before: null,
          after: scheduler.answer(newMemory(t[2]!), t[2]!, 1, 'a/wrong-new'),
        },
        {
          ...review,
          id: 'id-4',
          key: 'a/right-new',
          at: t[3],
          rating: 3,
          correct: true,
          before: null,
          after: newMemory(t[3]!),
        },
        {
          type: 'exam',
          id: 'exam-1',
          at: AT + 54,
          summary: { ...result(), results: undefined, at: AT + 54 },
        },
      ].map((r) => JSON.parse(JSON.stringify(r))),
    );
    expect(records[1]!.type === 'review' && records[1]!.after.phase).toBe('relearning');
    expect(records[2]!.type === 'review' && records[2]!.after.phase).toBe('learning');
    expect('results' in (records[4] as { summary: object }).summary).toBe(false);
  });

  it('asks for each time no earlier than just after the one before, the summary last', () => {
    const { ctx, asked } = context(true);
    examRecords(result(), ctx);
    expect(asked).toEqual([
      ['a/right-studied', AT],
      ['a/wrong-studied', AT + 11],
      ['a/wrong-new', AT + 22],
      ['a/right-new', AT + 33],
      [null, AT + 44],
    ]);
  });

  it('with exam-feeds-schedule off, a wrong answer is logged but leaves the schedule', () => {
    const { ctx } = context(false);
    const records = examRecords(result(), ctx);
    const reviews = records.filter((r) => r.type === 'review');
    expect(reviews.map((r) => [r.key, r.rating, r.correct, r.after])).toEqual([
      ['a/right-studied', 3, true, studied],
      ['a/wrong-studied', 1, false, studied],
      ['a/wrong-new', 1, false, newMemory(AT + 32)],
      ['a/right-new', 3, true, newMemory(AT + 43)],
    ]);
  });

  it('an exam whose cards are all gone still records its summary', () => {
    const { ctx } = context(true);
    const records = examRecords(
      result({ results: [{ key: 'gone/x', correct: false, answer: null }] }),
      ctx,
    );
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ type: 'exam', id: 'exam-1', at: AT + 10 });
  });
});
