// Per-deck daily limits inside the queue index. Each deck's bucket sizes are kept as cards
// move, so a deck's own limit caps what it contributes without a pass over its cards; and
// a deck whose own limit is used up has those cards taken out of their heap ("parked")
// until it has room again (an undo), so finding the next card never steps over them.
// The full scan in queue.ts is the reference for all of it.
import {
  type Available,
  capAvailable,
  type DeckLimits,
  type DeckToday,
  leftsOf,
} from './deck-limits.js';

export type CappedKind = 'fresh' | 'reviews';

export class DeckCaps {
  private readonly fresh: Int32Array;
  private readonly reviews: Int32Array;
  private readonly overdue: Int32Array;
  /** Per deck: 1 while its new cards (or reviews) are out of their heap. */
  private readonly parked: Record<CappedKind, Uint8Array>;

  constructor(
    private readonly deckIds: readonly string[],
    private readonly limits: Readonly<Record<string, DeckLimits>>,
  ) {
    const n = deckIds.length;
    this.fresh = new Int32Array(n);
    this.reviews = new Int32Array(n);
    this.overdue = new Int32Array(n);
    this.parked = { fresh: new Uint8Array(n), reviews: new Uint8Array(n) };
  }

  /** A card of `deck` entered (+1) or left (-1) the new cards or the reviews. */
  count(deck: number, kind: CappedKind, late: boolean, sign: 1 | -1): void {
    if (kind === 'fresh') this.fresh[deck]! += sign;
    else {
      this.reviews[deck]! += sign;
      if (late) this.overdue[deck]! += sign;
    }
  }

  isParked(deck: number, kind: CappedKind): boolean {
    return this.parked[kind][deck] === 1;
  }

  /**
   * New cards, reviews and overdue of the scope: each deck's within its own limits, summed
   * (learning cards are never capped: the caller counts them).
   */
  available(
    byDeck: ReadonlyMap<string, DeckToday> | undefined,
  ): Pick<Available, 'fresh' | 'reviews' | 'overdue'> {
    const leftOf = leftsOf(this.limits, byDeck);
    const out = { fresh: 0, reviews: 0, overdue: 0 };
    for (let d = 0; d < this.deckIds.length; d++) {
      const own: Available = {
        fresh: this.fresh[d]!,
        learning: 0,
        reviews: this.reviews[d]!,
        overdue: this.overdue[d]!,
      };
      const c = capAvailable(own, leftOf(this.deckIds[d]!));
      out.fresh += c.fresh;
      out.reviews += c.reviews;
      out.overdue += c.overdue;
    }
    return out;
  }

  /** New cards, reviews and overdue of the scope before any limit. */
  totals(): Pick<Available, 'fresh' | 'reviews' | 'overdue'> {
    const sum = (xs: Int32Array) => xs.reduce((a, b) => a + b, 0);
    return { fresh: sum(this.fresh), reviews: sum(this.reviews), overdue: sum(this.overdue) };
  }

  /**
   * Marks which decks are parked for today's counts, and returns those that changed: their
   * cards of that kind leave their heap (`parked` true) or go back into it.
   */
  repark(
    byDeck: ReadonlyMap<string, DeckToday> | undefined,
  ): { deck: number; kind: CappedKind; parked: boolean }[] {
    const leftOf = leftsOf(this.limits, byDeck);
    const changed: { deck: number; kind: CappedKind; parked: boolean }[] = [];
    for (let d = 0; d < this.deckIds.length; d++) {
      // A deck without its own limits is never parked: no need to work out what is left.
      if (this.limits[this.deckIds[d]!] === undefined) continue;
      const left = leftOf(this.deckIds[d]!);
      const want: Record<CappedKind, boolean> = {
        fresh: left.newLeft <= 0,
        reviews: left.reviewsLeft <= 0,
      };
      for (const kind of ['fresh', 'reviews'] as const) {
        if (want[kind] === this.isParked(d, kind)) continue;
        this.parked[kind][d] = want[kind] ? 1 : 0;
        changed.push({ deck: d, kind, parked: want[kind] });
      }
    }
    return changed;
  }
}
