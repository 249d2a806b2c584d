import { deckCards } from '../../src/core/cards.js';
import type { Card, Deck, Entry } from '../../src/core/model.js';

const pos = { file: 'test.yaml', line: 1, col: 1 };

export function basic(id: string, extra: Partial<Entry> = {}): Entry {
  return {
    id,
    type: 'basic',
    front: `front ${id}`,
    back: `back ${id}`,
    reverse: false,
    tags: [],
    pos,
    ...extra,
  } as Entry;
}

export function deckOf(id: string, entries: Entry[]): Deck {
  return { id, title: id, tags: [], file: `${id}.yaml`, entries };
}

export function cardsOf(id: string, n: number): Card[] {
  return deckCards(
    deckOf(
      id,
      Array.from({ length: n }, (_, i) => basic(`c${i}`)),
    ),
  );
}
