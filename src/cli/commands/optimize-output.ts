// What `optimize --json` prints, as documented in README.md; the text is core's
// (core/optimizer/result.ts), shared with the screens.
import type { OptimizeDone, OptimizeRefused } from '../../core/optimizer/result.js';

export { optimizeText, refusedText } from '../../core/optimizer/result.js';

type Done = OptimizeDone;
type Refused = OptimizeRefused;

const round = (x: number, digits = 4) => Number(x.toFixed(digits));

export function optimizeJson(r: Done, dryRun: boolean) {
  return {
    reviews: r.reviews,
    items: r.items,
    cards: r.cards,
    before: { logLoss: round(r.before.logLoss), rmse: round(r.before.rmse) },
    after: { logLoss: round(r.after.logLoss), rmse: round(r.after.rmse) },
    /** Share by which each figure went down: 0.05 is 5% lower (better). */
    improvement: { logLoss: round(r.comparison.logLossGain), rmse: round(r.comparison.rmseGain) },
    applied: r.applied,
    dryRun,
    weights: r.weights.map((w) => round(w)),
    /** Memories recomputed with the applied weights; null when nothing was applied. */
    refit: r.refit,
    current: r.current,
    steps:
      r.steps === null
        ? null
        : {
            current: r.steps.current,
            advised: { learning: r.steps.learning, relearning: r.steps.relearning },
            applied: r.stepsApplied,
          },
  };
}

export function refusedJson(r: Refused) {
  return {
    reviews: r.reviews,
    answers: r.answers,
    items: r.items,
    before: null,
    after: null,
    applied: false,
    weights: null,
    needed: r.needed,
    reason: r.reason,
  };
}
