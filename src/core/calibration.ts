// Calibration: how well the readiness forecast stored with each exam matched its score.
// Two views: per exam (predicted vs actual score, in percentage points) and per question
// (log loss of each predicted chance against the right/wrong outcome).
import type { ExamSummary } from './model.js';

/**
 * A forecast of 0 or 1 that turns out wrong would cost an infinite log loss: chances are
 * clamped to [0.001, 0.999] first, so one such question costs at most -ln(0.001) ≈ 6.9.
 */
export const P_MIN = 0.001;
export const P_MAX = 0.999;

export interface Calibration {
  /** Exams with a stored forecast (`predictedPercent`). */
  exams: number;
  /**
   * Mean of (predicted − actual score), percentage points, signed: above 0 the forecast
   * was too hopeful, below 0 too gloomy. Null without exams.
   */
  meanGap: number | null;
  /** Mean of |predicted − actual|, percentage points. */
  meanAbsGap: number | null;
  /** The gap furthest from 0, with its sign (predicted − actual), percentage points. */
  largestGap: number | null;
  /** Questions with a stored predicted chance (exams recorded since issue 9). */
  questions: number;
  /** Mean per-question log loss, natural log, chances clamped (see P_MIN). Lower is better. */
  logLoss: number | null;
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

/** The log loss of one forecast `p` of a right answer, given the outcome. */
export function questionLogLoss(p: number, correct: boolean): number {
  const q = Math.min(P_MAX, Math.max(P_MIN, p));
  return -Math.log(correct ? q : 1 - q);
}

export function calibration(exams: readonly ExamSummary[]): Calibration {
  const gaps = exams
    .filter((e) => e.predictedPercent !== null)
    .map((e) => (e.predictedPercent as number) - e.scorePercent);
  let loss = 0;
  let questions = 0;
  for (const e of exams)
    for (const q of e.predictions ?? []) {
      loss += questionLogLoss(q.p, q.correct);
      questions++;
    }
  const largest = gaps.reduce<number | null>(
    (acc, g) => (acc === null || Math.abs(g) > Math.abs(acc) ? g : acc),
    null,
  );
  const n = gaps.length;
  return {
    exams: n,
    meanGap: n ? round(gaps.reduce((s, g) => s + g, 0) / n, 1) : null,
    meanAbsGap: n ? round(gaps.reduce((s, g) => s + Math.abs(g), 0) / n, 1) : null,
    largestGap: largest,
    questions,
    logLoss: questions ? round(loss / questions, 3) : null,
  };
}
