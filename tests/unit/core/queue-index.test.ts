// The incremental queue must serve exactly what the full scan serves, step after step.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { deckCards } from '../../../src/core/cards.js';
import { dayStart, studyDay } from '../../../src/core/clock.js';
import type { DeckLimits, DeckToday } from '../../../src/core/deck-limits.js';
import type { Card, CardMarks, Entry, Grade, Memory } from '../../../src/core/model.js';
import { isHidden } from '../../../src/core/progress.js';
import {
  counts,
  countsWithin,
  plan,
  type QueueInput,
  type Today,
} from '../../../src/core/queue.js';
import { type IndexSource, QueueIndex } from '../../../src/core/queue-index.js';
import { newMemory, Scheduler } from '../../../src/core/scheduler.js';
import { resolveSettings, type Settings } from '../../../src/core/settings.js';
import { basic, deckOf } from '../helpers.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const MIN = 60_000;
const pos = { file: 'test.yaml', line: 1, col: 1 };

const saved = process.env.TZ;
afterEach(() => {
  process.env.TZ = saved;
});

const cloze = (id: string, text: string, tags: string[] = []): Entry =>
  ({ id, type: 'cloze', text, tags, pos }) as Entry;

// Three decks with siblings of every kind: reverses, cloze deletions, term pairs; a tag
// that cuts across decks.
const DECKS = [
  deckOf('a', [
    basic('a0', { reverse: true, tags: ['x'] } as never),
    basic('a1'),
    basic('a2', { tags: ['x'] }),
    basic('a3', { reverse: true } as never),
    basic('a4'),
    cloze('a5', '{{c1::one}} {{c2::two}} {{c3::three}}', ['x']),
    basic('a6'),
  ]),
  deckOf('b', [
    cloze('b0', '{{c1::kvm}} and {{c2::qemu}}'),
    basic('b1', { tags: ['x'] }),
    basic('b2', { reverse: true, tags: ['x'] } as never),
    basic('b3'),
    basic('b4'),
  ]),
  deckOf('c', [
    {
      id: 'c0',
      type: 'terms',
      prompt: 'Which?',
      terms: [
        { term: 'Alpha', definition: 'first' },
        { term: 'Beta', definition: 'second' },
        { term: 'Gamma', definition: 'third' },
      ],
      tags: [],
      pos,
    } as Entry,
    basic('c1', { reverse: true } as never),
    basic('c2'),
  ]),
];
const BY_DECK = new Map(DECKS.map((d) => [d.id, deckCards(d)]));
const ALL_CARDS = [...BY_DECK.values()].flat();
const BY_KEY = new Map(ALL_CARDS.map((c) => [c.key, c]));

/** Scopes as DeckIndex builds them: decks in the order given, then the tag filter. */
const SCOPES: { decks: string[] | null; tag: string | null }[] = [
  { decks: null, tag: null },
  { decks: ['a'], tag: null },
  { decks: ['c', 'b'], tag: null },
  { decks: null, tag: 'x' },
  { decks: ['b'], tag: 'x' },
  { decks: ['a', 'a'], tag: null },
  { decks: ['c'], tag: 'x' }, // no card: an empty scope
];
function scopeCards(i: number): Card[] {
  const s = SCOPES[i]!;
  const all = (s.decks ?? DECKS.map((d) => d.id)).flatMap((id) => BY_DECK.get(id) ?? []);
  return s.tag ? all.filter((c) => c.tags.includes(s.tag!)) : all;
}

type Op =
  | { t: 'answer'; grade: Grade }
  | { t: 'answerAny'; card: number; grade: Grade }
  | { t: 'wait'; minutes: number }
  | { t: 'mark'; card: number; kind: 'bury' | 'unbury' | 'suspend' | 'unsuspend' | 'flag' }
  | { t: 'undo'; rebuild: boolean }
  | {
      t: 'limits';
      newPerDay: number;
      reviewsPerDay: number;
      burySiblings: boolean;
      deckLimits: Record<string, DeckLimits>;
    }
  | { t: 'scope'; scope: number }
  | { t: 'skip'; card: number | null }
  | { t: 'skipNext' };

/** Daily limits: tight ones shape what is served, loose ones leave every count exact. */
const limit = fc.constantFrom(0, 1, 3, 5, 50);
/** Per-deck limits on some of the decks: often none, often a tight one. */
const deckLimits: fc.Arbitrary<Record<string, DeckLimits>> = fc.oneof(
  fc.constant({}),
  fc
    .record({
      a: fc.option(fc.record({ newPerDay: limit, reviewsPerDay: limit }, { requiredKeys: [] })),
      c: fc.option(fc.record({ newPerDay: limit, reviewsPerDay: limit }, { requiredKeys: [] })),
    })
    .map((r) => {
      const out: Record<string, DeckLimits> = {};
      if (r.a) out.a = r.a;
      if (r.c) out.c = r.c;
      return out;
    }),
);

const grade = fc.constantFrom<Grade>(1, 2, 3, 4);
const cardNo = fc.nat(ALL_CARDS.length - 1);
const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ t: fc.constant('answer' as const), grade }), weight: 8 },
  {
    arbitrary: fc.record({ t: fc.constant('answerAny' as const), card: cardNo, grade }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      t: fc.constant('wait' as const),
      minutes: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 60, max: 2000 })),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      t: fc.constant('mark' as const),
      card: cardNo,
      kind: fc.constantFrom('bury' as const, 'unbury' as const, 'suspend' as const),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      t: fc.constant('mark' as const),
      card: cardNo,
      kind: fc.constantFrom('unsuspend' as const, 'flag' as const),
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ t: fc.constant('undo' as const), rebuild: fc.boolean() }), weight: 2 },
  {
    arbitrary: fc.record({
      t: fc.constant('limits' as const),
      newPerDay: limit,
      reviewsPerDay: limit,
      burySiblings: fc.boolean(),
      deckLimits,
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({ t: fc.constant('scope' as const), scope: fc.nat(SCOPES.length - 1) }),
    weight: 1,
  },
  { arbitrary: fc.record({ t: fc.constant('skip' as const), card: fc.option(cardNo) }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('skipNext' as const) }), weight: 2 },
);

type Seed = {
  phase: 'new' | 'learning' | 'relearning' | 'review';
  /** Due time from the start, in hours: coarse, so that due times tie. */
  dueH: number;
  /** Last answered this many minutes before the start (some today, some days ago). */
  agoMin: number;
  stability: number;
} | null;

/**
 * A card's state before the run: new (no memory, or one in the new phase), or a memory due
 * anywhere from weeks ago to days ahead. Coarse times make due times and recall tie, so
 * the tie-breaks are exercised.
 */
const seed: fc.Arbitrary<Seed> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 2 },
  {
    arbitrary: fc.constant({ phase: 'new' as const, dueH: 0, agoMin: 0, stability: 0 }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      phase: fc.constantFrom('learning' as const, 'relearning' as const),
      dueH: fc.integer({ min: -3, max: 10 }),
      agoMin: fc.integer({ min: 1, max: 600 }),
      stability: fc.constantFrom(0.5, 2),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      phase: fc.constant('review' as const),
      dueH: fc.oneof(
        fc.integer({ min: -240, max: -3 }).map((h) => h * 2),
        fc.constantFrom(-6, -4, 0, 0, 2, 6, 12),
        fc.integer({ min: 9, max: 60 }).map((h) => h * 2),
      ),
      agoMin: fc.oneof(
        fc.integer({ min: 1, max: 60 * 24 * 40 }),
        fc.integer({ min: 1, max: 30 }).map((d) => d * 24 * 60),
      ),
      stability: fc.constantFrom(0.5, 1, 3, 10, 40),
    }),
    weight: 3,
  },
);

function seeded(s: NonNullable<Seed>): Memory {
  if (s.phase === 'new') return newMemory(T0);
  return {
    ...newMemory(T0),
    phase: s.phase,
    due: T0 + s.dueH * 60 * MIN,
    stability: s.stability,
    difficulty: 5,
    scheduledDays: s.phase === 'review' ? Math.max(1, Math.round(s.stability)) : 0,
    learningSteps: s.phase === 'review' ? 0 : 1,
    reps: 3,
    lapses: s.phase === 'relearning' ? 1 : 0,
    lastReview: T0 - s.agoMin * MIN,
  };
}

/** The world both queues read: memories, marks, per-day counts, settings and the clock. */
class World {
  mem: Record<string, Memory> = {};
  marks: Record<string, CardMarks> = {};
  days = new Map<number, { newDone: number; reviewsDone: number }>();
  /** The same per deck: what per-deck limits count against. */
  byDeck = new Map<number, Map<string, DeckToday>>();
  undo: { key: string; before: Memory | undefined; day: number; kind: keyof DeckToday | null }[] =
    [];
  settings: Settings;
  sched: Scheduler;
  now = T0;

  constructor(over: Partial<Settings>) {
    this.settings = resolveSettings({ fuzz: false, dayStartsAt: 4, ...over });
    this.sched = new Scheduler(this.settings);
  }

  get day(): number {
    return studyDay(this.now, this.settings.dayStartsAt);
  }

  today(): Today {
    const own = this.byDeck.get(this.day) ?? new Map<string, DeckToday>();
    const byDeck = new Map([...own].map(([deck, d]) => [deck, { ...d }]));
    return { ...(this.days.get(this.day) ?? { newDone: 0, reviewsDone: 0 }), byDeck };
  }

  private count(key: string, day: number, kind: keyof DeckToday, sign: 1 | -1): void {
    const t = this.days.get(day) ?? { newDone: 0, reviewsDone: 0 };
    t[kind] += sign;
    this.days.set(day, t);
    const decks = this.byDeck.get(day) ?? new Map<string, DeckToday>();
    const deck = key.split('/')[0]!;
    const d = decks.get(deck) ?? { newDone: 0, reviewsDone: 0 };
    d[kind] += sign;
    decks.set(deck, d);
    this.byDeck.set(day, decks);
  }

  answer(key: string, g: Grade, at: number): void {
    const before = this.mem[key];
    const kind =
      !before || before.phase === 'new'
        ? 'newDone'
        : before.phase === 'review'
          ? 'reviewsDone'
          : null;
    const day = studyDay(at, this.settings.dayStartsAt);
    if (kind) this.count(key, day, kind, 1);
    this.undo.push({ key, before, day, kind });
    this.mem[key] = this.sched.answer(before ?? newMemory(at), at, g, key);
  }

  takeBack(): string | null {
    const u = this.undo.pop();
    if (!u) return null;
    if (u.before) this.mem[u.key] = u.before;
    else delete this.mem[u.key];
    if (u.kind) this.count(u.key, u.day, u.kind, -1);
    return u.key;
  }

  recall = (m: Memory) =>
    this.sched.retrievability(m, dayStart(this.day, this.settings.dayStartsAt));

  source(cards: readonly Card[]): IndexSource {
    const day = this.day;
    return {
      cards,
      memory: (k) => this.mem[k],
      hidden: (k) => isHidden(this.marks[k], day),
      card: (k) => BY_KEY.get(k) ?? null,
      settings: this.settings,
      now: this.now,
      retrievability: this.recall,
    };
  }

  /** The full scan's input, the reference; `skip` hides cards as the session's skip does. */
  input(cards: readonly Card[], skip: ReadonlySet<string>): QueueInput {
    const day = this.day;
    return {
      cards,
      memory: (k) => this.mem[k],
      now: this.now,
      settings: this.settings,
      today: this.today(),
      hidden: (k) => isHidden(this.marks[k], day) || skip.has(k),
      retrievability: this.recall,
    };
  }
}

function run(
  tz: string,
  limits: [number, number],
  seeds: Seed[],
  ops: Op[],
  perDeck: Record<string, DeckLimits> = {},
): void {
  process.env.TZ = tz;
  const w = new World({ newPerDay: limits[0], reviewsPerDay: limits[1], deckLimits: perDeck });
  ALL_CARDS.forEach((card, i) => {
    const s = seeds[i];
    if (s) w.mem[card.key] = seeded(s);
  });
  // One index per scope in use, as the app keeps them; rebuilt when it no longer applies.
  const indexes = new Map<number, QueueIndex>();
  const build = (i: number) => indexes.set(i, new QueueIndex(w.source(scopeCards(i))));
  const changed = (key: string) => {
    for (const index of indexes.values()) index.update(key);
  };
  let active = 0;
  let skip = new Set<string>();
  let sinceNew = 0;
  build(active);

  const check = () => {
    for (const [i, index] of indexes) {
      if (!index.covers(w.now)) build(i);
      const cards = scopeCards(i);
      const ownSkip = i === active ? skip : new Set<string>();
      const got = indexes.get(i)!.plan(w.now, w.today(), sinceNew, ownSkip);
      const want = plan(w.input(cards, ownSkip), sinceNew);
      expect({ scope: i, next: got.next?.key ?? null, counts: got.counts }).toEqual({
        scope: i,
        next: want.next?.key ?? null,
        counts: want.counts,
      });
      expect(indexes.get(i)!.counts(w.today())).toEqual(counts(w.input(cards, new Set())));
      // Before any limit: what the summary says the limits hold back.
      const open = { ...w.settings, newPerDay: 9999, reviewsPerDay: 99999, deckLimits: {} };
      expect(countsWithin(indexes.get(i)!.unlimited(), open, w.today())).toEqual(
        counts({ ...w.input(cards, new Set()), settings: open }),
      );
    }
  };

  check();
  for (const o of ops) {
    switch (o.t) {
      case 'answer': {
        const next = indexes.get(active)!.plan(w.now, w.today(), sinceNew, skip).next;
        if (!next) break;
        const wasNew = (w.mem[next.key]?.phase ?? 'new') === 'new';
        w.answer(next.key, o.grade, w.now);
        sinceNew = wasNew ? 0 : sinceNew + 1;
        changed(next.key);
        w.now += MIN;
        break;
      }
      case 'answerAny': {
        const key = ALL_CARDS[o.card]!.key;
        w.answer(key, o.grade, w.now);
        changed(key);
        w.now += MIN;
        break;
      }
      case 'wait':
        w.now += o.minutes * MIN;
        break;
      case 'mark': {
        const key = ALL_CARDS[o.card]!.key;
        const m = { ...w.marks[key] };
        if (o.kind === 'bury') m.buriedDay = w.day;
        else if (o.kind === 'unbury') delete m.buriedDay;
        else if (o.kind === 'suspend') m.suspended = true;
        else if (o.kind === 'unsuspend') delete m.suspended;
        else m.flagged = !m.flagged;
        w.marks[key] = m;
        changed(key);
        break;
      }
      case 'undo': {
        const key = w.takeBack();
        // The app rebuilds after an undo; the index can also take it card by card.
        if (key && o.rebuild) for (const i of indexes.keys()) build(i);
        else if (key) changed(key);
        break;
      }
      case 'limits':
        w.settings = resolveSettings({ ...w.settings, ...o });
        w.sched = new Scheduler(w.settings);
        for (const i of indexes.keys()) build(i);
        break;
      case 'scope':
        active = o.scope;
        skip = new Set();
        if (!indexes.has(active)) build(active);
        break;
      case 'skipNext': {
        // The learner leaves the card shown for now, as the session's skip does.
        const next = indexes.get(active)!.plan(w.now, w.today(), sinceNew, skip).next;
        if (next) skip.add(next.key);
        break;
      }
      case 'skip':
        if (o.card === null) skip = new Set();
        else skip.add(ALL_CARDS[o.card]!.key);
        break;
    }
    check();
  }
}

describe('QueueIndex', () => {
  it('property: serves the same next card and counts as the full scan after every change', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('UTC', 'Pacific/Auckland', 'America/Los_Angeles'),
        fc.tuple(limit, limit),
        fc.array(seed, { minLength: ALL_CARDS.length, maxLength: ALL_CARDS.length }),
        fc.array(op, { minLength: 1, maxLength: 60 }),
        (tz, limits, seeds, ops) => run(tz, limits, seeds, ops),
      ),
      { numRuns: 150 },
    );
  });

  it('property: the same with per-deck limits, as decks use up their own limits and undo frees them', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('UTC', 'Pacific/Auckland'),
        fc.tuple(fc.constantFrom(3, 5, 50), fc.constantFrom(3, 5, 50)),
        fc.array(seed, { minLength: ALL_CARDS.length, maxLength: ALL_CARDS.length }),
        fc.array(op, { minLength: 1, maxLength: 60 }),
        deckLimits,
        (tz, limits, seeds, ops, perDeck) => run(tz, limits, seeds, ops, perDeck),
      ),
      { numRuns: 150 },
    );
  });

  it('finds learning cards falling due as time passes, without being told', () => {
    process.env.TZ = 'UTC';
    const w = new World({ newPerDay: 0 });
    const [x, y] = ALL_CARDS;
    w.mem[x!.key] = seeded({ phase: 'learning', dueH: 1, agoMin: 5, stability: 1 });
    w.mem[y!.key] = seeded({ phase: 'learning', dueH: 2, agoMin: 5, stability: 1 });
    const index = new QueueIndex(w.source(ALL_CARDS));
    const next = (at: number) => index.plan(at, w.today(), 0).next?.key ?? null;
    expect(next(T0)).toBeNull();
    expect(next(T0 + 45 * MIN)).toBe(x!.key); // within the 20-minute learn-ahead
    expect(next(T0 + 90 * MIN)).toBe(x!.key);
    const leftForNow = new Set([x!.key]);
    expect(index.plan(T0 + 90 * MIN, w.today(), 0, leftForNow).next).toBeNull();
    expect(index.plan(T0 + 100 * MIN, w.today(), 0, leftForNow).next?.key).toBe(y!.key);
    expect(index.counts(w.today()).learning).toBe(2);
  });

  it('answers next and counts, and takes an answer, without reading every card', () => {
    process.env.TZ = 'UTC';
    const big = deckCards(
      deckOf(
        'big',
        Array.from({ length: 2000 }, (_, i) => basic(`e${i}`)),
      ),
    );
    const byKey = new Map(big.map((c) => [c.key, c]));
    const w = new World({ newPerDay: 20, reviewsPerDay: 200 });
    big.forEach((c, i) => {
      if (i % 3 === 0)
        w.mem[c.key] = seeded({ phase: 'review', dueH: -(i % 90), agoMin: i * 7, stability: 3 });
    });
    let reads = 0;
    const src = w.source(big);
    const index = new QueueIndex({
      ...src,
      memory: (k) => {
        reads++;
        return w.mem[k];
      },
      hidden: (k) => {
        reads++;
        return src.hidden(k);
      },
      card: (k) => byKey.get(k) ?? null,
    });
    reads = 0;
    for (let i = 0; i < 20; i++) {
      const { next } = index.plan(w.now, w.today(), i, new Set([big[0]!.key]));
      index.counts(w.today());
      w.answer(next!.key, 3, w.now);
      index.update(next!.key);
      w.now += MIN;
    }
    expect(reads).toBeLessThan(20 * 4);
    expect(index.plan(w.now, w.today(), 0)).toEqual(plan(w.input(big, new Set()), 0));
  });

  it('an answer at the very start of the study day buries its siblings for that day', () => {
    process.env.TZ = 'UTC';
    const w = new World({ newPerDay: 50 });
    const [first, reverse] = ALL_CARDS;
    const start = dayStart(w.day, 4);
    w.answer(first!.key, 4, start);
    const index = new QueueIndex(w.source(ALL_CARDS));
    expect(index.counts(w.today()).new).toBe(ALL_CARDS.length - 2);
    expect(index.plan(w.now, w.today(), 0)).toEqual(plan(w.input(ALL_CARDS, new Set()), 0));
    const served = new Set<string>();
    for (let next = index.plan(w.now, w.today(), 0).next; next; ) {
      served.add(next.key);
      w.answer(next.key, 4, w.now);
      index.update(next.key);
      next = index.plan(w.now, w.today(), 0).next;
    }
    expect(served.has(reverse!.key)).toBe(false);
    // The next study day it comes back.
    w.now = start + 24 * 60 * MIN;
    expect(new QueueIndex(w.source(ALL_CARDS)).plan(w.now, w.today(), 0).next?.key).toBe(
      reverse!.key,
    );
  });

  it('skipping or updating cards outside the scope changes nothing', () => {
    process.env.TZ = 'UTC';
    const w = new World({ newPerDay: 50 });
    const cards = scopeCards(4); // deck b, tag x: b1, b2 and its reverse
    const index = new QueueIndex(w.source(cards));
    const before = index.plan(w.now, w.today(), 0);
    // Cards of deck b without the tag: before, between and after the scope's cards.
    const outside = new Set(['b/b0::c1', 'b/b3', 'b/b4', 'a/a0']);
    for (const key of outside) {
      w.answer(key, 3, w.now);
      index.update(key);
    }
    expect(index.plan(w.now, w.today(), 0, outside)).toEqual(before);
    expect(before.counts.new).toBe(3);
  });

  it('refuses a time outside the study day it was built for', () => {
    process.env.TZ = 'UTC';
    const w = new World({});
    const index = new QueueIndex(w.source(ALL_CARDS));
    expect(index.covers(index.start)).toBe(true);
    expect(index.covers(index.start - 1)).toBe(false); // 03:59:59.999 this morning
    expect(index.covers(T0 + 17 * 60 * MIN)).toBe(true); // 03:00 the next morning
    expect(index.covers(T0 + 18 * 60 * MIN)).toBe(false); // 04:00: a new study day
    expect(() => index.plan(T0 + 18 * 60 * MIN, w.today(), 0)).toThrow(/outside study day/);
  });
});
