// What the study and exam screens say about picking on a choice card: the letters that
// exist on this card (not the whole range the keys allow), how many picks it asks for, and
// why Enter did not go on yet. One wording for both screens.
import type { CardSession } from '../../core/session.js';

/** Study's choice letters: `a`-`h`. */
export const STUDY_LETTERS = 'abcdefgh';

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six'];

function count(n: number): string {
  return WORDS[n] ?? String(n);
}

/** The letters of `n` choices: `a`, `a-b`, `a-d`. */
export function letterRange(n: number, letters: string = STUDY_LETTERS): string {
  const last = letters[Math.min(n, letters.length) - 1] ?? letters[0]!;
  return n <= 1 ? letters[0]! : `${letters[0]}-${last}`;
}

/** How a multi-select card is answered, from picksNeeded: "choose two", "choose all that apply". */
export function pickRule(need: number): string {
  return need > 1 ? `choose ${count(need)}` : 'choose all that apply';
}

/** Picks still missing (or too many) against the picks a card asks for. */
export interface PickWait {
  need: number;
  have: number;
}

/**
 * Why Enter waited: "Pick an answer (a-d) before Enter.", "Choose two: 1 picked, pick 1
 * more (a-d).". `unpick` names the keys that take a pick back on that screen.
 */
export function pickText(w: PickWait, range: string, unpick = 'Space or its letter'): string {
  if (w.need <= 1) return `Pick an answer (${range}) before Enter.`;
  if (w.have < w.need) {
    const more = w.need - w.have;
    return `Choose ${count(w.need)}: ${w.have} picked, pick ${more} more (${range}).`;
  }
  const less = w.have - w.need;
  return `Choose ${count(w.need)}: ${w.have} picked, unpick ${less} (${unpick}).`;
}

/** Why Enter waited on the study screen, or null. */
export function waitingText(s: CardSession): string | null {
  return s.waiting ? pickText(s.waiting, letterRange(s.order.length)) : null;
}
