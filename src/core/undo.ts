// Undo as data (Anki's UndoableQueueChange): each entry holds what to restore, and turns
// into the log records that take the change back.
import { studyDay } from './clock.js';
import { becameLeech } from './leech.js';
import type { CramRecord, LogRecord, MarkKind, Memory, ReviewRecord } from './model.js';
import { cramUndoRecord, markRecord, undoRecord } from './records.js';
import type { Settings } from './settings.js';

export type UndoEntry =
  /**
   * An answer; `suspended` when it made the card a leech and suspended it, `leech` when it
   * set the card's leech mark (absent in entries made before undo took the mark back).
   */
  | { kind: 'answer'; review: ReviewRecord; suspended: boolean; leech?: boolean }
  /** A bury or suspend by hand: undone by the opposite mark. */
  | { kind: 'mark'; key: string; undo: MarkKind };

/**
 * What a study session can take back: an entry above, or a cram answer, whose undo
 * touches no memory and so is never stale.
 */
export type Undoable = UndoEntry | { kind: 'cram'; cram: CramRecord };

export function undoKey(entry: Undoable): string {
  if (entry.kind === 'answer') return entry.review.key;
  return entry.kind === 'cram' ? entry.cram.key : entry.key;
}

/** Cards answered in the cram run that began at `since` and not taken back. */
export function crammedSince(stack: readonly Undoable[], since: number): Set<string> {
  const out = new Set<string>();
  for (const e of stack) if (e.kind === 'cram' && e.cram.at >= since) out.add(e.cram.key);
  return out;
}

/**
 * The undo entry of this device's last answer, found in the log after a restart: what the
 * answer did to the leech and suspend marks follows from the settings (a card that was past
 * the threshold before kept its leech mark).
 */
export function lastAnswerUndo(
  review: ReviewRecord,
  settings: Pick<Settings, 'leechThreshold' | 'leechAction'>,
): UndoEntry {
  const t = settings.leechThreshold;
  const leeched = becameLeech(review.before, review.after, t);
  return {
    kind: 'answer',
    review,
    suspended: leeched && settings.leechAction === 'suspend',
    leech: leeched && review.before !== null && review.before.lapses < t,
  };
}

/**
 * Whether undoing `entry` would restore its card: an answer can be taken back only while
 * the card is still as that answer left it. Anything later (an exam answer, another
 * device's review) would be silently kept otherwise, and the undo count only.
 */
export function canUndo(entry: Undoable, current: Memory | null): boolean {
  if (entry.kind !== 'answer' || entry.review.fed === false) return true;
  const after = entry.review.after;
  return (
    current !== null &&
    current.lastReview === after.lastReview &&
    current.reps === after.reps &&
    current.lapses === after.lapses &&
    current.due === after.due
  );
}

/** The records that take `entry` back, written at `at` (and the following milliseconds). */
export function undoRecords(
  entry: Undoable,
  at: number,
  dayStartsAt: number,
  newId: () => string,
): LogRecord[] {
  const day = studyDay(at, dayStartsAt);
  if (entry.kind === 'mark') return [markRecord(newId(), entry.key, entry.undo, at, day)];
  if (entry.kind === 'cram') return [cramUndoRecord(newId(), at, entry.cram)];
  const out: LogRecord[] = [undoRecord(newId(), at, entry.review)];
  let t = at;
  const key = entry.review.key;
  if (entry.leech) out.push(markRecord(newId(), key, 'unleech', ++t, day));
  if (entry.suspended) out.push(markRecord(newId(), key, 'unsuspend', ++t, day));
  return out;
}
