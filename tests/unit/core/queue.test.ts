import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deckCards } from '../../../src/core/cards.js';
import type { Memory } from '../../../src/core/model.js';
import {
  counts,
  countsByDeck,
  countsWithin,
  LEARN_AHEAD_MS,
  nextCard,
  nextDueAfter,
  nextFrom,
  type QueueInput,
} from '../../../src/core/queue.js';
import { newMemory, Scheduler } from '../../../src/core/scheduler.js';
import { resolveSettings } from '../../../src/core/settings.js';
import { basic, cardsOf, deckOf } from '../helpers.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const DAY = 86_400_000;
const HOUR = 3_600_000;

function input(over: Partial<QueueInput> & { mem?: Record<string, Memory> } = {}): QueueInput {
  const mem = over.mem ?? {};
  return {
    cards: cardsOf('d', 30),
    memory: (k) => mem[k],
    now: T0,
    settings: resolveSettings({ newPerDay: 5, reviewsPerDay: 3, dayStartsAt: 4, fuzz: false }),
    today: { newDone: 0, reviewsDone: 0 },
    ...over,
  };
}

const review = (due: number): Memory => ({
  ...newMemory(due),
  phase: 'review',
  stability: 5,
  difficulty: 5,
  reps: 3,
  scheduledDays: 5,
  lastReview: due - 5 * DAY,
});

describe('queue', () => {
  it('limits new cards per day, counting those already introduced today', () => {
    expect(counts(input()).new).toBe(5);
    expect(counts(input({ today: { newDone: 4, reviewsDone: 0 } })).new).toBe(1);
    expect(nextCard(input({ today: { newDone: 5, reviewsDone: 0 } }))).toBeNull();
  });

  it('caps reviews per day and counts only those due before the next day starts', () => {
    const mem: Record<string, Memory> = {};
    for (let i = 0; i < 6; i++) mem[`d/c${i}`] = review(T0 - i * 1000);
    mem['d/c6'] = review(Date.parse('2026-03-03T03:59:00Z')); // before 04:00 tomorrow: due today
    mem['d/c7'] = review(Date.parse('2026-03-03T04:00:00Z')); // tomorrow
    expect(
      counts(input({ mem, settings: resolveSettings({ reviewsPerDay: 100, dayStartsAt: 4 }) })).due,
    ).toBe(7);
    expect(counts(input({ mem })).due).toBe(3);
  });

  it('serves due learning cards first, then spreads new cards among reviews', () => {
    const mem: Record<string, Memory> = {
      'd/c0': review(T0 - DAY),
      'd/c1': review(T0 - DAY),
      'd/c2': { ...review(T0 - 60_000), phase: 'learning' },
    };
    expect(nextCard(input({ mem }))?.key).toBe('d/c2');
    delete mem['d/c2'];
    const q = input({ mem, settings: resolveSettings({ newPerDay: 1, reviewsPerDay: 10 }) });
    expect(nextCard(q, 0)?.key).toBe('d/c0');
    expect(nextCard(q, 2)?.key).toBe('d/c2');
  });

  it('learns ahead up to 20 minutes once nothing else is left', () => {
    const cards = cardsOf('d', 1);
    const soon = { ...review(T0 + 15 * 60_000), phase: 'learning' as const };
    expect(nextCard(input({ cards, mem: { 'd/c0': soon } }))?.key).toBe('d/c0');
    const later = { ...soon, due: T0 + 30 * 60_000 };
    expect(nextCard(input({ cards, mem: { 'd/c0': later } }))).toBeNull();
    const edge = { ...soon, due: T0 + 20 * 60_000 };
    expect(nextCard(input({ cards, mem: { 'd/c0': edge } }))?.key).toBe('d/c0');
    expect(nextCard(input({ cards, mem: { 'd/c0': { ...edge, due: edge.due + 1 } } }))).toBeNull();
  });

  it('serves the soonest learning card among several, in deck order on a tie', () => {
    const learning = (due: number): Memory => ({ ...review(due), phase: 'learning' });
    const mem = { 'd/c3': learning(T0 + 9 * 60_000), 'd/c1': learning(T0 + 5 * 60_000) };
    const cards = cardsOf('d', 4);
    const q = input({ cards, mem, settings: resolveSettings({ newPerDay: 0 }) });
    expect(nextCard(q)?.key).toBe('d/c1'); // learning ahead: the sooner one
    mem['d/c3'] = learning(T0 - 60_000);
    mem['d/c1'] = learning(T0 - 60_000);
    expect(nextCard(q)?.key).toBe('d/c1'); // both due now at the same time: deck order
  });

  it('serves overdue reviews least recalled first, then today’s by due time', () => {
    const mem: Record<string, Memory> = {
      'd/c0': review(T0 + HOUR), // due later today
      'd/c1': review(T0 - 3 * DAY),
      'd/c2': review(T0 - 2 * DAY),
      'd/c3': review(T0 - HOUR), // due today, earlier
    };
    const recall: Record<string, number> = { 'd/c1': 0.8, 'd/c2': 0.6 };
    const q = input({
      cards: cardsOf('d', 4),
      mem,
      settings: resolveSettings({ newPerDay: 0, reviewsPerDay: 10 }),
      retrievability: (m) => recall[Object.keys(mem).find((k) => mem[k] === m)!] ?? 1,
    });
    const order: string[] = [];
    for (let card = nextCard(q); card; card = nextCard(q)) {
      order.push(card.key);
      delete mem[card.key];
    }
    expect(order).toEqual(['d/c2', 'd/c1', 'd/c3', 'd/c0']);
  });

  it('buries the siblings of a card answered today', () => {
    const cards = deckCards(deckOf('d', [basic('x', { reverse: true } as never), basic('y')]));
    const s = new Scheduler(resolveSettings({ fuzz: false }));
    const mem = { 'd/x': s.answer(newMemory(T0 - 60_000), T0 - 60_000, 4, 'd/x') };
    const q = input({ cards, mem });
    expect(nextCard(q)?.key).toBe('d/y');
    expect(counts(q).new).toBe(1);
    expect(counts({ ...q, settings: { ...q.settings, burySiblings: false } }).new).toBe(2);
  });

  it('property: a day of random answers never exceeds the limits nor serves a buried sibling', () => {
    const cards = deckCards(
      deckOf(
        'p',
        Array.from({ length: 12 }, (_, i) => basic(`e${i}`, { reverse: i % 2 === 0 } as never)),
      ),
    );
    const settings = resolveSettings({
      newPerDay: 6,
      reviewsPerDay: 4,
      fuzz: false,
      dayStartsAt: 4,
    });
    const s = new Scheduler(settings);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(1, 2, 3, 4), { minLength: 1, maxLength: 60 }),
        (grades) => {
          const mem: Record<string, Memory> = {};
          const today = { newDone: 0, reviewsDone: 0 };
          const answeredSiblings = new Map<string, string>();
          let now = T0;
          for (const g of grades) {
            const card = nextCard({ cards, memory: (k) => mem[k], now, settings, today });
            if (!card) break;
            const before = mem[card.key];
            if (!before || before.phase === 'new') {
              const other = answeredSiblings.get(card.sibling);
              expect(other === undefined || other === card.key).toBe(true);
              today.newDone++;
            }
            answeredSiblings.set(card.sibling, card.key);
            mem[card.key] = s.answer(before ?? newMemory(now), now, g as 1 | 2 | 3 | 4, card.key);
            now += 30_000;
          }
          expect(today.newDone).toBeLessThanOrEqual(6);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('countsByDeck', () => {
  it('gives each deck what a session over it alone would count, in one pass', () => {
    const cards = [...cardsOf('a', 4), ...cardsOf('b', 9)];
    const mem: Record<string, Memory> = {
      'b/c0': review(T0 - 2 * DAY),
      'b/c1': review(T0),
      'a/c2': { ...review(T0 + HOUR), phase: 'learning' },
    };
    const q = input({ cards, mem });
    const { total, byDeck } = countsByDeck(q);
    expect(total).toEqual(counts(q));
    for (const d of ['a', 'b'])
      expect(byDeck.get(d)).toEqual(counts({ ...q, cards: cards.filter((c) => c.deckId === d) }));
    expect(byDeck.get('a')?.learning).toBe(1);
  });
});

describe('the daily limits', () => {
  const settings = resolveSettings({ newPerDay: 4, reviewsPerDay: 5 });
  const today = (newDone: number, reviewsDone: number) => ({ newDone, reviewsDone });

  it('counts what is left of each limit today, and overdue within the due count', () => {
    const all = { fresh: 10, learning: 2, reviews: 9, overdue: 7 };
    expect(countsWithin(all, settings, today(0, 0))).toEqual({
      new: 4,
      learning: 2,
      due: 5,
      overdue: 5,
    });
    expect(countsWithin(all, settings, today(3, 3))).toEqual({
      new: 1,
      learning: 2,
      due: 2,
      overdue: 2,
    });
    expect(countsWithin({ ...all, overdue: 1 }, settings, today(9, 9))).toEqual({
      new: 0,
      learning: 2,
      due: 0,
      overdue: 0,
    });
    expect(countsWithin({ ...all, overdue: 1 }, settings, today(0, 0)).overdue).toBe(1);
  });

  it.each([
    // learning due now, new cards, reviews, new done, reviews done, since new -> from
    [true, 3, 3, 0, 0, 0, 'learning'],
    [false, 5, 6, 2, 0, 1, 'review'], // 2 new left, 5 reviews: a new card every 2 reviews
    [false, 5, 6, 2, 0, 2, 'new'],
    [false, 5, 6, 0, 0, 0, 'review'], // 4 new left, 5 reviews: a new card after each review
    [false, 5, 6, 0, 0, 1, 'new'],
    [false, 1, 6, 0, 0, 2, 'review'], // 1 new, 5 reviews: the new card after 5
    [false, 1, 6, 0, 3, 2, 'new'], // 1 new, 2 reviews left: after 2
    [false, 1, 0, 0, 0, 0, 'new'],
    [false, 0, 3, 0, 0, 0, 'review'],
    [false, 3, 3, 4, 5, 0, 'ahead'], // limits reached: learning within 20 minutes
    [false, 0, 0, 0, 0, 0, null], // nothing, and the learning card is too far ahead
  ] as const)(
    'learning %s, %i new, %i reviews, done %i/%i, %i since new: %s',
    (learningNow, fresh, reviews, newDone, reviewsDone, sinceNew, from) => {
      const laterIn = from === null ? LEARN_AHEAD_MS + 1 : LEARN_AHEAD_MS;
      expect(
        nextFrom(
          { learningNow, fresh, reviews, laterIn },
          settings,
          today(newDone, reviewsDone),
          sinceNew,
        ),
      ).toBe(from);
    },
  );
});

describe('nextDueAfter', () => {
  it('is the earliest due time after now among cards studied and not hidden', () => {
    const mem: Record<string, Memory> = {
      'd/c0': review(T0 + 3 * HOUR),
      'd/c1': { ...review(T0 + HOUR), phase: 'learning' },
      'd/c2': review(T0 - HOUR), // available now: not "next"
      'd/c3': review(T0 + 2 * HOUR),
      'd/c4': { ...newMemory(T0 + 60_000) }, // new: comes with the daily limit, not a due time
    };
    const q = input({ cards: cardsOf('d', 6), mem });
    expect(nextDueAfter(q)).toBe(T0 + HOUR);
    expect(nextDueAfter({ ...q, hidden: (k) => k === 'd/c1' })).toBe(T0 + 2 * HOUR);
    expect(nextDueAfter({ ...q, cards: cardsOf('d', 6).slice(4) })).toBeNull();
  });
});
