// Statistics over progress: true retention, the due forecast, activity and exam history.
import { type Calibration, calibration } from './calibration.js';
import { studyDay } from './clock.js';
import type { ExamSummary } from './model.js';
import { type Progress, streak } from './progress.js';
import { dueForecast, type Tomorrow, tomorrow } from './stats/due.js';
import { type RetentionDay, type TrueRetention, trueRetention } from './stats/true-retention.js';

export interface Stats {
  reviews: number;
  reviewedToday: number;
  streak: number;
  retention: {
    /** The desired-retention setting. */
    target: number;
    /**
     * True retention over the last 30 study days, as Anki defines it (core/stats/
     * true-retention.ts): review-phase cards, first answer of a card per day, Again fails.
     * Null without such answers.
     */
    actual: number | null;
    /** The answers `actual` counts. */
    answers: number;
  };
  /** True retention young / mature / total for today, yesterday, 7, 30 and 365 days. */
  trueRetention: TrueRetention;
  /** Cards due on each of the next 30 study days (index 0 = today, overdue included). */
  forecast: number[];
  /** The next study day: `reviews` is always `forecast[1]`. */
  tomorrow: Tomorrow;
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

/** What statistics need beyond progress: the cards in view and what the log says. */
export interface StatsInput {
  /** Keys of the cards in the loaded decks. */
  keys: readonly string[];
  /** Answers true retention counts, per study day (retentionByDay over the log). */
  retention: ReadonlyMap<number, RetentionDay>;
  /** New cards the next study day introduces within its limits. */
  newTomorrow: number;
}

export function computeStats(
  p: Progress,
  now: number,
  settings: { dayStartsAt: number; desiredRetention: number },
  input: StatsInput,
): Stats {
  const today = studyDay(now, settings.dayStartsAt);
  const activity: number[] = [];
  for (let d = today - STATS_DAYS + 1; d <= today; d++) activity.push(p.days[d]?.reviews ?? 0);
  const table = trueRetention(input.retention, today);
  const month = table.month.total;
  const forecast = dueForecast(input.keys, p, today, settings.dayStartsAt, STATS_DAYS);
  return {
    reviews: p.reviews,
    reviewedToday: p.days[today]?.reviews ?? 0,
    streak: streak(p.days, today),
    retention: {
      target: settings.desiredRetention,
      actual: month.rate,
      answers: month.passed + month.failed,
    },
    trueRetention: table,
    forecast,
    tomorrow: tomorrow(input.keys, p, today, settings.dayStartsAt, input.newTomorrow),
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

const percent = (x: number) => `${Math.round(x * 100)}%`;

/** "91% of 120 reviews in 30 days (desired 90%)": the headline figure, in the same words everywhere. */
export function trueRetentionText(r: Stats['retention'], narrow = false): string {
  if (r.actual === null)
    return narrow
      ? `- (desired ${percent(r.target)})`
      : `no reviews in 30 days yet (desired ${percent(r.target)})`;
  return narrow
    ? `${percent(r.actual)} (desired ${percent(r.target)})`
    : `${percent(r.actual)} of ${r.answers} review${r.answers === 1 ? '' : 's'} in 30 days (desired ${percent(r.target)})`;
}

// A dot for zero keeps the axis visible on quiet days.
const BARS = '·▁▂▃▄▅▆▇█';

/** A one-line bar chart; the same height scale for every value. */
export function sparkline(values: readonly number[]): string {
  const max = Math.max(1, ...values);
  return values.map((v) => BARS[v === 0 ? 0 : Math.max(1, Math.round((v / max) * 8))]).join('');
}
