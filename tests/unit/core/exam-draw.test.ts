// Drawing exam questions: the largest-remainder split, never more than a group has, the
// weight of an empty objective going to the others, no card twice, and the notes.
import { describe, expect, it } from 'vitest';
import { deckCards } from '../../../src/core/cards.js';
import {
  allocate,
  drawByBlueprint,
  drawByDeck,
  EXAM_DEFAULTS,
  isExamCard,
  rng,
} from '../../../src/core/exam-draw.js';
import type { Card } from '../../../src/core/model.js';
import { deckOf } from '../helpers.js';
import { basicEntry, mcq, mcqDeck, pos, typed } from './exam-fixtures.js';

const g = (weight: number, available: number) => ({ weight, available });
const keys = (cards: readonly Card[]) => cards.map((c) => c.key);

describe('EXAM_DEFAULTS', () => {
  it('are the documented 60 questions in 90 minutes, passing at 70%', () => {
    expect(EXAM_DEFAULTS).toEqual({ questions: 60, minutes: 90, passPercent: 70 });
  });
});

describe('isExamCard', () => {
  it('takes multiple-choice and typed cards, the ones the trainer can check', () => {
    const cards = deckCards(
      deckOf('d', [
        mcq('m'),
        typed('t'),
        basicEntry('b'),
        { id: 'c', type: 'cloze', text: 'A {{c1::b}}', tags: [], pos },
      ]),
    );
    expect(cards.map((c) => [c.face.kind, isExamCard(c)])).toEqual([
      ['mcq', true],
      ['typed', true],
      ['flash', false],
      ['cloze', false],
    ]);
  });
});

describe('rng', () => {
  it('is mulberry32: the same seed gives the same numbers, in [0, 1)', () => {
    const r = rng(1);
    expect([r(), r(), r()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
    const z = rng(0);
    expect([z(), z()]).toEqual([0.26642920868471265, 0.0003297457005828619]);
    // The seed is taken as a 32-bit unsigned integer.
    const wide = rng(2 ** 32 + 1);
    expect(wide()).toBe(0.6270739405881613);
    const many = rng(12345);
    for (let i = 0; i < 1000; i++) {
      const x = many();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});

describe('allocate', () => {
  it('splits in proportion to the weights', () => {
    expect(allocate(10, [g(1, 100), g(1, 100)])).toEqual([5, 5]);
    expect(allocate(12, [g(3, 100), g(1, 100)])).toEqual([9, 3]);
  });

  it('hands the remainder out one by one, largest fractional share first', () => {
    // Exact shares 3.23, 2.15, 1.62: the one left goes to the third.
    expect(allocate(7, [g(6, 50), g(4, 50), g(3, 50)])).toEqual([3, 2, 2]);
    // Exact shares 0.6, 0.4: the one goes to the first.
    expect(allocate(1, [g(3, 50), g(2, 50)])).toEqual([1, 0]);
    expect(allocate(1, [g(2, 50), g(3, 50)])).toEqual([0, 1]);
  });

  it('never gives a group more than it has; what it cannot take goes to the others', () => {
    expect(allocate(10, [g(9, 2), g(1, 100)])).toEqual([2, 8]);
    // Equal remainders: the first in line is full, so the one left goes on to the next.
    expect(allocate(3, [g(1, 1), g(1, 10)])).toEqual([1, 2]);
    // What the full group cannot take is shared by the rest in proportion (9 : 2).
    expect(allocate(18, [g(2, 9), g(7, 2), g(8, 10), g(3, 6)])).toEqual([2, 2, 10, 4]);
  });

  it('the weight of a group with nothing goes to the others in proportion', () => {
    expect(allocate(7, [g(9, 8), g(3, 0), g(2, 11)])).toEqual([6, 0, 1]);
    expect(allocate(4, [g(1, 5), g(5, 5), g(8, 0), g(9, 2)])).toEqual([0, 2, 0, 2]);
  });

  it('gives nothing to a group of weight zero, even when the others are full', () => {
    expect(allocate(5, [g(0, 10), g(1, 2)])).toEqual([0, 2]);
    expect(allocate(4, [g(0, 10), g(1, 10)])).toEqual([0, 4]);
  });

  it('gives out n at most, and all there is when that is less', () => {
    expect(allocate(3, [g(1, 10), g(1, 10)])).toEqual([2, 1]);
    expect(allocate(50, [g(1, 3), g(1, 4)])).toEqual([3, 4]);
    expect(allocate(0, [g(1, 3), g(1, 4)])).toEqual([0, 0]);
    expect(allocate(5, [])).toEqual([]);
  });

  it('always gives min(n, everything available), within each group', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = rng(seed);
      const groups = Array.from({ length: 1 + Math.floor(r() * 5) }, () =>
        g(1 + Math.floor(r() * 9), Math.floor(r() * 12)),
      );
      const n = Math.floor(r() * 40);
      const out = allocate(n, groups);
      const all = groups.reduce((s, x) => s + x.available, 0);
      expect(out.reduce((s, x) => s + x, 0)).toBe(Math.min(n, all));
      out.forEach((x, i) => {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(groups[i]!.available);
      });
    }
  });
});

describe('drawByDeck', () => {
  const a = mcqDeck('a', 6);
  const b = deckCards(deckOf('b', [mcq('m0'), typed('t0'), mcq('m1'), basicEntry('x')]));
  const cards = [...a, ...b];

  it('spreads the questions over the decks in proportion to their exam questions', () => {
    const d = drawByDeck(cards, 6, 7);
    expect(d.cards).toHaveLength(6);
    expect(d.cards.filter((c) => c.deckId === 'a')).toHaveLength(4);
    expect(d.cards.filter((c) => c.deckId === 'b')).toHaveLength(2);
    expect(new Set(keys(d.cards)).size).toBe(6);
    expect(d.notes).toEqual([]);
  });

  it('draws only multiple-choice and typed questions; exactly enough needs no note', () => {
    const d = drawByDeck(cards, 9, 3);
    expect(keys(d.cards).sort()).toEqual(keys(cards.filter(isExamCard)).sort());
    expect(d.notes).toEqual([]);
  });

  it('says when there are fewer questions than asked', () => {
    const d = drawByDeck(cards, 12, 3);
    expect(d.cards).toHaveLength(9);
    expect(d.notes).toEqual(['Only 9 exam questions are available here (asked for 12).']);
    expect(drawByDeck([b[3]!], 5, 1)).toEqual({
      cards: [],
      notes: ['Only 0 exam questions are available here (asked for 5).'],
    });
  });

  it('the same seed draws the same exam; another seed another order', () => {
    expect(keys(drawByDeck(cards, 5, 11).cards)).toEqual(keys(drawByDeck(cards, 5, 11).cards));
    const orders = new Set<string>();
    for (let seed = 1; seed <= 20; seed++)
      orders.add(keys(drawByDeck(cards, 9, seed).cards).join());
    expect(orders.size).toBeGreaterThan(15);
  });

  it('every question is equally likely to be drawn and to come first', () => {
    const six = mcqDeck('s', 6);
    const drawn = new Map<string, number>();
    const first = new Map<string, number>();
    const last = new Map<string, number>();
    const runs = 3000;
    for (let seed = 1; seed <= runs; seed++) {
      const d = drawByDeck(six, 3, seed).cards;
      for (const c of d) drawn.set(c.key, (drawn.get(c.key) ?? 0) + 1);
      first.set(d[0]!.key, (first.get(d[0]!.key) ?? 0) + 1);
      last.set(d[2]!.key, (last.get(d[2]!.key) ?? 0) + 1);
    }
    for (const c of six) {
      // Expected: drawn half the time, first or last a sixth of the time.
      expect(drawn.get(c.key)! / runs).toBeGreaterThan(0.45);
      expect(drawn.get(c.key)! / runs).toBeLessThan(0.55);
      expect(first.get(c.key)! / runs).toBeGreaterThan(0.13);
      expect(first.get(c.key)! / runs).toBeLessThan(0.2);
      expect(last.get(c.key)! / runs).toBeGreaterThan(0.13);
      expect(last.get(c.key)! / runs).toBeLessThan(0.2);
    }
  });
});

describe('drawByBlueprint', () => {
  const tagged = (deck: string, n: number, tags: string[]) => mcqDeck(deck, n, tags);

  it('draws per objective in proportion to the weights', () => {
    const cards = [
      ...tagged('a', 10, ['t-1.1']),
      ...tagged('b', 10, ['t-1.2']),
      ...tagged('c', 10, ['t-1.3']),
    ];
    const bp = { title: 'x', objectives: { 't-1.1': 6, 't-1.2': 3, 't-1.3': 1 } };
    const d = drawByBlueprint(cards, 10, bp, 5);
    const per = (deck: string) => d.cards.filter((c) => c.deckId === deck).length;
    expect([per('a'), per('b'), per('c')]).toEqual([6, 3, 1]);
    expect(d.notes).toEqual([]);
  });

  it('draws only exam questions carrying an objective of the blueprint', () => {
    const cards = [
      ...deckCards(
        deckOf('a', [
          mcq('in', ['t-1.1']),
          typed('typed-in', ['t-1.1']),
          basicEntry('flash', ['t-1.1']),
          mcq('other', ['t-9.9']),
          mcq('none'),
        ]),
      ),
    ];
    const d = drawByBlueprint(cards, 5, { title: 'x', objectives: { 't-1.1': 1 } }, 1);
    expect(keys(d.cards).sort()).toEqual(['a/in', 'a/typed-in']);
    expect(d.notes).toEqual(['Only 2 questions match the blueprint (asked for 5).']);
  });

  it('never draws a card twice, even one under two objectives', () => {
    const both = tagged('both', 4, ['t-1.1', 't-1.2']);
    const bp = { title: 'x', objectives: { 't-1.1': 1, 't-1.2': 1 } };
    for (let seed = 1; seed <= 30; seed++) {
      const d = drawByBlueprint(both, 8, bp, seed);
      expect(new Set(keys(d.cards)).size).toBe(d.cards.length);
      expect(keys(d.cards).sort()).toEqual(keys(both).sort());
      expect(d.notes).toEqual(['Only 4 questions match the blueprint (asked for 8).']);
    }
  });

  it('an objective with no questions is named, and its weight goes to the others', () => {
    const cards = [...tagged('a', 10, ['t-1.1']), ...tagged('b', 10, ['t-1.2'])];
    const bp = { title: 'x', objectives: { 't-1.1': 1, 't-2.1': 5, 't-1.2': 1, 't-2.2': 1 } };
    const d = drawByBlueprint(cards, 6, bp, 2);
    expect(d.cards.filter((c) => c.deckId === 'a')).toHaveLength(3);
    expect(d.cards.filter((c) => c.deckId === 'b')).toHaveLength(3);
    expect(d.notes).toEqual([
      'No questions for objective t-2.1; its weight went to the others.',
      'No questions for objective t-2.2; its weight went to the others.',
    ]);
  });

  it('exactly as many questions as asked needs no note', () => {
    const cards = tagged('a', 3, ['t-1.1']);
    const d = drawByBlueprint(cards, 3, { title: 'x', objectives: { 't-1.1': 1 } }, 4);
    expect(keys(d.cards).sort()).toEqual(keys(cards));
    expect(d.notes).toEqual([]);
  });

  it('the same seed draws the same exam; each card equally likely', () => {
    const cards = tagged('a', 6, ['t-1.1']);
    const bp = { title: 'x', objectives: { 't-1.1': 1 } };
    expect(keys(drawByBlueprint(cards, 3, bp, 9).cards)).toEqual(
      keys(drawByBlueprint(cards, 3, bp, 9).cards),
    );
    const drawn = new Map<string, number>();
    const first = new Map<string, number>();
    const runs = 3000;
    for (let seed = 1; seed <= runs; seed++) {
      const d = drawByBlueprint(cards, 3, bp, seed).cards;
      for (const c of d) drawn.set(c.key, (drawn.get(c.key) ?? 0) + 1);
      first.set(d[0]!.key, (first.get(d[0]!.key) ?? 0) + 1);
    }
    for (const c of cards) {
      expect(drawn.get(c.key)! / runs).toBeGreaterThan(0.45);
      expect(drawn.get(c.key)! / runs).toBeLessThan(0.55);
      expect(first.get(c.key)! / runs).toBeGreaterThan(0.13);
      expect(first.get(c.key)! / runs).toBeLessThan(0.2);
    }
  });
});
