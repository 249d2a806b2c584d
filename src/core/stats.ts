// Statistics: every series the Stats screen and `stats --json` show, for all decks, one
// deck or one objective (the caller passes the cards and the answers in scope).
import { type Calibration, calibration } from './calibration.js';
import { studyDay } from './clock.js';
import type { ExamSummary } from './model.js';
import type { Progress } from './progress.js';
import {
  type Answer,
  answerSeries,
  type ButtonCounts,
  type HourCount,
  type TodayStats,
} from './stats/answers.js';
import { type Calendar, calendar } from './stats/calendar.js';
import {
  type CardCounts,
  cardCountsOf,
  type Distributions,
  distributionsOf,
  type Hardest,
  hardestOf,
  type Recall,
  studiedOf,
} from './stats/cards.js';
import { dueForecastOf, heldCards, type Tomorrow } from './stats/due.js';
import {
  type RetentionDay,
  retentionAcc,
  type TrueRetention,
  trueRetention,
} from './stats/true-retention.js';

export interface ExamLine {
  at: string;
  questions: number;
  correct: number;
  scorePercent: number;
  passed: boolean;
  passPercent: number;
  predictedPercent: number | null;
}

/** What statistics cover: every deck (both null), one deck, or one objective (a tag). */
export interface StatsScope {
  deck: string | null;
  objective: string | null;
}

/** What the figures can be narrowed to: the decks and the exam objectives (tags) in view. */
export interface StatsChoices {
  decks: { id: string; title: string }[];
  objectives: string[];
}

export interface Stats {
  scope: StatsScope;
  choices: StatsChoices;
  /** Answers in all (as the day counts have them: unfed exam answers are not). */
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
  /** The same for 365 days. */
  forecastYear: number[];
  /** The next study day: `reviews` is always `forecast[1]`. */
  tomorrow: Tomorrow;
  /** Answers on each of the last 30 study days, oldest first. */
  activity: number[];
  today: TodayStats;
  calendar: Calendar;
  counts: CardCounts;
  distributions: Distributions;
  /** Answer buttons by card age over the last 30 and 365 study days. */
  buttons: { month: ButtonCounts; year: ButtonCounts };
  /** Review answers and the share passed by hour of day, last 30 and 365 study days. */
  hours: { month: HourCount[]; year: HourCount[] };
  hardest: Hardest;
  exams: ExamLine[];
  /** How the readiness forecasts stored with the exams matched their scores. */
  calibration: Calibration;
}

export const STATS_DAYS = 30;
export const HARDEST = 10;

/** What statistics need beyond progress: the cards and answers in scope, and helpers. */
export interface StatsInput {
  scope?: StatsScope;
  /** Keys of the cards in scope. */
  keys: readonly string[];
  /**
   * The answers to cards in scope, each card's in time order (stats/answers.ts answersOf,
   * in time order, or a view of the answer table, in table order where that keeps each
   * card's order). No series keeps an answer object, nor depends on the order across cards.
   */
  answers: Iterable<Answer>;
  /**
   * Answers true retention counts, per study day; absent: taken from `answers` in the same
   * pass as the other series (retentionOfAnswers).
   */
  retention?: ReadonlyMap<number, RetentionDay>;
  /** New cards the next study day introduces within its limits. */
  newTomorrow: number;
  /** A card's kind (basic, mcq, cloze, typed, terms). */
  kindOf: (key: string) => string;
  recall: Recall;
  /** Exams in scope (all, for every deck). */
  exams?: readonly ExamSummary[];
  choices?: StatsChoices;
}

export function computeStats(
  p: Progress,
  now: number,
  settings: { dayStartsAt: number; desiredRetention: number },
  input: StatsInput,
): Stats {
  const { dayStartsAt } = settings;
  const today = studyDay(now, dayStartsAt);
  // True retention joins the same pass over the answers unless it was given.
  const retention = retentionAcc();
  const series = answerSeries(
    input.answers,
    today,
    input.kindOf,
    input.retention ? [] : [retention],
  );
  const perDay = series.perDay;
  const activity: number[] = [];
  for (let d = today - STATS_DAYS + 1; d <= today; d++) activity.push(perDay.get(d) ?? 0);
  let reviews = 0;
  for (const n of perDay.values()) reviews += n;
  const table = trueRetention(input.retention ?? retention.done(), today);
  const month = table.month.total;
  // Each card's memory and marks looked up once for the forecast, counts and studied cards.
  const held = heldCards(input.keys, p);
  const forecastYear = dueForecastOf(held, today, dayStartsAt, 365);
  const cal = calendar(perDay, today);
  // Studied cards with their recall, once, for the distributions and the hardest cards.
  const studied = studiedOf(held, input.recall);
  const exams = input.exams ?? p.exams;
  return {
    scope: input.scope ?? { deck: null, objective: null },
    choices: input.choices ?? { decks: [], objectives: [] },
    reviews,
    reviewedToday: perDay.get(today) ?? 0,
    streak: cal.currentStreak,
    retention: {
      target: settings.desiredRetention,
      actual: month.rate,
      answers: month.passed + month.failed,
    },
    trueRetention: table,
    forecast: forecastYear.slice(0, STATS_DAYS),
    forecastYear,
    // Day 1 of the forecast: what core/stats/due.ts `tomorrow` counts, without a second pass.
    tomorrow: { reviews: forecastYear[1] ?? 0, new: input.newTomorrow },
    activity,
    today: series.today,
    calendar: cal,
    counts: cardCountsOf(held, today),
    distributions: distributionsOf(studied),
    buttons: series.buttons,
    hours: series.hours,
    hardest: hardestOf(studied, HARDEST),
    exams: exams.map((e) => ({
      at: new Date(e.at).toISOString(),
      questions: e.questions,
      correct: e.correct,
      scorePercent: e.scorePercent,
      passed: e.passed,
      passPercent: e.passPercent,
      predictedPercent: e.predictedPercent,
    })),
    calibration: calibration(exams),
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
