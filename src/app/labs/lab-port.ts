// The study and exam screens reach the lab runner through this port (core/ports.ts).
import type { LabRun } from '../../core/lab-spec.js';
import type { Card } from '../../core/model.js';
import type { LabPort } from '../../core/ports.js';
import type { LabDeps } from './run-lab.js';

export class LabRunner implements LabPort {
  constructor(private readonly deps: LabDeps = {}) {}

  async run(card: Card, line: string): Promise<LabRun> {
    const f = card.face;
    if (f.kind !== 'lab')
      return {
        passed: false,
        commandOutput: '',
        checkOutput: '',
        refused: 'this card is not a lab',
      };
    // Loaded on the first lab run: start-up stays free of the runner and what it loads.
    const { runLab } = await import('./run-lab.js');
    return runLab(f, card.pos.file, line, this.deps);
  }
}
