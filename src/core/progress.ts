// Progress derived from the review log: each card's latest memory, its marks, per-day
// counts and exam history. The store keeps it as a cache; folding the log again gives the
// same value (src/core/fold.ts).
import type { CardMarks, ExamSummary, LogRecord, Memory, ReviewRecord } from './model.js';
import type { SettingRecord } from './setting-record.js';

export interface DayCount {
  /** Answers given that day: study, exam and cram (a cram answer counts here and in passed/ms only). */
  reviews: number;
  /** Cards seen for the first time. */
  newCards: number;
  /** Answers to cards that were in the review phase (count against reviews-per-day). */
  reviewCards: number;
  /** Answers graded Hard, Good or Easy. */
  passed: number;
  /** Of `reviewCards`, those graded Hard or better: the basis of true retention. */
  reviewPassed: number;
  /** Time spent answering, ms. */
  ms: number;
}

export interface Progress {
  cards: Record<string, Memory>;
  marks: Record<string, CardMarks>;
  days: Record<string, DayCount>;
  reviews: number;
  /** This device's newest study answer not taken back: what `u` undoes after a restart. */
  lastAnswer: ReviewRecord | null;
  /** Finished mock exams, oldest first. */
  exams: ExamSummary[];
  /**
   * Time of the latest record about a card, where that is later than the card's last
   * review (a mark, an undo, an exam answer that left the memory alone). With the memory's
   * own `lastReview` it tells whether a record read from a log is new (see `isNewer`).
   */
  stamps: Record<string, number>;
  /** Per setting slot, the record that wins it (core/setting-records.ts). */
  settingRecords: Record<string, SettingRecord>;
}

export function emptyProgress(): Progress {
  return {
    cards: {},
    marks: {},
    days: {},
    reviews: 0,
    lastAnswer: null,
    exams: [],
    stamps: {},
    settingRecords: {},
  };
}

export function emptyDay(): DayCount {
  return { reviews: 0, newCards: 0, reviewCards: 0, passed: 0, reviewPassed: 0, ms: 0 };
}

/** Time of the latest record applied about this card, or -Infinity. */
export function lastAt(p: Progress, key: string): number {
  const reviewed = p.cards[key]?.lastReview ?? Number.NEGATIVE_INFINITY;
  return Math.max(reviewed, p.stamps[key] ?? Number.NEGATIVE_INFINITY);
}

/**
 * Whether applying `rec` on top of `p` gives what folding the whole log would. A device
 * writes its records with strictly increasing times, so a record about a card that is not
 * later than everything already applied about it is either a copy of one (the same log
 * synced twice) or arrived out of order: then only a full fold is exact.
 */
export function isNewer(p: Progress, rec: LogRecord): boolean {
  if (rec.type === 'exam') return !p.exams.some((e) => e.id === rec.id);
  // Last writer wins per setting: applying one in any order is exact.
  if (rec.type === 'setting') return true;
  const key = rec.type === 'undo' ? rec.review.key : rec.key;
  return rec.at > lastAt(p, key);
}

/** Hidden from study: suspended, or buried for the given study day. */
export function isHidden(marks: CardMarks | undefined, day: number): boolean {
  return (
    !!marks &&
    (marks.suspended === true || (marks.buriedDay !== undefined && marks.buriedDay >= day))
  );
}

/** Consecutive study days with at least one review, ending today (or yesterday if today has none yet). */
export function streak(days: Record<string, DayCount>, today: number): number {
  let day = days[today]?.reviews ? today : today - 1;
  let n = 0;
  while (days[day]?.reviews) {
    n++;
    day--;
  }
  return n;
}
