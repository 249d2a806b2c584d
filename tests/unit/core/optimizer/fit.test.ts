import { default_w } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../../../src/core/settings.js';

const w = [...default_w].map((x, i) => (i === 0 ? 0.3 : x));
const fit = {
  at: '2026-03-02T10:00:00.000Z',
  reviews: 812,
  items: 530,
  logLossBefore: 0.51,
  logLossAfter: 0.47,
  trainedWith: { enableShortTerm: true, numRelearningSteps: 1 },
  weights: w,
};

describe('the weights fit kept with the settings', () => {
  it('is kept while it describes the weights in use', () => {
    expect(resolveSettings({ weights: w, weightsFit: fit }).weightsFit).toEqual(fit);
  });

  it('is dropped when the weights were typed or reset since (it would describe others)', () => {
    const typed = w.map((x, i) => (i === 1 ? x + 0.1 : x));
    expect(resolveSettings({ weights: typed, weightsFit: fit }).weightsFit).toBeNull();
    expect(resolveSettings({ weights: null, weightsFit: fit }).weightsFit).toBeNull();
  });

  it('is dropped when malformed (a hand-edited store)', () => {
    expect(
      resolveSettings({ weights: w, weightsFit: { ...fit, reviews: -1 } }).weightsFit,
    ).toBeNull();
    expect(
      resolveSettings({ weights: w, weightsFit: { ...fit, at: 'soon' } }).weightsFit,
    ).toBeNull();
    expect(resolveSettings({ weights: w, weightsFit: 'x' }).weightsFit).toBeNull();
    const { trainedWith: _, ...untrained } = fit;
    expect(resolveSettings({ weights: w, weightsFit: untrained }).weightsFit).toBeNull();
  });
});
