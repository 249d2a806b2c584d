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
}

export type Intervals = Record<Grade, number>;

const roundMin1 = (x: number): number => Math.max(1, Math.floor(x + 0.5));

/**
 * A graduating interval (learning.rs / relearning.rs answer_again/hard/good when no step is
 * left): the FSRS interval rounded, at least a day, fuzzed within [1, max].
 */
function graduate(ivl: number, ctx: RuleContext): Next {
  const [min, max] = reviewBounds(1, ctx.maxInterval);
  return { kind: 'review', days: withReviewFuzz(ctx.fuzz, roundMin1(ivl), min, max) };
}

/**
 * Easy from (re)learning (learning.rs / relearning.rs answer_easy): at least a day more than
 * Good would give. Anki takes Good's fuzzed interval here; we take the very one the Good
 * button shows when it graduates, so Easy >= Good + 1 always holds against the grade bar.
 */
function easyFromLearning(ivl: Intervals, ctx: RuleContext): Next {
  const [, max] = reviewBounds(1, ctx.maxInterval);
  const good = (graduate(ivl[3], ctx) as { days: number }).days;
  const [min] = reviewBounds(good + 1, ctx.maxInterval);
  return { kind: 'review', days: withReviewFuzz(ctx.fuzz, roundMin1(ivl[4]), min, max) };
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
  return {
    1: again === null ? graduate(ivl[1], ctx) : step(0, again),
    2: hard === null ? graduate(ivl[2], ctx) : step(steps.current(index), hard),
    3: good === null ? graduate(ivl[3], ctx) : step(steps.afterGood(index), good),
    4: easyFromLearning(ivl, ctx),
  };
}

/**
 * Review cards (review.rs). Again lapses into the relearning steps, or with none straight
 * back to review at the FSRS interval ("in FSRS, fuzz is applied when the card leaves the
 * relearning stage"), never past the cap. Hard, Good and Easy go through
 * constrain_passing_interval: Good >= Hard + 1 and Easy >= Good + 1 are minimums that the
 * max-interval cap overrides (min_and_max_review_intervals), so the cap is hard.
 */
function fromReview(ivl: Intervals, ctx: RuleContext): Record<Grade, Next> {
  const passing = (interval: number, minimum: number): number => {
    const [min, max] = reviewBounds(minimum, ctx.maxInterval);
    return withReviewFuzz(ctx.fuzz, interval, min, max);
  };
  const hard = passing(ivl[2], 1);
  const good = passing(ivl[3], hard + 1);
  const easy = passing(ivl[4], good + 1);
  const again = ctx.relearn.again();
  const [, max] = reviewBounds(1, ctx.maxInterval);
  return {
    1:
      again === null
        ? { kind: 'review', days: Math.min(roundMin1(ivl[1]), max) }
        : { kind: 'learn', phase: 'relearning', index: 0, secs: again },
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
