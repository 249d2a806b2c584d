// Properties of command-aware grading over the real virsh and qemu-img tables: a command
// written in any of its valid spellings (options in any order, `--opt=v` or `--opt v`, a
// short or long alias, short flags combined, virsh options by position) grades the same,
// and a command with an option left out, added or misspelled never grades right.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCommand } from '../../../../src/core/commands/compare.js';
import type { CommandSpec, OptionSpec } from '../../../../src/core/commands/spec.js';
import { QEMU_IMG } from '../../../../src/core/commands/tables/qemu-img.js';
import { VIRSH } from '../../../../src/core/commands/tables/virsh.js';

interface Given {
  o: OptionSpec;
  value: string;
}

/** Options the generator uses: no defaults (leaving one out would be right) and no repeats. */
const usable = (spec: CommandSpec) =>
  spec.options.filter((o) => o.default === undefined && !o.repeat && o.value !== 'optional');

const value = fc.stringMatching(/^[a-z0-9][a-z0-9./:]{0,6}$/);

function command(program: string, table: CommandSpec) {
  const subs = Object.entries(table.subcommands ?? {}).filter(([, s]) => usable(s).length > 0);
  return fc
    .constantFrom(...subs)
    .chain(([name, spec]) =>
      fc.record({
        name: fc.constant(name),
        spec: fc.constant(spec),
        given: fc
          .subarray(usable(spec), { minLength: 1 })
          .chain((opts) =>
            fc
              .tuple(...opts.map((o) => (o.value ? value : fc.constant(''))))
              .map((vals) => opts.map((o, k): Given => ({ o, value: vals[k]! }))),
          ),
      }),
    )
    .map((c) => ({ ...c, program }));
}

type Cmd = { program: string; name: string; spec: CommandSpec; given: Given[] };

/** The plain spelling: every option by its first name, `--opt value`, in table order. */
function plain(c: Cmd): string {
  const words = c.given.flatMap(({ o, value }) => (o.value ? [o.names[0]!, value] : [o.names[0]!]));
  return [c.program, c.name, ...words].join(' ');
}

/** Another valid spelling, chosen by `pick` (a list of random numbers). */
function respelled(c: Cmd, pick: readonly number[]): string {
  let at = 0;
  const next = (n: number) => (pick[at++ % pick.length] ?? 0) % n;
  const positionals: Given[] = [];
  // virsh gives a bare word to the lowest-position option not yet named: a position-capable
  // option may go bare only when every lower one is given too (named earlier, or bare before it).
  const byPos = c.given
    .filter((g) => g.o.position !== undefined)
    .sort((a, b) => a.o.position! - b.o.position!);
  const lower = (p: number) =>
    c.spec.options.filter((o) => o.position !== undefined && o.position < p);
  for (const g of byPos)
    if (next(2) === 0 && lower(g.o.position!).every((o) => c.given.some((x) => x.o === o)))
      positionals.push(g);
  const named = c.given.filter((g) => !positionals.includes(g));
  const spell = ({ o, value }: Given): string[] => {
    const name = o.names[next(o.names.length)]!;
    if (!o.value) return [name];
    if (name.startsWith('--')) return next(2) ? [`${name}=${value}`] : [name, value];
    return next(2) ? [`${name}${value}`] : [name, value];
  };
  // Named position-capable options come first so a bare word cannot take their place.
  const first = named.filter((g) => g.o.position !== undefined).flatMap(spell);
  const rest = named.filter((g) => g.o.position === undefined);
  const shuffled = rest.map((g) => ({ g, k: next(97) })).sort((a, b) => a.k - b.k);
  let words = shuffled.flatMap(({ g }) => spell(g));
  // getopt programs take short flags combined: `-q -p` as `-qp`.
  if (c.spec.combineShort !== false && next(2)) {
    const flags = words.filter(
      (w) => /^-[A-Za-z]$/.test(w) && !c.spec.options.find((o) => o.names.includes(w))?.value,
    );
    if (flags.length > 1)
      words = [`-${flags.map((f) => f[1]).join('')}`, ...words.filter((w) => !flags.includes(w))];
  }
  return [c.program, c.name, ...first, ...positionals.map((g) => g.value), ...words].join(' ');
}

const TABLES = [
  ['virsh', VIRSH.spec],
  ['qemu-img', QEMU_IMG.spec],
] as const;

describe.each(TABLES)('%s: spelling never changes the verdict', (program, table) => {
  it('any valid respelling grades right', () => {
    fc.assert(
      fc.property(command(program, table), fc.array(fc.nat(1000), { minLength: 4 }), (c, pick) => {
        const v = compareCommand(respelled(c, pick), plain(c));
        expect(v, `${respelled(c, pick)} vs ${plain(c)}`).toEqual({ correct: true, notes: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('an option left out or added never grades right, and says so', () => {
    fc.assert(
      fc.property(command(program, table), fc.nat(), fc.boolean(), (c, n, drop) => {
        const others = usable(c.spec).filter((o) => !o.value && !c.given.some((g) => g.o === o));
        const changed: Cmd =
          drop || others.length === 0
            ? { ...c, given: c.given.filter((_, k) => k !== n % c.given.length) }
            : { ...c, given: [...c.given, { o: others[n % others.length]!, value: '' }] };
        const v = compareCommand(plain(changed), plain(c));
        expect(v.correct).toBe(false);
        expect(v.notes.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('a misspelled option never grades right', () => {
    fc.assert(
      fc.property(command(program, table), fc.nat(), (c, n) => {
        const g = c.given[n % c.given.length]!;
        const long = g.o.names.find((x) => x.startsWith('--')) ?? g.o.names[0]!;
        const typo = { ...g, o: { ...g.o, names: [`${long}x`] } };
        const wrong = { ...c, given: c.given.map((x) => (x === g ? typo : x)) };
        expect(compareCommand(plain(wrong), plain(c)).correct).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
