// The optimizer's heavy part, run in a worker thread (optimize-worker.ts) or, where the
// worker file is missing (running from source), in this thread. The binding is imported
// here only, dynamically, so no other command pays for loading it.
import type { Metrics } from '../core/optimizer/verdict.js';
import { heldOutStart } from '../core/optimizer/verdict.js';

export interface TrainInput {
  /** Each card's reviews as [rating, whole study days since the previous answer]. */
  histories: (readonly [number, number])[][];
  /** The items in time order: [index into histories, number of reviews it holds]. */
  items: (readonly [number, number])[];
  /** The parameters in use; null for the defaults. */
  current: number[] | null;
  enableShortTerm: boolean;
  numRelearningSteps: number;
  /** The revlog CSV for the learning-step advice, or null to skip it. */
  steps: { csv: string; desiredRetention: number } | null;
}

export interface TrainOutput {
  weights: number[];
  before: Metrics;
  after: Metrics;
  steps: { learning: number[]; relearning: number[] } | null;
}

export interface TrainProgress {
  phase: 'evaluate' | 'fit';
  /** 0..1 over the whole run. */
  fraction: number;
}

type Binding = typeof import('@open-spaced-repetition/binding');

export async function loadBinding(): Promise<Binding> {
  try {
    return await import('@open-spaced-repetition/binding');
  } catch (err) {
    throw new Error(
      `the FSRS optimizer (@open-spaced-repetition/binding) could not be loaded: ${err instanceof Error ? err.message : String(err)}. Reinstall hyperrecall (npm install) on this machine.`,
    );
  }
}

// Evaluating trains five models on growing shares of the history (about 2.5 fits in all),
// then the final fit on everything: the progress bar gives each its share of the time.
const EVALUATE_SHARE = 0.7;

export async function train(
  input: TrainInput,
  report: (p: TrainProgress) => void = () => {},
): Promise<TrainOutput> {
  // The binding's progress calls arrive through a queue, some after the call they belong to
  // has resolved: a late one must not move the bar back.
  let shown = -1;
  const onProgress = (p: TrainProgress) => {
    if (p.fraction <= shown) return;
    shown = p.fraction;
    report(p);
  };
  const b = await loadBinding();
  // One review object per answer, shared by every item of the card (the binding copies them).
  const histories = input.histories.map((h) => h.map(([r, d]) => new b.FSRSBindingReview(r, d)));
  const items = input.items.map(
    ([h, n]) => new b.FSRSBindingItem((histories[h] ?? []).slice(0, n)),
  );
  const base = {
    enableShortTerm: input.enableShortTerm,
    numRelearningSteps: input.numRelearningSteps,
    // The binding polls progress this often and waits up to one interval at the end.
    timeout: 25,
  };
  // fsrs-rs' time-series evaluation fits on each past and predicts the next sixth; the
  // current parameters are scored on the same held-out items, so both figures compare.
  const heldOut = items.slice(heldOutStart(items.length));
  const current = new b.FSRSBinding(input.current ?? undefined).evaluate(heldOut);
  onProgress({ phase: 'evaluate', fraction: 0 });
  const after = await b.evaluateWithTimeSeriesSplits(items, {
    ...base,
    progress: (cur, total) => {
      if (total > 0) onProgress({ phase: 'evaluate', fraction: (EVALUATE_SHARE * cur) / total });
    },
  });
  onProgress({ phase: 'fit', fraction: EVALUATE_SHARE });
  const weights = await b.computeParameters(items, {
    ...base,
    progress: (cur, total) => {
      if (total > 0)
        onProgress({
          phase: 'fit',
          fraction: EVALUATE_SHARE + ((1 - EVALUATE_SHARE) * cur) / total,
        });
    },
  });
  onProgress({ phase: 'fit', fraction: 1 });
  let steps: TrainOutput['steps'] = null;
  if (input.steps) {
    const advice = b.computeOptimalSteps(
      new TextEncoder().encode(input.steps.csv),
      input.steps.desiredRetention,
      weights,
    );
    steps = {
      learning: advice.recommendedLearningSteps,
      relearning: advice.recommendedRelearningSteps,
    };
  }
  return {
    weights,
    before: { logLoss: current.logLoss, rmse: current.rmseBins },
    after: { logLoss: after.logLoss, rmse: after.rmseBins },
    steps,
  };
}
