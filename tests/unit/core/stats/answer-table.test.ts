import { describe, expect, it } from 'vitest';
import type { LogRecord, Memory, ReviewRecord } from '../../../../src/core/model.js';
import { newMemory } from '../../../../src/core/scheduler.js';
import {
  appendRecords,
  emptyTable,
  tableAnswers,
  tableAnswerView,
} from '../../../../src/core/stats/answer-table.js';
import { type Answer, answersOf } from '../../../../src/core/stats/answers.js';
import { retentionByDay, retentionOfAnswers } from '../../../../src/core/stats/true-retention.js';

const mem = (phase: Memory['phase'], scheduledDays: number): Memory => ({
  ...newMemory(0),
  phase,
  scheduledDays,
});
let n = 0;
const review = (key: string, at: number, more: Partial<ReviewRecord> = {}): ReviewRecord => ({
  type: 'review',
  id: `r${++n}`,
  key,
  at,
  rating: 3,
  mode: 'study',
  tookMs: 1500,
  before: mem('review', 30),
  after: mem('review', 60),
  day: Math.floor(at / 86_400_000),
  ...more,
});

const undone = review('a', 3000, { rating: 1 });
const log: LogRecord[] = [
  review('a', 1000, { before: null }),
  review('b', 2000, { correct: false, rating: 1, mode: 'exam', fed: false }),
  undone,
  { type: 'undo', id: 'u', at: 3001, review: undone },
  { type: 'cram', id: 'c', key: 'b', at: 4000, rating: 4, tookMs: 700, correct: true, day: 0 },
  review('c', 5000, { before: mem('relearning', 0.5) }),
];

describe('the answer table', () => {
  it('gives back exactly the answers answersOf reads from the records', () => {
    const t = emptyTable(2); // small: it has to grow
    appendRecords(t, log);
    expect(t.rows).toBe(5); // the undone one stays, marked
    // The table numbers its cards (card); otherwise the answers are the same.
    const plain = (xs: Answer[]) => xs.map(({ card: _, ...a }) => a);
    expect(plain(tableAnswers(t, () => true))).toEqual(answersOf(log));
    expect(plain(tableAnswers(t, (k) => k !== 'b'))).toEqual(answersOf(log, (k) => k !== 'b'));
    expect(tableAnswers(t, () => true).map((a) => a.card)).toEqual([0, 1, 1, 2]);
    // True retention is the same whether cards are told apart by number or by key.
    expect(retentionOfAnswers(tableAnswers(t, () => true))).toEqual(retentionByDay(log));
  });

  it('an undo appended later marks the answer it takes back', () => {
    const t = emptyTable();
    appendRecords(t, log.slice(0, 3));
    expect(tableAnswers(t, () => true).map((a) => a.at)).toEqual([1000, 2000, 3000]);
    appendRecords(t, log.slice(3));
    expect(tableAnswers(t, () => true).map((a) => a.at)).toEqual([1000, 2000, 4000, 5000]);
  });

  it('answers from logs appended one after another come back in time order', () => {
    const t = emptyTable();
    appendRecords(t, [review('a', 10), review('a', 30)]);
    appendRecords(t, [review('b', 20), review('b', 40)]);
    expect(tableAnswers(t, () => true).map((a) => a.at)).toEqual([10, 20, 30, 40]);
  });

  it('the view without an object per answer reads the same answers, every time it is iterated', () => {
    const t = emptyTable();
    appendRecords(t, [review('z', 5)]);
    appendRecords(t, log);
    const view = tableAnswerView(t, (k) => k !== 'c');
    const copies = () => [...view].length && Array.from(view, (a) => ({ ...a }));
    const expected = tableAnswers(t, (k) => k !== 'c').map((a) =>
      a.correct === undefined ? { ...a, correct: undefined } : a,
    );
    expect(view.length).toBe(expected.length);
    expect(copies()).toEqual(expected);
    expect(copies()).toEqual(expected);
  });
});
