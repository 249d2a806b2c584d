// Calibration on fixed numbers: the gaps between forecast and score, and log loss.
import { describe, expect, it } from 'vitest';
import { calibration, P_MAX, P_MIN, questionLogLoss } from '../../../src/core/calibration.js';
import type { ExamSummary, QuestionPrediction } from '../../../src/core/model.js';

function exam(
  scorePercent: number,
  predictedPercent: number | null,
  predictions?: QuestionPrediction[],
): ExamSummary {
  return {
    id: `e${scorePercent}`,
    at: 0,
    questions: 10,
    correct: scorePercent / 10,
    scorePercent,
    passPercent: 70,
    passed: scorePercent >= 70,
    usedMs: 0,
    timedOut: false,
    byDeck: {},
    byTag: {},
    predictedPercent,
    ...(predictions ? { predictions } : {}),
    scope: { decks: null, tag: null, blueprint: null },
  };
}

const q = (p: number, correct: boolean): QuestionPrediction => ({ key: 'd/k', p, correct });

describe('calibration', () => {
  it('no exams: nothing to say', () => {
    expect(calibration([])).toEqual({
      exams: 0,
      meanGap: null,
      meanAbsGap: null,
      largestGap: null,
      questions: 0,
      logLoss: null,
    });
  });

  it('gaps are predicted minus actual, in points: signed mean, absolute mean, the largest with its sign', () => {
    // Gaps: 60-50 = +10, 40-70 = -30, 55-50 = +5; an exam without a forecast is left out.
    const c = calibration([exam(50, 60), exam(70, 40), exam(50, 55), exam(90, null)]);
    expect(c.exams).toBe(3);
    expect(c.meanGap).toBe(-5); // (10 - 30 + 5) / 3
    expect(c.meanAbsGap).toBe(15); // (10 + 30 + 5) / 3
    expect(c.largestGap).toBe(-30);
  });

  it('rounds the mean gaps to a tenth of a point', () => {
    const c = calibration([exam(50, 51), exam(50, 51), exam(50, 50)]);
    expect(c.meanGap).toBe(0.7);
    expect(c.meanAbsGap).toBe(0.7);
    expect(c.largestGap).toBe(1);
  });

  it('log loss is the mean over questions with a stored forecast, natural log', () => {
    const c = calibration([
      exam(50, 50, [q(0.8, true), q(0.8, false)]),
      exam(100, 50, [q(0.5, true)]),
      exam(0, 30), // recorded before per-question forecasts were kept: left out
    ]);
    expect(c.questions).toBe(3);
    // (-ln 0.8 - ln 0.2 - ln 0.5) / 3 = (0.22314 + 1.60944 + 0.69315) / 3 = 0.84191
    expect(c.logLoss).toBe(0.842);
  });

  it('clamps each chance to [0.001, 0.999], so a sure forecast that fails costs -ln 0.001', () => {
    expect(P_MIN).toBe(0.001);
    expect(P_MAX).toBe(0.999);
    expect(questionLogLoss(0, false)).toBeCloseTo(-Math.log(0.999), 12);
    expect(questionLogLoss(0, true)).toBeCloseTo(-Math.log(0.001), 12);
    expect(questionLogLoss(1, false)).toBeCloseTo(-Math.log(0.001), 12);
    expect(questionLogLoss(1, true)).toBeCloseTo(-Math.log(0.999), 12);
    expect(calibration([exam(0, 100, [q(1, false)])]).logLoss).toBe(6.908);
  });
});
