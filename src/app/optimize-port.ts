// The optimizer for the screens (`o` on Stats): the collection as the TUI uses it, plus an
// `optimize` that trains in the worker thread on the session's own store (the session
// holds the lock, so it is the one writer) and hands new weights to the session's
// scheduler and queue, as a settings change does. The optimizer's modules load on the
// first `o`, so the home screen's start-up does not pay for them.
import type { StudyPort } from '../core/ports.js';
import type { Collection } from './collection.js';
import type { Trainer } from './optimize-run.js';

export function optimizeFor(
  collection: Collection,
  trainer: () => Promise<Trainer>,
  device: string,
): NonNullable<StudyPort['optimize']> {
  return async (now, onProgress) => {
    const { optimize } = await import('./optimize.js');
    const r = await optimize(
      collection.store,
      await trainer(),
      { dryRun: false, applySteps: false, reschedule: false, now, device },
      (p) => onProgress(p.fraction),
    );
    // Written already; setting the same value again rebuilds the scheduler and the queue.
    if (r.kind === 'done' && r.applied) collection.setSetting('weights', r.weights.join(','));
    return r;
  };
}

/**
 * The collection with `optimize` added as a property of its own: the same object, so every
 * other call goes straight to it (no wrapper on the study path).
 */
export function withOptimizer(
  collection: Collection,
  workerFile: string,
  device: string,
): Collection {
  const optimize = optimizeFor(
    collection,
    async () => (await import('./optimize-run.js')).workerTrainer(workerFile),
    device,
  );
  return Object.assign(collection, { optimize });
}
