import { describe, expect, it } from 'vitest';
import { deckCards } from '../../../src/core/cards.js';
import { clozeSegments } from '../../../src/core/cloze.js';
import { basic, deckOf } from '../helpers.js';

const pos = { file: 'x.yaml', line: 1, col: 1 };

describe('deckCards', () => {
  it('derives reverses, cloze numbers and two questions per term, with stable keys', () => {
    const cards = deckCards(
      deckOf('d', [
        basic('b', { reverse: true } as never),
        { id: 'c', type: 'cloze', text: '{{c1::a}} and {{c2::b}} and {{c1::c}}', tags: [], pos },
        {
          id: 't',
          type: 'terms',
          prompt: 'Which?',
          tags: [],
          pos,
          terms: [
            { term: 'Full virtualization', definition: 'd1' },
            { term: 'Paravirtualization', definition: 'd2' },
            { term: 'Hardware-assisted', definition: 'd3' },
          ],
        },
      ]),
    );
    expect(cards.map((c) => c.key)).toEqual([
      'd/b',
      'd/b::reverse',
      'd/c::c1',
      'd/c::c2',
      'd/t::full-virtualization::recall',
      'd/t::full-virtualization::choice',
      'd/t::paravirtualization::recall',
      'd/t::paravirtualization::choice',
      'd/t::hardware-assisted::recall',
      'd/t::hardware-assisted::choice',
    ]);
    expect(cards[1]?.face).toEqual({ kind: 'flash', front: 'back b', back: 'front b' });
    expect(cards[0]?.sibling).toBe(cards[1]?.sibling);
    expect(cards[4]?.sibling).toBe(cards[5]?.sibling);
    expect(cards[4]?.sibling).not.toBe(cards[6]?.sibling);
    const choice = cards[7]?.face;
    expect(choice?.kind === 'mcq' && choice.choices.map((c) => [c.text, c.correct])).toEqual([
      ['Paravirtualization', true],
      ['Hardware-assisted', false],
      ['Full virtualization', false],
    ]);
  });

  it('cloze shows the active gap hidden and other deletions as text', () => {
    const segs = clozeSegments('{{c1::a}} and {{c2::b::hint}}', 2, false);
    expect(segs.map((s) => s.text).join('')).toBe('a and [hint]');
    expect(
      clozeSegments('{{c1::a}} and {{c2::b}}', 2, true)
        .map((s) => s.text)
        .join(''),
    ).toBe('a and b');
  });
});
