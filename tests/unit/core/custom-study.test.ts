// Custom study over the ordinary queue: more new cards today, reviews ahead, filtered
// sessions (flagged, leeches, every card, a list of cards). Fixed clock.
import { describe, expect, it } from 'vitest';
import { customInput, describeCustom, parseCount } from '../../../src/core/custom-study.js';
import type { CardMarks, Memory } from '../../../src/core/model.js';
import { counts, nextCard, type QueueInput } from '../../../src/core/queue.js';
import { newMemory } from '../../../src/core/scheduler.js';
import { resolveSettings } from '../../../src/core/settings.js';
import { cardsOf } from '../helpers.js';

const T0 = Date.parse('2026-03-02T10:00:00Z'); // study day began 04:00 UTC
const DAY = 86_400_000;

const review = (due: number, lastReview = T0 - 5 * DAY): Memory => ({
  ...newMemory(due),
  phase: 'review',
  stability: 5,
  difficulty: 5,
  reps: 3,
  scheduledDays: 5,
  lastReview,
});

function input(mem: Record<string, Memory>, hidden: string[] = []): QueueInput {
  return {
    cards: cardsOf('d', 10),
    memory: (k) => mem[k],
    now: T0,
    settings: resolveSettings({ newPerDay: 2, reviewsPerDay: 1, fuzz: false, dayStartsAt: 4 }),
    today: { newDone: 2, reviewsDone: 1 },
    hidden: (k) => hidden.includes(k),
  };
}

const noMarks = () => undefined;

describe('custom study', () => {
  it('more new cards raises the day limit by that many, for this session only', () => {
    const base = input({});
    expect(counts(base).new).toBe(0);
    expect(nextCard(base)).toBeNull();
    const more = customInput(base, { kind: 'more-new', count: 3 }, noMarks);
    expect(counts(more).new).toBe(3);
    expect(nextCard(more)?.key).toBe('d/c0');
    // Deck overrides are raised too, so the deck's own limit does not hold them back.
    const limited = {
      ...base,
      settings: resolveSettings({ newPerDay: 2, deckLimits: { d: { newPerDay: 1 } } }),
      today: { ...base.today, byDeck: new Map([['d', { newDone: 1, reviewsDone: 0 }]]) },
    };
    expect(counts(customInput(limited, { kind: 'more-new', count: 3 }, noMarks)).new).toBe(3);
  });

  it('reviews ahead brings reviews due within N study days forward, not new cards, each once', () => {
    const mem: Record<string, Memory> = {
      'd/c0': review(T0 + 1 * DAY), // due tomorrow (day 1)
      'd/c1': review(T0 + 3 * DAY), // day 3
      'd/c2': review(T0 + 9 * DAY), // day 9: beyond 3 days ahead
      'd/c3': review(T0 + 2 * DAY, T0 - 60_000), // answered today already
    };
    const q = input(mem);
    expect(counts(q).due).toBe(0);
    const ahead = customInput(q, { kind: 'ahead', days: 3 }, noMarks);
    expect(counts(ahead)).toMatchObject({ new: 0, due: 2 });
    expect(nextCard(ahead)?.key).toBe('d/c0');
    expect(counts(customInput(q, { kind: 'ahead', days: 1 }, noMarks)).due).toBe(1);
  });

  it('flagged and leeches pick their cards, due or not, suspended leeches included', () => {
    const marks: Record<string, CardMarks> = {
      'd/c1': { flagged: true },
      'd/c4': { leech: true, suspended: true },
    };
    const mem = { 'd/c1': review(T0 + 30 * DAY), 'd/c4': review(T0 + 10 * DAY) };
    const q = input(mem, ['d/c4']);
    const flagged = customInput(q, { kind: 'flagged' }, (k) => marks[k]);
    expect(flagged.cards.map((c) => c.key)).toEqual(['d/c1']);
    expect(nextCard(flagged)?.key).toBe('d/c1');
    const leeches = customInput(q, { kind: 'leeches' }, (k) => marks[k]);
    expect(nextCard(leeches)?.key).toBe('d/c4');
    expect(counts(leeches).due).toBe(1);
    // Every card: new ones without the day's limit, hidden ones still left out.
    const all = customInput(q, { kind: 'all' }, (k) => marks[k]);
    expect(counts(all)).toMatchObject({ new: 8, due: 1 });
  });

  it('a list of cards: those of the scope, due or not, new ones beyond the day limit, each once', () => {
    const mem: Record<string, Memory> = {
      'd/c2': review(T0 + 40 * DAY), // not due for weeks
      'd/c5': review(T0 + 2 * DAY, T0 - 60_000), // answered today already
      'd/c7': review(T0 + 3 * DAY),
    };
    const q = input(mem, ['d/c7']);
    expect(counts(q)).toMatchObject({ new: 0, due: 0 });
    const keys = ['d/c2', 'd/c5', 'd/c7', 'd/c9', 'other/c1'];
    const listed = customInput(q, { kind: 'cards', keys, label: 'hardest cards' }, noMarks);
    // 'other/c1' is outside the scope; the others stay in the deck's order.
    expect(listed.cards.map((c) => c.key)).toEqual(['d/c2', 'd/c5', 'd/c7', 'd/c9']);
    // c2 and c7 (picked by hand, so shown though hidden) now, c9 new despite the limit
    // reached; c5 not again today.
    expect(counts(listed)).toMatchObject({ new: 1, due: 2 });
    expect(listed.memory('d/c2')?.due).toBe(T0);
    expect(listed.memory('d/c5')?.due).toBe(T0 + 2 * DAY);
    expect(nextCard(listed)?.key).toBe('d/c2');
    expect(describeCustom({ kind: 'cards', keys, label: 'hardest cards' })).toBe('hardest cards');
    // The session asks nothing of the marks: a card is picked by its key alone.
    const marked = customInput(q, { kind: 'cards', keys: [], label: 'x' }, () => ({
      flagged: true,
      leech: true,
    }));
    expect(marked.cards).toEqual([]);
  });

  it('names each session and reads counts of 1 to 9999 only', () => {
    expect(describeCustom({ kind: 'ahead', days: 1 })).toBe('reviews ahead 1 day');
    expect(describeCustom({ kind: 'more-new', count: 5 })).toBe('5 more new');
    expect(parseCount(' 12 ')).toBe(12);
    for (const bad of ['0', '-1', '1.5', 'x', '', '10000']) expect(parseCount(bad)).toBeNull();
  });
});
