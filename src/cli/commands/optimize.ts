// `hyperrecall optimize`: fit personal FSRS parameters to the review log. Only this command
// loads the optimizer (a native binding), in a worker thread, so every other command starts
// as fast as before. A dry run opens the store read-only and writes nothing.
import { join } from 'node:path';
import { type OptimizeResult, optimize, resetWeights } from '../../app/optimize.js';
import { workerTrainer } from '../../app/optimize-run.js';
import type { TrainProgress } from '../../app/optimize-train.js';
import { refitText } from '../../core/optimizer/result.js';
import { oneLine } from '../../core/sanitize.js';
import { StoreLockedError } from '../../store/errors.js';
import { Store } from '../../store/store.js';
import type { Context } from '../context.js';
import { optimizeJson, optimizeText, refusedJson, refusedText } from './optimize-output.js';

export interface OptimizeFlags {
  dryRun?: boolean;
  json?: boolean;
  reset?: boolean;
  applySteps?: boolean;
  reschedule?: boolean;
}

const PHASE: Record<TrainProgress['phase'], [wide: string, narrow: string]> = {
  evaluate: ['checking on held-out reviews', 'checking'],
  fit: ['fitting on all reviews', 'fitting'],
};

/** A one-line bar on a terminal, redrawn in place; nothing when stderr is not a terminal. */
function progressBar(stream: NodeJS.WriteStream): {
  update: (p: TrainProgress) => void;
  done: () => void;
} {
  if (!stream.isTTY) return { update: () => {}, done: () => {} };
  let last = '';
  const update = (p: TrainProgress) => {
    const cols = Math.max(20, Math.min(stream.columns || 80, 100) - 1);
    const pct = Math.round(p.fraction * 100);
    const label = ` ${String(pct).padStart(3)}% ${PHASE[p.phase][cols < 60 ? 1 : 0]}`;
    const width = Math.max(5, Math.min(30, cols - label.length - 2));
    const filled = Math.round(p.fraction * width);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]${label}`.slice(0, cols);
    if (line === last) return;
    last = line;
    stream.write(`\r\x1b[K${line}`);
  };
  return { update, done: () => last && stream.write('\r\x1b[K') };
}

export async function run(ctx: Context, flags: OptimizeFlags): Promise<number> {
  const readOnly = flags.dryRun === true && flags.reset !== true;
  // The store alone: training needs the log and the settings, not the decks. A writer holds
  // the lock for the whole run (one writer per device); training runs in a worker, so the
  // lock keeps being refreshed meanwhile.
  const store = await Store.open({
    dataDir: ctx.dataDir,
    device: ctx.device,
    now: ctx.now,
    readOnly,
  }).catch((err: unknown) => {
    if (err instanceof StoreLockedError)
      err.message += ' optimize --dry-run shows the figures beside it.';
    throw err;
  });
  const out = (s: string) => process.stdout.write(`${s}\n`);
  try {
    if (flags.reset) {
      if (flags.dryRun) {
        out('dry run: optimize --reset would set the weights back to the defaults');
        return 0;
      }
      const { refit } = resetWeights(store, {
        device: ctx.device,
        now: ctx.now(),
        reschedule: flags.reschedule === true,
      });
      if (flags.json)
        out(JSON.stringify({ reset: true, applied: true, weights: null, refit }, null, 2));
      else {
        out("Weights reset to FSRS' defaults (config get weights: default).");
        for (const line of refitText(refit)) out(line);
      }
      return 0;
    }
    const bar = progressBar(process.stderr);
    let result: OptimizeResult;
    try {
      result = await optimize(
        store,
        workerTrainer(join(ctx.root, 'dist', 'optimize-worker.js')),
        {
          dryRun: flags.dryRun === true,
          applySteps: flags.applySteps === true,
          reschedule: flags.reschedule === true,
          now: ctx.now(),
          device: ctx.device,
        },
        bar.update,
      );
    } catch (err) {
      // The optimizer missing or failing (a broken install, a platform without a prebuilt
      // binding): one line, nothing changed.
      bar.done();
      const why = (err instanceof Error ? err.message : String(err)).replace(/\.$/, '');
      process.stderr.write(`hyperrecall: optimize failed: ${oneLine(why)}. Nothing was changed.\n`);
      return 1;
    }
    bar.done();
    if (result.kind === 'refused') {
      if (flags.json) out(JSON.stringify(refusedJson(result), null, 2));
      else for (const line of refusedText(result)) out(line);
      return 1;
    }
    if (flags.json) out(JSON.stringify(optimizeJson(result, flags.dryRun === true), null, 2));
    else for (const line of optimizeText(result, flags.dryRun === true)) out(line);
    return 0;
  } finally {
    await store.close();
    for (const n of store.notices) process.stderr.write(`hyperrecall: ${oneLine(n)}\n`);
  }
}
