// What to study next, computed from card states alone so the home screen, `status` and
// the session always agree. Pure: the caller passes the clock and today's counts.
// This full scan is the reference: a session asks the incremental QueueIndex
// (queue-index.ts), which must give the same answers, and a property test holds it to it.
import { dayStart, nextDayStart, studyDay } from './clock.js';
import {
  type Available,
  capAvailable,
  cappedTotals,
  type DeckToday,
  deckLeft,
  hasDeckLimits,
  leftsOf,
  tallyFor,
} from './deck-limits.js';
import type { Card, Memory } from './model.js';
import type { Settings } from './settings.js';
import { answeredSiblings } from './siblings.js';

/** Once nothing else is left, learning cards due within this window are shown early. */
export const LEARN_AHEAD_MS = 20 * 60_000;

export interface Today {
  /** New cards introduced today (from the log, so a restart does not reset it). */
  newDone: number;
  /** Review-phase cards answered today. */
  reviewsDone: number;
  /** The same per deck; needed only for decks with their own limits. */
  byDeck?: ReadonlyMap<string, DeckToday>;
}

export interface QueueInput {
  cards: readonly Card[];
  memory: (key: string) => Memory | undefined;
  now: number;
  settings: Settings;
  today: Today;
  /** Suspended and buried cards are left out. */
  hidden?: (key: string) => boolean;
  /** New cards an exam moved up: introduced before the others, in deck order. */
  introduced?: (key: string) => boolean;
  /**
   * Probability of recall now, or any number ordered like it; overdue reviews are served
   * lowest first.
   */
  retrievability?: (m: Memory) => number;
}

export interface Counts {
  new: number;
  learning: number;
  due: number;
  /** Of `due`, how many were due before today began (a break, a missed day). */
  overdue: number;
}

interface Head {
  card: Card;
  due: number;
  overdue: boolean;
  /** Recall probability (or anything ordered like it); lower comes first. */
  r: number;
}

/** One pass over the cards: what each bucket holds and its head, with no per-card allocation. */
interface Scan {
  fresh: number;
  firstFresh: Card | null;
  learningNow: number;
  nextLearning: Head | null;
  learningLater: number;
  nextLater: Head | null;
  reviews: number;
  overdue: number;
  nextReview: Head | null;
}

/** After a break the most forgettable come first; today's reviews follow in due order. */
function reviewFirst(x: Head, y: Head): boolean {
  return x.overdue !== y.overdue ? x.overdue : x.r !== y.r ? x.r < y.r : x.due < y.due;
}

/**
 * One pass over the cards. `heads` false counts only: nothing is ordered and no recall is
 * computed, which is all the home screen and `status` need.
 */
function scan(input: QueueInput, tallies?: Map<string, Available>, heads = true): Scan {
  const { now, settings, cards } = input;
  // A deck whose own limit is used up serves nothing from that bucket; the others are
  // counted per deck and capped after the pass.
  const capped = hasDeckLimits(settings.deckLimits);
  const perDeck = tallies ?? (capped ? new Map<string, Available>() : undefined);
  const leftOf = leftsOf(settings.deckLimits, input.today.byDeck);
  const dayEnd = nextDayStart(now, settings.dayStartsAt);
  const todayStart = dayStart(studyDay(now, settings.dayStartsAt), settings.dayStartsAt);
  // Each memory is looked up once: finding today's answered siblings needs them all first.
  const memories = cards.map((c) => input.memory(c.key));
  // Siblings of cards answered today wait until tomorrow.
  const answered = settings.burySiblings
    ? answeredSiblings(cards, memories, todayStart)
    : new Set<string>();
  const out: Scan = {
    fresh: 0,
    firstFresh: null,
    learningNow: 0,
    nextLearning: null,
    learningLater: 0,
    nextLater: null,
    reviews: 0,
    overdue: 0,
    nextReview: null,
  };
  let moved = false;
  for (let i = 0; i < cards.length; i++) {
    const card = cards[i]!;
    if (input.hidden?.(card.key)) continue;
    const m = memories[i];
    const tally = perDeck ? tallyFor(perDeck, card.deckId) : null;
    if (!m || m.phase === 'new') {
      if (answered.has(card.sibling)) continue;
      if (capped && leftOf(card.deckId).newLeft <= 0) continue;
      out.fresh++;
      if (tally) tally.fresh++;
      // The first card an exam moved up, else the first in deck order.
      if (heads && !moved && (input.introduced?.(card.key) || !out.firstFresh))
        [out.firstFresh, moved] = [card, input.introduced?.(card.key) === true];
    } else if (m.phase === 'learning' || m.phase === 'relearning') {
      if (m.due <= now) {
        out.learningNow++;
        if (heads && (!out.nextLearning || m.due < out.nextLearning.due))
          out.nextLearning = { card, due: m.due, overdue: false, r: 0 };
      } else if (m.due < dayEnd) {
        out.learningLater++;
        if (heads && (!out.nextLater || m.due < out.nextLater.due))
          out.nextLater = { card, due: m.due, overdue: false, r: 0 };
      } else continue;
      if (tally) tally.learning++;
    } else if (
      m.due < dayEnd &&
      !answered.has(card.sibling) &&
      !(capped && leftOf(card.deckId).reviewsLeft <= 0)
    ) {
      const overdue = m.due < todayStart;
      out.reviews++;
      if (overdue) out.overdue++;
      if (tally) {
        tally.reviews++;
        if (overdue) tally.overdue++;
      }
      const cur = out.nextReview;
      // Recall only matters while overdue cards compete for the head.
      if (heads && (!cur || overdue || !cur.overdue)) {
        const h: Head = {
          card,
          due: m.due,
          overdue,
          r: overdue && input.retrievability ? recallRank(input.retrievability(m)) : 1,
        };
        if (!cur || reviewFirst(h, cur)) out.nextReview = h;
      }
    }
  }
  if (capped && perDeck) Object.assign(out, cappedTotals(perDeck, leftOf));
  return out;
}

export type { Available };

function limits(settings: Settings, today: Today) {
  return {
    newLeft: Math.max(0, settings.newPerDay - today.newDone),
    reviewsLeft: Math.max(0, settings.reviewsPerDay - today.reviewsDone),
  };
}

/** The counts a session shows: what is available, within what today's limits leave. */
export function countsWithin(t: Available, settings: Settings, today: Today): Counts {
  const { newLeft, reviewsLeft } = limits(settings, today);
  const due = Math.min(t.reviews, reviewsLeft);
  return {
    new: Math.min(t.fresh, newLeft),
    learning: t.learning,
    due,
    overdue: Math.min(due, t.overdue),
  };
}

function scanCounts(s: Scan, input: QueueInput): Counts {
  const learning = s.learningNow + s.learningLater;
  const t = { fresh: s.fresh, learning, reviews: s.reviews, overdue: s.overdue };
  return countsWithin(t, input.settings, input.today);
}

export function counts(input: QueueInput): Counts {
  return scanCounts(scan(input, undefined, false), input);
}

/**
 * Counts for every deck and for all of them from one pass over the cards. A deck's own
 * count is what a session over that deck alone would serve.
 */
export function countsByDeck(input: QueueInput): { total: Counts; byDeck: Map<string, Counts> } {
  const perDeck = new Map<string, Available>();
  const s = scan(input, perDeck, false);
  const byDeck = new Map<string, Counts>();
  for (const [deck, t] of perDeck) {
    const own = deckLeft(input.settings.deckLimits, deck, input.today.byDeck?.get(deck));
    byDeck.set(deck, countsWithin(capAvailable(t, own), input.settings, input.today));
  }
  return { total: scanCounts(s, input), byDeck };
}

/**
 * The next card, or null when the session is done for today.
 * `sinceNew` is how many reviews were shown since the last new card, used to spread new
 * cards evenly among the reviews.
 */
export function nextCard(input: QueueInput, sinceNew = 0): Card | null {
  return nextOf(scan(input), input, sinceNew);
}

/** The next card and the counts from one pass over the cards. */
export function plan(input: QueueInput, sinceNew = 0): { next: Card | null; counts: Counts } {
  const s = scan(input);
  return { next: nextOf(s, input, sinceNew), counts: scanCounts(s, input) };
}

/** Which bucket the next card comes from; null when the session is done for today. */
export type NextFrom = 'learning' | 'new' | 'review' | 'ahead' | null;

/**
 * The one serving rule, shared by the full scan and the incremental index: learning cards
 * due now first, then new cards spread evenly among the reviews (`sinceNew` reviews shown
 * since the last new card), then learning cards due within the learn-ahead window.
 */
export function nextFrom(
  a: { learningNow: boolean; fresh: number; reviews: number; laterIn: number | null },
  settings: Settings,
  today: Today,
  sinceNew: number,
): NextFrom {
  if (a.learningNow) return 'learning';
  const { newLeft, reviewsLeft } = limits(settings, today);
  const newAvail = Math.min(a.fresh, newLeft);
  const revAvail = Math.min(a.reviews, reviewsLeft);
  if (newAvail > 0 || revAvail > 0) {
    const every = newAvail > 0 ? Math.floor(revAvail / newAvail) : Number.POSITIVE_INFINITY;
    const serveNew = newAvail > 0 && (revAvail === 0 || sinceNew >= every);
    return serveNew ? 'new' : 'review';
  }
  return a.laterIn !== null && a.laterIn <= LEARN_AHEAD_MS ? 'ahead' : null;
}

function nextOf(s: Scan, input: QueueInput, sinceNew: number): Card | null {
  const from = nextFrom(
    {
      learningNow: s.nextLearning !== null,
      fresh: s.fresh,
      reviews: s.reviews,
      laterIn: s.nextLater ? s.nextLater.due - input.now : null,
    },
    input.settings,
    input.today,
    sinceNew,
  );
  switch (from) {
    case 'learning':
      return s.nextLearning!.card;
    case 'new':
      return s.firstFresh;
    case 'review':
      return s.nextReview!.card;
    case 'ahead':
      return s.nextLater!.card;
    case null:
      return null;
  }
}

/** A recall figure usable for ordering: a memory too broken to give one comes first. */
export function recallRank(r: number): number {
  return Number.isNaN(r) ? 0 : r;
}

/** Earliest due time among cards that are not available now, for "next card due ...". */
export function nextDueAfter(input: QueueInput): number | null {
  let best: number | null = null;
  for (const card of input.cards) {
    if (input.hidden?.(card.key)) continue;
    const m = input.memory(card.key);
    if (m && m.phase !== 'new' && m.due > input.now && (best === null || m.due < best))
      best = m.due;
  }
  return best;
}
