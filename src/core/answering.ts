// Answering a card, as Anki does it: compute what the answer means from the state the card
// had when it was shown, refuse if the card changed since ("card was modified"), and
// return the records to append plus what undo needs. Persisting is the caller's job.
import { studyDay } from './clock.js';
import { becameLeech } from './leech.js';
import type {
  Card,
  Grade,
  LogRecord,
  MarkRecord,
  Memory,
  ReviewMode,
  ReviewRecord,
} from './model.js';
import { markRecord, reviewRecord } from './records.js';
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
      leech: { lapses: number; action: 'suspend' | 'tag' } | null;
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
  const marks: MarkRecord[] = [];
  let leech: { lapses: number; action: 'suspend' | 'tag' } | null = null;
  if (becameLeech(before, after, ctx.settings.leechThreshold)) {
    const action = ctx.settings.leechAction;
    leech = { lapses: after.lapses, action };
    // Each record a strictly later time than the one before it, on this device.
    marks.push(markRecord(ctx.newId(), card.key, 'leech', at + 1, day));
    if (action === 'suspend') marks.push(markRecord(ctx.newId(), card.key, 'suspend', at + 2, day));
  }
  return {
    ok: true,
    records: [review, ...marks],
    review,
    undo: { kind: 'answer', review, suspended: leech?.action === 'suspend' },
    leech,
  };
}
