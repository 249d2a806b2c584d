// What to study next, computed from card states alone so the home screen, `status` and
// the session always agree. Pure: the caller passes the clock and today's counts.
import { dayStart, nextDayStart, studyDay } from './clock.js';
import type { Card, Memory } from './model.js';
import type { Settings } from './settings.js';

/** Once nothing else is left, learning cards due within this window are shown early. */
export const LEARN_AHEAD_MS = 20 * 60_000;

export interface Today {
  /** New cards introduced today (from the log, so a restart does not reset it). */
  newDone: number;
  /** Review-phase cards answered today. */
  reviewsDone: number;
}

export interface QueueInput {
  cards: readonly Card[];
  memory: (key: string) => Memory | undefined;
  now: number;
  settings: Settings;
  today: Today;
  /** Suspended and buried cards are left out. */
  hidden?: (key: string) => boolean;
  /** Probability of recall now; overdue reviews are served lowest first. */
  retrievability?: (m: Memory) => number;
}

export interface Counts {
  new: number;
  learning: number;
  due: number;
  /** Of `due`, how many were due before today began (a break, a missed day). */
  overdue: number;
}

interface Buckets {
  learningNow: { card: Card; due: number }[];
  learningLater: { card: Card; due: number }[];
  reviews: { card: Card; due: number; overdue: boolean; r: number }[];
  fresh: Card[];
}

/** Entries with a card answered today: their other new and review cards wait until tomorrow. */
function answeredToday(input: QueueInput, start: number): Set<string> {
  const groups = new Set<string>();
  for (const card of input.cards) {
    const last = input.memory(card.key)?.lastReview;
    if (last != null && last >= start) groups.add(card.sibling);
  }
  return groups;
}

function bucket(input: QueueInput): Buckets {
  const dayEnd = nextDayStart(input.now, input.settings.dayStartsAt);
  const todayStart = dayStart(
    studyDay(input.now, input.settings.dayStartsAt),
    input.settings.dayStartsAt,
  );
  const buried = input.settings.burySiblings ? answeredToday(input, todayStart) : new Set<string>();
  const b: Buckets = { learningNow: [], learningLater: [], reviews: [], fresh: [] };
  for (const card of input.cards) {
    if (input.hidden?.(card.key)) continue;
    const m = input.memory(card.key);
    const held = !m || m.phase === 'new' || m.phase === 'review';
    if (held && buried.has(card.sibling) && (m?.lastReview ?? -1) < todayStart) continue;
    if (!m || m.phase === 'new') {
      b.fresh.push(card);
    } else if (m.phase === 'learning' || m.phase === 'relearning') {
      if (m.due <= input.now) b.learningNow.push({ card, due: m.due });
      else if (m.due < dayEnd) b.learningLater.push({ card, due: m.due });
    } else if (m.due < dayEnd) {
      const overdue = m.due < todayStart;
      const r = overdue && input.retrievability ? input.retrievability(m) : 1;
      b.reviews.push({ card, due: m.due, overdue, r });
    }
  }
  b.learningNow.sort((x, y) => x.due - y.due);
  b.learningLater.sort((x, y) => x.due - y.due);
  // After a break the most forgettable come first; today's reviews follow in due order.
  b.reviews.sort((x, y) => Number(y.overdue) - Number(x.overdue) || x.r - y.r || x.due - y.due);
  return b;
}

function limits(input: QueueInput) {
  return {
    newLeft: Math.max(0, input.settings.newPerDay - input.today.newDone),
    reviewsLeft: Math.max(0, input.settings.reviewsPerDay - input.today.reviewsDone),
  };
}

export function counts(input: QueueInput): Counts {
  const b = bucket(input);
  const { newLeft, reviewsLeft } = limits(input);
  const due = Math.min(b.reviews.length, reviewsLeft);
  return {
    new: Math.min(b.fresh.length, newLeft),
    learning: b.learningNow.length + b.learningLater.length,
    due,
    overdue: Math.min(due, b.reviews.filter((r) => r.overdue).length),
  };
}

/**
 * The next card, or null when the session is done for today.
 * `sinceNew` is how many reviews were shown since the last new card, used to spread new
 * cards evenly among the reviews.
 */
export function nextCard(input: QueueInput, sinceNew = 0): Card | null {
  const b = bucket(input);
  const first = b.learningNow[0];
  if (first) return first.card;
  const { newLeft, reviewsLeft } = limits(input);
  const newAvail = Math.min(b.fresh.length, newLeft);
  const revAvail = Math.min(b.reviews.length, reviewsLeft);
  if (newAvail > 0 || revAvail > 0) {
    const every = newAvail > 0 ? Math.floor(revAvail / newAvail) : Number.POSITIVE_INFINITY;
    const serveNew = newAvail > 0 && (revAvail === 0 || sinceNew >= every);
    if (serveNew) return b.fresh[0]!;
    return b.reviews[0]!.card;
  }
  const ahead = b.learningLater[0];
  if (ahead && ahead.due - input.now <= LEARN_AHEAD_MS) return ahead.card;
  return null;
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
