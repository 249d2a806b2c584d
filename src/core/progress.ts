// Progress derived from the review log: each card's latest memory and per-day counts.
// The store keeps this as a cache; rebuilding it from the log must give the same result.
import type { Memory, ReviewRecord } from './model.js';

export interface DayCount {
  /** Answers given that day, study and exam. */
  reviews: number;
  /** Cards seen for the first time. */
  newCards: number;
  /** Answers to cards that were in the review phase (count against reviews-per-day). */
  reviewCards: number;
  /** Answers graded Hard, Good or Easy. */
  passed: number;
  /** Time spent answering, ms. */
  ms: number;
}

export interface Progress {
  cards: Record<string, Memory>;
  days: Record<string, DayCount>;
  reviews: number;
}

export function emptyProgress(): Progress {
  return { cards: {}, days: {}, reviews: 0 };
}

export function applyReview(p: Progress, rec: ReviewRecord): void {
  const cur = p.cards[rec.key];
  // With several devices' logs the union is not in time order: the latest answer wins.
  if (!cur || cur.lastReview === null || cur.lastReview <= rec.at) p.cards[rec.key] = rec.after;
  let d = p.days[rec.day];
  if (!d) {
    d = { reviews: 0, newCards: 0, reviewCards: 0, passed: 0, ms: 0 };
    p.days[rec.day] = d;
  }
  d.reviews++;
  if (!rec.before || rec.before.phase === 'new') d.newCards++;
  else if (rec.before.phase === 'review') d.reviewCards++;
  if (rec.rating > 1) d.passed++;
  d.ms += rec.tookMs;
  p.reviews++;
}

export function rebuildProgress(records: Iterable<ReviewRecord>): Progress {
  const p = emptyProgress();
  for (const r of records) applyReview(p, r);
  return p;
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
