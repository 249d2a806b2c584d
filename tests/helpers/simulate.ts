// A learner simulated from known FSRS-6 parameters, for the optimizer's tests and for trying
// `optimize` by hand. The learner's true memory follows TRUE_W (forgets faster than FSRS'
// defaults assume); the app schedules with its own Scheduler and default weights, as a new
// user's would. Deterministic for a given seed.
import { default_w, type Grade as FsrsGrade, fsrs } from 'ts-fsrs';
import { dayStart, studyDay } from '../../src/core/clock.js';
import type { Grade, LogRecord, Memory } from '../../src/core/model.js';
import { reviewRecord } from '../../src/core/records.js';
import { newMemory, Scheduler } from '../../src/core/scheduler.js';
import { resolveSettings } from '../../src/core/settings.js';

/** A learner whose memories are weaker than the defaults say, with a steeper forgetting curve. */
export const TRUE_W: number[] = (() => {
  const w = [...default_w];
  w[0] = 0.08; // Again on a new card: gone within hours
  w[1] = 0.4;
  w[2] = 1.2;
  w[3] = 3.0;
  w[8] = 0.8; // stability grows more slowly after a success
  w[20] = 0.55;
  return w;
})();

export interface SimOptions {
  seed: number;
  days: number;
  newPerDay: number;
  /** Card keys are `${deck}/c${i}`. */
  deck: string;
  start: number;
  device?: string;
}

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    // xorshift32: small, fast, and the same on every machine.
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4_294_967_296;
  };
}

interface Learner {
  key: string;
  memory: Memory;
  truth: { stability: number; difficulty: number } | null;
  lastDay: number;
  lastAt: number;
}

export function simulateLog(opts: SimOptions): LogRecord[] {
  const random = rng(opts.seed);
  const settings = resolveSettings({ fuzz: false });
  const scheduler = new Scheduler(settings);
  const truth = fsrs({ w: TRUE_W, enable_short_term: true });
  const device = opts.device ?? 'sim';
  const records: LogRecord[] = [];
  const cards: Learner[] = [];
  const firstDay = studyDay(opts.start, settings.dayStartsAt);
  let n = 0;
  const grade = (recalled: boolean): Grade => {
    if (!recalled) return 1;
    const x = random();
    return x < 0.12 ? 2 : x < 0.92 ? 3 : 4;
  };
  const answer = (c: Learner, at: number, day: number) => {
    const elapsed = c.truth ? day - c.lastDay : 0;
    // Recall decays in real time, within a day too (learning steps can be forgotten); the
    // model's state moves by whole study days, as FSRS counts them.
    const realDays = Math.max(0, (at - c.lastAt) / 86_400_000);
    const p = c.truth ? truth.forgetting_curve(realDays, c.truth.stability) : 0.75;
    const rating = grade(random() < p);
    const before = c.memory.phase === 'new' ? null : c.memory;
    const after = scheduler.answer(c.memory, at, rating, c.key);
    c.truth = truth.next_state(c.truth, elapsed, rating as FsrsGrade);
    c.lastDay = day;
    c.lastAt = at;
    records.push(
      reviewRecord({
        id: `${device}-${String(++n).padStart(7, '0')}`,
        key: c.key,
        at,
        rating,
        mode: 'study',
        tookMs: 3000 + Math.floor(random() * 5000),
        before,
        after,
        day,
      }),
    );
    c.memory = after;
  };
  for (let d = 0; d < opts.days; d++) {
    const day = firstDay + d;
    let at = dayStart(day, settings.dayStartsAt) + 5 * 3_600_000 + Math.floor(random() * 3_600_000);
    for (let i = 0; i < opts.newPerDay; i++) {
      const c: Learner = {
        key: `${opts.deck}/c${cards.length}`,
        memory: newMemory(at),
        truth: null,
        lastDay: day,
        lastAt: at,
      };
      cards.push(c);
    }
    // Answer whatever is due, learning steps included, until nothing is due today.
    for (let round = 0; round < 6; round++) {
      const due = cards.filter((c) => c.memory.phase === 'new' || c.memory.due <= at);
      if (due.length === 0) break;
      for (const c of due) {
        at += 20_000 + Math.floor(random() * 20_000);
        answer(c, at, studyDay(at, settings.dayStartsAt));
      }
      at += 11 * 60_000;
    }
  }
  return records;
}
