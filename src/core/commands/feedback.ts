// What differs between a learner's command and an accepted one, as short lines. They name
// options and arguments but never state an option's expected value: the value of a wrong
// option is for the learner to recall (the full answer is shown beside them anyway).
import { closest, distance } from 'fastest-levenshtein';
import { positionalNotes } from './generic.js';
import type { CommandForm } from './normalise.js';

const code = (s: string) => `\`${s}\``;

/** The nearest name within a typo's reach, for "did you mean". */
export function suggestion(typed: string, names: readonly string[]): string | undefined {
  if (names.length === 0) return undefined;
  const best = closest(typed, [...names]);
  const reach = Math.max(1, Math.floor(typed.length / 3));
  return best !== typed && distance(typed, best) <= reach ? best : undefined;
}

function didYouMean(typed: string, names: readonly string[]): string {
  const s = suggestion(typed, names);
  return s ? ` (did you mean ${code(s)}?)` : '';
}

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, k) => v === b[k]);
}

function pathNotes(got: CommandForm, want: CommandForm): string[] | undefined {
  if (got.unknownSubcommand !== undefined && got.unknownSubcommand !== want.unknownSubcommand)
    return [
      `unknown subcommand ${code(got.unknownSubcommand)}${didYouMean(got.unknownSubcommand, got.subcommandNames)}`,
    ];
  const g = got.path.join(' ');
  const w = want.path.join(' ');
  if (g === w) return undefined;
  if (!g) return [`missing subcommand ${code(w)}`];
  if (!w) return [`subcommand ${code(g)} is not part of the answer`];
  return [`subcommand ${code(g)} where ${code(w)} was expected`];
}

/** An option the answer has: by the argument when the answer gives it by position. */
function missingNote(name: string, values: readonly string[], want: CommandForm): string {
  return want.byPosition.includes(name)
    ? `missing argument ${code(values.join(' '))}`
    : `missing ${code(name)}`;
}

/** Notes for two normal forms of the same program, the learner's first. */
export function formNotes(got: CommandForm, want: CommandForm): string[] {
  // Options belong to a subcommand: with another subcommand they would only add noise.
  const path = pathNotes(got, want);
  if (path) return path;
  const notes: string[] = [];
  for (const name of got.misplaced)
    if (!want.misplaced.includes(name))
      notes.push(`${code(name)} belongs before the subcommand, not after it`);
  for (const name of got.unknown)
    if (!want.options.has(name))
      notes.push(`unknown option ${code(name)}${didYouMean(name, got.optionNames)}`);
  for (const name of got.valueMissing) notes.push(`${code(name)} needs a value`);
  for (const [name, values] of want.options) {
    const mine = got.options.get(name);
    if (!mine) notes.push(missingNote(name, values, want));
    else if (!sameValues(mine, values) && !got.valueMissing.includes(name))
      notes.push(
        got.byPosition.includes(name)
          ? `the argument for ${code(name)} differs`
          : `the value of ${code(name)} differs`,
      );
  }
  for (const name of got.options.keys())
    if (!want.options.has(name) && !got.unknown.includes(name))
      notes.push(
        got.byPosition.includes(name)
          ? `extra argument ${code(got.options.get(name)!.join(' '))}`
          : `${code(name)} is not part of the answer`,
      );
  notes.push(...positionalNotes(got.positionals, want.positionals));
  return [...new Set(notes)];
}
