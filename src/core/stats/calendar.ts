// The calendar: answers per study day over the last year, as a heatmap, with the streaks.
export const CALENDAR_DAYS = 365;

export interface CalendarCell {
  /** Study day number (days since 1970-01-01 of the day it began). */
  day: number;
  answers: number;
  /** 0 for none, else 1..4 by quarter of the busiest day. */
  level: 0 | 1 | 2 | 3 | 4;
}

export interface Calendar {
  /** The last 365 study days, oldest first, today last. */
  cells: CalendarCell[];
  /** Days with answers among them. */
  activeDays: number;
  /** Consecutive days with answers, ending today (or yesterday when today has none yet). */
  currentStreak: number;
  /** The longest run of days with answers in the whole history. */
  longestStreak: number;
}

/** The calendar from the answers per study day (answersPerDay). */
export function calendar(perDay: ReadonlyMap<number, number>, today: number): Calendar {
  const has = (d: number) => (perDay.get(d) ?? 0) > 0;
  const counts: number[] = [];
  for (let d = today - CALENDAR_DAYS + 1; d <= today; d++) counts.push(perDay.get(d) ?? 0);
  const max = Math.max(0, ...counts);
  const cells = counts.map((answers, i) => ({
    day: today - CALENDAR_DAYS + 1 + i,
    answers,
    level: (answers === 0
      ? 0
      : Math.max(1, Math.ceil((4 * answers) / max))) as CalendarCell['level'],
  }));
  let current = 0;
  for (let d = has(today) ? today : today - 1; has(d); d--) current++;
  // Days after today (a clock set back) are not part of any streak yet.
  const active = [...perDay.keys()].filter((d) => has(d) && d <= today).sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  for (let i = 0; i < active.length; i++) {
    run = i > 0 && active[i] === active[i - 1]! + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  return {
    cells,
    activeDays: counts.filter((c) => c > 0).length,
    currentStreak: current,
    longestStreak: longest,
  };
}
