// Per-deck counts of the day are read from the log once and then kept current answer by
// answer: after any run of answers, undos, buries and waits (across the 04:00 day boundary),
// they must equal what folding the whole log again gives, and a collection opened afresh
// on the same store must serve the same counts and the same next card. A custom session of
// more new cards, served by the queue index too, must serve what the full scan serves.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Collection } from '../../../src/app/collection.js';
import { studyDay } from '../../../src/core/clock.js';
import { customInput } from '../../../src/core/custom-study.js';
import { type DeckToday, deckDayCounts } from '../../../src/core/deck-limits.js';
import type { Grade } from '../../../src/core/model.js';
import { ALL, type Scope } from '../../../src/core/ports.js';
import { counts, nextCard } from '../../../src/core/queue.js';
import { loadDecks } from '../../../src/decks/load.js';
import { Store } from '../../../src/store/store.js';

// Counts the collection's reads of a day's records from the log.
const log = vi.hoisted(() => ({ reads: 0 }));
vi.mock('../../../src/store/day-records.js', async (original) => {
  const mod = await original<typeof import('../../../src/store/day-records.js')>();
  return {
    readDayRecords: (...args: Parameters<typeof mod.readDayRecords>) => {
      log.reads++;
      return mod.readDayRecords(...args);
    },
  };
});

const T0 = Date.parse('2026-03-02T10:00:00Z');
const MIN = 60_000;

// Three decks; reverses make sibling pairs, so burying siblings has something to hide.
function writeDecks(dir: string): void {
  const deck = (id: string, cards: string[]) =>
    writeFileSync(
      join(dir, `${id}.yaml`),
      [`id: ${id}`, `title: Deck ${id}`, 'cards:', ...cards].join('\n'),
    );
  const basic = (id: string, reverse = false) =>
    `  - {id: ${id}, type: basic, front: "Q ${id}?", back: "A ${id}", ref: t${reverse ? ', reverse: true' : ''}}`;
  deck('da', [basic('a0', true), basic('a1'), basic('a2', true), basic('a3')]);
  deck('db', [basic('b0'), basic('b1', true), basic('b2'), basic('b3')]);
  deck('dc', [basic('c0'), basic('c1', true), basic('c2')]);
}

type Op =
  | { t: 'next'; grade: Grade; more: boolean }
  | { t: 'any'; card: number; grade: Grade }
  | { t: 'undo' }
  | { t: 'bury'; card: number }
  | { t: 'wait'; minutes: number }
  | { t: 'reopen' };

const grade = fc.constantFrom<Grade>(1, 2, 3, 4);
const cardNo = fc.nat(20);
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    // `more`: in a custom session of more new cards, which the queue index also serves.
    arbitrary: fc.record({ t: fc.constant('next' as const), grade, more: fc.boolean() }),
    weight: 6,
  },
  { arbitrary: fc.record({ t: fc.constant('any' as const), card: cardNo, grade }), weight: 3 },
  { arbitrary: fc.record({ t: fc.constant('undo' as const) }), weight: 3 },
  { arbitrary: fc.record({ t: fc.constant('bury' as const), card: cardNo }), weight: 1 },
  {
    arbitrary: fc.record({
      t: fc.constant('wait' as const),
      // Minutes, hours, and the better part of a day: the 04:00 boundary gets crossed.
      minutes: fc.oneof(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 60, max: 600 }),
        fc.integer({ min: 1000, max: 1500 }),
      ),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ t: fc.constant('reopen' as const) }), weight: 1 },
);

const limits = fc.record({
  da: fc.record({ newPerDay: fc.constantFrom(0, 1, 2), reviewsPerDay: fc.constantFrom(0, 1, 3) }),
  db: fc.record({ newPerDay: fc.constantFrom(1, 3) }),
});

/** Zero counts and missing decks mean the same: compare without them. */
function plain(m: ReadonlyMap<string, DeckToday> | undefined): Record<string, DeckToday> {
  const out: Record<string, DeckToday> = {};
  for (const [deck, d] of [...(m ?? [])].sort(([a], [b]) => a.localeCompare(b)))
    if (d.newDone !== 0 || d.reviewsDone !== 0) out[deck] = d;
  return out;
}

const MORE: Scope = { ...ALL, custom: { kind: 'more-new', count: 2 } };

const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

async function run(
  deckLimits: Record<string, object>,
  burySiblings: boolean,
  ops: Op[],
): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'hr-tally-'));
  const deckDir = join(root, 'decks');
  const dataDir = join(root, 'data');
  mkdirSync(deckDir);
  writeDecks(deckDir);
  const store = await Store.open({ dataDir, device: 'dev', now: () => T0, readOnly: false });
  stores.push(store);
  store.setSettings({ ...store.settings, deckLimits, burySiblings, newPerDay: 20 });
  const load = () => loadDecks([deckDir]);
  const loaded = await load();
  const open = () => new Collection(loaded, store, 'dev', load);
  let c = open();
  const cards = c.cards(ALL);
  const readAll = store.readAllRecords.bind(store);
  let now = T0;
  let sinceNew = 0;

  const check = () => {
    const day = studyDay(now, c.settings().dayStartsAt);
    const got = c.today(now).byDeck;
    const want = deckDayCounts(readAll(), day, (key) => c.card(key)?.deckId ?? '?');
    expect(plain(got)).toEqual(plain(want));
    const fresh = open();
    expect(c.counts(ALL, now)).toEqual(fresh.counts(ALL, now));
    expect(c.next(ALL, now, sinceNew)?.key ?? null).toBe(
      fresh.next(ALL, now, sinceNew)?.key ?? null,
    );
    // More new cards, served incrementally, against the full scan of the custom input.
    const more = customInput(c.queueInput(ALL, now), MORE.custom!, (key) => c.marks(key));
    expect(c.counts(MORE, now)).toEqual(counts(more));
    expect(c.next(MORE, now, sinceNew)?.key ?? null).toBe(nextCard(more, sinceNew)?.key ?? null);
  };

  check();
  for (const o of ops) {
    switch (o.t) {
      case 'next': {
        const card = c.next(o.more ? MORE : ALL, now, sinceNew);
        if (!card) break;
        const wasNew = c.phase(card.key) === 'new';
        const r = c.answer({ card, grade: o.grade, now, tookMs: 1000, shown: c.memory(card.key) });
        if (!r.ok) throw new Error(r.error);
        sinceNew = wasNew ? 0 : sinceNew + 1;
        now += MIN;
        break;
      }
      case 'any': {
        const card = cards[o.card % cards.length]!;
        const r = c.answer({ card, grade: o.grade, now, tookMs: 1000, shown: c.memory(card.key) });
        if (!r.ok) throw new Error(r.error);
        now += MIN;
        break;
      }
      case 'undo': {
        const r = c.undo(now);
        if (!r.ok) throw new Error(r.error);
        now += 1000;
        break;
      }
      case 'bury': {
        const r = c.bury(cards[o.card % cards.length]!, now);
        if (!r.ok) throw new Error(r.error);
        break;
      }
      case 'wait':
        now += o.minutes * MIN;
        break;
      case 'reopen':
        c = open();
        break;
    }
    check();
  }
}

/** A collection over the three decks with per-deck limits, and a fresh reads count. */
async function counted(deckLimits: Record<string, object>) {
  const root = mkdtempSync(join(tmpdir(), 'hr-tally-'));
  const deckDir = join(root, 'decks');
  mkdirSync(deckDir);
  writeDecks(deckDir);
  const dataDir = join(root, 'data');
  const store = await Store.open({ dataDir, device: 'dev', now: () => T0, readOnly: false });
  stores.push(store);
  store.setSettings({ ...store.settings, deckLimits });
  const load = () => loadDecks([deckDir]);
  const loaded = await load();
  const open = () => new Collection(loaded, store, 'dev', load);
  const c = open();
  log.reads = 0;
  return { c, open };
}

describe('per-deck counts kept current', () => {
  it('property: equal the full fold of the log after any answers, undos, buries and waits', async () => {
    await fc.assert(
      fc.asyncProperty(limits, fc.boolean(), fc.array(op, { minLength: 1, maxLength: 30 }), run),
      { numRuns: 40 },
    );
  });

  it('reads the log once per session and study day, not after each answer or undo', async () => {
    const { c, open } = await counted({ da: { newPerDay: 2 }, db: { newPerDay: 1 } });
    let now = T0;
    // Nothing answered today: nothing to read.
    expect(c.counts(ALL, now).new).toBe(7); // da 2, db 1, dc: its 3 cards and a reverse
    expect(log.reads).toBe(0);
    for (let i = 0; i < 5; i++) {
      const card = c.next(ALL, now, 0)!;
      const r = c.answer({ card, grade: 3, now, tookMs: 1000, shown: c.memory(card.key) });
      expect(r.ok).toBe(true);
      now += MIN;
      c.counts(ALL, now);
    }
    expect(c.undo(now).ok).toBe(true);
    expect(c.undo(now + 1000).ok).toBe(true);
    const got = c.counts(ALL, now + 2000);
    expect(log.reads).toBe(0);
    // A collection opened now reads the day's answers from the log, once, and counts the same.
    const again = open();
    expect(again.counts(ALL, now + 2000)).toEqual(got);
    expect(log.reads).toBe(1);
    const card = again.next(ALL, now + 3000, 0)!;
    const r = again.answer({ card, grade: 3, now: now + 3000, tookMs: 1000, shown: null });
    expect(r.ok).toBe(true);
    again.counts(ALL, now + 4000);
    expect(log.reads).toBe(1);
    // 04:00 the next morning: a new study day with nothing answered yet, nothing to read.
    const tomorrow = Date.parse('2026-03-03T04:00:00Z');
    expect(c.counts(ALL, tomorrow).new).toBeGreaterThan(0);
    c.next(ALL, tomorrow, 0);
    expect(log.reads).toBe(1);
  });

  it('reads a day of reviews only (no new card answered) from the log too', async () => {
    const { c, open } = await counted({ da: { reviewsPerDay: 1 } });
    const DA = { decks: ['da'], tag: null };
    const cards = c.cards(DA);
    for (const card of cards)
      expect(c.answer({ card, grade: 4, now: T0, tookMs: 1000, shown: null }).ok).toBe(true);
    // Days later every card of da is a review due; one is answered, which uses da's limit.
    const later = Math.max(...cards.map((card) => c.memory(card.key)!.due)) + MIN;
    const card = cards[1]!;
    expect(
      c.answer({ card, grade: 3, now: later, tookMs: 1000, shown: c.memory(card.key) }).ok,
    ).toBe(true);
    // Both the session, first asked on that day after the answer, and a new one read it.
    expect(c.counts(DA, later + 1000).due).toBe(0);
    expect(open().counts(DA, later + 1000).due).toBe(0);
    expect(log.reads).toBe(2);
  });
});
