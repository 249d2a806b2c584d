import { describe, expect, it } from 'vitest';
import { type OptimizeDone, optimizeText } from '../../../../src/core/optimizer/result.js';
import { compare } from '../../../../src/core/optimizer/verdict.js';

const before = { logLoss: 0.5457, rmse: 0.0984 };
const after = { logLoss: 0.5117, rmse: 0.0196 };
const done: OptimizeDone = {
  kind: 'done',
  reviews: 106_594,
  items: 73_347,
  cards: 5955,
  before,
  after,
  comparison: compare(before, after),
  current: null,
  currentFit: null,
  weights: [],
  applied: true,
  notApplied: null,
  steps: {
    current: { learning: ['1m', '10m'], relearning: ['10m'] },
    learning: ['148m', '207m'],
    relearning: null,
  },
  stepsApplied: false,
  refit: { cards: 5955, moved: 0 },
};

describe('what optimize says', () => {
  it('before and after with the change, applied, steps next to the current ones, in 80 columns', () => {
    const lines = optimizeText(done, false);
    expect(lines).toContain('Log loss       0.5457 defaults -> 0.5117 fitted: 6.2% lower (better)');
    expect(lines).toContain(
      'RMSE (bins)    0.0984 defaults -> 0.0196 fitted: 80.1% lower (better)',
    );
    expect(lines.some((l) => l.startsWith('Applied'))).toBe(true);
    expect(lines).toContain('Learning steps now 1m 10m · advised 148m 207m');
    expect(lines).toContain('Memory         recomputed for 5955 cards from their answers;');
    expect(lines).toContain('               due dates kept (--reschedule moves them)');
    expect(lines).toContain('Relearning     now 10m · advised (too few answers to advise)');
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
  });

  it('says why nothing changed: no better, or a dry run', () => {
    const worse = {
      ...done,
      after: before,
      before: after,
      comparison: compare(after, before),
      applied: false,
    };
    expect(optimizeText(worse, false)).toContain(
      'Not applied    the fitted parameters predict no better: nothing changed',
    );
    expect(optimizeText(worse, false)[1]).toContain('6.6% higher (worse)');
    const dry = { ...done, applied: false, notApplied: 'dry run' };
    expect(optimizeText(dry, true)).toContain(
      'Not applied    dry run: nothing changed (run without --dry-run to apply)',
    );
  });
});
