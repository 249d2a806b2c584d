// `optimize` over a real store: the simulated learner's log, trained in this thread.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Collection } from '../../../src/app/collection.js';
import { optimize, relearningStepsInDay, resetWeights } from '../../../src/app/optimize.js';
import { inlineTrainer } from '../../../src/app/optimize-run.js';
import type { LogRecord } from '../../../src/core/model.js';
import { newMemory, Scheduler } from '../../../src/core/scheduler.js';
import { resolveSettings } from '../../../src/core/settings.js';
import { loadDecks } from '../../../src/decks/load.js';
import { Store } from '../../../src/store/store.js';
import { simulateLog } from '../../helpers/simulate.js';

const START = Date.parse('2026-01-05T08:00:00Z');
const NOW = Date.parse('2026-04-10T09:00:00Z');
const FIXTURES = join(import.meta.dirname, '../../fixtures/decks');

const opened: Store[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

function dataDir(records: LogRecord[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'hr-opt-'));
  writeFileSync(
    join(dir, 'reviews-sim.jsonl'),
    records.map((r) => `${JSON.stringify(r)}\n`).join(''),
  );
  return dir;
}

async function open(dir: string, readOnly = false): Promise<Store> {
  const store = await Store.open({ dataDir: dir, device: 'dev', now: () => NOW, readOnly });
  opened.push(store);
  return store;
}

const req = { dryRun: false, applySteps: false, reschedule: false, now: NOW, device: 'dev' };

describe('optimize on a store', () => {
  const log = simulateLog({ seed: 11, days: 70, newPerDay: 8, deck: 'sim', start: START });

  it('applies better parameters with their fit; they survive a restart and change intervals', async () => {
    const dir = dataDir(log);
    const store = await open(dir);
    const r = await optimize(store, inlineTrainer, req);
    if (r.kind !== 'done') throw new Error(r.reason);
    expect(r.applied).toBe(true);
    expect(r.after.logLoss).toBeLessThan(r.before.logLoss);
    await store.close();

    const again = await open(dir);
    const settings = resolveSettings(again.settings);
    expect(settings.weights).toEqual(r.weights);
    expect(settings.weightsFit).toMatchObject({
      at: new Date(NOW).toISOString(),
      reviews: r.reviews,
      items: r.items,
      trainedWith: { enableShortTerm: true, numRelearningSteps: 1 },
    });
    // A new card answered Good twice (graduating): scheduled with the fitted weights after the
    // restart, its stability and interval differ from what the defaults give.
    const load = () => loadDecks([FIXTURES]);
    const fitted = new Collection(await load(), again, 'dev', load).scheduler;
    const base = new Scheduler(resolveSettings({}));
    const graduate = (s: Scheduler) =>
      s.answer(s.answer(newMemory(NOW), NOW, 3, 'k'), NOW + 15 * 60_000, 3, 'k');
    expect(graduate(fitted).stability).not.toBeCloseTo(graduate(base).stability, 2);
    expect(graduate(fitted).scheduledDays).not.toBe(graduate(base).scheduledDays);
  });

  it('recomputes memory states from the log with the new weights; --reschedule also moves dues', async () => {
    for (const reschedule of [false, true]) {
      const dir = dataDir(log);
      const store = await open(dir);
      const before = structuredClone(store.progress.cards);
      const r = await optimize(store, inlineTrainer, { ...req, reschedule });
      if (r.kind !== 'done' || !r.refit) throw new Error('not applied');
      const keys = Object.keys(before);
      const changed = keys.filter(
        (k) => store.progress.cards[k]?.stability !== before[k]?.stability,
      );
      const moved = keys.filter((k) => store.progress.cards[k]?.due !== before[k]?.due);
      expect(changed.length).toBe(r.refit.cards);
      expect(changed.length).toBeGreaterThan(keys.length / 2);
      expect(moved.length).toBe(r.refit.moved);
      if (reschedule) expect(moved.length).toBeGreaterThan(0);
      else expect(moved).toEqual([]);
      // The recomputed memories are in the log: a fresh fold of the logs agrees with the cache.
      expect(store.verify()).toEqual([]);
      await store.close();
      const again = await open(dir);
      expect(again.progress.cards).toEqual(store.progress.cards);
    }
  });

  it('a dry run writes nothing: the store opens read-only and the settings stay as they were', async () => {
    const dir = dataDir(log);
    const store = await open(dir, true);
    const r = await optimize(store, inlineTrainer, { ...req, dryRun: true, applySteps: true });
    if (r.kind !== 'done') throw new Error(r.reason);
    expect(r.applied).toBe(false);
    expect(r.notApplied).toBe('dry run');
    expect(r.stepsApplied).toBe(false);
    expect(resolveSettings(store.settings).weights).toBeNull();
  });

  it('refuses a log below 400 reviews, says how many more, and changes nothing', async () => {
    const small = simulateLog({ seed: 3, days: 12, newPerDay: 5, deck: 'sim', start: START });
    const dir = dataDir(small);
    const store = await open(dir);
    const before = JSON.stringify(store.settings);
    const r = await optimize(
      store,
      async () => {
        throw new Error('must not train');
      },
      req,
    );
    expect(r.kind).toBe('refused');
    if (r.kind !== 'refused') return;
    expect(r.reviews).toBeLessThan(400);
    expect(r.needed).toBe(400 - r.reviews);
    expect(r.reason).toBe(
      `${r.reviews} usable reviews, ${r.needed} short of Anki's minimum of 400`,
    );
    expect(JSON.stringify(store.settings)).toBe(before);
  });

  it('keeps the parameters in use when the fit predicts no better', async () => {
    const dir = dataDir(log);
    const store = await open(dir);
    const kept = resolveSettings({}).weights;
    const r = await optimize(
      store,
      async () => ({
        weights: Array.from({ length: 21 }, () => 0.5),
        before: { logLoss: 0.4, rmse: 0.03 },
        after: { logLoss: 0.41, rmse: 0.02 },
        steps: null,
      }),
      req,
    );
    if (r.kind !== 'done') throw new Error(r.reason);
    expect(r.applied).toBe(false);
    expect(resolveSettings(store.settings).weights).toEqual(kept);
  });

  it('--apply-steps sets the advised steps; --reset goes back to the default weights', async () => {
    const dir = dataDir(log);
    const store = await open(dir);
    const r = await optimize(
      store,
      async () => ({
        weights: resolveSettings({}).weights ?? [],
        before: { logLoss: 0.4, rmse: 0.03 },
        after: { logLoss: 0.4, rmse: 0.03 },
        steps: { learning: [90, 1200], relearning: [600] },
      }),
      { ...req, applySteps: true },
    );
    if (r.kind !== 'done') throw new Error(r.reason);
    expect(r.stepsApplied).toBe(true);
    expect(resolveSettings(store.settings).learningSteps).toEqual(['2m', '20m']);
    expect(resolveSettings(store.settings).relearningSteps).toEqual(['10m']);
    store.setSettings({ ...store.settings, weights: r.weights.map(() => 0.5) });
    expect(resetWeights(store, req).settings.weights).toBeNull();
    const onDisk = JSON.parse(readFileSync(store.snapshotFile, 'utf8'));
    // A reset is a setting record with value null: the setting is gone, so the default applies.
    expect(onDisk.settings.weights ?? null).toBeNull();
  });

  it('passes the relearning steps that fit in a day, as Anki does', () => {
    expect(relearningStepsInDay(['10m'])).toBe(1);
    expect(relearningStepsInDay(['10m', '1h'])).toBe(2);
    expect(relearningStepsInDay(['10m', '1d'])).toBe(1);
    expect(relearningStepsInDay([])).toBe(0);
  });
});
