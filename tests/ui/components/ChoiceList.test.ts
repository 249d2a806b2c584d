import { describe, expect, it } from 'vitest';
import type { Choice } from '../../../src/core/model.js';
import { choiceRows } from '../../../src/ui/components/ChoiceList.js';
import { rowText } from '../../../src/ui/components/rows.js';
import { EXAM_LETTERS } from '../../../src/ui/keys.js';
import { PLAIN_THEME } from '../../../src/ui/theme.js';

const choices: Choice[] = [
  { text: 'NAT', correct: true },
  { text: 'Bridge', correct: false, why: 'Needs a bridge.' },
  { text: 'Isolated', correct: false },
  { text: 'Route', correct: false },
  { text: 'Open', correct: false },
  { text: 'Host', correct: false },
  { text: 'None', correct: false },
];
const base = {
  choices,
  order: [1, 0, 2, 3, 4, 5, 6],
  chosen: [0],
  multi: false,
  cursor: 0 as number | null,
  letters: 'abcdefgh' as string | null,
  answered: false,
  width: 40,
  theme: PLAIN_THEME,
};
const text = (input: typeof base) => choiceRows(input).rows.map(rowText);

describe('choiceRows', () => {
  it('before the answer: cursor, selection mark and letter, in display order', () => {
    expect(text(base).slice(0, 2)).toEqual(['› (•) a) Bridge', '  ( ) b) NAT']);
    expect(text({ ...base, multi: true, chosen: [0, 1] }).slice(0, 2)).toEqual([
      '› [x] a) Bridge',
      '  [x] b) NAT',
    ]);
  });

  it('after the answer: ✓ on the right choice, ✗ and the reason on the wrong pick', () => {
    expect(text({ ...base, answered: true }).slice(0, 3)).toEqual([
      '✗ (•) a) Bridge',
      '          Needs a bridge.',
      '✓ ( ) b) NAT',
    ]);
  });

  it('the exam: no cursor column, and its letters skip f (the flag key)', () => {
    const rows = text({ ...base, cursor: null, letters: EXAM_LETTERS });
    expect(rows[0]).toBe('(•) a) Bridge');
    expect(rows[5]).toBe('( ) g) Host');
  });

  it('the mistake review: marks without letters', () => {
    const rows = text({ ...base, cursor: null, letters: null, answered: true });
    expect(rows[0]).toBe('✗ (•) Bridge');
  });

  it('wraps long choices under their text and reports the rows of each choice', () => {
    const long = [{ text: 'word '.repeat(12).trim(), correct: true }, ...choices.slice(1, 2)];
    const out = choiceRows({ ...base, choices: long, order: [0, 1], width: 30 });
    expect(out.rows.map(rowText)).toEqual([
      '› (•) a) word word word word',
      '         word word word word',
      '         word word word word',
      '  ( ) b) Bridge',
    ]);
    expect(out.ranges).toEqual([
      [0, 3],
      [3, 4],
    ]);
  });

  it('shows control characters in choice text instead of sending them', () => {
    const hostile = [{ text: 'a\u001b[2Jb', correct: true }, ...choices.slice(1, 2)];
    const rows = text({ ...base, choices: hostile, order: [0, 1] });
    expect(rows[0]).toBe('› (•) a) a␛[2Jb');
  });
});
