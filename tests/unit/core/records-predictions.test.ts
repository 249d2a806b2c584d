// The per-question forecasts an exam summary keeps for calibration (src/core/records.ts):
// optional, so summaries written before them stay valid; checked when present.
import { describe, expect, it } from 'vitest';
import { classifyRecord, isExamSummary } from '../../../src/core/records.js';

const summary = {
  id: 'e-1',
  at: 1,
  questions: 2,
  correct: 1,
  scorePercent: 50,
  passPercent: 70,
  passed: false,
  usedMs: 1000,
  timedOut: false,
  byDeck: {},
  byTag: {},
  predictedPercent: 40,
  scope: { decks: null, tag: null, blueprint: null },
};
const good = [
  { key: 'd/a', p: 0.25, correct: false },
  { key: 'd/b', p: 1, correct: true },
];

describe('ExamSummary.predictions', () => {
  it('a summary without them (an older exam) is valid, and so is one with them', () => {
    expect(isExamSummary(summary)).toBe(true);
    expect(isExamSummary({ ...summary, predictions: good })).toBe(true);
    expect(isExamSummary({ ...summary, predictions: [] })).toBe(true);
    expect(classifyRecord({ type: 'exam', id: 'e', at: 1, summary }).kind).toBe('record');
  });

  it('each needs a card key, a chance from 0 to 1 and a verdict', () => {
    const bad: unknown[] = [
      null,
      'd/a',
      { p: 0.5, correct: true },
      { key: '', p: 0.5, correct: true },
      { key: 'd/a', correct: true },
      { key: 'd/a', p: '0.5', correct: true },
      { key: 'd/a', p: -0.01, correct: true },
      { key: 'd/a', p: 1.01, correct: true },
      { key: 'd/a', p: Number.NaN, correct: true },
      { key: 'd/a', p: 0.5 },
      { key: 'd/a', p: 0.5, correct: 1 },
    ];
    for (const x of bad) {
      expect(isExamSummary({ ...summary, predictions: [good[0], x] }), JSON.stringify(x)).toBe(
        false,
      );
      expect(
        classifyRecord({ type: 'exam', id: 'e', at: 1, summary: { ...summary, predictions: [x] } })
          .kind,
      ).toBe('bad');
    }
    expect(isExamSummary({ ...summary, predictions: good[0] })).toBe(false);
    expect(isExamSummary({ ...summary, predictions: null })).toBe(false);
  });
});
