// What a submitted exam writes to the log. An exam measures first: unanswered questions
// write nothing, right answers and unfed wrong ones are logged with `fed: false`, a wrong
// answer on a never-studied card moves it up, and a wrong answer on a studied card is a
// lapse at the time it was given (with `exam-feeds-schedule` on), through the leech check.
import { describe, expect, it } from 'vitest';
import { studyDay } from '../../../src/core/clock.js';
import {
  describeEffect,
  type ExamRecordContext,
  examRecords,
  examWrite,
} from '../../../src/core/exam-records.js';
import type { ExamResult, QuestionResult } from '../../../src/core/exam-score.js';
import type { CardMarks, Memory, ReviewRecord } from '../../../src/core/model.js';
import { newMemory, Scheduler } from '../../../src/core/scheduler.js';
import { resolveSettings } from '../../../src/core/settings.js';

const DAY = 86_400_000;
const MIN = 60_000;
// 03:30 UTC (the tests run in UTC): before a 04:00 day start, so still the previous study day.
const AT = Date.parse('2026-03-02T03:30:00Z');
const START = AT - 20 * MIN;

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

const q = (key: string, correct: boolean, minute: number | null, tookMs = 0): QuestionResult => ({
  key,
  correct,
  answer: minute === null ? null : [0],
  answered: minute !== null,
  answeredAt: minute === null ? null : START + minute * MIN,
  tookMs,
});

function result(results: QuestionResult[]): ExamResult {
  return {
    id: 'exam-1',
    at: AT,
    questions: results.length,
    correct: results.filter((r) => r.correct).length,
    scorePercent: 0,
    passPercent: 70,
    passed: false,
    usedMs: 20 * MIN,
    timedOut: false,
    byDeck: {},
    byTag: {},
    predictedPercent: 35,
    scope: { decks: null, tag: null, blueprint: null },
    results,
  };
}

function context(feeds: boolean, over: Partial<ExamRecordContext> = {}) {
  const settings = resolveSettings({ dayStartsAt: 4, examFeedsSchedule: feeds, fuzz: false });
  const scheduler = new Scheduler(settings);
  const asked: [string | null, number][] = [];
  let n = 0;
  const ctx: ExamRecordContext = {
    scheduler,
    settings,
    memory: (key) => (key.includes('studied') ? studied : null),
    exists: (key) => key.startsWith('a/'),
    newId: () => `id-${++n}`,
    // The store would move a time past the card's last record; here it keeps it.
    timeFor: (key, notBefore) => {
      asked.push([key, notBefore]);
      return notBefore;
    },
    ...over,
  };
  return { ctx, scheduler, asked };
}

const reviews = (recs: ReturnType<typeof examRecords>) =>
  recs.filter((r): r is ReviewRecord => r.type === 'review');

describe('defect 9: an exam is a measurement first', () => {
  it('defect 9: an unanswered question writes nothing; an empty exam writes only its summary', () => {
    const { ctx } = context(true);
    const none = result([q('a/studied', false, null), q('a/new', false, null)]);
    const w = examWrite(none, ctx);
    expect(w.records).toEqual(
      [{ type: 'exam', id: 'exam-1', at: AT, summary: { ...none, results: undefined } }].map((r) =>
        JSON.parse(JSON.stringify(r)),
      ),
    );
    expect(w.effect).toEqual({ relearning: 0, restarted: 0, movedUp: 0, leeches: 0 });
    expect(w.undo).toEqual([]);
  });

  it('defect 9: a right answer is logged, fed: false, and leaves the memory as it was', () => {
    const { ctx } = context(true);
    const recs = reviews(examRecords(result([q('a/studied', true, 3), q('a/new', true, 4)]), ctx));
    expect(recs.map((r) => [r.key, r.rating, r.correct, r.fed, r.before, r.after])).toEqual([
      ['a/studied', 3, true, false, studied, studied],
      ['a/new', 3, true, false, null, newMemory(START + 4 * MIN)],
    ]);
  });

  it('defect 9: a card never studied stays new; a wrong answer moves it to the front of the new queue', () => {
    for (const feeds of [true, false]) {
      const { ctx } = context(feeds);
      const w = examWrite(result([q('a/new', false, 5)]), ctx);
      const at = START + 5 * MIN;
      expect(w.records.slice(0, 2)).toEqual([
        expect.objectContaining({ type: 'review', key: 'a/new', fed: false, before: null }),
        {
          type: 'mark',
          id: 'id-2',
          key: 'a/new',
          mark: 'introduce',
          at: at + 1,
          day: studyDay(at, 4),
        },
      ]);
      expect(reviews(w.records)[0]!.after.phase).toBe('new');
      expect(w.effect).toEqual({ relearning: 0, restarted: 0, movedUp: 1, leeches: 0 });
      expect(w.undo).toEqual([{ kind: 'mark', key: 'a/new', undo: 'unintroduce' }]);
    }
  });

  it('defect 9: with exam-feeds-schedule off, a wrong answer on a studied card changes nothing', () => {
    const { ctx } = context(false);
    const w = examWrite(result([q('a/studied', false, 2)]), ctx);
    expect(reviews(w.records).map((r) => [r.rating, r.fed, r.after])).toEqual([
      [1, false, studied],
    ]);
    expect(w.records).toHaveLength(2);
    expect(w.effect).toEqual({ relearning: 0, restarted: 0, movedUp: 0, leeches: 0 });
  });

  it('a wrong answer on a studied card is a lapse, fed: true, from the time it was given', () => {
    const { ctx, scheduler } = context(true);
    const w = examWrite(result([q('a/studied', false, 7, 42_000)]), ctx);
    const at = START + 7 * MIN;
    const [r] = reviews(w.records);
    expect(r).toMatchObject({ rating: 1, fed: true, correct: false, at, tookMs: 42_000 });
    expect(r!.after).toEqual(scheduler.answer(studied, at, 1, 'a/studied'));
    expect(r!.after.phase).toBe('relearning');
    expect(w.effect).toEqual({ relearning: 1, restarted: 0, movedUp: 0, leeches: 0 });
    expect(w.undo).toEqual([{ kind: 'answer', review: r, leech: false, suspended: false }]);
  });
});

describe('a card still on its learning steps', () => {
  it('goes back to its first step, counted apart from the lapses of review cards', () => {
    const learning: Memory = { ...studied, phase: 'learning', learningSteps: 1, reps: 1 };
    const { ctx } = context(true, { memory: () => learning });
    const w = examWrite(result([q('a/learning', false, 1)]), ctx);
    expect(reviews(w.records)[0]).toMatchObject({ fed: true, before: learning });
    expect(reviews(w.records)[0]!.after).toMatchObject({ phase: 'learning', learningSteps: 0 });
    expect(w.effect).toEqual({ relearning: 0, restarted: 1, movedUp: 0, leeches: 0 });
    expect(describeEffect(w.effect)).toBe('1 card back to the first learning step.');
  });
});

describe('defect 11: each exam answer is dated when it was given, with its time on screen', () => {
  it('defect 11: records come in answer order, at their answer times, then the summary at submit', () => {
    const { ctx, asked } = context(true);
    const recs = examRecords(
      result([
        q('a/studied-1', true, 9, 5000),
        q('a/studied-2', false, 2, 7000),
        q('gone/card', false, 3),
        q('a/right-new', true, 4, 1500),
        q('a/skipped', false, null, 800),
      ]),
      ctx,
    );
    expect(recs.map((r) => [r.type, r.type === 'review' ? r.key : r.type, r.at])).toEqual([
      ['review', 'a/studied-2', START + 2 * MIN],
      ['review', 'a/right-new', START + 4 * MIN],
      ['review', 'a/studied-1', START + 9 * MIN],
      ['exam', 'exam', AT],
    ]);
    expect(reviews(recs).map((r) => r.tookMs)).toEqual([7000, 1500, 5000]);
    expect(reviews(recs).map((r) => r.day)).toEqual(
      [2, 4, 9].map((m) => studyDay(START + m * MIN, 4)),
    );
    // Each time asked for no earlier than the answer, and after the record before it.
    expect(asked).toEqual([
      ['a/studied-2', START + 2 * MIN],
      ['a/right-new', START + 4 * MIN],
      ['a/studied-1', START + 9 * MIN],
      [null, AT],
    ]);
  });

  it('defect 11: times stay strictly increasing when the store moves one past the next answer', () => {
    const { ctx } = context(true, { timeFor: (_k, notBefore) => Math.max(notBefore, AT - 1) });
    const recs = examRecords(
      result([q('a/studied', false, 1), q('a/new', false, 2), q('a/new-2', true, 3)]),
      ctx,
    );
    const times = recs.map((r) => r.at);
    // The lapse at AT - 1; its leech check writes nothing; the new card's answer and mark.
    expect(times).toEqual([AT - 1, AT, AT + 1, AT + 2, AT + 3]);
  });
});

describe('defect 12: exam lapses go through the leech check', () => {
  const near: Memory = { ...studied, lapses: 7 };
  const run = (marks?: CardMarks, leechAction: 'suspend' | 'tag' = 'suspend') => {
    const { ctx } = context(true, {
      memory: () => near,
      settings: resolveSettings({ dayStartsAt: 4, leechThreshold: 8, leechAction, fuzz: false }),
      ...(marks ? { marks: () => marks } : {}),
    });
    return examWrite(result([q('a/studied', false, 1)]), ctx);
  };

  it('defect 12: the lapse that reaches the threshold marks a leech and suspends it, as study does', () => {
    const w = run({});
    const at = START + MIN;
    expect(w.records.map((r) => (r.type === 'mark' ? `${r.mark}@${r.at}` : r.type))).toEqual([
      'review',
      `leech@${at + 1}`,
      `suspend@${at + 2}`,
      'exam',
    ]);
    expect(w.effect).toEqual({ relearning: 1, restarted: 0, movedUp: 0, leeches: 1 });
    expect(w.undo[0]).toMatchObject({ kind: 'answer', leech: true, suspended: true });
  });

  it('defect 12: a card that was a leech already keeps its mark when the lapse is undone', () => {
    expect(run({ leech: true }).undo[0]).toMatchObject({ leech: false, suspended: true });
    expect(run(undefined, 'tag').undo[0]).toMatchObject({ leech: true, suspended: false });
  });
});

describe('describeEffect', () => {
  it('says what the exam did to the schedule, or that it did nothing', () => {
    expect(describeEffect({ relearning: 0, restarted: 0, movedUp: 0, leeches: 0 })).toBe(
      'The schedule is unchanged.',
    );
    expect(describeEffect({ relearning: 7, restarted: 0, movedUp: 3, leeches: 0 })).toBe(
      '7 cards back to relearning, 3 new cards moved up.',
    );
    expect(describeEffect({ relearning: 1, restarted: 0, movedUp: 0, leeches: 1 })).toBe(
      '1 card back to relearning, 1 new leech.',
    );
    expect(describeEffect({ relearning: 0, restarted: 0, movedUp: 1, leeches: 0 })).toBe(
      '1 new card moved up.',
    );
  });
});
