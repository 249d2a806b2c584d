// Trainer-graded answers: multiple choice and typed. A wrong answer suggests Again, a
// right one Good; the learner may override.
import { compareCommand, LONGEST_COMMAND, TOO_LONG_NOTE } from './commands/compare.js';
import { lineWords } from './commands/parse.js';
import type { Choice, Grade, MatchMode } from './model.js';
import { editDistance, isNearMiss } from './typed-diff.js';

/** Good when right; when wrong, Hard for a near miss (a typo, see typed-diff.ts), else Again. */
export function suggestedGrade(correct: boolean, near = false): Grade {
  if (correct) return 3;
  return near ? 2 : 1;
}

/** Right when the chosen set equals the set of correct choices. */
export function gradeChoices(choices: readonly Choice[], chosen: readonly number[]): boolean {
  const want = choices.flatMap((c, i) => (c.correct ? [i] : []));
  const got = [...new Set(chosen)].sort((a, b) => a - b);
  return want.length === got.length && want.every((v, i) => v === got[i]);
}

/** Deterministic shuffle (mulberry32 over a string hash): same seed, same order. */
export function shuffledOrder(n: number, seed: string): number[] {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  let s = h >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

// ---- typed answers ----

export function normaliseText(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

export interface TypedResult {
  correct: boolean;
  /** The accepted answer the input was compared with (the closest one). */
  expected: string;
  /** Words the learner left out / added, for the "what differed" line. */
  missing: string[];
  extra: string[];
  /** Wrong, but within a few characters of `expected` (then the closest accepted answer). */
  near: boolean;
  /**
   * What differs from `expected`, one short line each ("missing `--persistent`"), for
   * `command` cards graded with the program's option table; empty for other modes.
   */
  notes: string[];
}

function matches(input: string, reference: string, mode: MatchMode): boolean {
  switch (mode) {
    case 'exact':
      return input.trim() === reference.trim();
    case 'text':
      return normaliseText(input) === normaliseText(reference);
    case 'command':
      return compareCommand(input, reference).correct;
    default: {
      const never: never = mode;
      return never;
    }
  }
}

function wordDiff(input: string, expected: string, mode: MatchMode) {
  const split = (s: string) =>
    mode === 'command'
      ? lineWords(s)
      : (mode === 'text' ? normaliseText(s) : s.trim()).split(/\s+/);
  const got = split(input).filter(Boolean);
  const want = split(expected).filter(Boolean);
  const missing = want.filter((w) => !got.includes(w));
  const extra = got.filter((w) => !want.includes(w));
  return { missing, extra };
}

/** The accepted command closest to the input: fewest differences, the main answer on a tie. */
function closestCommand(input: string, candidates: readonly string[]) {
  return candidates
    .map((c) => ({ c, notes: compareCommand(input, c).notes }))
    .reduce((a, b) => (b.notes.length < a.notes.length ? b : a));
}

export function gradeTyped(
  input: string,
  answer: string,
  accept: readonly string[],
  mode: MatchMode,
): TypedResult {
  const candidates = [answer, ...accept];
  // A pasted megabyte is no command: say so without parsing or measuring it.
  if (mode === 'command' && input.length > LONGEST_COMMAND)
    return {
      correct: false,
      expected: answer,
      missing: [],
      extra: [],
      near: false,
      notes: [TOO_LONG_NOTE],
    };
  const hit = candidates.find((c) => matches(input, c, mode));
  if (hit !== undefined)
    return { correct: true, expected: hit, missing: [], extra: [], near: false, notes: [] };
  const notesFor = (c: string) => (mode === 'command' ? compareCommand(input, c).notes : []);
  // A slip is measured against the closest accepted answer, compared as the mode compares.
  const typed = comparable(input, mode);
  const closest = candidates
    .map((c) => ({ c, d: editDistance(typed, comparable(c, mode)) }))
    .reduce((a, b) => (b.d < a.d ? b : a));
  if (isNearMiss(typed, comparable(closest.c, mode)))
    return {
      correct: false,
      expected: closest.c,
      ...wordDiff(input, closest.c, mode),
      near: true,
      notes: notesFor(closest.c),
    };
  if (mode === 'command') {
    const best = closestCommand(input, candidates);
    return {
      correct: false,
      expected: best.c,
      ...wordDiff(input, best.c, mode),
      near: false,
      notes: best.notes,
    };
  }
  // Report the difference against the main answer: that is what the learner should learn.
  return {
    correct: false,
    expected: answer,
    ...wordDiff(input, answer, mode),
    near: false,
    notes: [],
  };
}

/** The text as the match mode sees it: case and spacing folded for `text`, quotes for `command`. */
export function comparable(s: string, mode: MatchMode): string {
  if (mode === 'text') return normaliseText(s);
  if (mode === 'command') return lineWords(s.trim()).join(' ');
  return s.trim();
}
