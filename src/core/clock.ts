// The study-day clock: the one place where wall time becomes study days.
// A study day runs from `dayStartsAt` local time to the same hour the next day, so a
// late-night session still counts for the day it started in. Local calendar fields are
// read through Date, which follows TZ, so DST shifts move the boundary with the clock.
// When `dayStartsAt` does not exist on a day (a spring-forward gap), Date resolves it to the
// first instant after the gap; when it occurs twice (fall-back), to its first occurrence.
// studyDay agrees with both, so dayStart(studyDay(t)) <= t < dayStart(studyDay(t) + 1).

const DAY_MS = 86_400_000;

function localFields(at: number): { y: number; m: number; d: number; h: number } {
  const t = new Date(at);
  return { y: t.getFullYear(), m: t.getMonth(), d: t.getDate(), h: t.getHours() };
}

/** Days since 1970-01-01 of the study day that contains `at`. */
export function studyDay(at: number, dayStartsAt: number): number {
  const { y, m, d, h } = localFields(at);
  const civil = Math.round(Date.UTC(y, m, d) / DAY_MS);
  return h < dayStartsAt ? civil - 1 : civil;
}

/** Epoch ms at which study day `day` begins. */
export function dayStart(day: number, dayStartsAt: number): number {
  const civil = new Date(day * DAY_MS);
  return new Date(
    civil.getUTCFullYear(),
    civil.getUTCMonth(),
    civil.getUTCDate(),
    dayStartsAt,
  ).getTime();
}

/** Epoch ms at which the study day containing `at` ends (the next one begins). */
export function nextDayStart(at: number, dayStartsAt: number): number {
  return dayStart(studyDay(at, dayStartsAt) + 1, dayStartsAt);
}
