// Commands of programs no table describes: options compare as a set, positionals in order,
// and whether `--console vm1` is a flag and a positional or an option and its value is
// guessed from the reference answer. This is the grading typed cards had before option
// tables, kept so that nothing it accepted is now refused.
import { programName } from './parse.js';

export interface CommandShape {
  /** Command words and positional arguments, in order (the program by its basename). */
  positional: string[];
  /** Options with their attached values, order-free. */
  options: string[];
}

/** `--opt=value` and `--opt value` are the same when `valued` says the option takes a value. */
export function commandShape(
  words: readonly string[],
  valued: ReadonlySet<string> = new Set(),
): CommandShape {
  const positional: string[] = [];
  const options: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (i === 0) {
      positional.push(programName(w));
    } else if (w === '--') {
      positional.push(...words.slice(i + 1));
      break;
    } else if (w.startsWith('-') && w.length > 1) {
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

/** Options that may take a separate value: in the reference, followed by a non-option word. */
function valuedOptions(reference: readonly string[]): Set<string> {
  const valued = new Set<string>();
  for (let i = 0; i < reference.length - 1; i++) {
    const w = reference[i]!;
    if (/^--?[A-Za-z]/.test(w) && !w.includes('=') && !reference[i + 1]!.startsWith('-'))
      valued.add(w);
  }
  return valued;
}

function sameShape(a: CommandShape, b: CommandShape): boolean {
  const same = (x: readonly string[], y: readonly string[]) =>
    x.length === y.length && x.every((v, k) => v === y[k]);
  return same(a.positional, b.positional) && same(a.options, b.options);
}

/** Either reading of the reference's options, as long as both sides use the same one. */
export function genericMatch(input: readonly string[], reference: readonly string[]): boolean {
  const valued = valuedOptions(reference);
  return (
    sameShape(commandShape(input, valued), commandShape(reference, valued)) ||
    sameShape(commandShape(input), commandShape(reference))
  );
}

/** What differs between two shapes, as feedback lines. */
export function genericNotes(input: readonly string[], reference: readonly string[]): string[] {
  const valued = valuedOptions(reference);
  const got = commandShape(input, valued);
  const want = commandShape(reference, valued);
  const notes: string[] = [];
  if (got.positional[0] !== want.positional[0])
    return [`\`${got.positional[0] ?? ''}\` where \`${want.positional[0] ?? ''}\` was expected`];
  const nameOf = (o: string) => o.split('=')[0]!;
  const gotNames = got.options.map(nameOf);
  const wantNames = want.options.map(nameOf);
  for (const o of want.options)
    if (!got.options.includes(o))
      notes.push(
        gotNames.includes(nameOf(o))
          ? `the value of \`${nameOf(o)}\` differs`
          : `missing \`${nameOf(o)}\``,
      );
  for (const o of got.options)
    if (!wantNames.includes(nameOf(o))) notes.push(`\`${nameOf(o)}\` is not part of the answer`);
  notes.push(...positionalNotes(got.positional.slice(1), want.positional.slice(1)));
  return [...new Set(notes)];
}

/** Missing and extra arguments, or a different order when the same ones were given. */
export function positionalNotes(got: readonly string[], want: readonly string[]): string[] {
  const left = [...got];
  const missing: string[] = [];
  for (const w of want) {
    const k = left.indexOf(w);
    if (k >= 0) left.splice(k, 1);
    else missing.push(w);
  }
  const notes = [
    ...missing.map((w) => `missing argument \`${w}\``),
    ...left.map((w) => `extra argument \`${w}\``),
  ];
  if (notes.length === 0 && got.some((w, k) => w !== want[k]))
    notes.push('the arguments are in a different order');
  return notes;
}
