// The figures the home screen, `status` and `decks` show: per-deck counts from one queue
// pass, streak, today's reviews, warnings.
import { studyDay } from '../core/clock.js';
import type { DeckRow, HomeData } from '../core/ports.js';
import { streak } from '../core/progress.js';
import { type Counts, countsByDeck } from '../core/queue.js';
import type { Collection } from './collection.js';

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

export function deckRows(c: Collection, now: number): { rows: DeckRow[]; totals: Counts } {
  const { total, byDeck } = countsByDeck(c.queueInput({ decks: null, tag: null }, now));
  const rows = c.index.deckFacts().map((d) => ({ ...d, ...(byDeck.get(d.id) ?? NONE) }));
  return { rows, totals: total };
}

export function homeData(c: Collection, now: number): HomeData {
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

export function statusJson(c: Collection, now: number): StatusJson {
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
