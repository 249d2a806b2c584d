// Series read from the cards' current state: counts by state, the interval, stability,
// difficulty and retrievability distributions, and the hardest cards.
import type { Memory } from '../model.js';
import { type Held, type Holdings, heldCards } from './due.js';

export interface CardCounts {
  new: number;
  learning: number;
  review: number;
  relearning: number;
  /** Suspended cards, whatever their phase. */
  suspended: number;
  /** Buried until today ends (not suspended). */
  buried: number;
  total: number;
}

/** Cards by state; suspended and buried first, as Anki's Card Counts with inactive apart. */
export function cardCounts(keys: readonly string[], p: Holdings, today: number): CardCounts {
  return cardCountsOf(heldCards(keys, p), today);
}

export function cardCountsOf(held: readonly Held[], today: number): CardCounts {
  const c: CardCounts = {
    new: 0,
    learning: 0,
    review: 0,
    relearning: 0,
    suspended: 0,
    buried: 0,
    total: held.length,
  };
  for (const { m, marks } of held) {
    if (marks?.suspended) c.suspended++;
    else if (marks?.buriedDay !== undefined && marks.buriedDay >= today) c.buried++;
    else c[m?.phase ?? 'new']++;
  }
  return c;
}

export interface Bin {
  label: string;
  /** Lower bound, inclusive. */
  from: number;
  /** Upper bound, exclusive; null for the last, open bin. */
  to: number | null;
  count: number;
}

const DAY_EDGES = [0, 1, 2, 3, 7, 14, 21, 30, 60, 90, 180, 365];
const DAY_LABELS = [
  '<1d',
  '1d',
  '2d',
  '3-6d',
  '1-2w',
  '2-3w',
  '3w-1m',
  '1-2m',
  '2-3m',
  '3-6m',
  '6m-1y',
  '1y+',
];

function emptyBins(edges: readonly number[], labels: readonly string[], last: number | null) {
  return edges.map((from, i) => ({
    label: labels[i]!,
    from,
    to: i + 1 < edges.length ? edges[i + 1]! : last,
    count: 0,
  }));
}

const dayBins = () => emptyBins(DAY_EDGES, DAY_LABELS, null);
/** Ten bins of ten percent: 0-10% ... 90-100% (100% falls in the last). */
const percentBins = () =>
  emptyBins(
    Array.from({ length: 10 }, (_, i) => i / 10),
    Array.from({ length: 10 }, (_, i) => `${i * 10}-${i * 10 + 10}%`),
    1,
  );

function put(bins: Bin[], x: number): void {
  let i = bins.length - 1;
  while (i > 0 && x < bins[i]!.from) i--;
  bins[i]!.count++;
}

export interface Distributions {
  /** Days between the last answer and the due date (learning steps: <1d). */
  interval: Bin[];
  /** FSRS stability, days. */
  stability: Bin[];
  /** FSRS difficulty as Anki shows it: (D - 1) / 9, 0% easiest to 100% hardest. */
  difficulty: Bin[];
  /** Probability of recall now. */
  retrievability: Bin[];
  /** Mean retrievability over these cards; null without any. */
  meanRetrievability: number | null;
  /** Cards counted: studied at least once and not suspended. */
  cards: number;
}

/** What a card's recall probability is now (the scheduler's, in study days). */
export type Recall = (m: Memory) => number;

/** A studied card that is not suspended, with its recall now: what both series below read. */
export interface Studied {
  key: string;
  m: Memory;
  r: number;
}

/** One pass over the cards, asking recall once per card. */
export function studiedCards(keys: readonly string[], p: Holdings, recall: Recall): Studied[] {
  return studiedOf(heldCards(keys, p), recall);
}

export function studiedOf(held: readonly Held[], recall: Recall): Studied[] {
  const out: Studied[] = [];
  for (const { key, m, marks } of held)
    if (m && m.phase !== 'new' && !marks?.suspended) out.push({ key, m, r: recall(m) });
  return out;
}

export function distributions(keys: readonly string[], p: Holdings, recall: Recall): Distributions {
  return distributionsOf(studiedCards(keys, p, recall));
}

export function distributionsOf(cards: readonly Studied[]): Distributions {
  const d = {
    interval: dayBins(),
    stability: dayBins(),
    difficulty: percentBins(),
    retrievability: percentBins(),
  };
  let sum = 0;
  for (const { m, r } of cards) {
    put(d.interval, m.scheduledDays);
    put(d.stability, m.stability);
    put(d.difficulty, Math.min(1, Math.max(0, (m.difficulty - 1) / 9)));
    put(d.retrievability, r);
    sum += r;
  }
  return {
    ...d,
    meanRetrievability: cards.length ? Math.round((1000 * sum) / cards.length) / 1000 : null,
    cards: cards.length,
  };
}

export interface HardCard {
  key: string;
  retrievability: number;
  lapses: number;
}

export interface Hardest {
  /** Studied cards least likely to be recalled now, lowest first. */
  lowestRecall: HardCard[];
  /** Cards forgotten most often after learning them, most first (ties: lower recall). */
  mostLapses: HardCard[];
}

/** The first `n` of `xs` in `before` order, by keeping a short sorted list (no full sort). */
function firstN<T>(xs: Iterable<T>, n: number, before: (a: T, b: T) => number): T[] {
  const out: T[] = [];
  if (n <= 0) return out;
  for (const x of xs) {
    if (out.length === n) {
      if (before(x, out[n - 1]!) >= 0) continue;
      out.pop();
    }
    let i = out.length;
    out.push(x);
    while (i > 0 && before(x, out[i - 1]!) < 0) {
      out[i] = out[i - 1]!;
      i--;
    }
    out[i] = x;
  }
  return out;
}

/** The `n` hardest cards by each measure; suspended cards left out (they are not studied). */
export function hardestCards(
  keys: readonly string[],
  p: Holdings,
  recall: Recall,
  n: number,
): Hardest {
  return hardestOf(studiedCards(keys, p, recall), n);
}

export function hardestOf(cards: readonly Studied[], n: number): Hardest {
  const all: HardCard[] = cards.map(({ key, m, r }) => ({
    key,
    retrievability: Math.round(1000 * r) / 1000,
    lapses: m.lapses,
  }));
  const byKey = (a: HardCard, b: HardCard) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return {
    lowestRecall: firstN(all, n, (a, b) => a.retrievability - b.retrievability || byKey(a, b)),
    mostLapses: firstN(
      all.filter((c) => c.lapses > 0),
      n,
      (a, b) => b.lapses - a.lapses || a.retrievability - b.retrievability || byKey(a, b),
    ),
  };
}
