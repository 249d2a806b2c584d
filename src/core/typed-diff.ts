// How far a typed answer is from the expected one, and where they differ, character by
// character, as Anki shows a typed answer. The distance and the diff come from maintained
// libraries (fastest-levenshtein, jsdiff); this file only decides what counts as close and
// lines the two texts up so a screen can draw them one above the other.
import { diffChars } from 'diff';
import { distance } from 'fastest-levenshtein';

/**
 * The most edits (insert, delete or replace one character) a wrong answer may be from the
 * expected one and still count as a near miss, for which Hard is suggested instead of
 * Again: none under 4 characters (one letter off `ls` is another command), 1 up to 13
 * characters, 2 from 14 on (about 15% of the length, capped at 2: three slips are no
 * longer a typo).
 */
export function nearMissLimit(expectedLength: number): number {
  if (expectedLength < 4) return 0;
  return Math.min(2, Math.max(1, Math.floor(expectedLength * 0.15)));
}

export function editDistance(a: string, b: string): number {
  return distance(a, b);
}

/** Whether a wrong answer at this distance from the expected text is a slip, not a miss. */
export function isNearMiss(typed: string, expected: string): boolean {
  const d = distance(typed, expected);
  return d > 0 && d <= nearMissLimit(expected.length);
}

/**
 * One aligned stretch of the two texts. `typed` and `expected` have the same length: where
 * one side has nothing, it holds `-` in place of each character the other side has.
 */
export interface DiffPart {
  typed: string;
  expected: string;
  same: boolean;
}

/** The typed text over the expected one, aligned, with the stretches where they differ. */
export function alignedDiff(typed: string, expected: string, ignoreCase = false): DiffPart[] {
  const parts: DiffPart[] = [];
  let at = 0;
  for (const c of diffChars(typed, expected, { ignoreCase })) {
    const chars = [...c.value];
    if (c.added) {
      parts.push({ typed: '-'.repeat(chars.length), expected: c.value, same: false });
    } else if (c.removed) {
      at += chars.length;
      parts.push({ typed: c.value, expected: '-'.repeat(chars.length), same: false });
    } else {
      // With ignoreCase the common value is the expected text's: show what was typed.
      const mine = [...typed].slice(at, at + chars.length).join('');
      at += chars.length;
      parts.push({ typed: mine, expected: c.value, same: true });
    }
  }
  return parts;
}
