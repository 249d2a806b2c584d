// Answering a card, as Anki does it: compute what the answer means from the state the card
// had when it was shown, refuse if the card changed since ("card was modified"), and
// return the records to append plus what undo needs. Persisting is the caller's job.
import { studyDay } from './clock.js';
import { type LeechOutcome, leechMarks } from './leech.js';
import type {
  Card,
  CardMarks,
  Grade,
  LogRecord,
  Memory,
  ReviewMode,
  ReviewRecord,
} from './model.js';
import { reviewRecord } from './records.js';
import type { Scheduler } from './scheduler.js';
import { newMemory } from './scheduler.js';
import type { Settings } from './settings.js';
import type { UndoEntry } from './undo.js';

export interface AnswerRequest {
  card: Card;
  grade: Grade;
  /** The card's memory when it was shown (null: never studied). */
  shown: Memory | null;
  /** Its memory now, in the store. */
  current: Memory | null;
  /** Record time: strictly after anything this device wrote before. */
  at: number;
  tookMs: number;
  correct?: boolean;
  mode: ReviewMode;
  /** The card's marks now: whether it is a leech already (undo keeps that mark). */
  marks?: CardMarks;
}

export interface AnswerContext {
  scheduler: Scheduler;
  settings: Settings;
  /** A fresh, globally unique record id. */
  newId: () => string;
}

export type AnswerPlan =
  | {
      ok: true;
      records: LogRecord[];
      review: ReviewRecord;
      undo: UndoEntry;
      leech: LeechOutcome | null;
    }
  | { ok: false; reason: 'modified' };

function sameMemory(a: Memory | null, b: Memory | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.phase === b.phase &&
    a.due === b.due &&
    a.reps === b.reps &&
    a.lapses === b.lapses &&
    a.lastReview === b.lastReview &&
    a.stability === b.stability
  );
}

export function planAnswer(req: AnswerRequest, ctx: AnswerContext): AnswerPlan {
  if (!sameMemory(req.shown, req.current)) return { ok: false, reason: 'modified' };
  const { at, card, grade } = req;
  const before = req.current;
  const after = ctx.scheduler.answer(before ?? newMemory(at), at, grade, card.key);
  const day = studyDay(at, ctx.settings.dayStartsAt);
  const review = reviewRecord({
    id: ctx.newId(),
    key: card.key,
    at,
    rating: grade,
    mode: req.mode,
    tookMs: req.tookMs,
    correct: req.correct,
    before,
    after,
    day,
  });
  const marks = leechMarks({
    key: card.key,
    before,
    after,
    settings: ctx.settings,
    wasLeech: req.marks ? req.marks.leech === true : undefined,
    at,
    day,
    newId: ctx.newId,
  });
  return {
    ok: true,
    records: [review, ...marks.records],
    review,
    undo: { kind: 'answer', review, ...marks.undo },
    leech: marks.leech,
  };
}
