// The study-day clock: the one place where wall time becomes study days.
// A study day runs from `dayStartsAt` local time to the same hour the next day, so a
// late-night session still counts for the day it started in. Local calendar fields are
// read through Date, which follows TZ, so DST shifts move the boundary with the clock.
// When `dayStartsAt` does not exist on a day (a spring-forward gap), the day starts at the
// first instant after the gap; when it occurs twice (fall-back), at its first occurrence.
// studyDay agrees with both, so dayStart(studyDay(t)) <= t < dayStart(studyDay(t) + 1), and
// never goes back when the clock does.

const DAY_MS = 86_400_000;

function localFields(at: number): { y: number; m: number; d: number; h: number } {
  const t = new Date(at);
  return { y: t.getFullYear(), m: t.getMonth(), d: t.getDate(), h: t.getHours() };
}

/** Days since 1970-01-01 of the study day that contains `at`. */
export function studyDay(at: number, dayStartsAt: number): number {
  // Local wall time as if it were UTC: one offset read instead of four calendar getters
  // (the queue asks this for every overdue card).
  const local = at - new Date(at).getTimezoneOffset() * 60_000;
  const civil = Math.floor(local / DAY_MS);
  const h = Math.floor((local - civil * DAY_MS) / 3_600_000);
  if (h < dayStartsAt - 1 || h > dayStartsAt + 1) return h < dayStartsAt ? civil - 1 : civil;
  // Near the start hour, compare with the instant the day starts: where clocks go back
  // across it (Chatham at 03:45, day-starts-at 3), the hour reads 2 again after the day began.
  return at < dayStart(civil, dayStartsAt) ? civil - 1 : civil;
}

/** Epoch ms at which study day `day` begins. */
export function dayStart(day: number, dayStartsAt: number): number {
  const civil = new Date(day * DAY_MS);
  const y = civil.getUTCFullYear();
  const m = civil.getUTCMonth();
  const d = civil.getUTCDate();
  const t = new Date(y, m, d, dayStartsAt).getTime();
  if (new Date(t).getHours() === dayStartsAt) return t;
  // The start hour falls in a gap. Date reads it with the offset before the change, which
  // lands past the change when the gap starts earlier (Chatham: 02:45 -> 03:45, day-starts-at
  // 3 gives 04:00): the day starts at the first instant whose clock reads the hour or later.
  const reached = (u: number) => {
    const f = localFields(u);
    return f.d === d && f.h >= dayStartsAt;
  };
  let lo = t - 3 * 3_600_000;
  let hi = t;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (reached(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Epoch ms at which the study day containing `at` ends (the next one begins). */
export function nextDayStart(at: number, dayStartsAt: number): number {
  return dayStart(studyDay(at, dayStartsAt) + 1, dayStartsAt);
}
