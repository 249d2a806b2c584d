import { describe, expect, it } from 'vitest';
import { deckCards } from '../../../src/core/cards.js';
import { leechNotice, shortFront } from '../../../src/core/leech.js';
import type { Card, Entry } from '../../../src/core/model.js';
import { basic, deckOf } from '../helpers.js';

const cardsOf = (...entries: Entry[]): Card[] => deckCards(deckOf('d', entries));

describe('leech notice', () => {
  it('names the card by its front, then the lapses, the action and where to re-read', () => {
    const [card] = cardsOf(
      basic('a', { front: 'Which bridge does libvirt make?', ref: 'man virsh' }),
    );
    expect(leechNotice(card!, 8, 'suspend')).toBe(
      'Leech: "Which bridge does libvirt make?" (8 lapses), suspended. Re-read man virsh.',
    );
    expect(leechNotice(card!, 9, 'tag')).toMatch(/\(9 lapses\), tagged\./);
  });

  it('shortens a long front at a word, on one line, with control characters made visible', () => {
    const [card] = cardsOf(
      basic('a', {
        front: 'Which virsh subcommand\nlists every domain, including the ones that are shut off?',
      }),
    );
    expect(shortFront(card!)).toBe('Which virsh subcommand␤lists…');
    expect(shortFront(card!, 200)).toBe(
      'Which virsh subcommand␤lists every domain, including the ones that are shut off?',
    );
    const [evil] = cardsOf(basic('e', { front: 'x\u001b[2Jy' }));
    expect(leechNotice(evil!, 8, 'tag')).not.toContain('\u001b');
    const [word] = cardsOf(basic('w', { front: 'a'.repeat(50) }));
    expect(shortFront(word!)).toBe(`${'a'.repeat(31)}…`);
  });

  it('shows a cloze card with its own gap open and the other deletions filled in', () => {
    const cards = cardsOf({
      id: 'c',
      type: 'cloze',
      text: '{{c1::virbr0}} is the {{c2::default}} bridge',
      tags: [],
      pos: { file: 'd.yaml', line: 1, col: 1 },
    } as Entry);
    expect(cards.map((c) => shortFront(c))).toEqual([
      '[...] is the default bridge',
      'virbr0 is the [...] bridge',
    ]);
  });
});
