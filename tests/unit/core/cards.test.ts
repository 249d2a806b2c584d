import { describe, expect, it } from 'vitest';
import { deckCards, slug } from '../../../src/core/cards.js';
import { clozeSegments } from '../../../src/core/cloze.js';
import type { Deck, Entry } from '../../../src/core/model.js';
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

const at = (line: number) => ({ file: 'd.yaml', line, col: 3 });

describe('deckCards, every field of a card', () => {
  const deck: Deck = {
    id: 'net',
    title: 'Networking',
    tags: ['lpic3-351.4', 'kvm'],
    file: 'net.yaml',
    entries: [
      {
        id: 'bridge',
        type: 'basic',
        front: 'F',
        back: 'B',
        reverse: false,
        tags: [],
        pos: at(5),
        ref: 'man virsh',
        explanation: 'why',
      },
      {
        id: 'port',
        type: 'typed',
        prompt: 'Port?',
        answer: '16514',
        accept: ['16514/tcp'],
        match: 'text',
        tags: ['kvm', 'tls'],
        pos: at(9),
      },
      {
        id: 'single',
        type: 'mcq',
        question: 'Q1',
        choices: [
          { text: 'a', correct: true },
          { text: 'b', correct: false, why: 'no' },
        ],
        tags: [],
        pos: at(14),
      },
      {
        id: 'multi',
        type: 'mcq',
        question: 'Q2',
        choices: [
          { text: 'a', correct: true },
          { text: 'b', correct: true },
          { text: 'c', correct: false },
        ],
        tags: [],
        pos: at(20),
      },
    ],
  };

  it('copies the entry fields and numbers the cards in deck order', () => {
    const cards = deckCards(deck);
    expect(cards[0]).toEqual({
      key: 'net/bridge',
      deckId: 'net',
      entryId: 'bridge',
      entryKind: 'basic',
      sibling: 'net/bridge',
      face: { kind: 'flash', front: 'F', back: 'B' },
      explanation: 'why',
      ref: 'man virsh',
      tags: ['lpic3-351.4', 'kvm'],
      pos: at(5),
      ordinal: 0,
    });
    expect(cards.map((c) => c.ordinal)).toEqual([0, 1, 2, 3]);
  });

  it('a typed entry keeps its answer, alternatives and match mode', () => {
    const cards = deckCards(deck);
    expect(cards[1]).toMatchObject({
      key: 'net/port',
      entryKind: 'typed',
      face: {
        kind: 'typed',
        prompt: 'Port?',
        answer: '16514',
        accept: ['16514/tcp'],
        match: 'text',
      },
    });
  });

  it('shares the deck tags when an entry has none, and merges without duplicates when it has', () => {
    const cards = deckCards(deck);
    expect(cards[0]!.tags).toBe(deck.tags);
    expect(cards[1]!.tags).toEqual(['lpic3-351.4', 'kvm', 'tls']);
  });

  it('a question with several right choices is multi-select, one with a single right choice is not', () => {
    const cards = deckCards(deck);
    expect(cards[2]!.face).toEqual({
      kind: 'mcq',
      question: 'Q1',
      choices: deck.entries[2]!.type === 'mcq' ? deck.entries[2]!.choices : [],
      multi: false,
    });
    expect(cards[3]!.face).toMatchObject({ kind: 'mcq', multi: true });
  });

  it('refuses an entry type it does not know, naming it', () => {
    const bad = deckOf('d', [{ id: 'x', type: 'essay', tags: [], pos } as unknown as Entry]);
    expect(() => deckCards(bad)).toThrow(/unknown entry type in .*"essay"/);
  });
});

describe('deckCards, siblings', () => {
  it('a basic card without reverse yields one card', () => {
    expect(deckCards(deckOf('d', [basic('b')])).map((c) => c.key)).toEqual(['d/b']);
  });

  it('a cloze yields one card per number in numeric order, all siblings', () => {
    const cards = deckCards(
      deckOf('d', [{ id: 'c', type: 'cloze', text: '{{c10::x}} {{c2::y}}', tags: [], pos }]),
    );
    expect(cards.map((c) => [c.key, c.sibling, c.face])).toEqual([
      ['d/c::c2', 'd/c', { kind: 'cloze', text: '{{c10::x}} {{c2::y}}', number: 2 }],
      ['d/c::c10', 'd/c', { kind: 'cloze', text: '{{c10::x}} {{c2::y}}', number: 10 }],
    ]);
  });

  it('a term question asks with the prompt and the definition, and the other terms as distractors', () => {
    const terms = ['One', 'Two', 'Three', 'Four', 'Five'].map((t) => ({
      term: t,
      definition: `def ${t}`,
    }));
    const cards = deckCards(
      deckOf('d', [{ id: 't', type: 'terms', prompt: 'Name it.', terms, tags: [], pos }]),
    );
    expect(cards).toHaveLength(10);
    const recall = cards[6]!;
    expect(recall).toMatchObject({
      key: 'd/t::four::recall',
      sibling: 'd/t::four',
      entryKind: 'terms',
      face: { kind: 'flash', front: 'Name it.\n\ndef Four', back: 'Four' },
    });
    const choice = cards[7]!;
    expect(choice.key).toBe('d/t::four::choice');
    expect(choice.sibling).toBe('d/t::four');
    // Four choices at most: the term and the three terms that follow it in the group.
    expect(choice.face).toEqual({
      kind: 'mcq',
      question: 'Name it.\n\ndef Four',
      choices: [
        { text: 'Four', correct: true },
        { text: 'Five', correct: false },
        { text: 'One', correct: false },
        { text: 'Two', correct: false },
      ],
      multi: false,
    });
    const first = cards[1]!.face;
    expect(first.kind === 'mcq' && first.choices.map((c) => c.text)).toEqual([
      'One',
      'Two',
      'Three',
      'Four',
    ]);
  });
});

describe('slug', () => {
  it.each([
    ['Full virtualization', 'full-virtualization'],
    ['  --QEMU/KVM (x86_64)!  ', 'qemu-kvm-x86-64'],
    ['a--b', 'a-b'],
    ['!!!', 'term'],
    ['', 'term'],
    ['x'.repeat(60), 'x'.repeat(48)],
  ])('%j is %j', (text, s) => {
    expect(slug(text)).toBe(s);
  });
});
