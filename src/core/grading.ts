// Trainer-graded answers: multiple choice and typed. A wrong answer suggests Again, a
// right one Good; the learner may override.
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

/** Splits a command line into words the way a POSIX shell would, quotes removed. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && i + 1 < line.length) cur += line[++i];
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      cur += line[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  return words;
}

export interface CommandShape {
  /** Command words and positional arguments, in order. */
  positional: string[];
  /** Options with their attached values, order-free. */
  options: string[];
}

/**
 * Normalises a command: `--opt=value` and `--opt value` are the same when the expected
 * answer shows the option takes a value; options are compared as a set.
 */
export function commandShape(line: string, valued: ReadonlySet<string> = new Set()): CommandShape {
  const words = shellWords(line.trim());
  const positional: string[] = [];
  const options: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--') {
      positional.push(...words.slice(i + 1));
      break;
    }
    if (w.startsWith('-') && w.length > 1) {
      const eq = w.indexOf('=');
      if (eq > 0) options.push(`${w.slice(0, eq)}=${w.slice(eq + 1)}`);
      else if (valued.has(w) && i + 1 < words.length) options.push(`${w}=${words[++i]}`);
      else options.push(w);
    } else {
      positional.push(w);
    }
  }
  options.sort();
  return { positional, options };
}

/**
 * Options that may take a separate value, guessed from the reference answer: an option
 * followed by a word that is not an option. Whether `--console vm1` is a flag and a
 * positional or an option and its value cannot be told without the program's own
 * grammar, so commandMatches accepts either reading as long as both sides use the same.
 */
function valuedOptions(reference: string): Set<string> {
  const words = shellWords(reference.trim());
  const valued = new Set<string>();
  for (let i = 0; i < words.length - 1; i++) {
    const w = words[i]!;
    if (/^--?[A-Za-z]/.test(w) && !w.includes('=') && !words[i + 1]!.startsWith('-')) valued.add(w);
  }
  return valued;
}

function sameShape(a: CommandShape, b: CommandShape): boolean {
  return (
    a.positional.length === b.positional.length &&
    a.positional.every((w, i) => w === b.positional[i]) &&
    a.options.length === b.options.length &&
    a.options.every((w, i) => w === b.options[i])
  );
}

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
}

function commandMatches(input: string, reference: string): boolean {
  const valued = valuedOptions(reference);
  return (
    sameShape(commandShape(input, valued), commandShape(reference, valued)) ||
    sameShape(commandShape(input), commandShape(reference))
  );
}

function matches(input: string, reference: string, mode: MatchMode): boolean {
  switch (mode) {
    case 'exact':
      return input.trim() === reference.trim();
    case 'text':
      return normaliseText(input) === normaliseText(reference);
    case 'command':
      return commandMatches(input, reference);
    default: {
      const never: never = mode;
      return never;
    }
  }
}

function wordDiff(input: string, expected: string, mode: MatchMode) {
  const split = (s: string) =>
    mode === 'command'
      ? shellWords(s)
      : (mode === 'text' ? normaliseText(s) : s.trim()).split(/\s+/);
  const got = split(input).filter(Boolean);
  const want = split(expected).filter(Boolean);
  const missing = want.filter((w) => !got.includes(w));
  const extra = got.filter((w) => !want.includes(w));
  return { missing, extra };
}

export function gradeTyped(
  input: string,
  answer: string,
  accept: readonly string[],
  mode: MatchMode,
): TypedResult {
  const candidates = [answer, ...accept];
  const hit = candidates.find((c) => matches(input, c, mode));
  if (hit !== undefined)
    return { correct: true, expected: hit, missing: [], extra: [], near: false };
  // A slip is measured against the closest accepted answer, compared as the mode compares.
  const typed = comparable(input, mode);
  const closest = candidates
    .map((c) => ({ c, d: editDistance(typed, comparable(c, mode)) }))
    .reduce((a, b) => (b.d < a.d ? b : a));
  if (isNearMiss(typed, comparable(closest.c, mode)))
    return { correct: false, expected: closest.c, ...wordDiff(input, closest.c, mode), near: true };
  // Report the difference against the main answer: that is what the learner should learn.
  return { correct: false, expected: answer, ...wordDiff(input, answer, mode), near: false };
}

/** The text as the match mode sees it: case and spacing folded for `text`, quotes for `command`. */
export function comparable(s: string, mode: MatchMode): string {
  if (mode === 'text') return normaliseText(s);
  if (mode === 'command') return shellWords(s.trim()).join(' ');
  return s.trim();
}
