// A command's words turned into a normal form with its option table, so that two spellings
// of one command (`-c URI` / `--connect=URI`, `-wE` / `-E -w`, options in any order) come out
// equal and two different commands do not. What the table does not know is kept as typed
// and reported, never guessed away.

import { programName } from './parse.js';
import type { CommandSpec, CommandTable, OptionSpec } from './spec.js';

/** A command in normal form: compare two with `sameForm`. */
export interface CommandForm {
  /** The table's program name (`egrep` is `grep`), else the basename as typed. */
  program: string;
  /** Subcommand names, canonical (aliases resolved). */
  path: string[];
  /** A word where the table expected a subcommand but knows none by that name. */
  unknownSubcommand?: string;
  /** Canonical option name (`--connect`) to its normalised values; a flag has `['']`. */
  options: Map<string, string[]>;
  positionals: string[];
  /** Options the table does not know, as typed (they are also keys of `options`). */
  unknown: string[];
  /** Options of a parent given after the subcommand where the program refuses that. */
  misplaced: string[];
  /** Options that took a bare word by position (virsh's `vncdisplay vm1`). */
  byPosition: string[];
  /** Options that take a value but were given none. */
  valueMissing: string[];
  /** The names valid where the command ended, for "did you mean". */
  optionNames: string[];
  /** The subcommands valid where `unknownSubcommand` stood. */
  subcommandNames: string[];
}

const EMPTY: CommandSpec = { source: '', options: [] };

function canonical(o: OptionSpec): string {
  return o.names.find((n) => n.startsWith('--')) ?? o.names[0]!;
}

interface Level {
  spec: CommandSpec;
  /** Options given at this level, by name or by position. */
  given: Set<OptionSpec>;
}

/** Collects raw values while walking the words; `finish` normalises them. */
class Walk {
  readonly levels: Level[];
  readonly raw = new Map<OptionSpec, string[]>();
  readonly unknownRaw = new Map<string, string[]>();
  readonly form: CommandForm;

  constructor(program: string, spec: CommandSpec) {
    this.levels = [{ spec, given: new Set() }];
    this.form = {
      program,
      path: [],
      options: new Map(),
      positionals: [],
      unknown: [],
      misplaced: [],
      byPosition: [],
      valueMissing: [],
      optionNames: [],
      subcommandNames: [],
    };
  }

  get spec(): CommandSpec {
    return this.levels.at(-1)!.spec;
  }

  /** The innermost option by exact name, searching parents the program still accepts. */
  find(name: string): OptionSpec | undefined {
    for (let k = this.levels.length - 1; k >= 0; k--) {
      const level = this.levels[k]!;
      const inner = k < this.levels.length - 1;
      const hit = level.spec.options.find((o) => o.names.includes(name));
      // Read as the parent's option all the same, so the note says where it goes, not what.
      if (hit && inner && level.spec.globalOnlyBefore && !this.form.misplaced.includes(name))
        this.form.misplaced.push(name);
      if (hit) return hit;
    }
    return undefined;
  }

  /** A long option by exact name, else by unique prefix where the program allows that. */
  findLong(name: string): OptionSpec | undefined {
    const exact = this.find(name);
    if (exact || !this.spec.abbreviateLong) return exact;
    const hits = this.spec.options.filter((o) =>
      o.names.some((n) => n.startsWith('--') && n.startsWith(name)),
    );
    return hits.length === 1 ? hits[0] : undefined;
  }

  add(o: OptionSpec, value: string): void {
    const list = this.raw.get(o) ?? [];
    list.push(value);
    this.raw.set(o, list);
    this.levels.at(-1)!.given.add(o);
  }

  addUnknown(name: string, value: string): void {
    if (!this.form.unknown.includes(name)) this.form.unknown.push(name);
    const list = this.unknownRaw.get(name) ?? [];
    list.push(value);
    this.unknownRaw.set(name, list);
  }
}

/** Reads one option word (and its value word, if it takes one); returns words consumed. */
function readOption(w: Walk, words: readonly string[], i: number): number {
  const word = words[i]!;
  const next = words[i + 1];
  const eq = word.indexOf('=');
  const long = word.startsWith('--');
  const name = eq > 0 ? word.slice(0, eq) : word;
  const inline = eq > 0 ? word.slice(eq + 1) : undefined;
  // An exact name first: `--connect`, `-c`, and single-dash long names such as `-name`.
  // getopt reads `-f=x` as `-f` with the value `=x`, so only a long name splits at `=`.
  const whole = long
    ? w.findLong(name)
    : (w.find(word) ?? (inline !== undefined && name.length > 2 ? w.find(name) : undefined));
  if (whole) return take(w, whole, inline, next);
  if (long) {
    w.addUnknown(name, inline ?? '');
    return 1;
  }
  return readShortGroup(w, word, next);
}

function take(
  w: Walk,
  o: OptionSpec,
  inline: string | undefined,
  next: string | undefined,
): number {
  if (!o.value) {
    // A flag given a value is a different command; keep the value so it shows as one.
    w.add(o, inline ?? '');
    return 1;
  }
  if (inline !== undefined) {
    w.add(o, inline);
    return 1;
  }
  if (o.value === 'required' && next !== undefined) {
    w.add(o, next);
    return 2;
  }
  if (o.value === 'required') w.form.valueMissing.push(canonical(o));
  w.add(o, '');
  return 1;
}

/** `-wE`, `-ovalue`, `-o value`: getopt's short options, combined where the program allows. */
function readShortGroup(w: Walk, word: string, next: string | undefined): number {
  const combine = w.spec.combineShort !== false;
  for (let j = 1; j < word.length; j++) {
    const o = w.find(`-${word[j]}`);
    if (!o) {
      // An unknown first letter: the whole word is one unknown option (`-frequency`).
      if (j === 1) w.addUnknown(word, '');
      else w.addUnknown(`-${word[j]}`, '');
      if (j === 1) return 1;
      continue;
    }
    const rest = word.slice(j + 1);
    if (o.value === 'required' || (o.value === 'optional' && rest)) {
      return take(w, o, rest || undefined, next);
    }
    w.add(o, '');
    if (!combine && rest) {
      w.addUnknown(word, '');
      return 1;
    }
  }
  return 1;
}

/** The longest subcommand name (of one or more words) starting at `i`, aliases resolved. */
function matchSubcommand(spec: CommandSpec, words: readonly string[], i: number) {
  const subs = spec.subcommands ?? {};
  let best: { name: string; size: number } | undefined;
  for (const key of [...Object.keys(subs), ...Object.keys(spec.subcommandAliases ?? {})]) {
    const parts = key.split(' ');
    if (parts.every((p, k) => words[i + k] === p) && (!best || parts.length > best.size))
      best = { name: spec.subcommandAliases?.[key] ?? key, size: parts.length };
  }
  return best && subs[best.name] ? best : undefined;
}

/** A positional argument: a virsh-style option that may stand by position takes it first. */
function readPositional(w: Walk, word: string): void {
  const level = w.levels.at(-1)!;
  const slot = level.spec.options
    .filter((o) => o.position !== undefined && (o.repeat || !level.given.has(o)))
    .sort((a, b) => a.position! - b.position!)[0];
  if (slot) {
    w.add(slot, word);
    if (!w.form.byPosition.includes(canonical(slot))) w.form.byPosition.push(canonical(slot));
  } else w.form.positionals.push(word);
}

function normaliseValues(o: OptionSpec, values: readonly string[]): string[] | undefined {
  let out = values.map((v) => o.valueAliases?.[v] ?? v);
  if (o.listSeparator) {
    const sep = o.listSeparator;
    out = [...new Set(out.flatMap((v) => v.split(sep)).filter(Boolean))].sort();
  } else if (!o.value && !o.repeat) out = [...new Set(out)];
  else if (o.repeat && !o.ordered) out = [...out].sort();
  if (o.default !== undefined && out.length === 1 && out[0] === o.default) return undefined;
  return out;
}

function finish(w: Walk): CommandForm {
  const form = w.form;
  for (const [o, values] of w.raw) {
    const norm = normaliseValues(o, values);
    if (norm) form.options.set(canonical(o), norm);
  }
  for (const [name, values] of w.unknownRaw) form.options.set(name, values);
  if (w.spec.positionalsUnordered) form.positionals.sort();
  form.optionNames = w.levels.flatMap((l, k) =>
    k < w.levels.length - 1 && l.spec.globalOnlyBefore
      ? []
      : l.spec.options.flatMap((o) => o.names),
  );
  return form;
}

/** `-1G` (qemu-img resize) is a value, unless the program has a digit option (`-1`). */
function isOptionWord(w: Walk, word: string): boolean {
  if (word.length < 2 || !word.startsWith('-')) return false;
  return !/^-\d/.test(word) || w.find(word.slice(0, 2)) !== undefined;
}

/** The normal form of a command's words under its table (`tableFor(words[0])`). */
export function normalise(words: readonly string[], table: CommandTable): CommandForm {
  const typed = words[0] ?? '';
  const rest = [...(table.implies?.[programName(typed)] ?? []), ...words.slice(1)];
  const w = new Walk(table.programs[0] ?? programName(typed), table.spec);
  let ended = false;
  let atLevel = 0; // positionals read at the current level: a subcommand can only come first
  for (let i = 0; i < rest.length; ) {
    const word = rest[i]!;
    if (!ended && word === '--') {
      ended = true;
      i++;
    } else if (!ended && isOptionWord(w, word)) {
      i += readOption(w, rest, i);
    } else if (w.form.unknownSubcommand === undefined && atLevel === 0 && w.spec.subcommands) {
      const sub = matchSubcommand(w.spec, rest, i);
      if (sub) {
        w.form.path.push(sub.name);
        w.levels.push({ spec: w.spec.subcommands![sub.name]!, given: new Set() });
        i += sub.size;
      } else {
        w.form.unknownSubcommand = word;
        // `openstack sever list`: suggest `server` as well as `server list`.
        const names = Object.keys(w.spec.subcommands);
        w.form.subcommandNames = [...new Set(names.flatMap((k) => [k, k.split(' ')[0]!]))];
        w.levels.push({ spec: EMPTY, given: new Set() });
        i++;
      }
    } else {
      readPositional(w, word);
      atLevel++;
      i++;
    }
  }
  return finish(w);
}

/** Equal normal forms: the same command however it was spelled. */
export function sameForm(a: CommandForm, b: CommandForm): boolean {
  const same = (x: readonly string[], y: readonly string[]) =>
    x.length === y.length && x.every((v, k) => v === y[k]);
  if (a.program !== b.program || !same(a.path, b.path)) return false;
  if (a.unknownSubcommand !== b.unknownSubcommand || !same(a.positionals, b.positionals))
    return false;
  if (!same([...a.misplaced].sort(), [...b.misplaced].sort())) return false;
  if (a.options.size !== b.options.size) return false;
  for (const [k, v] of a.options) {
    const u = b.options.get(k);
    if (!u || !same(u, v)) return false;
  }
  return true;
}
