// Memory states recomputed with new weights, as Anki recomputes them when a preset's FSRS
// parameters change: each card's answers that fed the schedule are replayed through the
// scheduler with the new weights. By default only stability and difficulty change (Anki
// keeps due dates); `reschedule` (Anki's "Reschedule cards on change") also takes the
// replayed due date and interval of a card in the review phase.
//
// A card's memory is the `after` of its latest answer (fold.ts), so a recomputed memory is
// written as a `refit` mark carrying it (app/optimize-refit.ts), which the fold applies.
import type { LogRecord, Memory, ReviewRecord } from '../model.js';
import type { Scheduler } from '../scheduler.js';
import { newMemory } from '../scheduler.js';

/** Per card, the answers that fed the schedule since its last reset (forget), in time order. */
export function scheduleHistories(records: readonly LogRecord[]): Map<string, ReviewRecord[]> {
  const undone = new Set<string>();
  for (const rec of records) if (rec.type === 'undo') undone.add(rec.review.id);
  const byCard = new Map<string, ReviewRecord[]>();
  const forgotten = new Map<string, ReviewRecord[]>();
  const sorted = [...records].sort((a, b) => a.at - b.at);
  for (const rec of sorted) {
    if (rec.type === 'mark' && rec.mark === 'forget') {
      forgotten.set(rec.key, byCard.get(rec.key) ?? []);
      byCard.delete(rec.key);
    }
    // Undo of a forget puts the history back, as the fold puts the memory back, unless the
    // card was answered since.
    if (rec.type === 'mark' && rec.mark === 'unforget' && !byCard.has(rec.key)) {
      const back = forgotten.get(rec.key);
      if (back && back.length > 0) byCard.set(rec.key, back);
    }
    if (rec.type !== 'review' || rec.fed === false || undone.has(rec.id)) continue;
    const list = byCard.get(rec.key);
    if (list) list.push(rec);
    else byCard.set(rec.key, [rec]);
  }
  return byCard;
}

/** The memory the card's answers give under `scheduler`, answer by answer. */
export function replay(
  key: string,
  history: readonly ReviewRecord[],
  scheduler: Scheduler,
): Memory {
  let m = newMemory(history[0]?.at ?? 0);
  for (const r of history) m = scheduler.answer(m, r.at, r.rating, key);
  return m;
}

/**
 * The card's new memory: the stored one with the replayed stability and difficulty, and with
 * `reschedule`, a review card's replayed due date and interval too. Null when nothing changes.
 */
export function recomputed(stored: Memory, replayed: Memory, reschedule: boolean): Memory | null {
  const next: Memory = {
    ...stored,
    stability: replayed.stability,
    difficulty: replayed.difficulty,
  };
  if (reschedule && stored.phase === 'review' && replayed.phase === 'review') {
    next.due = replayed.due;
    next.scheduledDays = replayed.scheduledDays;
  }
  const same =
    next.stability === stored.stability &&
    next.difficulty === stored.difficulty &&
    next.due === stored.due &&
    next.scheduledDays === stored.scheduledDays;
  return same ? null : next;
}
