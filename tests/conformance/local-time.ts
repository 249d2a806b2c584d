// An independent study-day clock for the oracle. It reads local time through Intl with an
// explicit zone, never through the process TZ or src/core/clock.ts, so a bug in the app's
// clock cannot hide itself by being shared with the oracle.
//
// A study day starts at the first instant whose local wall time is at or after
// `dayStartsAt`:00 on its date. When that hour does not exist (a DST gap) the day starts
// when the clock jumps over it; when it occurs twice (a fall-back overlap) the day starts at
// its first occurrence. (The issue asks for local-time boundaries here; Anki's timing.rs
// rollover_datetime() uses the UTC offset of "now" instead, which is an hour off across a
// DST change.)

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface LocalFields {
  y: number;
  m: number;
  d: number;
  h: number;
  min: number;
  s: number;
}

export class ZoneClock {
  private readonly fmt: Intl.DateTimeFormat;
  private readonly startCache = new Map<number, number>();

  constructor(
    readonly zone: string,
    readonly dayStartsAt: number,
  ) {
    this.fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  fields(at: number): LocalFields {
    const out: Record<string, number> = {};
    for (const p of this.fmt.formatToParts(at))
      if (p.type !== 'literal') out[p.type] = Number(p.value);
    return {
      y: out.year as number,
      m: (out.month as number) - 1,
      d: out.day as number,
      h: out.hour as number,
      min: out.minute as number,
      s: out.second as number,
    };
  }

  /** Local wall time of `at` as if it were UTC, in ms (whole seconds). */
  wall(at: number): number {
    const f = this.fields(at);
    return Date.UTC(f.y, f.m, f.d, f.h, f.min, f.s);
  }

  /** UTC offset at `at`, ms (local = utc + offset). */
  offset(at: number): number {
    return this.wall(Math.floor(at / 1000) * 1000) - Math.floor(at / 1000) * 1000;
  }

  /**
   * Days since 1970-01-01 of the study day containing `at`: the last day that has begun.
   * Read from the local hour alone, a day would end and begin again when the clocks go
   * back across `dayStartsAt` (Chatham repeats 02:45-03:45: with day-starts-at 3, 03:30
   * and the 02:50 an hour later would fall in different days, the later one earlier).
   */
  studyDay(at: number): number {
    const f = this.fields(at);
    let day = Math.round(Date.UTC(f.y, f.m, f.d) / DAY_MS) - (f.h < this.dayStartsAt ? 1 : 0);
    while (this.dayStart(day + 1) <= at) day++;
    while (this.dayStart(day) > at) day--;
    return day;
  }

  /** Epoch ms at which study day `day` begins. */
  dayStart(day: number): number {
    const hit = this.startCache.get(day);
    if (hit !== undefined) return hit;
    const target = day * DAY_MS + this.dayStartsAt * HOUR_MS;
    // Candidates: the target wall time under the offsets in force a day either side.
    const cands = [this.offset(target - DAY_MS), this.offset(target + DAY_MS), this.offset(target)]
      .map((o) => target - o)
      .filter((t) => this.wall(t) === target);
    let start: number;
    if (cands.length > 0) start = Math.min(...cands);
    else {
      // The hour does not exist: the day starts at the jump, the first instant whose wall
      // time is past the target. Wall time is monotone inside this window.
      let lo = target - 15 * HOUR_MS;
      let hi = target + 15 * HOUR_MS;
      while (this.wall(lo) > target) lo -= HOUR_MS;
      while (hi - lo > 1000) {
        const mid = Math.floor((lo + hi) / 2000) * 1000;
        if (this.wall(mid) > target) hi = mid;
        else lo = mid;
      }
      start = hi;
    }
    this.startCache.set(day, start);
    return start;
  }

  nextDayStart(at: number): number {
    return this.dayStart(this.studyDay(at) + 1);
  }
}

/** Every instant in [from, to) at which the zone's UTC offset changes, to the second. */
export function offsetChanges(zone: string, from: number, to: number): number[] {
  const c = new ZoneClock(zone, 0);
  const out: number[] = [];
  const step = 6 * HOUR_MS;
  let prev = c.offset(from);
  for (let t = from + step; t < to; t += step) {
    const o = c.offset(t);
    if (o === prev) continue;
    let lo = t - step;
    let hi = t;
    while (hi - lo > 1000) {
      const mid = Math.floor((lo + hi) / 2000) * 1000;
      if (c.offset(mid) === prev) lo = mid;
      else hi = mid;
    }
    out.push(hi);
    prev = o;
  }
  return out;
}
