// What the stored weights were fitted on: when, and on how many reviews. Kept next to the
// `weights` setting and trusted only while it describes the weights in use: weights typed
// with `config set weights` (or reset) make an older fit's figures meaningless, so the fit
// names the weights it produced and is dropped when they differ.

export interface WeightsFit {
  /** ISO-8601 time of the fit. */
  at: string;
  /** Reviews and items the parameters were fitted on. */
  reviews: number;
  items: number;
  /** Held-out log loss of the defaults-or-previous and of these parameters. */
  logLossBefore: number;
  logLossAfter: number;
  /** The settings they were trained under (fsrs-rs' options): they fit those settings. */
  trainedWith: { enableShortTerm: boolean; numRelearningSteps: number };
  weights: number[];
}

const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const isReal = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function isTrainedWith(x: unknown): x is WeightsFit['trainedWith'] {
  if (!x || typeof x !== 'object') return false;
  const t = x as Record<string, unknown>;
  return typeof t.enableShortTerm === 'boolean' && isCount(t.numRelearningSteps);
}

export function isWeightsFit(x: unknown): x is WeightsFit {
  if (!x || typeof x !== 'object' || Array.isArray(x)) return false;
  const f = x as Record<string, unknown>;
  return (
    typeof f.at === 'string' &&
    !Number.isNaN(Date.parse(f.at)) &&
    isCount(f.reviews) &&
    isCount(f.items) &&
    isReal(f.logLossBefore) &&
    isReal(f.logLossAfter) &&
    isTrainedWith(f.trainedWith) &&
    Array.isArray(f.weights) &&
    f.weights.every(isReal)
  );
}

/** The stored fit, when it is one and describes exactly these weights; else null. */
export function fitFor(fit: unknown, weights: readonly number[] | null): WeightsFit | null {
  if (weights === null || !isWeightsFit(fit)) return null;
  if (fit.weights.length !== weights.length) return null;
  return fit.weights.every((w, i) => w === weights[i])
    ? { ...fit, trainedWith: { ...fit.trainedWith }, weights: [...fit.weights] }
    : null;
}
