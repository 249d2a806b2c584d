// The study and exam screens reach the lab runner through this port (core/ports.ts).
import type { LabRun } from '../../core/lab-spec.js';
import type { Card } from '../../core/model.js';
import type { LabPort } from '../../core/ports.js';
import { type LabDeps, runLab } from './run-lab.js';

export class LabRunner implements LabPort {
  constructor(private readonly deps: LabDeps = {}) {}

  run(card: Card, line: string): Promise<LabRun> {
    const f = card.face;
    if (f.kind !== 'lab')
      return Promise.resolve({
        passed: false,
        commandOutput: '',
        checkOutput: '',
        refused: 'this card is not a lab',
      });
    return runLab(f, card.pos.file, line, this.deps);
  }
}
