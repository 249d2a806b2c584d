// New weights recompute every card's memory from its answers, as Anki recomputes memory
// states when a preset's FSRS parameters change: one `refit` mark per card whose stability
// or difficulty changes, carrying the new memory (the fold applies it while the card has not
// been answered since). Due dates stay unless `reschedule` (Anki's "Reschedule cards on
// change") is asked for.
import { studyDay } from '../core/clock.js';
import type { LogRecord, ReviewRecord } from '../core/model.js';
import { recomputed, replay, scheduleHistories } from '../core/optimizer/memory.js';
import { markRecord } from '../core/records.js';
import { Scheduler } from '../core/scheduler.js';
import { resolveSettings } from '../core/settings.js';
import type { Store } from '../store/store.js';
import { recordId } from './ids.js';

export interface Refit {
  /** Cards whose memory was recomputed. */
  cards: number;
  /** Of those, cards whose due date moved (reschedule only). */
  moved: number;
}

/** A history the log holds from the card's start: it can be replayed. */
function fromStart(history: readonly ReviewRecord[]): boolean {
  const first = history[0];
  return !!first && (first.before === null || first.before.phase === 'new');
}

/** Appends the refit marks (durable before it returns); the settings hold the new weights. */
export function refitMemories(
  store: Store,
  device: string,
  now: number,
  reschedule: boolean,
): Refit {
  const settings = resolveSettings(store.settings);
  const scheduler = new Scheduler(settings);
  const marks: LogRecord[] = [];
  let moved = 0;
  let at = store.recordTime(null, now) - 1;
  for (const [key, history] of scheduleHistories(store.readAllRecords())) {
    const stored = store.progress.cards[key];
    if (!stored || !fromStart(history)) continue;
    const memory = recomputed(stored, replay(key, history, scheduler), reschedule);
    if (!memory) continue;
    if (memory.due !== stored.due) moved++;
    // Strictly increasing times: this device's records stay ordered, and ids unique.
    at = Math.max(at + 1, store.recordTime(key, now));
    const day = studyDay(at, settings.dayStartsAt);
    marks.push(markRecord(recordId(device, at), key, 'refit', at, day, { memory }));
  }
  // In slices: a spread of 100,000 arguments would overflow the call stack.
  for (let i = 0; i < marks.length; i += 5000) store.append(...marks.slice(i, i + 5000));
  return { cards: marks.length, moved };
}
