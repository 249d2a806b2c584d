// What an optimizer run found, and the lines that say it: the same for `hyperrecall
// optimize` and for a screen.
import type { WeightsFit } from './fit.js';
import type { StepAdvice } from './steps.js';
import type { Comparison, Metrics } from './verdict.js';

export type OptimizeResult =
  | {
      kind: 'refused';
      reviews: number;
      /** All answers that fed the schedule; `reviews` are those of cards seen on two days. */
      answers: number;
      items: number;
      needed: number;
      reason: string;
    }
  | {
      kind: 'done';
      reviews: number;
      items: number;
      cards: number;
      before: Metrics;
      after: Metrics;
      comparison: Comparison;
      /** The parameters in use before (null: the defaults), and what they were fitted on. */
      current: number[] | null;
      currentFit: WeightsFit | null;
      /** The fitted parameters, applied or not. */
      weights: number[];
      applied: boolean;
      /** Why better parameters were not applied (dry run, out of bounds), or null. */
      notApplied: string | null;
      steps: StepAdvice | null;
      stepsApplied: boolean;
      /** Memories recomputed with the applied weights (null when nothing was applied). */
      refit: { cards: number; moved: number } | null;
    };

export type OptimizeDone = Extract<OptimizeResult, { kind: 'done' }>;
export type OptimizeRefused = Extract<OptimizeResult, { kind: 'refused' }>;

const pct = (x: number) => `${Math.abs(Math.round(x * 1000) / 10)}%`;

function change(gain: number): string {
  if (gain > 0) return `${pct(gain)} lower (better)`;
  if (gain < 0) return `${pct(gain)} higher (worse)`;
  return 'the same';
}

export function optimizeText(r: OptimizeDone, dryRun: boolean): string[] {
  const now = r.current === null ? 'defaults' : 'current';
  const lines = [
    `Reviews        ${r.reviews} (${r.cards} cards); ${r.items} predicted after a gap of a day+`,
    `Log loss       ${r.before.logLoss.toFixed(4)} ${now} -> ${r.after.logLoss.toFixed(4)} fitted: ${change(r.comparison.logLossGain)}`,
    `RMSE (bins)    ${r.before.rmse.toFixed(4)} ${now} -> ${r.after.rmse.toFixed(4)} fitted: ${change(r.comparison.rmseGain)}`,
    '               (on held-out reviews: each part predicted from the parts before)',
  ];
  if (r.currentFit)
    lines.push(
      `               (the current weights were fitted ${r.currentFit.at.slice(0, 10)} on ${r.currentFit.reviews} reviews)`,
    );
  if (r.applied)
    lines.push(
      'Applied        the fitted parameters are now the weights (config get weights);',
      '               next answers are scheduled with them; optimize --reset goes back',
    );
  else if (!r.comparison.better)
    lines.push(`Not applied    the fitted parameters predict no better: nothing changed`);
  else if (dryRun)
    lines.push('Not applied    dry run: nothing changed (run without --dry-run to apply)');
  else lines.push(`Not applied    ${r.notApplied ?? 'unknown reason'}; nothing changed`);
  if (r.refit) lines.push(...refitText(r.refit));
  if (r.steps) {
    const s = r.steps;
    const advise = (cur: string[], adv: string[] | null) =>
      `now ${cur.join(' ') || '(none)'} · advised ${adv ? adv.join(' ') : '(too few answers to advise)'}`;
    lines.push(
      `Learning steps ${advise(s.current.learning, s.learning)}`,
      `Relearning     ${advise(s.current.relearning, s.relearning)}`,
    );
    if (r.stepsApplied) lines.push('               the advised steps are now the settings');
    else if (s.learning && !dryRun)
      lines.push('               (hyperrecall optimize --apply-steps sets them)');
  }
  return lines;
}

/** Why nothing was fitted, for the terminal. */
export function refusedText(r: OptimizeRefused): string[] {
  return [
    `Not optimized: ${r.reason}.`,
    `(${r.answers} answers so far; a card's answers count once it comes back on a later day.)`,
    'Nothing was changed.',
  ];
}

/** What recomputing the memories did. */
export function refitText(refit: { cards: number; moved: number }): string[] {
  return [
    `Memory         recomputed for ${refit.cards} cards from their answers;`,
    refit.moved > 0
      ? `               ${refit.moved} due dates moved (--reschedule)`
      : '               due dates kept (--reschedule moves them)',
  ];
}
