// True retention as Anki's statistics define it (the True Retention table; rslib
// src/stats/graphs/retention.rs and the manual's stats page): of the answers given to cards
// in the review phase, the share not graded Again. A card is counted once per study day, on
// its first answer that day: a second look the same day is not a test of memory over an
// interval. Young and mature split on the interval the card had before the answer (Anki's
// `last_interval`): 21 days or more is mature.
import type { LogRecord, ReviewRecord } from '../model.js';

export const MATURE_DAYS = 21;

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
 * Whether an answer fed the schedule, as Anki's `has_rating_and_affects_scheduling`: only
 * those are looked at. Study answers did. Exam answers that fed the schedule did too (Anki
 * counts filtered-deck reviews with rescheduling on, and a fed exam answer is exactly
 * that). An exam answer with `fed: false` did not, and cram answers (their own record type,
 * like Anki's filtered decks with rescheduling off) are not reviews at all: both are left
 * out, and do not make a later answer that day a second look.
 */
function fedSchedule(rec: ReviewRecord): boolean {
  return rec.mode === 'study' || (rec.mode === 'exam' && rec.fed !== false);
}

/**
 * Per study day, the answers true retention counts, from the log in time order. Undone
 * answers are taken out first. `inScope` limits it to some cards (a deck, an objective).
 */
export function retentionByDay(
  records: readonly LogRecord[],
  inScope: (key: string) => boolean = () => true,
): Map<number, RetentionDay> {
  const undone = new Set<string>();
  for (const rec of records) if (rec.type === 'undo') undone.add(rec.review.id);
  // Records come in time order, so the first answer of a card on a day is the first seen.
  const lastDay = new Map<string, number>();
  const out = new Map<number, RetentionDay>();
  for (const rec of records) {
    if (rec.type !== 'review' || undone.has(rec.id) || !fedSchedule(rec)) continue;
    if (lastDay.get(rec.key) === rec.day) continue;
    lastDay.set(rec.key, rec.day);
    // Only cards in the review phase: an answer on a learning step tests no interval.
    if (rec.before?.phase !== 'review' || !inScope(rec.key)) continue;
    let d = out.get(rec.day);
    if (!d) {
      d = emptyRetentionDay();
      out.set(rec.day, d);
    }
    const mature = rec.before.scheduledDays >= MATURE_DAYS;
    const passed = rec.rating > 1;
    if (mature) passed ? d.maturePassed++ : d.matureFailed++;
    else passed ? d.youngPassed++ : d.youngFailed++;
  }
  return out;
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
