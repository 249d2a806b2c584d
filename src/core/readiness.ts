// The readiness forecast: the score predicted if the exam were taken at a given time,
// as the mean FSRS recall probability of the exam-eligible cards. A card never studied
// counts as unknown (0).
import { OBJECTIVE_TAG } from './exam-score.js';
import type { Card, Memory } from './model.js';

export interface Readiness {
  /** Mean predicted recall, 0..100. */
  percent: number;
  cards: number;
  byTag: Record<string, { percent: number; cards: number }>;
}

export function readiness(
  cards: readonly Card[],
  memory: (key: string) => Memory | undefined,
  recall: (m: Memory) => number,
): Readiness {
  let sum = 0;
  const tags = new Map<string, { sum: number; cards: number }>();
  for (const c of cards) {
    const m = memory(c.key);
    const r = m && m.phase !== 'new' ? recall(m) : 0;
    sum += r;
    for (const t of c.tags) {
      if (!OBJECTIVE_TAG.test(t)) continue;
      const acc = tags.get(t) ?? { sum: 0, cards: 0 };
      acc.sum += r;
      acc.cards++;
      tags.set(t, acc);
    }
  }
  const byTag: Readiness['byTag'] = {};
  for (const [t, acc] of [...tags.entries()].sort(([a], [b]) => a.localeCompare(b)))
    byTag[t] = { percent: Math.round((100 * acc.sum) / acc.cards), cards: acc.cards };
  return {
    percent: cards.length ? Math.round((100 * sum) / cards.length) : 0,
    cards: cards.length,
    byTag,
  };
}

export interface ExamDatePlan {
  daysLeft: number;
  /** Readiness on the exam day if nothing more were studied. */
  forecastPercent: number;
  /** Unseen cards left to introduce. */
  unseen: number;
  /** New cards a day needed to have studied every card before the exam. */
  newPerDayNeeded: number;
}

export function examDatePlan(
  cards: readonly Card[],
  memory: (key: string) => Memory | undefined,
  recallAt: (m: Memory) => number,
  daysLeft: number,
): ExamDatePlan {
  const unseen = cards.filter((c) => (memory(c.key)?.phase ?? 'new') === 'new').length;
  return {
    daysLeft,
    forecastPercent: readiness(cards, memory, recallAt).percent,
    unseen,
    newPerDayNeeded: daysLeft > 0 ? Math.ceil(unseen / daysLeft) : unseen,
  };
}
