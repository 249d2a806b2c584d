// The comparison kept for programs without an option table (as typed cards always had it).
import { describe, expect, it } from 'vitest';
import {
  commandShape,
  genericMatch,
  genericNotes,
  positionalNotes,
} from '../../../../src/core/commands/generic.js';
import { lineWords } from '../../../../src/core/commands/parse.js';

const shape = (line: string, valued?: Set<string>) => commandShape(lineWords(line), valued);

describe('commandShape', () => {
  it('keeps positionals in order and options as a sorted set', () => {
    expect(shape(' virsh -v list --all ')).toEqual({
      positional: ['virsh', 'list'],
      options: ['--all', '-v'],
    });
  });
  it('joins an option and its value when the option is known to take one', () => {
    expect(shape('qemu-img create -f qcow2 d.img', new Set(['-f']))).toEqual({
      positional: ['qemu-img', 'create', 'd.img'],
      options: ['-f=qcow2'],
    });
    expect(shape('qemu-img create -f', new Set(['-f'])).options).toEqual(['-f']);
  });
  it('treats --opt=value like a valued option', () => {
    expect(shape('tool --size=10G x').options).toEqual(['--size=10G']);
    expect(shape('tool --size=10G', new Set(['--size'])).options).toEqual(['--size=10G']);
  });
  it('a lone dash is a positional, and after -- everything is', () => {
    expect(shape('cat - -n -- -f --x')).toEqual({
      positional: ['cat', '-', '-f', '--x'],
      options: ['-n'],
    });
  });
  it('names the program by its basename', () => {
    expect(shape('./bin/tool x').positional).toEqual(['tool', 'x']);
  });
});

describe('genericMatch and its notes', () => {
  const match = (a: string, b: string) => genericMatch(lineWords(a), lineWords(b));
  const notes = (a: string, b: string) => genericNotes(lineWords(a), lineWords(b));
  it('accepts either reading of an option and a following word, the same on both sides', () => {
    expect(match('tool --console vm1', 'tool vm1 --console')).toBe(true);
    expect(match('tool --size 1G x', 'tool x --size=1G')).toBe(false);
    expect(match('tool x --size=1G', 'tool --size 1G x')).toBe(true);
    expect(match('tool -b -a x', 'tool -a -b x')).toBe(true);
  });
  it('says what is missing, extra or different', () => {
    expect(notes('tool x', 'tool x -a')).toEqual(['missing `-a`']);
    expect(notes('tool -z x', 'tool x')).toEqual(['`-z` is not part of the answer']);
    expect(notes('tool --size=2G x', 'tool --size=1G x')).toEqual([
      'the value of `--size` differs',
    ]);
    expect(notes('other x', 'tool x')).toEqual(['`other` where `tool` was expected']);
  });
  it('positional notes: missing, extra, or the same words in another order', () => {
    expect(positionalNotes(['a'], ['a', 'b'])).toEqual(['missing argument `b`']);
    expect(positionalNotes(['a', 'c'], ['a'])).toEqual(['extra argument `c`']);
    expect(positionalNotes(['b', 'a'], ['a', 'b'])).toEqual([
      'the arguments are in a different order',
    ]);
    expect(positionalNotes(['a', 'a'], ['a'])).toEqual(['extra argument `a`']);
  });
});
