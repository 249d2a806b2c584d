// Shorthand for writing option tables: one line per option keeps a table readable next to
// the man page it was written from, and long programs (virt-install) under the file limit.
import type { CommandSpec, OptionSpec } from '../spec.js';

type Extra = Omit<OptionSpec, 'names' | 'value'>;

const split = (names: string): string[] => names.split(' ').filter(Boolean);

/** An option without a value; `names` is every spelling, space separated: `'-w --word-regexp'`. */
export function flag(names: string, extra: Extra = {}): OptionSpec {
  return { names: split(names), ...extra };
}

/** An option that takes a value (`--opt value`, `--opt=value`, `-ovalue`, `-o value`). */
export function arg(names: string, extra: Extra = {}): OptionSpec {
  return { names: split(names), value: 'required', ...extra };
}

/** An option whose value may only be attached (`--color=auto`): getopt's optional argument. */
export function optArg(names: string, extra: Extra = {}): OptionSpec {
  return { names: split(names), value: 'optional', ...extra };
}

/** Several flags at once: `flags('--ro', '--rw')`, each string one option's spellings. */
export function flags(...each: string[]): OptionSpec[] {
  return each.map((n) => flag(n));
}

/** Several value options at once. */
export function args(...each: string[]): OptionSpec[] {
  return each.map((n) => arg(n));
}

/**
 * Subcommands without options of their own (the parent's options or plain positional words
 * follow them): `bare('list', 'show')` with the table's source.
 */
export function bare(source: string, ...names: string[]): Record<string, CommandSpec> {
  return Object.fromEntries(names.map((n) => [n, { source, options: [] }]));
}

/**
 * The abbreviations a program accepts for its words when it takes the first entry, in its
 * own order, that the typed word is a prefix of (iproute2's and nmcli's `matches()`): `ip a`
 * is `ip address` because address comes first. `order` lists [word, canonical] pairs in the
 * program's order, including words the table does not model, so that a prefix resolves as the
 * program resolves it; aliases are kept only for the canonical words in `keep`. With
 * `uniqueOnly`, a prefix of several words is left out (where the program's order is not known).
 */
export function prefixAliases(
  order: readonly (readonly [string, string])[],
  keep: readonly string[],
  uniqueOnly = false,
): Record<string, string> {
  const out: Record<string, string> = {};
  const seen = new Set<string>();
  for (const [word] of order) {
    for (let i = 1; i <= word.length; i++) {
      const prefix = word.slice(0, i);
      if (seen.has(prefix)) continue;
      seen.add(prefix);
      const targets = new Set(order.filter(([w]) => w.startsWith(prefix)).map(([, c]) => c));
      if (uniqueOnly && targets.size > 1) continue;
      const target = order.find(([w]) => w.startsWith(prefix))?.[1];
      if (target !== undefined && target !== prefix && keep.includes(target)) out[prefix] = target;
    }
  }
  return out;
}

/** The same word list where each word stands for itself. */
export const selfOrder = (...words: string[]): [string, string][] => words.map((w) => [w, w]);

/**
 * An iproute2 object (`ip link`, `bridge fdb`): its documented commands, with the
 * abbreviations the program resolves in the given order (which also holds undocumented words
 * it tests, so that prefixes resolve as the program does).
 */
export function iprouteObject(
  source: string,
  order: [string, string][],
  commands: string[],
): CommandSpec {
  return {
    source,
    options: [],
    subcommands: Object.fromEntries(commands.map((c) => [c, { source, options: [] }])),
    subcommandAliases: prefixAliases(order, commands),
  };
}

/** The words iproute2 reads as `show`. */
export const SHOW_WORDS: [string, string][] = [
  ['show', 'show'],
  ['list', 'show'],
  ['lst', 'show'],
];
