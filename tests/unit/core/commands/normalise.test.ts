import { describe, expect, it } from 'vitest';
import { type CommandForm, normalise, sameForm } from '../../../../src/core/commands/normalise.js';
import { lineWords } from '../../../../src/core/commands/parse.js';
import type { CommandTable } from '../../../../src/core/commands/spec.js';

// A made-up program that exercises every rule of the table format.
const TOOL: CommandTable = {
  programs: ['tool', 'etool'],
  implies: { etool: ['-E'] },
  spec: {
    source: 'test',
    globalOnlyBefore: true,
    abbreviateLong: true,
    options: [
      { names: ['-c', '--connect'], value: 'required' },
      { names: ['-q', '--quiet'] },
      { names: ['-E', '--extended'] },
      { names: ['-w', '--word'] },
      { names: ['-f', '--format'], value: 'required', default: 'raw' },
      { names: ['-e', '--regexp'], value: 'required', repeat: true },
      { names: ['-k'], value: 'required', repeat: true, ordered: true },
      { names: ['-o'], value: 'required', repeat: true, listSeparator: ',' },
      { names: ['--type'], value: 'required', valueAliases: { st: 'sendtargets' } },
      { names: ['--color'], value: 'optional' },
      { names: ['-name'], value: 'required' },
      { names: ['-1'] },
    ],
    subcommands: {
      show: {
        source: 'test',
        combineShort: false,
        options: [
          { names: ['--domain'], value: 'required', position: 0 },
          { names: ['--target'], value: 'required', position: 1 },
          { names: ['--live'] },
          { names: ['--spec'], value: 'required', position: 2, repeat: true },
        ],
      },
      'server create': { source: 'test', options: [{ names: ['--image'], value: 'required' }] },
    },
    subcommandAliases: { display: 'show' },
  },
};

// The same options without subcommands: every plain word is an argument.
const PLAIN: CommandTable = {
  programs: ['plain'],
  spec: { source: 'test', options: TOOL.spec.options },
};

const form = (line: string): CommandForm =>
  normalise(lineWords(line), line.startsWith('plain') ? PLAIN : TOOL);
const same = (a: string, b: string) => sameForm(form(a), form(b));

describe('normalise: one command however it is spelled', () => {
  it.each([
    ['short and long aliases', 'tool -c uri', 'tool --connect uri'],
    ['--opt=value and --opt value', 'tool --connect=uri', 'tool --connect uri'],
    ['a value glued to a short option', 'tool -curi', 'tool -c uri'],
    ['combined short flags', 'tool -wE x', 'tool -E -w x'],
    ['combined flags ending in a valued option', 'tool -qc uri', 'tool -q -c uri'],
    ['combined flags ending in a glued value', 'tool -qcuri', 'tool --quiet --connect uri'],
    ['option order', 'tool -q -E x', 'tool -E -q x'],
    ['a default value left out', 'tool -f raw x', 'tool x'],
    ['a repeated option as a multiset', 'tool -e a -e b x', 'tool -e b -e a x'],
    ['a value alias', 'tool --type st', 'tool --type sendtargets'],
    ['a list value as a set', 'tool -o a=1,b=2', 'tool -o b=2,a=1'],
    ['a list value split over repeats', 'tool -o a=1 -o b=2', 'tool -o b=2,a=1'],
    ['a unique long prefix', 'tool --conn uri', 'tool --connect uri'],
    ['a flag given twice', 'tool -q -q', 'tool -q'],
    ['an implied option', 'etool x', 'tool -E x'],
    ['a program path', './tool -q', '/usr/bin/tool --quiet'],
    ['an optional value only with =', 'tool --color=always', 'tool --color=always'],
    ['a single-dash long option', 'tool -name vm1', 'tool -name vm1'],
    ['a position-capable option given by name', 'tool show --domain vm1', 'tool show vm1'],
    ['positions filled around a named one', 'tool show --domain vm1 vdb', 'tool show vm1 vdb'],
    ['a named later position', 'tool show --target vdb vm1', 'tool show vm1 vdb'],
    ['a repeatable positional option', 'tool show vm1 vdb s1 s2', 'tool show vm1 vdb --spec s1 s2'],
    ['a subcommand alias', 'tool display vm1', 'tool show vm1'],
    ['a subcommand of two words', 'tool server create --image=x', 'tool server create --image x'],
    ['a global option before the subcommand', 'tool -q show vm1', 'tool --quiet show --domain vm1'],
  ])('%s: %j = %j', (_, a, b) => {
    expect(same(a, b)).toBe(true);
  });
});

describe('normalise: different commands stay different', () => {
  it.each([
    ['a missing option', 'tool x', 'tool -q x'],
    ['another value', 'tool -c a', 'tool -c b'],
    ['a default given another value', 'tool -f qcow2 x', 'tool x'],
    ['positional order', 'tool a b', 'tool b a'],
    ['ordered repeats', 'tool -k a -k b', 'tool -k b -k a'],
    ['an optional value is not the next word', 'tool --color always', 'tool --color=always'],
    ['a subcommand option is not global', 'tool show vm1 --live', 'tool show vm1'],
    ['another subcommand', 'tool show vm1', 'tool server create vm1'],
    ['a flag given a value', 'tool --quiet=yes', 'tool --quiet'],
    ['a negative number is an argument', 'tool -5G', 'tool 5G'],
    ['a short option does not split at =', 'tool -c=uri', 'tool -c uri'],
  ])('%s: %j != %j', (_, a, b) => {
    expect(same(a, b)).toBe(false);
  });
});

describe('normalise: what the table does not know', () => {
  it('keeps unknown options as typed and reports them', () => {
    const f = form('plain --frequncy=3 -Z x');
    expect(f.unknown).toEqual(['--frequncy', '-Z']);
    expect(f.options.get('--frequncy')).toEqual(['3']);
    expect(f.positionals).toEqual(['x']);
  });
  it('an ambiguous prefix is unknown', () => {
    expect(form('tool --co=x').unknown).toEqual(['--co']);
  });
  it('reports a parent option after the subcommand where the program refuses it', () => {
    const f = form('tool show vm1 -c uri');
    expect(f.misplaced).toEqual(['-c']);
    expect(f.options.get('--connect')).toEqual(['uri']);
    expect(same('tool show vm1 -c uri', 'tool -c uri show vm1')).toBe(false);
  });
  it('reports a value left out', () => {
    expect(form('plain x -c').valueMissing).toEqual(['--connect']);
  });
  it('reports an unknown subcommand and what was valid there', () => {
    const f = form('tool shwo vm1');
    expect(f.unknownSubcommand).toBe('shwo');
    expect(f.subcommandNames).toContain('show');
  });
  it('a digit option the table knows is an option', () => {
    expect(form('tool -1').options.has('-1')).toBe(true);
  });
  it('after -- everything is an argument', () => {
    expect(form('plain -- -q').positionals).toEqual(['-q']);
  });
});
