// Statistics carry the calibration of the stored exam forecasts (src/core/calibration.ts).
import { describe, expect, it } from 'vitest';
import type { ExamSummary } from '../../../src/core/model.js';
import { emptyProgress } from '../../../src/core/progress.js';
import { computeStats } from '../../../src/core/stats.js';

const T0 = Date.parse('2026-03-10T10:00:00Z');
const exam = (scorePercent: number, predictedPercent: number | null): ExamSummary => ({
  id: `e${scorePercent}`,
  at: T0,
  questions: 2,
  correct: scorePercent / 50,
  scorePercent,
  passPercent: 70,
  passed: scorePercent >= 70,
  usedMs: 1,
  timedOut: false,
  byDeck: {},
  byTag: {},
  predictedPercent,
  predictions: [
    { key: 'd/a', p: 0.5, correct: scorePercent >= 50 },
    { key: 'd/b', p: 0.5, correct: scorePercent === 100 },
  ],
  scope: { decks: null, tag: null, blueprint: null },
});

const NOTHING = {
  keys: [],
  answers: [],
  retention: new Map(),
  newTomorrow: 0,
  kindOf: () => 'basic',
  recall: () => 1,
};

describe('stats: calibration', () => {
  it('over every exam: gaps in points, and log loss over the stored per-question forecasts', () => {
    const p = { ...emptyProgress(), exams: [exam(50, 70), exam(100, 60), exam(0, null)] };
    const s = computeStats(p, T0, { dayStartsAt: 4, desiredRetention: 0.9 }, NOTHING);
    expect(s.calibration).toEqual({
      exams: 2,
      meanGap: -10, // (+20 - 40) / 2
      meanAbsGap: 30,
      largestGap: -40,
      questions: 6,
      logLoss: Math.round(Math.LN2 * 1000) / 1000, // every forecast 0.5: -ln 0.5, to 3 places
    });
  });

  it('none without exams', () => {
    const s = computeStats(emptyProgress(), T0, { dayStartsAt: 4, desiredRetention: 0.9 }, NOTHING);
    expect(s.calibration.exams).toBe(0);
    expect(s.calibration.logLoss).toBeNull();
  });
});
