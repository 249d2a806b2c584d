// The readiness forecast: the score expected if the exam were sat at a given moment, as the
// mean chance of answering each exam-eligible card right. That chance is what the learner
// knows plus what a guess gets of the rest: r + (1 - r) * g.
import { OBJECTIVE_TAG } from './exam-score.js';
import type { Card, CardFace, Memory } from './model.js';

/** Objective tag -> its name in the blueprint, e.g. `lpic3-351.2` -> `Xen`. */
export type ObjectiveNames = Readonly<Record<string, string>>;

export interface ObjectiveReadiness {
  percent: number;
  cards: number;
  /** The objective's name from the blueprint, when one names it. */
  name?: string;
}

export interface Readiness {
  /** Expected share of questions answered right, 0..100, rounded. */
  percent: number;
  cards: number;
  byTag: Record<string, ObjectiveReadiness>;
  /**
   * The moment the figure is for, when it is a forecast: the exam morning with an exam date
   * set, else the start of the next study day (what is known after sleeping on it).
   */
  at?: number;
  basis?: 'exam-date' | 'next-day';
}

/**
 * The chance that a blind guess is right. A single-answer question: one of its choices. A
 * multi-select question: the guesser is taken to know how many choices are right and to
 * pick that many at random, 1 / C(choices, right). Exam questions say so ("Choose two.", as
 * LPI's do and every multi-select card of the shipped decks does); where a deck's question
 * does not, a real guesser does worse, so this is the kinder bound. A typed answer cannot
 * be guessed.
 */
export function guessChance(face: CardFace): number {
  if (face.kind !== 'mcq' || face.choices.length === 0) return 0;
  const right = face.choices.filter((c) => c.correct).length;
  return 1 / (face.multi ? binomial(face.choices.length, right) : face.choices.length);
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}

/**
 * What the learner is taken to know of a card: its FSRS recall at the measured moment, but 0
 * for a card never studied or still on its learning or relearning steps. A wrong answer
 * (study Again, or an exam answer that feeds the schedule) always leaves a card new or on
 * such a step, and a fresh relearning step looks well remembered to FSRS the next morning;
 * counting it as unknown until it is answered right again is what keeps a wrong answer from
 * ever raising readiness. (With empty learning or relearning steps an Again goes straight to
 * review, and the memory alone cannot show it was wrong.)
 */
export function knownRecall(m: Memory | undefined, recall: (m: Memory) => number): number {
  if (m?.phase !== 'review') return 0;
  return recall(m);
}

/** The chance of answering the card right: known, or else guessed. */
export function rightChance(card: Card, known: number): number {
  return known + (1 - known) * guessChance(card.face);
}

export function readiness(
  cards: readonly Card[],
  memory: (key: string) => Memory | undefined,
  recall: (m: Memory) => number,
  names: ObjectiveNames = {},
): Readiness {
  let sum = 0;
  const tags = new Map<string, { sum: number; cards: number }>();
  for (const c of cards) {
    const p = rightChance(c, knownRecall(memory(c.key), recall));
    sum += p;
    for (const t of c.tags) {
      if (!OBJECTIVE_TAG.test(t)) continue;
      const acc = tags.get(t) ?? { sum: 0, cards: 0 };
      acc.sum += p;
      acc.cards++;
      tags.set(t, acc);
    }
  }
  const byTag: Readiness['byTag'] = {};
  for (const [t, acc] of [...tags.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const name = Object.hasOwn(names, t) ? names[t] : undefined;
    byTag[t] = {
      percent: Math.round((100 * acc.sum) / acc.cards),
      cards: acc.cards,
      ...(name ? { name } : {}),
    };
  }
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
