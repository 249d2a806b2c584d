// What `optimize` prints: a few aligned lines, or the JSON documented in README.md.
import type { OptimizeResult } from '../../app/optimize.js';

type Done = Extract<OptimizeResult, { kind: 'done' }>;
type Refused = Extract<OptimizeResult, { kind: 'refused' }>;

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
    items: r.items,
    before: null,
    after: null,
    applied: false,
    weights: null,
    needed: r.needed,
    reason: r.reason,
  };
}

const pct = (x: number) => `${Math.abs(Math.round(x * 1000) / 10)}%`;

function change(gain: number): string {
  if (gain > 0) return `${pct(gain)} lower (better)`;
  if (gain < 0) return `${pct(gain)} higher (worse)`;
  return 'the same';
}

export function optimizeText(r: Done, dryRun: boolean): string[] {
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
