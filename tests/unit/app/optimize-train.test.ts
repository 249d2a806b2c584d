// The optimizer on a learner simulated from known parameters (fixed seed): the fitted
// parameters predict held-out answers clearly better than FSRS' defaults. About 8,500
// answers: the whole file trains six models in well under a second.
import { default_w } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { loadBinding, train } from '../../../src/app/optimize-train.js';
import { compactItems, trainingItems } from '../../../src/core/optimizer/items.js';
import { heldOutStart } from '../../../src/core/optimizer/verdict.js';
import { weightsProblem } from '../../../src/core/scheduling/weights.js';
import { simulateLog } from '../../helpers/simulate.js';

const START = Date.parse('2026-01-05T08:00:00Z');

describe('optimizer on a simulated learner', () => {
  const log = simulateLog({ seed: 7, days: 90, newPerDay: 10, deck: 'sim', start: START });
  const set = trainingItems(log);

  it('fits parameters that beat the defaults on held-out answers by a clear log-loss margin', async () => {
    const progress: number[] = [];
    const out = await train(
      {
        ...compactItems(set.items),
        current: null,
        enableShortTerm: true,
        numRelearningSteps: 1,
        steps: null,
      },
      (p) => progress.push(p.fraction),
    );
    expect(set.reviews).toBeGreaterThan(8000);
    expect(out.weights).toHaveLength(21);
    expect(weightsProblem(out.weights.map((w) => Number(w.toFixed(4))))).toBeNull();
    // Measured 0.551 -> 0.527 (time-series splits: each sixth predicted from the ones before).
    expect(out.after.logLoss).toBeLessThan(out.before.logLoss - 0.015);
    expect(out.after.rmse).toBeLessThan(out.before.rmse * 0.7);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    // The parameters fitted on everything, on the held-out answers: 0.551 -> 0.513.
    const b = await loadBinding();
    const items = set.items.map(
      (i) => new b.FSRSBindingItem(i.reviews.map(([r, d]) => new b.FSRSBindingReview(r, d))),
    );
    const held = items.slice(heldOutStart(items.length));
    const fitted = new b.FSRSBinding(out.weights).evaluate(held);
    const defaults = new b.FSRSBinding([...default_w]).evaluate(held);
    expect(defaults.logLoss).toBeCloseTo(out.before.logLoss, 4);
    expect(fitted.logLoss).toBeLessThan(defaults.logLoss - 0.03);
  });

  it('scores the parameters in use, not the defaults, when there are some', async () => {
    const base = {
      ...compactItems(set.items.slice(0, 1500)),
      enableShortTerm: true,
      numRelearningSteps: 1,
      steps: null,
    };
    const withDefaults = await train({ ...base, current: null });
    const withFitted = await train({ ...base, current: withDefaults.weights });
    expect(withFitted.before.logLoss).not.toBeCloseTo(withDefaults.before.logLoss, 4);
    // The held-out figure does not depend on the parameters in use (fsrs-rs sums the RMSE
    // bins in hash-map order, so the last digits may differ).
    expect(withFitted.after.logLoss).toBeCloseTo(withDefaults.after.logLoss, 6);
    expect(withFitted.after.rmse).toBeCloseTo(withDefaults.after.rmse, 6);
  });
});
