// Command-aware comparison of a typed answer with the accepted ones: each line is parsed,
// cut into commands at shell operators, and every command compared in normal form under
// its program's option table (or, for programs without one, as typed cards always were).
import { formNotes } from './feedback.js';
import { genericMatch, genericNotes } from './generic.js';
import { normalise, sameForm } from './normalise.js';
import { type ParsedLine, parseLine, programName } from './parse.js';
import { tableFor } from './tables/index.js';

/** One reference compared with the learner's line. */
export interface CommandVerdict {
  correct: boolean;
  /** What differs, one short line each; empty when correct. */
  notes: string[];
}

/** The commands of a line between its control operators (`a | b` is two). */
function commands(p: ParsedLine): string[][] {
  const cuts = p.operatorAt.filter((_, k) => !['$(', '`', '#'].includes(p.operators[k]!));
  const out: string[][] = [];
  let from = 0;
  for (const at of [...cuts, p.words.length]) {
    if (at > from) out.push(p.words.slice(from, at));
    from = Math.max(from, at);
  }
  return out;
}

function canonicalProgram(word: string): string {
  return tableFor(word)?.programs[0] ?? programName(word);
}

/** One command against one reference command. */
export function compareWords(got: readonly string[], want: readonly string[]): CommandVerdict {
  const gp = canonicalProgram(got[0] ?? '');
  const wp = canonicalProgram(want[0] ?? '');
  if (gp !== wp)
    return {
      correct: false,
      notes: [`program \`${programName(got[0] ?? '')}\` where \`${wp}\` was expected`],
    };
  const table = tableFor(want[0] ?? '');
  if (!table) {
    const correct = genericMatch(got, want);
    return { correct, notes: correct ? [] : genericNotes(got, want) };
  }
  const a = normalise(got, table);
  const b = normalise(want, table);
  const correct = sameForm(a, b);
  return { correct, notes: correct ? [] : formNotes(a, b) };
}

function operatorNotes(got: ParsedLine, want: ParsedLine): string[] {
  const notes = got.operators
    .filter((op) => !want.operators.includes(op))
    .map((op) =>
      op === '`'
        ? 'a backtick command substitution is not part of a single command'
        : `a shell operator (\`${op}\`) is not part of a single command`,
    );
  for (const op of want.operators)
    if (!got.operators.includes(op)) notes.push(`missing the shell operator \`${op}\``);
  return [...new Set(notes)];
}

/**
 * Longer than any command a card asks for: such input is refused before parsing, which
 * takes seconds for a pasted megabyte.
 */
export const LONGEST_COMMAND = 4096;

export const TOO_LONG_NOTE = 'the answer is far too long to be the command';

// Grading compares one input with every accepted answer, several times over: parse it once.
let lastInput: { line: string; parsed: ParsedLine } | undefined;
function parsedInput(line: string): ParsedLine {
  if (lastInput?.line !== line) lastInput = { line, parsed: parseLine(line) };
  return lastInput.parsed;
}

/** The learner's line against one accepted answer. */
export function compareCommand(input: string, reference: string): CommandVerdict {
  if (input.length > LONGEST_COMMAND) return { correct: false, notes: [TOO_LONG_NOTE] };
  const got = parsedInput(input.trim());
  const want = parseLine(reference.trim());
  const notes = operatorNotes(got, want);
  if (got.unclosedQuote && !want.unclosedQuote) notes.push('a quote is left open');
  const mine = commands(got);
  const theirs = commands(want);
  if (mine.length === 0) return { correct: false, notes: ['no command was given'] };
  const sameOps =
    got.operators.length === want.operators.length &&
    got.operators.every((op, k) => op === want.operators[k]);
  let correct = notes.length === 0 && sameOps && mine.length === theirs.length;
  for (let k = 0; k < Math.max(mine.length, theirs.length); k++) {
    const g = mine[k];
    const w = theirs[k];
    if (!g || !w) {
      correct = false;
      continue;
    }
    const v = compareWords(g, w);
    correct &&= v.correct;
    notes.push(...v.notes);
  }
  if (!correct && notes.length === 0) notes.push('the shell operators differ');
  return { correct, notes: correct ? [] : [...new Set(notes)] };
}
