// `hyperrecall optimize`: personal FSRS parameters from the review log. Reads the log,
// builds Anki's training items, trains and evaluates in a worker, and keeps the new
// parameters only when they predict held-out answers better than the ones in use.
import type { WeightsFit } from '../core/optimizer/fit.js';
import { compactItems, trainingHistories, trainingItems } from '../core/optimizer/items.js';
import type { OptimizeResult } from '../core/optimizer/result.js';
import { revlogCsv, stepAdvice } from '../core/optimizer/steps.js';
import { compare, readiness } from '../core/optimizer/verdict.js';
import { DAY_SECS, stepSeconds } from '../core/scheduling/steps.js';
import { weightsProblem } from '../core/scheduling/weights.js';
import { resolveSettings, type Settings, type Step } from '../core/settings.js';
import type { StoredSettings } from '../store/snapshot.js';
import type { Store } from '../store/store.js';
import { type Refit, refitMemories } from './optimize-refit.js';
import type { Trainer } from './optimize-run.js';
import type { TrainInput, TrainProgress } from './optimize-train.js';

export type { OptimizeResult };

export interface OptimizeRequest {
  /** Show the figures, change nothing. */
  dryRun: boolean;
  /** Also set the learning steps to the advised ones. */
  applySteps: boolean;
  /** With new weights, also move due dates (Anki's "Reschedule cards on change"). */
  reschedule: boolean;
  now: number;
  /** This device: the recomputed memories are its records. */
  device: string;
}

/** Anki passes the relearning steps that fit in one day (numOfRelearningStepsInDay). */
export function relearningStepsInDay(steps: readonly Step[]): number {
  let total = 0;
  let n = 0;
  for (const s of steps) {
    total += stepSeconds(s) ?? 0;
    if (total >= DAY_SECS) break;
    n++;
  }
  return n;
}

/**
 * The training input, from the whole log. Its own function so the records (the largest
 * thing in memory) can be collected while the worker trains.
 */
function prepare(store: Store, settings: Settings) {
  const records = store.readAllRecords();
  const set = trainingItems(records);
  const ready = readiness(set.reviews, set.items.length);
  if (!ready.ok)
    return {
      kind: 'refused' as const,
      reviews: set.reviews,
      answers: set.answers,
      items: set.items.length,
      ...ready,
    };
  const input: TrainInput = {
    ...compactItems(set.items),
    current: settings.weights,
    // The scheduler always uses FSRS-6's same-day terms, as Anki does by default.
    enableShortTerm: true,
    numRelearningSteps: relearningStepsInDay(settings.relearningSteps),
    steps: {
      csv: revlogCsv(trainingHistories(records)),
      desiredRetention: settings.desiredRetention,
    },
  };
  return {
    kind: 'ready' as const,
    set: { reviews: set.reviews, cards: set.cards, items: set.items.length },
    input,
  };
}

export async function optimize(
  store: Store,
  trainer: Trainer,
  req: OptimizeRequest,
  onProgress: (p: TrainProgress) => void = () => {},
): Promise<OptimizeResult> {
  const settings = resolveSettings(store.settings);
  const prepared = prepare(store, settings);
  if (prepared.kind === 'refused') return prepared;
  const { set, input } = prepared;
  const out = await trainer(input, onProgress);
  // Four decimals, as Anki shows them: what `config get weights` prints is what was fitted.
  const weights = out.weights.map((w) => Number(w.toFixed(4)));
  const comparison = compare(out.before, out.after);
  const bounds = weightsProblem(weights);
  // Why parameters that predict better are not applied; null when they are (or are worse).
  const notApplied = !comparison.better
    ? null
    : bounds !== null
      ? `the fitted parameters are out of bounds (${bounds})`
      : req.dryRun
        ? 'dry run'
        : null;
  const applied = comparison.better && notApplied === null;
  const steps = out.steps
    ? stepAdvice(
        { learning: settings.learningSteps, relearning: settings.relearningSteps },
        out.steps,
      )
    : null;
  const stepsApplied = req.applySteps && !req.dryRun && steps !== null && steps.learning !== null;
  if (applied || stepsApplied) {
    const next: StoredSettings = { ...store.settings };
    if (applied) {
      const fit: WeightsFit = {
        at: new Date(req.now).toISOString(),
        reviews: set.reviews,
        items: set.items,
        logLossBefore: out.before.logLoss,
        logLossAfter: out.after.logLoss,
        trainedWith: {
          enableShortTerm: input.enableShortTerm,
          numRelearningSteps: input.numRelearningSteps,
        },
        weights,
      };
      next.weights = weights;
      next.weightsFit = fit;
    }
    if (stepsApplied && steps) {
      next.learningSteps = steps.learning;
      if (steps.relearning) next.relearningSteps = steps.relearning;
    }
    store.setSettings(next);
  }
  const refit = applied ? refitMemories(store, req.device, req.now, req.reschedule) : null;
  return {
    kind: 'done',
    reviews: set.reviews,
    items: set.items,
    cards: set.cards,
    before: out.before,
    after: out.after,
    comparison,
    current: settings.weights,
    currentFit: settings.weightsFit,
    weights,
    applied,
    notApplied,
    steps,
    stepsApplied,
    refit,
  };
}

/** `optimize --reset`: back to FSRS' default parameters, memories recomputed with them. */
export function resetWeights(
  store: Store,
  req: Pick<OptimizeRequest, 'device' | 'now' | 'reschedule'>,
): { settings: Settings; refit: Refit } {
  store.setSettings({ ...store.settings, weights: null, weightsFit: null });
  const refit = refitMemories(store, req.device, req.now, req.reschedule);
  return { settings: resolveSettings(store.settings), refit };
}
