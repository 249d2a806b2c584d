// Leeches: cards that keep being forgotten. Anki's rule: a card becomes a leech when its
// lapses reach the threshold, and is flagged again every half-threshold lapses after that.
import type { Memory } from './model.js';

const REPEAT_DIVISOR = 2;

/** Whether the answer that turned `before` into `after` makes the card a leech (again). */
export function becameLeech(before: Memory | null, after: Memory, threshold: number): boolean {
  if (!before || after.lapses <= before.lapses || after.lapses < threshold) return false;
  const every = Math.max(1, Math.ceil(threshold / REPEAT_DIVISOR));
  return (after.lapses - threshold) % every === 0;
}
