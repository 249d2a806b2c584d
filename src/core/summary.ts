// The end-of-session summary.
import type { Grade } from './model.js';
import type { DayEnd } from './ports.js';

export interface AnswerStat {
  grade: Grade;
  tookMs: number;
  isNew: boolean;
}

export interface SessionSummary {
  cards: number;
  /** Share of answers graded Hard or better, 0..100. */
  accuracy: number;
  newCards: number;
  elapsedMs: number;
  nextDue: number | null;
  /** Learning and review cards due on the next study day (the forecast's day 1). */
  dueTomorrow: number;
  /** New cards the next study day introduces within its limits. */
  newTomorrow: number;
  streak: number;
}

export function summarize(
  answers: readonly AnswerStat[],
  startedAt: number,
  endedAt: number,
  nextDue: number | null,
  dayEnd: DayEnd = { dueTomorrow: 0, streak: 0 },
): SessionSummary {
  const passed = answers.filter((a) => a.grade > 1).length;
  return {
    cards: answers.length,
    accuracy: answers.length ? Math.round((100 * passed) / answers.length) : 0,
    newCards: answers.filter((a) => a.isNew).length,
    elapsedMs: Math.max(0, endedAt - startedAt),
    nextDue,
    dueTomorrow: dayEnd.dueTomorrow,
    newTomorrow: dayEnd.newTomorrow ?? 0,
    streak: dayEnd.streak,
  };
}
