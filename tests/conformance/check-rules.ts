// Anki's rules applied to one answer: the app's four outcomes against what anki-rules.ts
// expects, each difference reported under the name of the rule it breaks.
import {
  ALL_FACTORS,
  type AnkiCard,
  type AnkiContext,
  type AppIntervals,
  type Expected,
  type FactorSet,
  GRADES,
  type Grade,
  intersect,
} from './anki-rules.js';
import type { AppOutcome, Memory } from './app.js';
import type { ZoneClock } from './local-time.js';

/** Per step length (s), the distinct wall-clock delays the app gave it with fuzz on. */
export interface LearnFuzzSpread {
  spread: Map<number, number[]>;
}

export function iso(at: number, clock: ZoneClock): string {
  const f = clock.fields(at);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${new Date(at).toISOString()} (local ${f.y}-${p(f.m + 1)}-${p(f.d)} ${p(f.h)}:${p(f.min)}:${p(f.s)})`;
}

export function checkRules(
  expected: Record<Grade, Expected>,
  preview: Record<Grade, AppOutcome>,
  m: Memory,
  card: AnkiCard,
  now: number,
  ctx: AnkiContext,
  fail: (rule: string, detail: string) => void,
  count: (rule: string) => void,
  learnFuzz: LearnFuzzSpread,
): void {
  const clock = ctx.clock;
  const today = clock.studyDay(now);
  const app: AppIntervals = { 1: null, 2: null, 3: null, 4: null };
  const where = (g: Grade) => `grade ${g} on a ${card.phase} card at ${iso(now, clock)}`;
  for (const g of GRADES) {
    const e = expected[g];
    const o = preview[g].memory;
    const isDecimal =
      e.kind !== 'review' &&
      (card.phase === 'review' || card.phase === 'relearning'
        ? ctx.decimalRelearn
        : ctx.decimalLearn);
    count(isDecimal ? 'decimal-steps' : e.rule);
    count('counts');
    const reps = m.reps + 1;
    const lapses = m.lapses + (card.phase === 'review' && g === 1 ? 1 : 0);
    if (o.reps !== reps || o.lapses !== lapses || o.lastReview !== now)
      fail(
        'counts',
        `${where(g)}: reps ${o.reps} lapses ${o.lapses} last review ${o.lastReview}, want ${reps}, ${lapses}, ${now}`,
      );
    if (e.kind === 'secs') {
      const d = o.due - now;
      const lo = e.secs * 1000;
      const hi = e.fuzzUpper * 1000;
      // interval * 86400 truncated: Anki computes it in f32, so allow a second either way.
      const slack = e.rule === 'no-steps-short-term' ? 1000 : 0;
      const ok =
        o.phase === e.phase &&
        (hi > lo ? d >= lo - slack && d < hi + slack : Math.abs(d - lo) <= slack);
      if (hi > lo) count('learning-fuzz');
      if (ok && hi - lo >= 60_000) {
        const seen = learnFuzz.spread.get(e.secs) ?? [];
        seen.push(d);
        learnFuzz.spread.set(e.secs, seen);
      }
      if (!ok) {
        const decimal =
          card.phase === 'review' || card.phase === 'relearning'
            ? ctx.decimalRelearn
            : ctx.decimalLearn;
        const fuzzOnly = ctx.fuzz && o.phase === e.phase && d >= hi && d < lo + 2 * (hi - lo);
        const rule = decimal ? 'decimal-steps' : fuzzOnly ? 'learning-fuzz' : e.rule;
        fail(
          rule,
          `${where(g)}: ${o.phase} due ${iso(o.due, clock)} (+${d / 1000} s); Anki: ${e.phase}, step ${e.secs} s${hi > lo ? ` fuzzed below ${e.fuzzUpper} s` : ''} (due ${iso(now + lo, clock)})`,
        );
      }
    } else if (e.kind === 'days') {
      const want = clock.dayStart(today + e.days);
      const decimal =
        card.phase === 'review' || card.phase === 'relearning'
          ? ctx.decimalRelearn
          : ctx.decimalLearn;
      if (o.phase !== e.phase || o.due !== want)
        fail(
          decimal ? 'decimal-steps' : e.rule,
          `${where(g)}: ${o.phase} due ${iso(o.due, clock)}; Anki: ${e.phase} due at the start of study day +${e.days}, ${iso(want, clock)}`,
        );
    } else {
      if (o.phase !== 'review') {
        fail(
          e.rule,
          `${where(g)}: ${o.phase} due ${iso(o.due, clock)}; Anki: review, ${e.exact(app)} d`,
        );
        continue;
      }
      app[g] = o.scheduledDays;
    }
  }
  // Review intervals, in button order (each one's minimum depends on the one before).
  let factors: FactorSet = ALL_FACTORS;
  let looseFactors: FactorSet = ALL_FACTORS;
  let anyFuzzed = false;
  for (const g of GRADES) {
    const e = expected[g];
    const ivl = app[g];
    if (e.kind !== 'review' || ivl === null) continue;
    const o = preview[g].memory;
    const [lo, hi] = e.range(app);
    const prev = g > 1 ? app[(g - 1) as Grade] : null;
    count('review-cap');
    if (ivl > ctx.maxInterval)
      fail('review-cap', `${where(g)}: ${ivl} d > max-interval ${ctx.maxInterval}`);
    else if (ivl < lo || ivl > hi) {
      let rule = e.rule;
      const loose = e.without?.range(app);
      if (loose && ivl >= loose[0] && ivl <= loose[1]) rule = 'review-fuzz-not-backwards';
      else if (e.rule === 'review-interval') {
        if (prev !== null && prev !== undefined && ivl <= prev && prev < ctx.maxInterval)
          rule = 'review-order';
        else if (ctx.fuzz) rule = 'review-fuzz-range';
      } else if (e.rule === 'graduation-interval' && ctx.fuzz) rule = 'review-fuzz-range';
      fail(
        rule,
        `${where(g)}: ${ivl} d; Anki: ${lo === hi ? `${lo} d` : `${lo}-${hi} d`} (FSRS ${ctx.intervalOf(o.stability).toFixed(3)} d${prev ? `, previous button ${prev} d` : ''}, last interval ${card.lastInterval} d, max ${ctx.maxInterval})`,
      );
    } else if (ctx.fuzz) {
      anyFuzzed = true;
      factors = intersect(factors, e.factors(app));
      looseFactors = intersect(looseFactors, (e.without ?? e).factors(app));
    }
    count('due-day-start');
    const want = clock.dayStart(clock.studyDay(now) + ivl);
    if (o.due !== want)
      fail(
        'due-day-start',
        `${where(g)}: ${ivl} d due ${iso(o.due, clock)}; start of study day +${ivl} is ${iso(want, clock)}`,
      );
  }
  if (anyFuzzed) {
    count('fuzz-shared-factor');
    if (factors.length === 0 && looseFactors.length > 0)
      fail(
        'review-fuzz-not-backwards',
        `${where(3)}: intervals ${JSON.stringify(app)} fit one fuzz factor only if fuzz may go below the last interval (${card.lastInterval} d)`,
      );
    else if (factors.length === 0)
      fail(
        'fuzz-shared-factor',
        `${where(3)}: intervals ${JSON.stringify(app)} need different fuzz factors; Anki draws one per card and reps for every button`,
      );
  }
}
