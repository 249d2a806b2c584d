// Suggestions for a mistyped name: a command, a deck id, a blueprint. Pure, so the CLI's
// messages can be tested without running a command.
import { oneLine } from '../core/sanitize.js';

/**
 * Edit distance where swapping two neighbouring letters counts as one edit (optimal string
 * alignment): the commonest typo, 'stauts', is then as close to 'status' as to 'stats'.
 */
export function typoDistance(a: string, b: string): number {
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (before[j - 2] ?? 0) + 1);
      row.push(d);
    }
    before = prev;
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/**
 * The candidate closest to `word`, or null when none is close enough to be a typo: a third
 * of the letters may differ (two for short words, never all of them), so 'stauts' finds
 * 'status' but 'frobnicate' finds nothing. A tie goes to the candidate of the same length,
 * since a swap keeps the length: 'stauts' means 'status' rather than 'stats'.
 */
export function closest(word: string, candidates: readonly string[]): string | null {
  const w = word.toLowerCase();
  const limit = Math.min(w.length - 1, Math.max(2, Math.floor(w.length / 3)));
  let best: string | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = typoDistance(w, c.toLowerCase());
    const score = d * 1000 + Math.abs(c.length - w.length);
    if (d <= limit && score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

export type DeckMatch =
  | { kind: 'found'; id: string }
  | { kind: 'ambiguous'; matches: string[] }
  | { kind: 'unknown'; suggestion: string | null };

/**
 * What a deck id typed on the command line means. An exact id wins; otherwise the ids that
 * start with it, or have a dash-separated part that starts with it (`ch04` finds
 * `kvm-ch04-networking`), so a learner need not type the whole id.
 */
export function matchDeck(typed: string, ids: readonly string[]): DeckMatch {
  if (ids.includes(typed)) return { kind: 'found', id: typed };
  const t = typed.toLowerCase();
  const matches = ids.filter((id) => {
    const lower = id.toLowerCase();
    return lower.startsWith(t) || lower.includes(`-${t}`);
  });
  const [only] = matches;
  if (matches.length === 1 && only !== undefined) return { kind: 'found', id: only };
  if (matches.length > 1) return { kind: 'ambiguous', matches };
  return { kind: 'unknown', suggestion: closest(typed, ids) };
}

/** Global options that take a value: the word after them is not a command. */
const VALUE_OPTIONS = new Set(['--data-dir', '--decks']);

/**
 * The unknown command in `argv`, with the closest known one, or null when the first word is
 * a command (or there is none). Commander's own message ("too many arguments") does not say
 * the word was taken for a command, because the bare program opens the home screen.
 */
export function unknownCommand(
  argv: readonly string[],
  commands: readonly string[],
): string | null {
  const args = argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') return null;
    if (a.startsWith('-')) {
      if (VALUE_OPTIONS.has(a)) i++;
      continue;
    }
    if (a === 'help' || commands.includes(a)) return null;
    const guess = closest(a, commands);
    return `unknown command '${oneLine(a)}'${guess ? ` (did you mean ${guess}?)` : ''}. Run hyperrecall --help for the commands.`;
  }
  return null;
}
