// Learning-step advice: the binding's computeOptimalSteps reads an FSRS revlog CSV (the
// format of its convertCsvToFsrsItems) and fits a forgetting curve to the first answers of
// new cards and to the answers after a lapse. This writes that CSV from the same histories
// the optimizer trains on, and turns its advice (seconds) back into steps the settings take.
import type { MemoryPhase, ReviewRecord } from '../model.js';
import type { Step } from '../settings.js';

const STATE: Record<MemoryPhase, number> = { new: 0, learning: 1, review: 2, relearning: 3 };

/** `card_id,review_time,review_rating,review_state,review_duration`, one line per answer. */
export function revlogCsv(histories: ReadonlyMap<string, readonly ReviewRecord[]>): string {
  const lines = ['card_id,review_time,review_rating,review_state,review_duration'];
  let id = 0;
  for (const history of histories.values()) {
    id++;
    for (const r of history) {
      const state = r.before === null ? 0 : STATE[r.before.phase];
      lines.push(`${id},${r.at},${r.rating},${state},${Math.max(0, Math.round(r.tookMs))}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Seconds as a step: whole minutes (at least one), whole hours where they are. */
export function secondsToStep(secs: number): Step {
  const minutes = Math.max(1, Math.round(secs / 60));
  return (minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes}m`) as Step;
}

export interface StepAdvice {
  current: { learning: Step[]; relearning: Step[] };
  /** Null where the history is too thin to advise (fewer than 100 first answers, say). */
  learning: Step[] | null;
  relearning: Step[] | null;
}

export function stepAdvice(
  current: { learning: readonly Step[]; relearning: readonly Step[] },
  recommended: { learning: readonly number[]; relearning: readonly number[] },
): StepAdvice {
  return {
    current: { learning: [...current.learning], relearning: [...current.relearning] },
    learning: recommended.learning.length > 0 ? recommended.learning.map(secondsToStep) : null,
    relearning:
      recommended.relearning.length > 0 ? recommended.relearning.map(secondsToStep) : null,
  };
}
