// `o` on the Stats screen runs the optimizer on the session's store, as `hyperrecall
// optimize` does: a progress bar while it trains, then what it found, at 80x24 and 40x12.
import { afterEach, describe, expect, it } from 'vitest';
import type { Collection } from '../../src/app/collection.js';
import { withOptimizer } from '../../src/app/optimize-port.js';
import type { OptimizeResult } from '../../src/core/optimizer/result.js';
import { compare } from '../../src/core/optimizer/verdict.js';
import { ALL, type StudyPort } from '../../src/core/ports.js';
import type { Store } from '../../src/store/store.js';
import { openFixture, renderApp, T0 } from './harness.js';

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

async function fixture() {
  const f = await openFixture();
  store = f.store;
  for (const [i, card] of f.collection.cards(ALL).slice(0, 3).entries())
    f.collection.answer({ card, grade: 3, now: T0 + i * 1000, tookMs: 900, shown: null });
  return f;
}

/** The collection with an optimize of the test's own making. */
function faked(c: Collection, optimize: NonNullable<StudyPort['optimize']>): Collection {
  return new Proxy(c, {
    get: (t, p) => {
      if (p === 'optimize') return optimize;
      const v: unknown = Reflect.get(t, p, t);
      return typeof v === 'function' ? v.bind(t) : v;
    },
  });
}

const before = { logLoss: 0.479, rmse: 0.0752 };
const after = { logLoss: 0.4602, rmse: 0.0358 };
const done: OptimizeResult = {
  kind: 'done',
  reviews: 10_947,
  items: 6682,
  cards: 1176,
  before,
  after,
  comparison: compare(before, after),
  current: null,
  currentFit: null,
  weights: [],
  applied: true,
  notApplied: null,
  steps: null,
  stepsApplied: false,
  refit: { cards: 1176, moved: 0 },
};

const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 40, rows: 12 },
];

describe.each(SIZES)('o on the Stats screen at $columns x $rows', (size) => {
  const fits = (frame: string) => {
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(size.rows);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(size.columns);
  };

  it('on a small log: the refusal, how many reviews short, nothing changed', async () => {
    const f = await fixture();
    // No worker file: the training runs in this thread (it refuses before training here).
    const port = withOptimizer(f.collection, '/nonexistent/optimize-worker.js', 'dev');
    const ui = await renderApp(port, { name: 'stats' }, size);
    await ui.waitFor('optimize');
    await ui.press('o');
    const frame = await ui.waitFor('Nothing was changed.');
    expect(frame).toContain('Optimizer');
    expect(frame).toMatch(/0 usable reviews, 400\s+short/);
    fits(frame);
    expect(f.collection.settings().weights).toBeNull();
    ui.unmount();
  });

  it('a progress bar while it trains (o again does not start another), then the figures', async () => {
    const f = await fixture();
    let calls = 0;
    let finish: (r: OptimizeResult) => void = () => {};
    const port = faked(f.collection, (_now, onProgress) => {
      calls++;
      onProgress(0.5);
      return new Promise((resolve) => {
        finish = resolve;
      });
    });
    const ui = await renderApp(port, { name: 'stats' }, size);
    await ui.press('o');
    fits(await ui.waitFor(' 50%'));
    await ui.press('o');
    expect(calls).toBe(1);
    finish(done);
    const frame = await ui.waitFor('Log loss');
    expect(frame).toContain('0.4790');
    expect(frame).toContain('0.4602');
    fits(frame);
    ui.unmount();
  });

  it('without an optimizer the key is neither shown nor bound', async () => {
    const f = await fixture();
    const ui = await renderApp(f.collection, { name: 'stats' }, size);
    await ui.waitFor('Statistics');
    expect(ui.frame()).not.toContain('optimize');
    await ui.press('o');
    expect(ui.frame()).not.toContain('Optimizer');
    ui.unmount();
  });
});
