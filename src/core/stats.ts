// Statistics over progress: true retention, the due forecast, activity and exam history.
import { type Calibration, calibration } from './calibration.js';
import { studyDay } from './clock.js';
import type { ExamSummary } from './model.js';
import { isHidden, type Progress, streak } from './progress.js';

export interface Stats {
  reviews: number;
  reviewedToday: number;
  streak: number;
  retention: {
    target: number;
    /** Share of review-phase answers passed in the last 30 study days; null without data. */
    actual: number | null;
    answers: number;
  };
  /** Cards due on each of the next 30 study days (index 0 = today, overdue included). */
  forecast: number[];
  /** Answers on each of the last 30 study days, oldest first. */
  activity: number[];
  exams: {
    at: string;
    questions: number;
    correct: number;
    scorePercent: number;
    passed: boolean;
    passPercent: number;
    predictedPercent: number | null;
  }[];
  /** How the readiness forecasts stored with the exams matched their scores. */
  calibration: Calibration;
}

export const STATS_DAYS = 30;

export function computeStats(
  p: Progress,
  now: number,
  settings: { dayStartsAt: number; desiredRetention: number },
  inDecks: (key: string) => boolean,
): Stats {
  const today = studyDay(now, settings.dayStartsAt);
  let answers = 0;
  let passed = 0;
  const activity: number[] = [];
  for (let d = today - STATS_DAYS + 1; d <= today; d++) {
    const c = p.days[d];
    activity.push(c?.reviews ?? 0);
    answers += c?.reviewCards ?? 0;
    passed += c?.reviewPassed ?? 0;
  }
  const forecast = new Array<number>(STATS_DAYS).fill(0);
  for (const [key, m] of Object.entries(p.cards)) {
    if (m.phase === 'new' || !inDecks(key) || isHidden(p.marks[key], today)) continue;
    const offset = Math.max(0, studyDay(m.due, settings.dayStartsAt) - today);
    if (offset < STATS_DAYS) forecast[offset]!++;
  }
  return {
    reviews: p.reviews,
    reviewedToday: p.days[today]?.reviews ?? 0,
    streak: streak(p.days, today),
    retention: {
      target: settings.desiredRetention,
      actual: answers ? Math.round((1000 * passed) / answers) / 1000 : null,
      answers,
    },
    forecast,
    activity,
    exams: p.exams.map((e: ExamSummary) => ({
      at: new Date(e.at).toISOString(),
      questions: e.questions,
      correct: e.correct,
      scorePercent: e.scorePercent,
      passed: e.passed,
      passPercent: e.passPercent,
      predictedPercent: e.predictedPercent,
    })),
    calibration: calibration(p.exams),
  };
}

// A dot for zero keeps the axis visible on quiet days.
const BARS = '·▁▂▃▄▅▆▇█';

/** A one-line bar chart; the same height scale for every value. */
export function sparkline(values: readonly number[]): string {
  const max = Math.max(1, ...values);
  return values.map((v) => BARS[v === 0 ? 0 : Math.max(1, Math.round((v / max) * 8))]).join('');
}
