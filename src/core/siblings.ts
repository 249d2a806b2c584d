// Anki's "bury siblings": once one card of a fact is answered, its other cards wait until
// the next study day, so one answer does not give away another.
import type { Card, Memory } from './model.js';

/** Sibling groups with a card answered since `since`; `memories` line up with `cards`. */
export function answeredSiblings(
  cards: readonly Card[],
  memories: readonly (Memory | undefined)[],
  since: number,
): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < cards.length; i++) {
    const last = memories[i]?.lastReview;
    if (last != null && last >= since) out.add(cards[i]!.sibling);
  }
  return out;
}
