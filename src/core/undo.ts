// Undo as data (Anki's UndoableQueueChange): each entry holds what to restore, and turns
// into the log records that take the change back.
import { studyDay } from './clock.js';
import type { LogRecord, MarkKind, ReviewRecord } from './model.js';
import { markRecord, undoRecord } from './records.js';

export type UndoEntry =
  /** An answer; `suspended` when it made the card a leech and suspended it. */
  | { kind: 'answer'; review: ReviewRecord; suspended: boolean }
  /** A bury or suspend by hand: undone by the opposite mark. */
  | { kind: 'mark'; key: string; undo: MarkKind };

export function undoKey(entry: UndoEntry): string {
  return entry.kind === 'answer' ? entry.review.key : entry.key;
}

/** The records that take `entry` back, written at `at` (and the following milliseconds). */
export function undoRecords(
  entry: UndoEntry,
  at: number,
  dayStartsAt: number,
  newId: () => string,
): LogRecord[] {
  const day = studyDay(at, dayStartsAt);
  if (entry.kind === 'mark') return [markRecord(newId(), entry.key, entry.undo, at, day)];
  const out: LogRecord[] = [undoRecord(newId(), at, entry.review)];
  if (entry.suspended) out.push(markRecord(newId(), entry.review.key, 'unsuspend', at + 1, day));
  return out;
}
