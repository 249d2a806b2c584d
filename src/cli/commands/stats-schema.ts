// The shape of `hyperrecall stats --json`, as a zod schema: the documented contract (README,
// "stats --json"), tested against the real output (tests/e2e/stats-json.e2e.test.ts). The
// command itself does not load zod: it only prints what core/stats.ts computes.
import { z } from 'zod';

const count = z.number().int().nonnegative();
const share = z.number().min(0).max(1);
const rate = share.nullable();

const cell = z.object({ passed: count, failed: count, rate });
const period = z.object({ young: cell, mature: cell, total: cell });
const grades = z.tuple([count, count, count, count]);
const buttons = z.object({ learning: grades, young: grades, mature: grades });
const hour = z.object({
  hour: z.number().int().min(0).max(23),
  answers: count,
  passed: count,
  rate,
});
const bin = z.object({ label: z.string(), from: z.number(), to: z.number().nullable(), count });
const hardCard = z.object({ key: z.string(), retrievability: share, lapses: count });

export const StatsJson = z.strictObject({
  scope: z.object({ deck: z.string().nullable(), objective: z.string().nullable() }),
  choices: z.object({
    decks: z.array(z.object({ id: z.string(), title: z.string() })),
    objectives: z.array(z.string()),
  }),
  reviews: count,
  reviewedToday: count,
  streak: count,
  retention: z.object({ target: share, actual: rate, answers: count }),
  trueRetention: z.object({
    today: period,
    yesterday: period,
    week: period,
    month: period,
    year: period,
  }),
  forecast: z.array(count).length(30),
  forecastYear: z.array(count).length(365),
  tomorrow: z.object({ reviews: count, new: count }),
  activity: z.array(count).length(30),
  today: z.object({
    answers: count,
    cards: count,
    ms: count,
    again: count,
    byKind: z.array(z.object({ kind: z.string(), answers: count, correct: count, share })),
  }),
  calendar: z.object({
    cells: z
      .array(
        z.object({ day: z.number().int(), answers: count, level: z.number().int().min(0).max(4) }),
      )
      .length(365),
    activeDays: count,
    currentStreak: count,
    longestStreak: count,
  }),
  counts: z.object({
    new: count,
    learning: count,
    review: count,
    relearning: count,
    suspended: count,
    buried: count,
    total: count,
  }),
  distributions: z.object({
    interval: z.array(bin).length(12),
    stability: z.array(bin).length(12),
    difficulty: z.array(bin).length(10),
    retrievability: z.array(bin).length(10),
    meanRetrievability: rate,
    cards: count,
  }),
  buttons: z.object({ month: buttons, year: buttons }),
  hours: z.object({ month: z.array(hour).length(24), year: z.array(hour).length(24) }),
  hardest: z.object({ lowestRecall: z.array(hardCard), mostLapses: z.array(hardCard) }),
  exams: z.array(
    z.object({
      at: z.iso.datetime(),
      questions: count,
      correct: count,
      scorePercent: z.number(),
      passed: z.boolean(),
      passPercent: z.number(),
      predictedPercent: z.number().nullable(),
    }),
  ),
  calibration: z.object({
    exams: count,
    meanGap: z.number().nullable(),
    meanAbsGap: z.number().nullable(),
    largestGap: z.number().nullable(),
    questions: count,
    logLoss: z.number().nullable(),
  }),
  readiness: z.object({
    percent: z.number(),
    questions: count,
    at: z.iso.datetime().nullable(),
    basis: z.string().nullable(),
    examDate: z.unknown(),
    objectives: z.array(
      z.object({
        tag: z.string(),
        name: z.string().nullable(),
        percent: z.number(),
        questions: count,
      }),
    ),
  }),
});

export type StatsJson = z.infer<typeof StatsJson>;
