// The optimizer's worker thread: its own entry point in the build (dist/optimize-worker.js),
// so training never blocks the main thread (its progress bar, the store lock's refresh).
import { parentPort, workerData } from 'node:worker_threads';
import { type TrainInput, train } from './optimize-train.js';

export type WorkerMessage =
  | { type: 'progress'; phase: 'evaluate' | 'fit'; fraction: number }
  | { type: 'done'; output: Awaited<ReturnType<typeof train>> }
  | { type: 'error'; message: string };

const port = parentPort;
if (port) {
  const post = (m: WorkerMessage) => port.postMessage(m);
  train(workerData as TrainInput, (p) => post({ type: 'progress', ...p })).then(
    (output) => post({ type: 'done', output }),
    (err: unknown) =>
      post({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
}
