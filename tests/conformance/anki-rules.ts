// Anki 25.x's FSRS scheduling rules, written out as an independent oracle for the
// conformance suite. It shares no code with src/: the memory state comes from ts-fsrs driven
// directly (fsrs-direct.ts) and local time from local-time.ts. Each rule names the Anki
// source it follows (ankitects/anki, rslib/src/scheduler/...).
//
// Fuzz: Anki draws one fuzz factor per (card, reps) (answering/mod.rs get_fuzz_seed: card id
// + reps; get_fuzz_factor) and uses it for every button, so Hard/Good/Easy of one answer are
// jointly consistent with a single factor in [0, 1). The oracle cannot know the app's factor,
// so for fuzzed outcomes it returns constraints on the factor instead of one value: the set
// of factors that yield the app's interval. The answer is consistent with Anki when the
// constraints of all buttons intersect.

import {
  ALL_FACTORS,
  constrainedFuzzBounds,
  type FactorSet,
  factorsGiving,
  intersect,
  minMax,
  withReviewFuzz,
} from './anki-fuzz.js';
import { goodDelaySecs, hardDelaySecs, stepIndex } from './anki-steps.js';
import type { ZoneClock } from './local-time.js';

export { ALL_FACTORS, type FactorSet, intersect } from './anki-fuzz.js';
export { stepSecs } from './anki-steps.js';

export type Phase = 'new' | 'learning' | 'review' | 'relearning';
export type Grade = 1 | 2 | 3 | 4;
export const GRADES: readonly Grade[] = [1, 2, 3, 4];
const DAY_SECS = 86_400;

export interface MemoryState {
  stability: number;
  difficulty: number;
}

/** The oracle's own view of a card, as Anki's CardState would hold it. */
export interface AnkiCard {
  phase: Phase;
  /** Anki's remaining_steps while (re)learning. */
  remaining: number;
  /** scheduled_days of the review state (for "fuzz never goes backwards"). */
  lastInterval: number;
  memory: MemoryState | null;
  lastReview: number | null;
}

export function newAnkiCard(): AnkiCard {
  return { phase: 'new', remaining: 0, lastInterval: 0, memory: null, lastReview: null };
}

export interface AnkiContext {
  learnSecs: number[];
  relearnSecs: number[];
  maxInterval: number;
  fuzz: boolean;
  /** w17 > 0 && w18 > 0 (answering/mod.rs fsrs_allow_short_term). */
  allowShortTerm: boolean;
  clock: ZoneClock;
  /** Whether the learning / relearning steps hold a decimal step ("1.5m", "0.5h"). */
  decimalLearn: boolean;
  decimalRelearn: boolean;
  /** Unrounded FSRS interval in days for a stability (fsrs-rs next_interval). */
  intervalOf: (stability: number) => number;
}

// ---- what Anki does with one answer ----

/** The app's review interval per button (null when the app's outcome is not a review). */
export type AppIntervals = Record<Grade, number | null>;

/** How the app's outcome for one button must look. */
export type Expected =
  | {
      kind: 'secs';
      phase: 'learning' | 'relearning';
      remaining: number;
      /** The step before fuzz; due = answer + secs (+ learning fuzz). */
      secs: number;
      /** Learning fuzz: due - answer in [secs, fuzzUpper) seconds (answering/learning.rs). */
      fuzzUpper: number;
      rule: string;
    }
  | {
      kind: 'days';
      phase: 'learning' | 'relearning';
      remaining: number;
      /** A step that reaches the rollover: due at the start of study day today + days. */
      days: number;
      rule: string;
    }
  | {
      kind: 'review';
      /** The interval with fuzz off, given the app's earlier buttons. */
      exact: (app: AppIntervals) => number;
      /** Anki's allowed [lo, hi] with fuzz on, given the app's earlier buttons. */
      range: (app: AppIntervals) => [number, number];
      /** Fuzz factors that give the app's interval. */
      factors: (app: AppIntervals) => FactorSet;
      rule: string;
      /** The same without "fuzz never goes backwards", to name that rule when only it fails. */
      without?: ReviewExpected;
    };

export type ReviewExpected = Extract<Expected, { kind: 'review' }>;

/** A review outcome of with_review_fuzz(interval, minimum(app), max). */
function fuzzed(
  ctx: AnkiContext,
  g: Grade,
  interval: number,
  minimum: (app: AppIntervals) => number,
  rule: string,
): ReviewExpected {
  const max = Math.max(ctx.maxInterval, 1);
  const min = (app: AppIntervals) => minMax(ctx.maxInterval, minimum(app))[0];
  return {
    kind: 'review',
    rule,
    exact: (app) => withReviewFuzz(null, interval, min(app), max),
    range: (app) =>
      ctx.fuzz
        ? constrainedFuzzBounds(interval, min(app), max)
        : [
            withReviewFuzz(null, interval, min(app), max),
            withReviewFuzz(null, interval, min(app), max),
          ],
    factors: (app) => {
      const v = app[g];
      if (v === null) return [];
      if (!ctx.fuzz) return v === withReviewFuzz(null, interval, min(app), max) ? ALL_FACTORS : [];
      const r = factorsGiving(v, interval, min(app), max);
      return r ? [r] : [];
    },
  };
}

/** answering/learning.rs with_learning_fuzz: up to 25% more, at most 5 minutes. */
function learningFuzzUpper(secs: number, fuzz: boolean): number {
  if (!fuzz) return secs;
  const upper = secs + Math.floor(Math.min(Math.fround(secs * 0.25), 300));
  return upper;
}

/**
 * A step of `secs` answered at `now`: states/interval_kind.rs maybe_as_days turns a step
 * that reaches the next rollover into whole days (due at the start of that study day);
 * otherwise the card is due after the (fuzzed) step, in wall-clock time.
 */
function stepOutcome(
  ctx: AnkiContext,
  now: number,
  secs: number,
  phase: 'learning' | 'relearning',
  remaining: number,
  rule: string,
): Expected {
  const untilRolloverMs = ctx.clock.nextDayStart(now) - now;
  if (secs * 1000 >= untilRolloverMs) {
    const days = Math.floor((secs * 1000 - untilRolloverMs) / (DAY_SECS * 1000)) + 1;
    const why =
      rule === 'no-steps-short-term' ? rule : secs >= DAY_SECS ? 'interday-step' : 'step-rollover';
    return { kind: 'days', phase, remaining, days, rule: why };
  }
  return {
    kind: 'secs',
    phase,
    remaining,
    secs,
    fuzzUpper: learningFuzzUpper(secs, ctx.fuzz),
    rule,
  };
}

// ---- the transitions ----

/**
 * The expected outcome of every button for `card` answered at `now`; `next` holds the FSRS
 * memory state after each button (ts-fsrs driven directly).
 */
export function expectedOutcomes(
  card: AnkiCard,
  now: number,
  next: Record<Grade, MemoryState>,
  ctx: AnkiContext,
): Record<Grade, Expected> {
  const ivl = (g: Grade) => ctx.intervalOf(next[g].stability);
  if (card.phase === 'review') return reviewOutcomes(card, now, ivl, ctx);
  const relearning = card.phase === 'relearning';
  const steps = relearning ? ctx.relearnSecs : ctx.learnSecs;
  const phase = relearning ? 'relearning' : 'learning';
  // A new card answers as a learning card on its first step (states/new.rs).
  const remaining = card.phase === 'new' ? steps.length : card.remaining;
  const tag = relearning ? 'relearning' : 'learning';

  /** No step left for this button: FSRS decides (learning.rs / relearning.rs). */
  const graduate = (g: Grade, rule: string): Expected => {
    const interval = ivl(g);
    // Short-term scheduling without steps: stay in (re)learning for a sub-day interval.
    if (ctx.allowShortTerm && steps.length === 0 && interval < 0.5)
      return stepOutcome(
        ctx,
        now,
        Math.trunc(interval * 86_400),
        phase,
        remaining,
        'no-steps-short-term',
      );
    // with_review_fuzz(interval.round().max(1.0), 1, max): rounded first, then fuzzed.
    return fuzzed(ctx, g, Math.max(Math.round(interval), 1), () => 1, rule);
  };

  const out = {} as Record<Grade, Expected>;
  // Again: back to the first step (steps.rs again_delay_secs_learn).
  out[1] =
    steps.length > 0
      ? stepOutcome(ctx, now, steps[0] as number, phase, steps.length, `${tag}-again`)
      : graduate(1, `${tag}-again`);
  // Hard: the mean of the first two steps on the first step (1.5x a single step, at most a
  // day more), the current step again on later steps (steps.rs hard_delay_secs).
  const hard = hardDelaySecs(steps, remaining);
  out[2] =
    hard !== null
      ? stepOutcome(ctx, now, hard, phase, remaining, `${tag}-hard`)
      : graduate(2, `${tag}-hard`);
  // Good: the next step, or graduate with the FSRS interval (learning.rs answer_good).
  const good = goodDelaySecs(steps, remaining);
  out[3] =
    good !== null
      ? stepOutcome(
          ctx,
          now,
          good,
          phase,
          steps.length - (stepIndex(steps, remaining) + 1),
          `${tag}-good`,
        )
      : graduate(3, 'graduation-interval');
  out[4] = easyAfterLearning(ctx, ivl(3), ivl(4), out[3].kind === 'review');
  return out;
}

/**
 * Easy from (re)learning graduates at least a day past Good (learning.rs / relearning.rs
 * answer_easy): good = with_review_fuzz(good.interval, 1, max) on the unrounded interval,
 * easy = with_review_fuzz(easy.round().max(1), good + 1, max), one fuzz factor for both.
 * That `good` can be a day shorter than the graduating interval the Good button shows
 * (answer_good rounds first), so the "Easy >= Good + 1" adds: when Good graduates
 * and Easy is not past it, Easy is the shown Good + 1 (within the cap).
 */
function easyAfterLearning(
  ctx: AnkiContext,
  goodIvl: number,
  easyIvl: number,
  goodGraduates: boolean,
): Expected {
  const max = Math.max(ctx.maxInterval, 1);
  const easy = Math.max(Math.round(easyIvl), 1);
  const shownGood = (app: AppIntervals): number | null => (goodGraduates ? app[3] : null);
  const lift = (v: number, shown: number | null) =>
    shown !== null && v <= shown ? Math.min(shown + 1, max) : v;
  const exact = (app: AppIntervals) =>
    lift(
      withReviewFuzz(null, easy, withReviewFuzz(null, goodIvl, 1, max) + 1, max),
      shownGood(app),
    );
  return {
    kind: 'review',
    rule: 'easy-after-learning',
    exact,
    range: (app) => {
      if (!ctx.fuzz) return [exact(app), exact(app)];
      const [glo, ghi] = constrainedFuzzBounds(goodIvl, 1, max);
      const shown = shownGood(app);
      return [
        lift(constrainedFuzzBounds(easy, glo + 1, max)[0], shown),
        lift(constrainedFuzzBounds(easy, ghi + 1, max)[1], shown),
      ];
    },
    factors: (app) => {
      const v = app[4];
      if (v === null) return [];
      if (!ctx.fuzz) return v === exact(app) ? ALL_FACTORS : [];
      const shown = shownGood(app);
      const [glo, ghi] = constrainedFuzzBounds(goodIvl, 1, max);
      const set: FactorSet = [];
      for (let g = glo; g <= ghi; g++) {
        const fg = factorsGiving(g, goodIvl, 1, max);
        if (!fg) continue;
        const [elo, ehi] = constrainedFuzzBounds(easy, g + 1, max);
        const n = 1 + ehi - elo;
        // Anki's own value, when it is past the shown Good.
        if (v >= elo && v <= ehi && (shown === null || v > shown))
          set.push(...intersect([fg], [[(v - elo) / n, (v - elo + 1) / n]]));
        // Values not past the shown Good, lifted to it + 1.
        if (shown !== null && v === Math.min(shown + 1, max) && shown >= elo)
          set.push(...intersect([fg], [[0, (Math.min(ehi, shown) - elo + 1) / n]]));
      }
      return set;
    },
  };
}

/** review.rs: Again lapses into relearning; Hard/Good/Easy via passing_fsrs_review_intervals. */
function reviewOutcomes(
  card: AnkiCard,
  now: number,
  ivl: (g: Grade) => number,
  ctx: AnkiContext,
): Record<Grade, Expected> {
  const out = {} as Record<Grade, Expected>;
  const steps = ctx.relearnSecs;
  const again = ivl(1);
  if (steps.length > 0)
    out[1] = stepOutcome(ctx, now, steps[0] as number, 'relearning', steps.length, 'lapse');
  else if (ctx.allowShortTerm && again < 0.5)
    out[1] = stepOutcome(
      ctx,
      now,
      Math.trunc(again * 86_400),
      'relearning',
      0,
      'no-steps-short-term',
    );
  else {
    // review.rs answer_again without relearning steps: round(again).max(1), no fuzz ("fuzz
    // is applied when the card leaves the relearning stage"). Anki does not clamp this one
    // to the maximum interval; the issue makes the cap hard everywhere.
    const days = Math.min(Math.max(Math.round(again), 1), Math.max(ctx.maxInterval, 1));
    out[1] = {
      kind: 'review',
      rule: 'lapse',
      exact: () => days,
      range: () => [days, days],
      factors: (app) => (app[1] === days ? ALL_FACTORS : []),
    };
  }
  // review.rs passing_fsrs_review_intervals: "if the interval is larger than last time,
  // don't allow fuzz to go backwards"; Good >= Hard + 1; Easy >= Good + 1; each through
  // constrain_passing_interval, whose min_and_max_review_intervals clamps the minimum to
  // the maximum interval, so the cap wins over Good >= Hard + 1.
  const greaterThanLast = (interval: number) =>
    Math.round(interval) > card.lastInterval ? card.lastInterval + 1 : 0;
  const prevOf = (app: AppIntervals, g: Grade): number =>
    g === 2 ? 0 : (app[(g - 1) as Grade] ?? 0);
  for (const g of [2, 3, 4] as const) {
    const interval = ivl(g);
    const strict = fuzzed(
      ctx,
      g,
      interval,
      (app) => Math.max(greaterThanLast(interval), prevOf(app, g) + 1, 1),
      'review-interval',
    );
    strict.without = fuzzed(
      ctx,
      g,
      interval,
      (app) => Math.max(prevOf(app, g) + 1, 1),
      'review-interval',
    );
    out[g] = strict;
  }
  return out;
}
