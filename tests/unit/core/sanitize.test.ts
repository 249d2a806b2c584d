import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  controlName,
  findControls,
  hasControl,
  oneLine,
  visible,
} from '../../../src/core/sanitize.js';

/** One code point of each class a terminal acts on, with what `visible` shows for it. */
const CLASSES: [string, number, string][] = [
  ['NUL', 0x00, '\u2400'],
  ['BEL', 0x07, '\u2407'],
  ['BS', 0x08, '\u2408'],
  ['VT', 0x0b, '\u240b'],
  ['FF', 0x0c, '\u240c'],
  ['CR', 0x0d, '\u240d'],
  ['ESC', 0x1b, '\u241b'],
  ['US', 0x1f, '\u241f'],
  ['DEL', 0x7f, '\u2421'],
  ['C1 first', 0x80, '<U+0080>'],
  ['NEL', 0x85, '<U+0085>'],
  ['CSI', 0x9b, '<U+009B>'],
  ['C1 last', 0x9f, '<U+009F>'],
  ['LRE', 0x202a, '<U+202A>'],
  ['RLO', 0x202e, '<U+202E>'],
  ['LRI', 0x2066, '<U+2066>'],
  ['PDI', 0x2069, '<U+2069>'],
];

/** Characters next to the classes above that a terminal only prints. */
const HARMLESS = [0x20, 0x7e, 0xa0, 0xff, 0x2029, 0x202f, 0x2065, 0x206a, 0x2400, 0x1f600];

describe('hasControl and findControls', () => {
  it.each(CLASSES)('finds %s', (_name, code) => {
    const text = `ab${String.fromCharCode(code)}cd`;
    expect(hasControl(text)).toBe(true);
    expect(findControls(text)).toEqual([{ index: 2, code }]);
  });

  it('leaves tab, newline and printable neighbours of the classes alone', () => {
    for (const code of [0x09, 0x0a, ...HARMLESS]) {
      const text = `a${String.fromCodePoint(code)}b`;
      expect(hasControl(text), code.toString(16)).toBe(false);
      expect(findControls(text), code.toString(16)).toEqual([]);
    }
  });

  it('finds every occurrence with its index, and agrees with hasControl', () => {
    expect(findControls('\u001b[31mred\u001b[0m\u0007')).toEqual([
      { index: 0, code: 0x1b },
      { index: 8, code: 0x1b },
      { index: 12, code: 0x07 },
    ]);
    // The global regex must not carry state from one call to the next.
    expect(findControls('x\u001b')).toEqual([{ index: 1, code: 0x1b }]);
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(hasControl(s)).toBe(findControls(s).length > 0);
      }),
    );
  });
});

describe('visible', () => {
  it.each(CLASSES)('shows %s as a symbol', (_name, code, shown) => {
    expect(visible(`a${String.fromCharCode(code)}b`)).toBe(`a${shown}b`);
  });

  it('shows an OSC title sequence without acting on it', () => {
    expect(visible('\u001b]0;owned\u0007card')).toBe('\u241b]0;owned\u2407card');
  });

  it('turns a tab into a space and keeps newlines', () => {
    expect(visible('a\tb\nc')).toBe('a b\nc');
  });

  it('returns plain text unchanged, the same string', () => {
    for (const text of ['', 'virsh list --all', 'émoji 😀 and ␛ already a symbol', 'two\nlines']) {
      expect(visible(text)).toBe(text);
    }
  });

  it('never leaves a character a terminal acts on', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = visible(s);
        expect(hasControl(out)).toBe(false);
        expect(out).not.toContain('\t');
      }),
    );
  });
});

describe('oneLine', () => {
  it('puts newlines on one line as a symbol', () => {
    expect(oneLine('a\nb\r\nc')).toBe('a␤b␤c');
  });

  it('also makes control characters visible', () => {
    expect(oneLine('deck\u001b[2J.yaml')).toBe('deck\u241b[2J.yaml');
  });

  it('returns plain one-line text unchanged', () => {
    expect(oneLine('decks/ch01.yaml:3:5 error: missing field')).toBe(
      'decks/ch01.yaml:3:5 error: missing field',
    );
  });

  it('never leaves a line break or a control character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = oneLine(s);
        expect(out).not.toMatch(/[\n\r\t]/);
        expect(hasControl(out)).toBe(false);
      }),
    );
  });
});

describe('controlName', () => {
  it('names the characters a message is likely to meet', () => {
    expect(controlName(0x1b)).toBe('U+001B (ESC)');
    expect(controlName(0x07)).toBe('U+0007 (BEL)');
    expect(controlName(0x00)).toBe('U+0000 (NUL)');
    expect(controlName(0x9b)).toBe('U+009B (CSI)');
    expect(controlName(0x202e)).toBe('U+202E (RLO)');
  });

  it.each([
    [0x00, 'NUL'],
    [0x07, 'BEL'],
    [0x08, 'BS'],
    [0x0b, 'VT'],
    [0x0c, 'FF'],
    [0x0d, 'CR'],
    [0x1b, 'ESC'],
    [0x7f, 'DEL'],
    [0x85, 'NEL'],
    [0x90, 'DCS'],
    [0x9b, 'CSI'],
    [0x9c, 'ST'],
    [0x9d, 'OSC'],
    [0x202a, 'LRE'],
    [0x202b, 'RLE'],
    [0x202c, 'PDF'],
    [0x202d, 'LRO'],
    [0x202e, 'RLO'],
    [0x2066, 'LRI'],
    [0x2067, 'RLI'],
    [0x2068, 'FSI'],
    [0x2069, 'PDI'],
  ])('names code point %i as %s', (code, name) => {
    const hex = code.toString(16).toUpperCase().padStart(4, '0');
    expect(controlName(code)).toBe(`U+${hex} (${name})`);
  });

  it('gives the code point alone for the rest', () => {
    expect(controlName(0x01)).toBe('U+0001');
    expect(controlName(0x8a)).toBe('U+008A');
  });
});
