import { describe, expect, it } from 'vitest';
import type { CardMarks, Memory } from '../../../../src/core/model.js';
import { newMemory } from '../../../../src/core/scheduler.js';
import { cardCounts, distributions, hardestCards } from '../../../../src/core/stats/cards.js';

const D = 20_522;
const m = (
  phase: Memory['phase'],
  scheduledDays: number,
  stability: number,
  difficulty: number,
  lapses = 0,
): Memory => ({
  ...newMemory(0),
  phase,
  scheduledDays,
  stability,
  difficulty,
  lapses,
});

const cards: Record<string, Memory> = {
  a: m('review', 0.5, 0.5, 1, 0), // interval <1d, stability <1d, difficulty 0%
  b: m('review', 5, 4, 5.5, 2), // 3-6d, 3-6d, (5.5-1)/9 = 50%
  c: m('review', 400, 500, 10, 5), // 1y+, 1y+, 100% (last bin)
  d: m('learning', 0, 1, 3, 0), // <1d, 1d, 22%
  e: m('relearning', 0, 2, 8, 2), // <1d, 2d, 78%
  s: m('review', 30, 30, 5, 9), // suspended: out of the distributions and the hardest
  f: { ...newMemory(0), phase: 'new' },
};
const marks: Record<string, CardMarks> = { s: { suspended: true }, b: { buriedDay: D } };
const keys = [...Object.keys(cards), 'never-studied'];
const recall: Record<string, number> = { a: 0.95, b: 0.5, c: 0.99, d: 0.3, e: 0.5, s: 0.1 };
const r = (x: Memory) => recall[Object.keys(cards).find((k) => cards[k] === x)!]!;

describe('cardCounts', () => {
  it('by state, suspended and buried apart', () => {
    expect(cardCounts(keys, { cards, marks }, D)).toEqual({
      new: 2, // f and never-studied
      learning: 1,
      review: 2, // a, c (b is buried)
      relearning: 1,
      suspended: 1,
      buried: 1,
      total: 8,
    });
    // The bury ends with its day.
    expect(cardCounts(keys, { cards, marks }, D + 1)).toMatchObject({ review: 3, buried: 0 });
  });
});

describe('distributions', () => {
  const d = distributions(keys, { cards, marks }, r);
  const counts = (bins: { count: number }[]) => bins.map((b) => b.count);

  it('studied cards that are not suspended: a, b, c, d, e', () => {
    expect(d.cards).toBe(5);
    // mean recall (0.95 + 0.5 + 0.99 + 0.3 + 0.5) / 5 = 0.648
    expect(d.meanRetrievability).toBe(0.648);
  });

  it('interval and stability in day bins', () => {
    expect(d.interval.map((b) => b.label)).toEqual([
      '<1d',
      '1d',
      '2d',
      '3-6d',
      '1-2w',
      '2-3w',
      '3w-1m',
      '1-2m',
      '2-3m',
      '3-6m',
      '6m-1y',
      '1y+',
    ]);
    expect(counts(d.interval)).toEqual([3, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(counts(d.stability)).toEqual([1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('difficulty and retrievability in ten bins of ten percent', () => {
    // 0%, 50%, 100%, 22%, 78% -> bins 0, 5, 9, 2, 7
    expect(counts(d.difficulty)).toEqual([1, 0, 1, 0, 0, 1, 0, 1, 0, 1]);
    // 0.95, 0.5, 0.99, 0.3, 0.5 -> bins 9, 5, 9, 3, 5
    expect(counts(d.retrievability)).toEqual([0, 0, 0, 1, 0, 2, 0, 0, 0, 2]);
    expect(d.retrievability[9]).toMatchObject({ label: '90-100%', from: 0.9, to: 1 });
  });
});

describe('hardestCards', () => {
  it('lowest recall first; most lapses first (ties: lower recall, then key); suspended out', () => {
    const h = hardestCards(keys, { cards, marks }, r, 3);
    expect(h.lowestRecall.map((c) => c.key)).toEqual(['d', 'b', 'e']);
    expect(h.mostLapses).toEqual([
      { key: 'c', retrievability: 0.99, lapses: 5 },
      { key: 'b', retrievability: 0.5, lapses: 2 },
      { key: 'e', retrievability: 0.5, lapses: 2 },
    ]);
  });
});

describe('hardestCards picks as a full sort would', () => {
  it('on 300 cards with ties, for n = 1, 7 and more than there are', () => {
    const many: Record<string, Memory> = {};
    const recalls = new Map<Memory, number>();
    for (let i = 0; i < 300; i++) {
      const mm = m('review', 5, 5, 5, (i * 7) % 11);
      many[`k${String(i).padStart(3, '0')}`] = mm;
      recalls.set(mm, ((i * 37) % 50) / 50);
    }
    const rOf = (x: Memory) => recalls.get(x)!;
    const all = Object.keys(many).map((key) => ({
      key,
      retrievability: Math.round(1000 * rOf(many[key]!)) / 1000,
      lapses: many[key]!.lapses,
    }));
    const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : 1);
    for (const n of [1, 7, 400]) {
      const h = hardestCards(Object.keys(many), { cards: many, marks: {} }, rOf, n);
      expect(h.lowestRecall).toEqual(
        [...all].sort((a, b) => a.retrievability - b.retrievability || byKey(a, b)).slice(0, n),
      );
      expect(h.mostLapses).toEqual(
        all
          .filter((c) => c.lapses > 0)
          .sort((a, b) => b.lapses - a.lapses || a.retrievability - b.retrievability || byKey(a, b))
          .slice(0, n),
      );
    }
  });
});
