// True retention as Anki's statistics define it (the True Retention table; rslib
// src/stats/graphs/retention.rs and the manual's stats page): of the answers given to cards
// in the review phase, the share not graded Again. A card is counted once per study day, on
// its first answer that day: a second look the same day is not a test of memory over an
// interval. Young and mature split on the interval the card had before the answer (Anki's
// `last_interval`): 21 days or more is mature.
import type { LogRecord } from '../model.js';
import { type Acc, type Answer, answersOf, MATURE_DAYS } from './answers.js';

/** Counted answers of one study day. */
export interface RetentionDay {
  youngPassed: number;
  youngFailed: number;
  maturePassed: number;
  matureFailed: number;
}

export const emptyRetentionDay = (): RetentionDay => ({
  youngPassed: 0,
  youngFailed: 0,
  maturePassed: 0,
  matureFailed: 0,
});

/**
 * Per study day, the answers true retention counts, from the log in time order. Undone
 * answers are taken out first (answersOf). `inScope` limits it to some cards.
 */
export function retentionByDay(
  records: readonly LogRecord[],
  inScope: (key: string) => boolean = () => true,
): Map<number, RetentionDay> {
  return retentionOfAnswers(answersOf(records, inScope));
}

/**
 * The same from answers in time order. Only answers that fed the schedule are looked at,
 * as Anki's `has_rating_and_affects_scheduling`: study answers, and exam answers that fed
 * the schedule (Anki counts filtered-deck reviews with rescheduling on, and a fed exam
 * answer is exactly that). An exam answer with `fed: false` did not, and cram answers are
 * like Anki's filtered decks with rescheduling off: both are left out, and do not make a
 * later answer that day a second look.
 */
export function retentionOfAnswers(answers: Iterable<Answer>): Map<number, RetentionDay> {
  const acc = retentionAcc();
  for (const a of answers) acc.add(a);
  return acc.done();
}

/** retentionOfAnswers answer by answer, to share a pass with other series (answerSeries). */
export function retentionAcc(): Acc<Map<number, RetentionDay>> {
  // The last day each card was answered: by its number where the answers have one.
  const byNumber: number[] = [];
  const byKey = new Map<string, number>();
  const out = new Map<number, RetentionDay>();
  return {
    add(a) {
      if (!a.scheduled) return;
      const last = a.card === undefined ? byKey.get(a.key) : byNumber[a.card];
      if (last === a.day) return;
      if (a.card === undefined) byKey.set(a.key, a.day);
      else byNumber[a.card] = a.day;
      // Only cards in the review phase: an answer on a learning step tests no interval.
      if (a.phase !== 'review') return;
      let d = out.get(a.day);
      if (!d) {
        d = emptyRetentionDay();
        out.set(a.day, d);
      }
      const mature = a.interval >= MATURE_DAYS;
      const passed = a.rating > 1;
      if (mature) passed ? d.maturePassed++ : d.matureFailed++;
      else passed ? d.youngPassed++ : d.youngFailed++;
    },
    done: () => out,
  };
}

export interface RetentionCell {
  passed: number;
  failed: number;
  /** passed / (passed + failed), to 3 decimals; null without answers. */
  rate: number | null;
}

export interface RetentionPeriod {
  young: RetentionCell;
  mature: RetentionCell;
  total: RetentionCell;
}

const cell = (passed: number, failed: number): RetentionCell => ({
  passed,
  failed,
  rate: passed + failed ? Math.round((1000 * passed) / (passed + failed)) / 1000 : null,
});

/** True retention over the `days` study days ending with `today` (1 = today alone). */
export function retentionOver(
  byDay: ReadonlyMap<number, RetentionDay>,
  today: number,
  days: number,
): RetentionPeriod {
  const sum = emptyRetentionDay();
  for (const [day, d] of byDay) {
    if (day > today || day <= today - days) continue;
    sum.youngPassed += d.youngPassed;
    sum.youngFailed += d.youngFailed;
    sum.maturePassed += d.maturePassed;
    sum.matureFailed += d.matureFailed;
  }
  return {
    young: cell(sum.youngPassed, sum.youngFailed),
    mature: cell(sum.maturePassed, sum.matureFailed),
    total: cell(sum.youngPassed + sum.maturePassed, sum.youngFailed + sum.matureFailed),
  };
}

/** The periods of Anki's table: today, yesterday, the last 7, 30 and 365 study days. */
export interface TrueRetention {
  today: RetentionPeriod;
  yesterday: RetentionPeriod;
  week: RetentionPeriod;
  month: RetentionPeriod;
  year: RetentionPeriod;
}

export function trueRetention(byDay: ReadonlyMap<number, RetentionDay>, today: number) {
  const table: TrueRetention = {
    today: retentionOver(byDay, today, 1),
    yesterday: retentionOver(byDay, today - 1, 1),
    week: retentionOver(byDay, today, 7),
    month: retentionOver(byDay, today, 30),
    year: retentionOver(byDay, today, 365),
  };
  return table;
}
