// Per-deck daily limits: a deck's own new-per-day and reviews-per-day cap what that deck
// contributes; the global limits still cap the whole scope. Fixed clock.
import { describe, expect, it } from 'vitest';
import { deckLeft, resolveDeckLimits, withDeckLimit } from '../../../src/core/deck-limits.js';
import type { Memory } from '../../../src/core/model.js';
import {
  counts,
  countsByDeck,
  nextCard,
  type QueueInput,
  type Today,
} from '../../../src/core/queue.js';
import { newMemory } from '../../../src/core/scheduler.js';
import { resolveSettings } from '../../../src/core/settings.js';
import { cardsOf } from '../helpers.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const DAY = 86_400_000;

const review = (due: number): Memory => ({
  ...newMemory(due),
  phase: 'review',
  stability: 5,
  difficulty: 5,
  reps: 3,
  scheduledDays: 5,
  lastReview: due - 5 * DAY,
});

function input(
  deckLimits: unknown,
  over: { today?: Today; mem?: Record<string, Memory>; newPerDay?: number } = {},
): QueueInput {
  const mem = over.mem ?? {};
  return {
    cards: [...cardsOf('a', 10), ...cardsOf('b', 10)],
    memory: (k) => mem[k],
    now: T0,
    settings: resolveSettings({
      newPerDay: over.newPerDay ?? 6,
      reviewsPerDay: 100,
      fuzz: false,
      deckLimits,
    }),
    today: over.today ?? { newDone: 0, reviewsDone: 0 },
  };
}

describe('per-deck limits', () => {
  it("a deck's own new limit caps that deck; the global limit still caps the total", () => {
    const q = input({ a: { newPerDay: 2 } });
    const { total, byDeck } = countsByDeck(q);
    expect(byDeck.get('a')?.new).toBe(2);
    expect(byDeck.get('b')?.new).toBe(6);
    expect(total.new).toBe(6);
    expect(counts(q).new).toBe(6);
    // Both decks limited below the global limit: the total is their sum.
    expect(counts(input({ a: { newPerDay: 2 }, b: { newPerDay: 1 } })).new).toBe(3);
    // A deck limit above the global one does not raise it.
    expect(counts(input({ a: { newPerDay: 50 } }, { newPerDay: 3 })).new).toBe(3);
  });

  it('once a deck has introduced its own limit today, its new cards wait and the next comes from another deck', () => {
    const byDeck = new Map([['a', { newDone: 2, reviewsDone: 0 }]]);
    const q = input({ a: { newPerDay: 2 } }, { today: { newDone: 2, reviewsDone: 0, byDeck } });
    expect(nextCard(q)?.deckId).toBe('b');
    expect(countsByDeck(q).byDeck.get('a')?.new).toBe(0);
    expect(counts(q).new).toBe(4);
    // Without the other deck, the session is done.
    const onlyA = { ...q, cards: cardsOf('a', 10) };
    expect(nextCard(onlyA)).toBeNull();
    // Without the override, the same day serves deck a again.
    expect(nextCard(input({}, { today: { newDone: 2, reviewsDone: 0, byDeck } }))?.deckId).toBe(
      'a',
    );
  });

  it("a deck's own review limit caps its reviews and stops them once used up", () => {
    const mem: Record<string, Memory> = {};
    for (let i = 0; i < 5; i++) mem[`a/c${i}`] = review(T0 - (i + 1) * 60_000);
    const limits = { a: { reviewsPerDay: 2, newPerDay: 0 }, b: { newPerDay: 0 } };
    expect(counts(input(limits, { mem })).due).toBe(2);
    expect(nextCard(input(limits, { mem }))?.deckId).toBe('a');
    const byDeck = new Map([['a', { newDone: 0, reviewsDone: 2 }]]);
    const used = input(limits, { mem, today: { newDone: 0, reviewsDone: 2, byDeck } });
    expect(counts(used).due).toBe(0);
    expect(nextCard(used)).toBeNull();
  });

  it('deckLeft is unlimited where a deck has no override, and never negative', () => {
    expect(deckLeft({}, 'a', undefined).newLeft).toBe(Number.POSITIVE_INFINITY);
    expect(deckLeft({ a: { newPerDay: 3 } }, 'a', { newDone: 5, reviewsDone: 0 })).toEqual({
      newLeft: 0,
      reviewsLeft: Number.POSITIVE_INFINITY,
    });
  });
});

describe('stored per-deck limits', () => {
  it('keeps valid overrides and drops anything a hand edit broke', () => {
    expect(
      resolveDeckLimits({
        a: { newPerDay: 10, reviewsPerDay: -1 },
        b: { newPerDay: 1.5 },
        c: 'ten',
        d: { reviewsPerDay: 0 },
      }),
    ).toEqual({ a: { newPerDay: 10 }, d: { reviewsPerDay: 0 } });
    expect(resolveDeckLimits([1, 2])).toEqual({});
    expect(resolveSettings({ deckLimits: { a: { newPerDay: 10 } } }).deckLimits).toEqual({
      a: { newPerDay: 10 },
    });
    expect(resolveSettings({}).deckLimits).toEqual({});
  });

  it('sets one field and removes it again, dropping a deck left with none', () => {
    const one = withDeckLimit({}, 'a', 'newPerDay', 10);
    expect(one).toEqual({ a: { newPerDay: 10 } });
    const two = withDeckLimit(one, 'a', 'reviewsPerDay', 50);
    expect(two).toEqual({ a: { newPerDay: 10, reviewsPerDay: 50 } });
    expect(withDeckLimit(two, 'a', 'newPerDay', null)).toEqual({ a: { reviewsPerDay: 50 } });
    expect(withDeckLimit(one, 'a', 'newPerDay', null)).toEqual({});
  });
});
