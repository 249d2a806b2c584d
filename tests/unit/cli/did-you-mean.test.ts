import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blueprintPath } from '../../../src/cli/commands/exam.js';
import { UsageError } from '../../../src/cli/context.js';
import { closest, matchDeck, typoDistance, unknownCommand } from '../../../src/cli/did-you-mean.js';
import { requireDecks, resolveDecks } from '../../../src/cli/with-collection.js';
import type { Deck } from '../../../src/core/model.js';

const COMMANDS = ['study', 'exam', 'status', 'stats', 'decks', 'lint', 'config', 'doctor'];
const IDS = ['kvm-ch01-linux-virtualization', 'kvm-ch04-networking', 'kvm-ch05-storage', 'lxc'];

describe('closest', () => {
  it('finds a transposition and a missing letter, but not an unrelated word', () => {
    expect(closest('stauts', COMMANDS)).toBe('status');
    expect(closest('dekcs', COMMANDS)).toBe('decks');
    expect(closest('exma', COMMANDS)).toBe('exam');
    expect(closest('frobnicate', COMMANDS)).toBeNull();
  });
});

describe('unknownCommand', () => {
  const argv = (...a: string[]) => ['node', 'cli.js', ...a];
  it('names the word and suggests the command', () => {
    expect(unknownCommand(argv('stauts'), COMMANDS)).toBe(
      "unknown command 'stauts' (did you mean status?). Run hyperrecall --help for the commands.",
    );
    expect(unknownCommand(argv('frobnicate'), COMMANDS)).toMatch(
      /^unknown command 'frobnicate'\. /,
    );
  });
  it('skips global options and their values; a known command or none is not an error', () => {
    expect(unknownCommand(argv('--data-dir', 'x', 'status'), COMMANDS)).toBeNull();
    expect(unknownCommand(argv('--decks', 'dir', '--no-color'), COMMANDS)).toBeNull();
    expect(unknownCommand(argv(), COMMANDS)).toBeNull();
    expect(unknownCommand(argv('help'), COMMANDS)).toBeNull();
    expect(unknownCommand(argv('--decks', 'd', 'lnit'), COMMANDS)).toContain('did you mean lint?');
  });
  it('makes a control character in the word harmless', () => {
    expect(unknownCommand(argv('x\x1b[2Jy'), COMMANDS)).not.toContain('\x1b');
  });
});

describe('matchDeck', () => {
  it('takes an exact id, a unique prefix, or a unique dash-separated part', () => {
    expect(matchDeck('lxc', IDS)).toEqual({ kind: 'found', id: 'lxc' });
    expect(matchDeck('kvm-ch04', IDS)).toEqual({ kind: 'found', id: 'kvm-ch04-networking' });
    expect(matchDeck('ch04', IDS)).toEqual({ kind: 'found', id: 'kvm-ch04-networking' });
    expect(matchDeck('stor', IDS)).toEqual({ kind: 'found', id: 'kvm-ch05-storage' });
  });
  it('lists every match of an ambiguous part', () => {
    expect(matchDeck('ch0', IDS)).toEqual({
      kind: 'ambiguous',
      matches: ['kvm-ch01-linux-virtualization', 'kvm-ch04-networking', 'kvm-ch05-storage'],
    });
  });
  it('suggests the closest id for a typo, and nothing for a stranger', () => {
    expect(matchDeck('kvm-ch04-netwroking', IDS)).toEqual({
      kind: 'unknown',
      suggestion: 'kvm-ch04-networking',
    });
    expect(matchDeck('zzz', IDS)).toEqual({ kind: 'unknown', suggestion: null });
  });
});

describe('resolveDecks and requireDecks', () => {
  const decks = IDS.map((id) => ({ id }) as Deck);
  it('requireDecks takes exact ids only, and suggests the id a part stands for', () => {
    expect(() => requireDecks(decks, ['lxc', 'kvm-ch04-networking'])).not.toThrow();
    expect(() => requireDecks(decks, ['ch04'])).toThrow(
      "unknown deck 'ch04' (did you mean kvm-ch04-networking?)",
    );
  });
  it('resolves each typed id and drops repeats', () => {
    expect(resolveDecks(decks, ['ch04', 'kvm-ch04-networking', 'lxc'])).toEqual([
      'kvm-ch04-networking',
      'lxc',
    ]);
  });
  it('refuses a typo with a did-you-mean, and an ambiguous part with its matches', () => {
    expect(() => resolveDecks(decks, ['kvm-ch05-storag3'])).toThrow(
      "unknown deck 'kvm-ch05-storag3' (did you mean kvm-ch05-storage?)",
    );
    expect(() => resolveDecks(decks, ['ch0'])).toThrow(/matches 3 decks: kvm-ch01/);
    expect(() => resolveDecks(decks, ['zzz'])).toThrow(UsageError);
    expect(() => resolveDecks(decks, ['zzz'])).toThrow(/Known decks: kvm-ch01.*, lxc/);
  });
});

describe('blueprintPath', () => {
  const root = mkdtempSync(join(tmpdir(), 'hr-bp-'));
  mkdirSync(join(root, 'blueprints'));
  writeFileSync(join(root, 'blueprints', 'lpic3-305-kvm.yaml'), 'title: x\n');
  writeFileSync(join(root, 'blueprints', 'lpic3-306-ha.yaml'), 'title: y\n');
  it('finds a shipped blueprint by name and leaves a path alone', () => {
    expect(blueprintPath(root, 'lpic3-305-kvm')).toBe(
      join(root, 'blueprints', 'lpic3-305-kvm.yaml'),
    );
    expect(blueprintPath(root, 'my/own.yaml')).toBe('my/own.yaml');
  });
  it('an unknown name lists the blueprints that exist', () => {
    expect(() => blueprintPath(root, 'lpic3')).toThrow(
      "no blueprint named 'lpic3' (did you mean lpic3-305-kvm?). Shipped blueprints: lpic3-305-kvm, lpic3-306-ha; or give the path of a YAML file",
    );
    expect(() => blueprintPath(root, 'nothing-like-it')).toThrow(
      "no blueprint named 'nothing-like-it'. Shipped blueprints: lpic3-305-kvm, lpic3-306-ha;",
    );
  });
});

describe('typoDistance', () => {
  it('counts a swap of neighbours as one edit, and is symmetric', () => {
    expect(typoDistance('stauts', 'status')).toBe(1);
    expect(typoDistance('stauts', 'stats')).toBe(1);
    expect(typoDistance('kitten', 'sitting')).toBe(3);
    expect(typoDistance('', 'abc')).toBe(3);
    expect(typoDistance('abc', '')).toBe(3);
    expect(typoDistance('ca', 'abc')).toBe(3);
    expect(typoDistance('same', 'same')).toBe(0);
  });
});
