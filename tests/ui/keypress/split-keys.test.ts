import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { isInterrupt, splitKeys } from '../../../src/ui/keypress/split-keys.js';

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

const names = (input: string, key: Partial<Key> = {}) =>
  splitKeys(input, { ...NO_KEY, ...key }).map((k) => (k.ctrl ? `^${k.name}` : k.name));

describe('splitKeys', () => {
  it('splits a run of characters read at once into its keys, Enter and Backspace included', () => {
    expect(names('a\r3 \u007f\b\n')).toEqual([
      'a',
      'enter',
      '3',
      'space',
      'backspace',
      'backspace',
      'enter',
    ]);
  });

  it('gives typed text for characters and Space, none for named keys', () => {
    expect(splitKeys('é ?\r', NO_KEY).map((k) => k.text)).toEqual(['é', ' ', '?', '']);
  });

  it('keeps a key Ink recognised by its flags as one named key', () => {
    expect(names('', { upArrow: true })).toEqual(['up']);
    expect(names('', { pageDown: true })).toEqual(['pagedown']);
    // Ink reports Esc with meta set; for the key table it is plain Escape.
    const esc = splitKeys('', { ...NO_KEY, escape: true, meta: true });
    expect(esc).toMatchObject([{ name: 'escape', meta: false }]);
    expect(names('', { delete: true })).toEqual(['backspace']);
  });

  it('reads control characters inside a run as Ctrl keys, Ctrl+C among them', () => {
    const keys = splitKeys('ab\u0003c', NO_KEY);
    expect(keys.map((k) => k.name)).toEqual(['a', 'b', 'c', 'c']);
    expect(keys.map(isInterrupt)).toEqual([false, false, true, false]);
  });

  it('marks an upper-case letter as shifted and Alt+letter as meta', () => {
    expect(splitKeys('Q', { ...NO_KEY, shift: true })).toMatchObject([{ name: 'Q', shift: true }]);
    expect(splitKeys('x', { ...NO_KEY, meta: true })).toMatchObject([{ name: 'x', meta: true }]);
  });
});
