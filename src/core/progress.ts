// Progress derived from the review log: each card's latest memory, its marks and per-day
// counts. The store keeps this as a cache; rebuilding it from the log gives the same result.
import type {
  CardMarks,
  ExamSummary,
  LogRecord,
  MarkRecord,
  Memory,
  ReviewRecord,
} from './model.js';

export interface DayCount {
  /** Answers given that day, study and exam. */
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
  /** The newest answer not taken back: what `u` undoes after a restart. */
  lastAnswer: ReviewRecord | null;
  /** Finished mock exams, oldest first. */
  exams: ExamSummary[];
}

export function emptyProgress(): Progress {
  return { cards: {}, marks: {}, days: {}, reviews: 0, lastAnswer: null, exams: [] };
}

function dayCount(p: Progress, day: number): DayCount {
  let d = p.days[day];
  if (!d) {
    d = { reviews: 0, newCards: 0, reviewCards: 0, passed: 0, reviewPassed: 0, ms: 0 };
    p.days[day] = d;
  }
  return d;
}

function count(p: Progress, rec: ReviewRecord, sign: 1 | -1): void {
  const d = dayCount(p, rec.day);
  d.reviews += sign;
  // Exam answers are not study: they do not use up the daily limits.
  if (rec.mode === 'study') {
    if (!rec.before || rec.before.phase === 'new') d.newCards += sign;
    else if (rec.before.phase === 'review') {
      d.reviewCards += sign;
      if (rec.rating > 1) d.reviewPassed += sign;
    }
  }
  if (rec.rating > 1) d.passed += sign;
  d.ms += sign * rec.tookMs;
  p.reviews += sign;
}

function applyAnswer(p: Progress, rec: ReviewRecord): void {
  const cur = p.cards[rec.key];
  // With several devices' logs the union is not in time order: the latest answer wins.
  if (!cur || cur.lastReview === null || cur.lastReview <= rec.at) p.cards[rec.key] = rec.after;
  count(p, rec, 1);
  if (rec.mode === 'study' && (!p.lastAnswer || p.lastAnswer.at <= rec.at)) p.lastAnswer = rec;
}

function applyUndo(p: Progress, rec: ReviewRecord): void {
  const cur = p.cards[rec.key];
  // Only restore if nothing newer happened to the card since (e.g. on another device).
  if (cur && cur.lastReview === rec.after.lastReview && cur.reps === rec.after.reps) {
    if (rec.before) p.cards[rec.key] = rec.before;
    else delete p.cards[rec.key];
  }
  count(p, rec, -1);
  if (p.lastAnswer?.id === rec.id) p.lastAnswer = null;
}

function applyMark(p: Progress, rec: MarkRecord): void {
  const m: CardMarks = { ...p.marks[rec.key] };
  switch (rec.mark) {
    case 'suspend':
      m.suspended = true;
      break;
    case 'unsuspend':
      delete m.suspended;
      break;
    case 'bury':
      m.buriedDay = rec.day;
      break;
    case 'unbury':
      delete m.buriedDay;
      break;
    case 'flag':
      m.flagged = true;
      break;
    case 'unflag':
      delete m.flagged;
      break;
    case 'leech':
      m.leech = true;
      break;
    default: {
      const never: never = rec.mark;
      throw new Error(`unknown mark ${String(never)}`);
    }
  }
  p.marks[rec.key] = m;
}

export function applyRecord(p: Progress, rec: LogRecord): void {
  switch (rec.type) {
    case 'review':
      applyAnswer(p, rec);
      break;
    case 'undo':
      applyUndo(p, rec.review);
      break;
    case 'mark':
      applyMark(p, rec);
      break;
    case 'exam':
      p.exams.push(rec.summary);
      p.exams.sort((a, b) => a.at - b.at);
      break;
    default: {
      const never: never = rec;
      throw new Error(`unknown record ${JSON.stringify(never)}`);
    }
  }
}

export function rebuildProgress(records: Iterable<LogRecord>): Progress {
  const p = emptyProgress();
  for (const r of records) applyRecord(p, r);
  return p;
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
