// Where a scope's cards sit in the queue index: sibling groups, each deck's runs of slots
// and a number per deck, found once when the index is built so that a changed card, its
// siblings and its deck are reached without a pass over the scope.
import type { Card } from './model.js';

export class ScopeLayout {
  /** Slot -> sibling group: group g is slots groupStart[g] to groupStart[g + 1] - 1. */
  readonly group: Int32Array;
  readonly groupStart: Int32Array;
  /** Slot -> deck number; `deckIds` names the numbers. */
  readonly deck: Int32Array;
  readonly deckIds: string[] = [];
  /** Per deck number: where its cards sit, as [from, to) pairs, slots in card order. */
  private readonly runs: number[][] = [];
  private readonly numbers = new Map<string, number>();

  /**
   * `cards` as DeckIndex lists them: deck by deck, each deck's cards in card order (a deck
   * may come more than once), so the cards of a sibling group sit together.
   */
  constructor(private readonly cards: readonly Card[]) {
    const n = cards.length;
    this.group = new Int32Array(n);
    this.deck = new Int32Array(n);
    // Comparing neighbours instead of hashing 100,000 keys: a deck's cards come in card
    // order, which keeps siblings together.
    const starts: number[] = [];
    let from = 0;
    for (let s = 0; s < n; s++) {
      const card = cards[s]!;
      const prev = s > 0 ? cards[s - 1]! : null;
      if (prev === null || prev.deckId !== card.deckId || prev.ordinal >= card.ordinal) {
        if (prev !== null) this.run(prev.deckId, from, s);
        from = s;
        starts.push(s);
      } else if (prev.sibling !== card.sibling) starts.push(s);
      this.group[s] = starts.length - 1;
      this.deck[s] = this.numberOf(card.deckId);
    }
    if (n > 0) this.run(cards[n - 1]!.deckId, from, n);
    starts.push(n);
    this.groupStart = Int32Array.from(starts);
  }

  get groups(): number {
    return this.groupStart.length - 1;
  }

  /** Every slot of a deck, in slot order. */
  *slotsOfDeck(deck: number): Generator<number> {
    const list = this.runs[deck] ?? [];
    for (let i = 0; i < list.length; i += 2) for (let s = list[i]!; s < list[i + 1]!; s++) yield s;
  }

  /** Where a card sits: found by its position in its deck, in each stretch of that deck. */
  slotsOf(card: Card | null): number[] {
    const d = card ? this.numbers.get(card.deckId) : undefined;
    if (!card || d === undefined) return [];
    const list = this.runs[d]!;
    const out: number[] = [];
    for (let i = 0; i < list.length; i += 2) {
      let lo = list[i]!;
      let hi = list[i + 1]!;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.cards[mid]!.ordinal < card.ordinal) lo = mid + 1;
        else hi = mid;
      }
      if (lo < list[i + 1]! && this.cards[lo]!.key === card.key) out.push(lo);
    }
    return out;
  }

  private numberOf(deckId: string): number {
    let d = this.numbers.get(deckId);
    if (d === undefined) {
      d = this.deckIds.length;
      this.numbers.set(deckId, d);
      this.deckIds.push(deckId);
      this.runs.push([]);
    }
    return d;
  }

  private run(deckId: string, from: number, to: number): void {
    this.runs[this.numberOf(deckId)]!.push(from, to);
  }
}
