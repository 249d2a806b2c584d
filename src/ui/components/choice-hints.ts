// What the study screen says about picking on a choice card: the letters that exist on
// this card (not the whole a-h the keys allow) and why Enter did not submit yet.
import type { CardSession } from '../../core/session.js';
import { STUDY_LETTERS } from './card-rows.js';

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six'];

function count(n: number): string {
  return WORDS[n] ?? String(n);
}

/** The letters of `n` choices: `a`, `a-b`, `a-d`. */
export function letterRange(n: number, letters: string = STUDY_LETTERS): string {
  const last = letters[Math.min(n, letters.length) - 1] ?? letters[0]!;
  return n <= 1 ? letters[0]! : `${letters[0]}-${last}`;
}

/** Why Enter waited, or null: "pick an answer (a-d)", "choose two: 1 picked, pick one more". */
export function waitingText(s: CardSession): string | null {
  const w = s.waiting;
  if (!w) return null;
  const range = letterRange(s.order.length);
  if (w.need <= 1) return `Pick an answer (${range}) before Enter.`;
  if (w.have < w.need) {
    const more = w.need - w.have;
    return `Choose ${count(w.need)}: ${w.have} picked, pick ${more} more (${range}).`;
  }
  const less = w.have - w.need;
  return `Choose ${count(w.need)}: ${w.have} picked, unpick ${less} (Space or its letter).`;
}
