// Training items for the FSRS optimizer, built from the review log as Anki builds them
// (rslib/src/scheduler/fsrs/params.rs, `reviews_for_fsrs` with training = true):
// - per card, history starts at the first answer of its last run of learning answers (the
//   last time it was new); a card with no such run is left out, as Anki leaves out cards
//   without learning steps;
// - a `forget` mark is Anki's reset: what came before it is dropped;
// - answers that did not feed the schedule are not history: exam answers with `fed: false`,
//   answers taken back by an undo, cram answers and any record kind this version does not
//   treat as a scheduling answer (only `review` records are read);
// - delta_t is whole study days between answers (the log's `day`, which already counts
//   from the day-start hour in the local zone); same-day answers stay in the history with
//   delta_t 0 (FSRS-6's short-term terms use them) but are never an item of their own:
//   an item is emitted only for an answer with delta_t > 0.
// That last rule also keeps the binding alive: fsrs-rs aborts the whole process (a Rust
// panic, exit 134) on an item without a review after a gap, so `trainable` checks every
// item again before it leaves this module.
import type { Grade, LogRecord, ReviewRecord } from '../model.js';

/** One review inside an item: the grade and whole study days since the previous answer. */
export type ItemReview = readonly [rating: Grade, deltaT: number];

export interface TrainingItem {
  /** The card's history up to and including the answer being predicted. */
  reviews: ItemReview[];
  /** Time of the predicted answer: items are ordered by it for time-series splits. */
  at: number;
  key: string;
}

export interface ItemSet {
  items: TrainingItem[];
  /** Answers in the histories the items came from (Anki's review count). */
  reviews: number;
  /** Every answer that fed the schedule, usable or not (for telling the learner). */
  answers: number;
  /** Cards that gave at least one item. */
  cards: number;
}

/** What Anki calls a learning answer: the card was new (or in its learning steps). */
function isLearning(r: ReviewRecord): boolean {
  return r.before === null || r.before.phase === 'new' || r.before.phase === 'learning';
}

type Entry =
  | { kind: 'answer'; rec: ReviewRecord }
  | { kind: 'reset'; at: number }
  | { kind: 'restore'; at: number };

const entryAt = (e: Entry) => (e.kind === 'answer' ? e.rec.at : e.at);

/**
 * An `unforget` (undo of a forget) right after its forget cancels it, as Anki's undo takes
 * back its reset; after an answer it restores nothing (the fold keeps the newer memory).
 */
function cancelUndoneResets(list: Entry[]): Entry[] {
  const out: Entry[] = [];
  for (const e of list) {
    if (e.kind !== 'restore') out.push(e);
    else if (out.at(-1)?.kind === 'reset') out.pop();
  }
  return out;
}

/** Answers that fed the schedule and resets, per card, in time order. */
function historyByCard(records: readonly LogRecord[]): Map<string, Entry[]> {
  const undone = new Set<string>();
  for (const rec of records) if (rec.type === 'undo') undone.add(rec.review.id);
  const seen = new Set<string>();
  const byCard = new Map<string, Entry[]>();
  const push = (key: string, e: Entry) => {
    const list = byCard.get(key);
    if (list) list.push(e);
    else byCard.set(key, [e]);
  };
  for (const rec of records) {
    if (rec.type === 'review') {
      if (seen.has(rec.id) || undone.has(rec.id) || rec.fed === false) continue;
      seen.add(rec.id);
      push(rec.key, { kind: 'answer', rec });
    } else if (rec.type === 'mark' && rec.mark === 'forget') {
      push(rec.key, { kind: 'reset', at: rec.at });
    } else if (rec.type === 'mark' && rec.mark === 'unforget') {
      push(rec.key, { kind: 'restore', at: rec.at });
    }
  }
  for (const [key, list] of byCard)
    byCard.set(key, cancelUndoneResets(list.sort((a, b) => entryAt(a) - entryAt(b))));
  return byCard;
}

/**
 * The answers training uses for one card, or null when Anki would leave the card out.
 * Walks back from the latest answer as `reviews_for_fsrs` does.
 */
function trainingHistory(entries: readonly Entry[]): ReviewRecord[] | null {
  let firstOfLastLearn: number | null = null;
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i] as Entry;
    if (e.kind === 'answer') {
      if (isLearning(e.rec)) firstOfLastLearn = i;
      else if (firstOfLastLearn !== null) break;
      continue;
    }
    // A reset: history before it does not count. Without learning answers after it the
    // card's start is unknown (or it was never studied again), and training skips it.
    if (firstOfLastLearn !== null) break;
    return null;
  }
  if (firstOfLastLearn === null) return null;
  const out: ReviewRecord[] = [];
  for (let i = firstOfLastLearn; i < entries.length; i++) {
    const e = entries[i] as Entry;
    if (e.kind === 'answer') out.push(e.rec);
  }
  return out;
}

/** Every item of one card's history: one per answer after a gap of at least a study day. */
export function cardItems(key: string, history: readonly ReviewRecord[]): TrainingItem[] {
  const reviews: ItemReview[] = history.map((r, i) => [
    r.rating,
    i === 0 ? 0 : Math.max(0, r.day - (history[i - 1] as ReviewRecord).day),
  ]);
  const items: TrainingItem[] = [];
  for (let i = 1; i < reviews.length; i++) {
    if ((reviews[i] as ItemReview)[1] <= 0) continue;
    items.push({ reviews: reviews.slice(0, i + 1), at: (history[i] as ReviewRecord).at, key });
  }
  return items;
}

/**
 * Whether fsrs-rs can take the item without aborting: ratings 1-4, whole non-negative day
 * counts, the first one 0, and at least one review after a gap (the last one, as built).
 */
export function trainable(item: { reviews: readonly ItemReview[] }): boolean {
  const r = item.reviews;
  if (r.length < 2 || (r[0] as ItemReview)[1] !== 0) return false;
  let gap = false;
  for (const [rating, deltaT] of r) {
    if (!(rating === 1 || rating === 2 || rating === 3 || rating === 4)) return false;
    if (!Number.isInteger(deltaT) || deltaT < 0) return false;
    if (deltaT > 0) gap = true;
  }
  return gap;
}

/**
 * The items as the worker takes them, without repeating a card's history in every item
 * (a year of study has over a million reviews in its items' prefixes): each card's reviews
 * once, and each item as [index of its card's reviews, how many of them it holds].
 */
export interface CompactItems {
  histories: ItemReview[][];
  items: [history: number, length: number][];
}

export function compactItems(items: readonly TrainingItem[]): CompactItems {
  const index = new Map<string, number>();
  const histories: ItemReview[][] = [];
  const out: [number, number][] = [];
  for (const item of items) {
    let i = index.get(item.key);
    const known = i === undefined ? undefined : histories[i];
    if (i === undefined || !known) {
      i = histories.length;
      index.set(item.key, i);
      histories.push([...item.reviews]);
    } else if (known.length < item.reviews.length) {
      // Items come in time order, so a later item of the card extends what is known.
      histories[i] = [...item.reviews];
    }
    out.push([i, item.reviews.length]);
  }
  return { histories, items: out };
}

/** The optimizer's items from the whole log, ordered by the time of the predicted answer. */
export function trainingItems(records: readonly LogRecord[]): ItemSet {
  const items: TrainingItem[] = [];
  let reviews = 0;
  let cards = 0;
  let answers = 0;
  for (const [key, entries] of historyByCard(records)) {
    for (const e of entries) if (e.kind === 'answer') answers++;
    const history = trainingHistory(entries);
    if (!history) continue;
    const own = cardItems(key, history).filter(trainable);
    if (own.length === 0) continue;
    items.push(...own);
    reviews += history.length;
    cards++;
  }
  items.sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { items, reviews, answers, cards };
}

/** The answers each card's training history holds, for the learning-step analysis. */
export function trainingHistories(records: readonly LogRecord[]): Map<string, ReviewRecord[]> {
  const out = new Map<string, ReviewRecord[]>();
  for (const [key, entries] of historyByCard(records)) {
    const history = trainingHistory(entries);
    if (history && history.length > 0) out.set(key, history);
  }
  return out;
}
