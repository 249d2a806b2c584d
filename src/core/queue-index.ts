// The queue of one scope for one study day, kept up to date card by card: a session asks
// "what next" and "how many left" after every answer without looking at every card.
// It serves exactly what the full scan in queue.ts serves (a property test holds it to
// that), per-deck limits included; it is built once per scope and study day, and rebuilt
// when the settings, the decks or the day change, or after anything it was not told about.
import { dayStart, nextDayStart, studyDay } from './clock.js';
import { hasDeckLimits } from './deck-limits.js';
import type { Card, Memory } from './model.js';
import {
  type Available,
  type Counts,
  countsWithin,
  type NextFrom,
  nextFrom,
  recallRank,
  type Today,
} from './queue.js';
import { type CappedKind, DeckCaps } from './queue-deck-caps.js';
import { SlotHeap } from './queue-heap.js';
import { ScopeLayout } from './queue-layout.js';
import type { IndexSource } from './queue-source.js';

export type { IndexSource };

const NONE = 0;
const FRESH = 1;
const LEARNING = 2;
const REVIEW = 3;

export class QueueIndex {
  readonly day: number;
  /** The study day's bounds: reviews due before `end` are today's; before `start`, overdue. */
  readonly start: number;
  readonly end: number;
  private readonly cards: readonly Card[];
  private readonly src: IndexSource;
  private readonly bucket: Uint8Array;
  private readonly due: Float64Array;
  private readonly recall: Float64Array;
  private readonly late: Uint8Array;
  private readonly intro: Uint8Array;
  /** Whether the slot's card was answered today, as counted in its group's tally. */
  private readonly answered: Uint8Array;
  /** Sibling groups, decks and where each card sits. */
  private readonly layout: ScopeLayout;
  /** Per group: how many of its cards were answered today; any buries the rest. */
  private readonly groupAnswered: Int32Array;
  /** Each deck's counts, when some deck has its own limits. */
  private readonly caps: DeckCaps | null;
  /** New cards: those an exam moved up (`intro`), then deck order. */
  private readonly fresh: SlotHeap;
  /** Learning cards due before the day ends, soonest first. */
  private readonly learning: SlotHeap;
  /** Today's reviews: overdue ones least recalled first, then the rest by due time. */
  private readonly reviews: SlotHeap;
  private readonly heaps: readonly (SlotHeap | null)[];
  private overdue = 0;

  constructor(src: IndexSource) {
    const { cards, settings } = src;
    const n = cards.length;
    this.src = src;
    this.cards = cards;
    this.day = studyDay(src.now, settings.dayStartsAt);
    this.start = dayStart(this.day, settings.dayStartsAt);
    this.end = nextDayStart(src.now, settings.dayStartsAt);
    this.bucket = new Uint8Array(n);
    this.due = new Float64Array(n);
    this.recall = new Float64Array(n);
    this.late = new Uint8Array(n);
    this.intro = new Uint8Array(n);
    this.answered = new Uint8Array(n);
    this.layout = new ScopeLayout(cards);
    this.groupAnswered = new Int32Array(this.layout.groups);
    this.caps = hasDeckLimits(settings.deckLimits)
      ? new DeckCaps(this.layout.deckIds, settings.deckLimits)
      : null;
    const { due, recall, late, intro } = this;
    this.fresh = new SlotHeap(n, (a, b) => (intro[a] !== intro[b] ? intro[a] === 1 : a < b));
    this.learning = new SlotHeap(n, (a, b) => due[a]! < due[b]! || (due[a] === due[b] && a < b));
    this.reviews = new SlotHeap(n, (a, b) =>
      late[a] !== late[b]
        ? late[a] === 1
        : late[a] === 1 && recall[a] !== recall[b]
          ? recall[a]! < recall[b]!
          : due[a] !== due[b]
            ? due[a]! < due[b]!
            : a < b,
    );
    this.heaps = [null, this.fresh, this.learning, this.reviews];
    const memories = new Array<Memory | undefined>(n);
    for (let s = 0; s < n; s++) {
      const m = src.memory(cards[s]!.key);
      memories[s] = m;
      if (this.answeredToday(m)) {
        this.answered[s] = 1;
        this.groupAnswered[this.layout.group[s]!]!++;
      }
    }
    // Fill the heaps in one go: classify every card, then heapify each bucket.
    const lists = [[], [], [], []] as number[][];
    for (let s = 0; s < n; s++) {
      const b = this.classify(s, memories[s]);
      this.bucket[s] = b;
      if (b === NONE) continue;
      lists[b]!.push(s);
      this.tally(s, b, 1);
    }
    for (const b of [FRESH, LEARNING, REVIEW]) this.heaps[b]!.fill(lists[b]!, lists[b]!.length);
  }

  /** Whether `now` falls in the study day this index is for. */
  covers(now: number): boolean {
    return now >= this.start && now < this.end;
  }

  /**
   * One card changed (answered, marked, taken back): it moves between buckets, and if
   * whether its sibling group was answered today changed, so do its siblings.
   */
  update(key: string): void {
    const { group, groupStart } = this.layout;
    for (const s of this.layout.slotsOf(this.src.card(key))) {
      const g = group[s]!;
      const m = this.src.memory(key);
      const was = this.answered[s]!;
      const is = this.answeredToday(m) ? 1 : 0;
      this.answered[s] = is;
      const before = this.groupAnswered[g]!;
      this.groupAnswered[g] = before + is - was;
      this.place(s, m);
      if (before > 0 !== this.groupAnswered[g]! > 0)
        for (let o = groupStart[g]!; o < groupStart[g + 1]!; o++)
          if (o !== s) this.place(o, this.src.memory(this.cards[o]!.key));
    }
  }

  counts(today: Today, skip?: ReadonlySet<string>): Counts {
    return countsWithin(this.available(this.skipped(skip), today), this.src.settings, today);
  }

  /** What the scope holds today before any daily limit, global or per deck. */
  unlimited(): Available {
    const a = { fresh: this.fresh.size, learning: this.learning.size, reviews: this.reviews.size };
    // Cards of a deck whose own limit is used up are out of their heap, not out of the count.
    return { ...a, overdue: this.overdue, ...this.caps?.totals() };
  }

  /** The next card and the counts, as `plan` in queue.ts gives them for the same state. */
  plan(
    now: number,
    today: Today,
    sinceNew: number,
    skip?: ReadonlySet<string>,
  ): { next: Card | null; counts: Counts } {
    if (!this.covers(now))
      throw new Error(`QueueIndex: ${now} is outside study day ${this.day}; build a new index`);
    this.repark(today);
    const skipped = this.skipped(skip);
    const ok = skipped ? (s: number) => !skipped.has(s) : () => true;
    const a = this.available(skipped, today);
    const lead = this.learning.first(ok);
    const learningNow = lead >= 0 && this.due[lead]! <= now;
    const from: NextFrom = nextFrom(
      {
        learningNow,
        fresh: a.fresh,
        reviews: a.reviews,
        laterIn: lead >= 0 && !learningNow ? this.due[lead]! - now : null,
      },
      this.src.settings,
      today,
      sinceNew,
    );
    const slot =
      from === 'learning' || from === 'ahead'
        ? lead
        : from === 'new'
          ? this.fresh.first(ok)
          : from === 'review'
            ? this.reviews.first(ok)
            : -1;
    return {
      next: slot >= 0 ? this.cards[slot]! : null,
      counts: countsWithin(a, this.src.settings, today),
    };
  }

  private answeredToday(m: Memory | undefined): boolean {
    return this.src.settings.burySiblings && m?.lastReview != null && m.lastReview >= this.start;
  }

  /** Which bucket a card belongs in, noting its due time and recall for the ordering. */
  private classify(s: number, m: Memory | undefined): number {
    const card = this.cards[s]!;
    if (this.src.hidden(card.key)) return NONE;
    const buried = this.groupAnswered[this.layout.group[s]!]! > 0;
    this.intro[s] = Number(this.src.introduced?.(card.key) === true);
    if (!m || m.phase === 'new') return buried ? NONE : FRESH;
    this.due[s] = m.due;
    if (m.phase === 'learning' || m.phase === 'relearning')
      return m.due < this.end ? LEARNING : NONE;
    if (m.due >= this.end || buried) return NONE;
    const late = m.due < this.start;
    this.late[s] = late ? 1 : 0;
    const r = this.src.retrievability;
    this.recall[s] = late && r ? recallRank(r(m)) : 1;
    return REVIEW;
  }

  private place(s: number, m: Memory | undefined): void {
    // Out of its heap before its ordering keys change, then back in where it now belongs.
    this.heaps[this.bucket[s]!]?.remove(s);
    this.tally(s, this.bucket[s]!, -1);
    const b = this.classify(s, m);
    this.bucket[s] = b;
    if (!this.parked(s, b)) this.heaps[b]?.push(s);
    this.tally(s, b, 1);
  }

  /** A slot entered (+1) or left (-1) bucket `b`: the overdue count and its deck's counts. */
  private tally(s: number, b: number, sign: 1 | -1): void {
    const late = b === REVIEW && this.late[s] === 1;
    if (late) this.overdue += sign;
    const kind = cappedKind(b);
    if (kind) this.caps?.count(this.layout.deck[s]!, kind, late, sign);
  }

  private parked(s: number, b: number): boolean {
    const kind = cappedKind(b);
    return kind !== null && this.caps?.isParked(this.layout.deck[s]!, kind) === true;
  }

  /** Decks whose own limit was used up (or freed by an undo) leave their heap or return. */
  private repark(today: Today): void {
    for (const { deck, kind, parked } of this.caps?.repark(today.byDeck) ?? []) {
      const b = kind === 'fresh' ? FRESH : REVIEW;
      const heap = this.heaps[b]!;
      for (const s of this.layout.slotsOfDeck(deck))
        if (this.bucket[s] === b) parked ? heap.remove(s) : heap.push(s);
    }
  }

  /** The slots of skipped cards that sit in a bucket, or null when none do. */
  private skipped(skip: ReadonlySet<string> | undefined): Set<number> | null {
    if (!skip || skip.size === 0) return null;
    const out = new Set<number>();
    for (const key of skip)
      for (const s of this.layout.slotsOf(this.src.card(key)))
        if (this.bucket[s] !== NONE) out.add(s);
    return out.size > 0 ? out : null;
  }

  private available(skipped: Set<number> | null, today: Today): Available {
    const a: Available = {
      fresh: this.fresh.size,
      learning: this.learning.size,
      reviews: this.reviews.size,
      overdue: this.overdue,
    };
    for (const s of skipped ?? []) {
      const b = this.bucket[s];
      if (b === FRESH) a.fresh--;
      else if (b === LEARNING) a.learning--;
      else {
        a.reviews--;
        if (this.late[s] === 1) a.overdue--;
      }
    }
    if (!this.caps) return a;
    // Skipped cards come off their deck's own counts before its limit applies.
    for (const s of skipped ?? []) this.tally(s, this.bucket[s]!, -1);
    const capped = this.caps.available(today.byDeck);
    for (const s of skipped ?? []) this.tally(s, this.bucket[s]!, 1);
    return { ...a, ...capped };
  }
}

function cappedKind(b: number): CappedKind | null {
  return b === FRESH ? 'fresh' : b === REVIEW ? 'reviews' : null;
}
