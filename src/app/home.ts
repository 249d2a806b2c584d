// The figures the home screen, `status` and `decks` show: per-deck counts from one queue
// pass, streak, today's reviews, warnings.
import { studyDay } from '../core/clock.js';
import type { DeckRow, HomeData, Scope } from '../core/ports.js';
import { streak } from '../core/progress.js';
import type { QueueInput } from '../core/queue.js';
import { type Counts, countsByDeck } from '../core/queue.js';
import type { Settings } from '../core/settings.js';
import type { Store } from '../store/store.js';
import type { DeckIndex } from './deck-index.js';

/** What the figures are computed from: the collection, seen from here. */
export interface HomeSource {
  readonly index: DeckIndex;
  readonly store: Store;
  settings(): Settings;
  queueInput(scope: Scope, now: number): QueueInput;
}

export interface StatusJson {
  due: number;
  new: number;
  learning: number;
  overdue: number;
  reviewedToday: number;
  streak: number;
  decks: { id: string; title: string; cards: number; new: number; learning: number; due: number }[];
}

const NONE: Counts = { new: 0, learning: 0, due: 0, overdue: 0 };

export function deckRows(c: HomeSource, now: number): { rows: DeckRow[]; totals: Counts } {
  const { total, byDeck } = countsByDeck(c.queueInput({ decks: null, tag: null }, now));
  const rows = c.index.deckFacts().map((d) => ({ ...d, ...(byDeck.get(d.id) ?? NONE) }));
  return { rows, totals: total };
}

export function homeData(c: HomeSource, now: number): HomeData {
  const day = studyDay(now, c.settings().dayStartsAt);
  const { rows, totals } = deckRows(c, now);
  const p = c.store.progress;
  return {
    decks: rows,
    totals,
    streak: streak(p.days, day),
    reviewedToday: p.days[day]?.reviews ?? 0,
    warnings: [...c.index.warnings(), ...c.store.notices],
  };
}

export function statusJson(c: HomeSource, now: number): StatusJson {
  const h = homeData(c, now);
  return {
    due: h.totals.due,
    new: h.totals.new,
    learning: h.totals.learning,
    overdue: h.totals.overdue,
    reviewedToday: h.reviewedToday,
    streak: h.streak,
    decks: h.decks.map((d) => ({
      id: d.id,
      title: d.title,
      cards: d.cards,
      new: d.new,
      learning: d.learning,
      due: d.due,
    })),
  };
}
