// When to fit, and whether the fit is kept.
//
// Minimum: Anki refused to optimize below 400 reviews ("Only N reviews were found. You must
// have at least 400 reviews for this operation": ftl deck-config-must-have-400-reviews, raised
// as FsrsInsufficientReviews in rslib/src/scheduler/fsrs/ in 23.12-24.04; 23.10 asked for
// 1000). Newer Anki leaves the floor to fsrs-rs, which returns the defaults below 8 items and
// fits only the first four parameters below 64 (training.rs): a fit on fewer reviews changes
// little and is mostly noise, so hyperrecall keeps Anki's 400, counted as Anki counts them
// (the answers of the cards that give training items).

export const MIN_REVIEWS = 400;
/** fsrs-rs fits the whole model only from this many items on. */
export const MIN_ITEMS = 64;

export interface Metrics {
  logLoss: number;
  rmse: number;
}

export type Readiness = { ok: true } | { ok: false; needed: number; reason: string };

export function readiness(reviews: number, items: number): Readiness {
  if (reviews < MIN_REVIEWS) {
    const needed = MIN_REVIEWS - reviews;
    return {
      ok: false,
      needed,
      reason: `${reviews} usable reviews, ${needed} short of Anki's minimum of ${MIN_REVIEWS}`,
    };
  }
  if (items < MIN_ITEMS)
    return {
      ok: false,
      needed: 0,
      reason: `${items} answers after a gap of a day or more, fewer than ${MIN_ITEMS}: study on more days`,
    };
  return { ok: true };
}

export interface Comparison {
  better: boolean;
  /** How much lower the new log loss is, as a share of the old one (0.05 = 5% lower). */
  logLossGain: number;
  rmseGain: number;
}

/**
 * New parameters are kept only when they predict the held-out answers better: a lower log
 * loss (Anki compares on the same items and keeps the current parameters on a tie).
 */
export function compare(before: Metrics, after: Metrics): Comparison {
  const gain = (a: number, b: number) => (a > 0 ? (a - b) / a : 0);
  return {
    better: after.logLoss < before.logLoss,
    logLossGain: gain(before.logLoss, after.logLoss),
    rmseGain: gain(before.rmse, after.rmse),
  };
}

/** fsrs-rs' TimeSeriesSplit(5): the first sixth of the items is never a test item. */
export function heldOutStart(items: number): number {
  return Math.floor(items / 6);
}
