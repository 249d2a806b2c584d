// Runs the training in a worker thread when the built worker file is there (it always is in
// an installed copy), else in this thread (tests and runs from source).
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { TrainInput, TrainOutput, TrainProgress } from './optimize-train.js';
import type { WorkerMessage } from './optimize-worker.js';

export type Trainer = (
  input: TrainInput,
  onProgress: (p: TrainProgress) => void,
) => Promise<TrainOutput>;

export function workerTrainer(workerFile: string): Trainer {
  return (input, onProgress) => {
    if (!existsSync(workerFile)) return inlineTrainer(input, onProgress);
    return new Promise<TrainOutput>((resolve, reject) => {
      const worker = new Worker(workerFile, { workerData: input });
      let settled = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        fn();
        void worker.terminate();
      };
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') onProgress({ phase: m.phase, fraction: m.fraction });
        else if (m.type === 'done') finish(() => resolve(m.output));
        else finish(() => reject(new Error(m.message)));
      });
      worker.on('error', (err) => finish(() => reject(err)));
      worker.on('exit', (code) =>
        finish(() => reject(new Error(`the optimizer's worker stopped (exit code ${code})`))),
      );
    });
  };
}

export const inlineTrainer: Trainer = async (input, onProgress) =>
  (await import('./optimize-train.js')).train(input, onProgress);
