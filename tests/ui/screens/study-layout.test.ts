// The study screen's layout choice, measured: the roomiest layout whose card fits whole
// in what the other parts leave, counted in wrapped rows at this width.
import { describe, expect, it } from 'vitest';
import { deckCards } from '../../../src/core/cards.js';
import type { Grade } from '../../../src/core/model.js';
import type { Outcome } from '../../../src/core/scheduler.js';
import { type CardSession, cardReducer, startCard } from '../../../src/core/session.js';
import { rowText } from '../../../src/ui/components/rows.js';
import { hintRows, studyLayout } from '../../../src/ui/screens/study-layout.js';
import { PLAIN_THEME } from '../../../src/ui/theme.js';
import { deckOf } from '../../unit/helpers.js';

const pos = { file: 'x.yaml', line: 1, col: 1 };
const preview = Object.fromEntries(
  [1, 2, 3, 4].map((g) => [g, { intervalMs: 60_000 * g } as Outcome]),
) as Record<Grade, Outcome>;

function answered(back: string): CardSession {
  const [card] = deckCards(
    deckOf('d', [{ id: 'f', type: 'basic', front: 'F', back, reverse: false, tags: [], pos }]),
  );
  return cardReducer(startCard(card!, 0, 'x'), { type: 'reveal' });
}

function layoutOf(back: string, width: number, rows: number) {
  const l = studyLayout({
    cur: answered(back),
    preview,
    marks: {},
    notice: null,
    width,
    rows,
    theme: PLAIN_THEME,
  });
  const name = l.compact
    ? 'tight'
    : l.gap
      ? 'full'
      : l.card.some((r) => r.spans.length === 0)
        ? 'no frame gaps'
        : 'no gaps';
  return { l, name, hint: l.grades.some((r) => r.spans.some((s) => s.text.startsWith('Enter:'))) };
}

const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join('\n');

describe('study layout, measured', () => {
  // 80x24: 23 usable rows. The card is kind, blank, front, blank, back (4 + B rows).
  // Full: header, grade bar (2), footer and 3 gaps leave 16; without those gaps 19;
  // without the card's own blank rows the card is 2 + B.
  it.each([
    [0, 'full'],
    [12, 'full'],
    [13, 'no frame gaps'],
    [15, 'no frame gaps'],
    [16, 'no gaps'],
    [17, 'no gaps'],
    [18, 'tight'],
  ])('at 80x24 a back of %i lines gets the %s layout', (n, want) => {
    const { l, name, hint } = layoutOf(lines(n), 80, 24);
    expect(name).toBe(want);
    // The grade hint goes only with the tight layout.
    expect(hint).toBe(want !== 'tight');
    if (!l.compact) expect(l.card.length).toBeLessThanOrEqual(l.height);
  });

  // 40x12: 11 usable rows, and the grade bar wraps to two rows at 40 columns (plus its
  // hint): full leaves 3 (the card needs 4 + B), no frame gaps 6, and 2 + B without gaps.
  it.each([
    [0, 'no frame gaps'],
    [2, 'no frame gaps'],
    [3, 'no gaps'],
    [4, 'no gaps'],
    [5, 'tight'],
  ])('at 40x12 a back of %i lines gets the %s layout', (n, want) => {
    const { l, name } = layoutOf(lines(n), 40, 12);
    expect(name).toBe(want);
    expect(l.grades).toHaveLength(want === 'tight' ? 2 : 3);
  });

  it('counts wrapped rows, not lines of text: one paragraph takes more rows at 40 than at 80', () => {
    // 5 rows at 40 columns, 3 at 80 (each word is 9 characters with its space).
    const para = Array.from({ length: 20 }, () => 'abcdefgh').join(' ');
    const at80 = layoutOf(para, 80, 14);
    const at40 = layoutOf(para, 40, 14);
    expect(at80.name).toBe('no frame gaps');
    expect(at40.name).toBe('no gaps');
  });
});

describe('hintRows', () => {
  it('wraps the key hints at their separators when the line is too narrow', () => {
    const text = 'a-c choose · Enter submit · ? help · q quit';
    expect(hintRows(text, 80, PLAIN_THEME).map(rowText)).toEqual([text]);
    expect(hintRows(text, 40, PLAIN_THEME).map(rowText)).toEqual([
      'a-c choose · Enter submit · ? help',
      'q quit',
    ]);
  });
});
