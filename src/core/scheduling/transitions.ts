// Where an answer sends a card, as Anki 25.x decides it with FSRS: the (re)learning steps and
// the review intervals, given the four FSRS intervals (in days, unrounded). Pure rules; the
// scheduler turns the result into due times.
import type { Grade, MemoryPhase } from '../model.js';
import { reviewBounds, withReviewFuzz } from './fuzz.js';
import type { LearningSteps } from './steps.js';

export type Next =
  | { kind: 'learn'; phase: 'learning' | 'relearning'; index: number; secs: number }
  | { kind: 'review'; days: number };

export interface RuleContext {
  learn: LearningSteps;
  relearn: LearningSteps;
  maxInterval: number;
  /** The card's fuzz factor in [0, 1), or null when fuzz is off. */
  fuzz: number | null;
  /**
   * Anki's fsrs_allow_short_term (answering/mod.rs: w17 > 0 and w18 > 0): with no steps, an
   * FSRS interval under half a day stays a same-day step.
   */
  shortTerm: boolean;
  /** The review interval the card had (review.rs self.scheduled_days). */
  lastInterval: number;
}

export type Intervals = Record<Grade, number>;

/** Rust's f32::round on our (positive) intervals: halves away from zero. */
const round = (x: number): number => Math.floor(x + 0.5);
const roundMin1 = (x: number): number => Math.max(1, round(x));

/**
 * No step left for Again, Hard or Good (learning.rs / relearning.rs): the FSRS interval,
 * rounded, at least a day, fuzzed within [1, max]; or, with no steps at all and short-term
 * scheduling allowed, an interval under half a day as a step of that many seconds.
 */
function graduate(
  ivl: number,
  steps: LearningSteps,
  phase: 'learning' | 'relearning',
  index: number,
  ctx: RuleContext,
): Next {
  if (ctx.shortTerm && steps.length === 0 && ivl < 0.5)
    return { kind: 'learn', phase, index, secs: Math.trunc(ivl * 86_400) };
  const [min, max] = reviewBounds(1, ctx.maxInterval);
  return { kind: 'review', days: withReviewFuzz(ctx.fuzz, roundMin1(ivl), min, max) };
}

/**
 * Easy from (re)learning (learning.rs / relearning.rs answer_easy): at least a day past
 * Good's fuzzed (unrounded) FSRS interval, the easy interval rounded first. Anki fuzzes the
 * graduating Good from the rounded interval, so near a rounding edge that Good can come out
 * a day longer than the one Easy was kept above; then, and only then, Easy is raised to a
 * day past the Good the grade bar shows, as the rule "Easy >= Good + 1" promises.
 */
function easyFromLearning(ivl: Intervals, goodShown: Next, ctx: RuleContext): Next {
  const [min1, max] = reviewBounds(1, ctx.maxInterval);
  const good = withReviewFuzz(ctx.fuzz, ivl[3], min1, max);
  const [min] = reviewBounds(good + 1, ctx.maxInterval);
  let days = withReviewFuzz(ctx.fuzz, roundMin1(ivl[4]), min, max);
  if (goodShown.kind === 'review' && days <= goodShown.days)
    days = Math.min(goodShown.days + 1, max);
  return { kind: 'review', days };
}

/**
 * New, learning and relearning cards (learning.rs LearnState, relearning.rs RelearnState):
 * Again goes back to the first step, Hard stays on the step, Good moves to the next step or
 * graduates, Easy graduates. A new card answers as if on the first learning step.
 */
function onSteps(
  steps: LearningSteps,
  phase: 'learning' | 'relearning',
  index: number,
  ivl: Intervals,
  ctx: RuleContext,
): Record<Grade, Next> {
  const step = (i: number, secs: number): Next => ({ kind: 'learn', phase, index: i, secs });
  const again = steps.again();
  const hard = steps.hard(index);
  const good = steps.good(index);
  const onGood =
    good === null ? graduate(ivl[3], steps, phase, index, ctx) : step(steps.afterGood(index), good);
  return {
    1: again === null ? graduate(ivl[1], steps, phase, 0, ctx) : step(0, again),
    2:
      hard === null ? graduate(ivl[2], steps, phase, index, ctx) : step(steps.current(index), hard),
    3: onGood,
    4: easyFromLearning(ivl, onGood, ctx),
  };
}

/**
 * Review cards (review.rs). Again lapses into the relearning steps, or with none straight
 * back to review at the FSRS interval ("in FSRS, fuzz is applied when the card leaves the
 * relearning stage"), which we also cap (the issue makes the cap hard everywhere). Hard, Good
 * and Easy follow passing_fsrs_review_intervals: an interval that grows may not be fuzzed
 * below the last one plus a day, Good >= Hard + 1 and Easy >= Good + 1; each minimum then
 * goes through min_and_max_review_intervals, where the max-interval cap wins.
 */
function fromReview(ivl: Intervals, ctx: RuleContext): Record<Grade, Next> {
  const last = ctx.lastInterval;
  const greaterThanLast = (interval: number): number => (round(interval) > last ? last + 1 : 0);
  const passing = (interval: number, minimum: number): number => {
    const [min, max] = reviewBounds(Math.max(greaterThanLast(interval), minimum), ctx.maxInterval);
    return withReviewFuzz(ctx.fuzz, interval, min, max);
  };
  const hard = passing(ivl[2], 1);
  const good = passing(ivl[3], hard + 1);
  const easy = passing(ivl[4], good + 1);
  const again = ctx.relearn.again();
  const [, max] = reviewBounds(1, ctx.maxInterval);
  let lapse: Next = { kind: 'review', days: Math.min(roundMin1(ivl[1]), max) };
  if (again !== null) lapse = { kind: 'learn', phase: 'relearning', index: 0, secs: again };
  else if (ctx.shortTerm && ivl[1] < 0.5)
    lapse = { kind: 'learn', phase: 'relearning', index: 0, secs: Math.trunc(ivl[1] * 86_400) };
  return {
    1: lapse,
    2: { kind: 'review', days: hard },
    3: { kind: 'review', days: good },
    4: { kind: 'review', days: easy },
  };
}

/** The four outcomes of answering a card in `phase`, on (re)learning step `index`. */
export function nextStates(
  phase: MemoryPhase,
  index: number,
  ivl: Intervals,
  ctx: RuleContext,
): Record<Grade, Next> {
  if (phase === 'review') return fromReview(ivl, ctx);
  if (phase === 'relearning') return onSteps(ctx.relearn, 'relearning', index, ivl, ctx);
  return onSteps(ctx.learn, 'learning', phase === 'new' ? 0 : index, ivl, ctx);
}
