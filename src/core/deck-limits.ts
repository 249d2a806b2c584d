// Per-deck daily limits: a deck may override new-per-day and reviews-per-day, as an Anki
// deck preset does. The global limits still cap the whole session; a deck's own limit caps
// what that deck contributes. Pure: today's per-deck counts come from the caller.
import { rebuildProgress } from './fold.js';
import type { LogRecord } from './model.js';

/** A deck's overrides; a missing field falls back to the global setting. */
export interface DeckLimits {
  newPerDay?: number;
  reviewsPerDay?: number;
}

export type DeckLimitField = keyof DeckLimits;

/** What a deck (or a scope) holds for today, before the daily limits. */
export interface Available {
  fresh: number;
  learning: number;
  reviews: number;
  overdue: number;
}

/** One deck's answers today that count against its limits (from the log). */
export interface DeckToday {
  newDone: number;
  reviewsDone: number;
}

/** What a deck's own limits leave today; Infinity where it has no override. */
export interface Left {
  newLeft: number;
  reviewsLeft: number;
}

const MAX: Record<DeckLimitField, number> = { newPerDay: 9999, reviewsPerDay: 99999 };

function limitIn(v: unknown, field: DeckLimitField): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX[field];
}

/** The stored overrides with anything invalid dropped, so a hand-edited store cannot break the queue. */
export function resolveDeckLimits(raw: unknown): Record<string, DeckLimits> {
  const out: Record<string, DeckLimits> = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const [deck, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!value || typeof value !== 'object') continue;
    const v = value as Record<string, unknown>;
    const limits: DeckLimits = {};
    if (limitIn(v.newPerDay, 'newPerDay')) limits.newPerDay = v.newPerDay;
    if (limitIn(v.reviewsPerDay, 'reviewsPerDay')) limits.reviewsPerDay = v.reviewsPerDay;
    if (Object.keys(limits).length > 0) out[deck] = limits;
  }
  return out;
}

/** The overrides with one field of one deck set (a number) or removed (null). */
export function withDeckLimit(
  raw: unknown,
  deck: string,
  field: DeckLimitField,
  value: number | null,
): Record<string, DeckLimits> {
  const all = resolveDeckLimits(raw);
  const own: DeckLimits = { ...all[deck] };
  if (value === null) delete own[field];
  else own[field] = value;
  if (Object.keys(own).length > 0) all[deck] = own;
  else delete all[deck];
  return all;
}

export function hasDeckLimits(limits: Readonly<Record<string, DeckLimits>>): boolean {
  for (const _ in limits) return true;
  return false;
}

/** What one deck's own limits leave after what it did today. */
export function deckLeft(
  limits: Readonly<Record<string, DeckLimits>>,
  deck: string,
  done: DeckToday | undefined,
): Left {
  const own = limits[deck];
  const left = (limit: number | undefined, used: number) =>
    limit === undefined ? Number.POSITIVE_INFINITY : Math.max(0, limit - used);
  return {
    newLeft: left(own?.newPerDay, done?.newDone ?? 0),
    reviewsLeft: left(own?.reviewsPerDay, done?.reviewsDone ?? 0),
  };
}

/** A deck's availability within its own limits (the global ones are applied after). */
export function capAvailable(t: Available, left: Left): Available {
  const reviews = Math.min(t.reviews, left.reviewsLeft);
  return {
    fresh: Math.min(t.fresh, left.newLeft),
    learning: t.learning,
    reviews,
    overdue: Math.min(t.overdue, reviews),
  };
}

export function tallyFor(map: Map<string, Available>, deck: string): Available {
  let t = map.get(deck);
  if (!t) {
    t = { fresh: 0, learning: 0, reviews: 0, overdue: 0 };
    map.set(deck, t);
  }
  return t;
}

/** `deckLeft` for each deck, worked out once per deck. */
export function leftsOf(
  limits: Readonly<Record<string, DeckLimits>>,
  byDeck: ReadonlyMap<string, DeckToday> | undefined,
): (deck: string) => Left {
  const cache = new Map<string, Left>();
  return (deck) => {
    let l = cache.get(deck);
    if (!l) {
      l = deckLeft(limits, deck, byDeck?.get(deck));
      cache.set(deck, l);
    }
    return l;
  };
}

/** A scope's new, reviews and overdue: each deck's availability within its own limits, summed. */
export function cappedTotals(
  perDeck: ReadonlyMap<string, Available>,
  leftOf: (deck: string) => Left,
): Pick<Available, 'fresh' | 'reviews' | 'overdue'> {
  const out = { fresh: 0, reviews: 0, overdue: 0 };
  for (const [deck, t] of perDeck) {
    const c = capAvailable(t, leftOf(deck));
    out.fresh += c.fresh;
    out.reviews += c.reviews;
    out.overdue += c.overdue;
  }
  return out;
}

/**
 * Each deck's new cards and reviews on one study day, folded from the log (the snapshot
 * keeps only the day's totals). This is the reference: a session reads it once and then
 * keeps it current answer by answer (`withDeckDelta`).
 */
export function deckDayCounts(
  records: Iterable<LogRecord>,
  day: number,
  deckOf: (key: string) => string,
): Map<string, DeckToday> {
  const groups = new Map<string, LogRecord[]>();
  for (const rec of records) {
    const review = rec.type === 'review' ? rec : rec.type === 'undo' ? rec.review : null;
    if (!review || review.day !== day) continue;
    const deck = deckOf(review.key);
    const list = groups.get(deck);
    if (list) list.push(rec);
    else groups.set(deck, [rec]);
  }
  const byDeck = new Map<string, DeckToday>();
  for (const [deck, list] of groups) {
    const d = rebuildProgress(list).days[day];
    byDeck.set(deck, { newDone: d?.newCards ?? 0, reviewsDone: d?.reviewCards ?? 0 });
  }
  return byDeck;
}

/** The counts with one deck's moved by `delta` (an answer adds, an undo takes away). */
export function withDeckDelta(
  byDeck: ReadonlyMap<string, DeckToday>,
  deck: string,
  delta: DeckToday,
): Map<string, DeckToday> {
  const out = new Map(byDeck);
  const cur = byDeck.get(deck);
  out.set(deck, {
    newDone: (cur?.newDone ?? 0) + delta.newDone,
    reviewsDone: (cur?.reviewsDone ?? 0) + delta.reviewsDone,
  });
  return out;
}
