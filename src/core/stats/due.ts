// When cards fall due, in study days from today: one rule for the forecast, the Stats
// screen's "tomorrow" and the session summary's, so they always say the same number.
import { dayStart, studyDay } from '../clock.js';
import type { CardMarks, Memory } from '../model.js';

/**
 * The study day (as an offset from `today`) on which a card is next due: 0 for anything due
 * today or overdue, null for a card that is new or suspended. A card buried until the end
 * of a day is due the day after at the earliest.
 */
export function dueOffset(
  m: Memory | undefined,
  marks: CardMarks | undefined,
  today: number,
  dayStartsAt: number,
): number | null {
  if (!m || m.phase === 'new' || marks?.suspended) return null;
  let offset = Math.max(0, studyDay(m.due, dayStartsAt) - today);
  if (marks?.buriedDay !== undefined && marks.buriedDay >= today + offset)
    offset = marks.buriedDay - today + 1;
  return offset;
}

/** What the learner holds: each card's memory and marks, by card key. */
export interface Holdings {
  cards: Readonly<Record<string, Memory>>;
  marks: Readonly<Record<string, CardMarks>>;
}

/** One card with its memory and marks, looked up once for every series over the cards. */
export interface Held {
  key: string;
  m: Memory | undefined;
  marks: CardMarks | undefined;
}

/**
 * The cards' memories and marks in one pass: each lookup in a hundred thousand keys costs,
 * and the forecast, the card counts and the studied cards all read both.
 */
export function heldCards(keys: Iterable<string>, p: Holdings): Held[] {
  const out: Held[] = [];
  for (const key of keys) out.push({ key, m: p.cards[key], marks: p.marks[key] });
  return out;
}

/**
 * Cards due on each of `days` study days from today (index 0 = today, overdue included).
 * The same as dueOffset for each card, with the days' starts computed once: a due time is
 * placed among them by binary search instead of a calendar lookup per card.
 */
export function dueForecast(
  keys: Iterable<string>,
  p: Holdings,
  today: number,
  dayStartsAt: number,
  days: number,
): number[] {
  return dueForecastOf(heldCards(keys, p), today, dayStartsAt, days);
}

export function dueForecastOf(
  held: readonly Held[],
  today: number,
  dayStartsAt: number,
  days: number,
): number[] {
  const out = new Array<number>(days).fill(0);
  // starts[k] = when study day today + k begins (clock.ts: dayStart(day) <= t < dayStart(day + 1)).
  const starts = Array.from({ length: days + 1 }, (_, k) => dayStart(today + k, dayStartsAt));
  for (const { m, marks } of held) {
    if (!m || m.phase === 'new' || marks?.suspended) continue;
    let offset: number;
    if (m.due < starts[1]!) offset = 0;
    else if (m.due >= starts[days]!) offset = days;
    else {
      let lo = 1;
      let hi = days; // starts[lo] <= due < starts[hi]
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (m.due >= starts[mid]!) lo = mid;
        else hi = mid;
      }
      offset = lo;
    }
    if (marks?.buriedDay !== undefined && marks.buriedDay >= today + offset)
      offset = marks.buriedDay - today + 1;
    if (offset < days) out[offset]!++;
  }
  return out;
}

/** What the next study day holds. */
export interface Tomorrow {
  /**
   * Learning and review cards that fall due during the next study day, before any daily
   * limit. Cards already due today are today's and are not counted again (the forecast's
   * day 1).
   */
  reviews: number;
  /** New cards the next study day introduces, within the new-card limits. */
  new: number;
}

/** Tomorrow's load: the forecast's day 1, plus the new cards tomorrow's limits let in. */
export function tomorrow(
  keys: Iterable<string>,
  p: Holdings,
  today: number,
  dayStartsAt: number,
  newCards: number,
): Tomorrow {
  return { reviews: dueForecast(keys, p, today, dayStartsAt, 2)[1]!, new: newCards };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "23 reviews due (+10 new)", the words every screen uses for tomorrow. */
export function tomorrowText(t: Tomorrow): string {
  const due = `${plural(t.reviews, 'review', 'reviews')} due`;
  return t.new > 0 ? `${due} (+${t.new} new)` : due;
}
