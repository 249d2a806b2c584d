// The lab runner for the screens that show lab cards (study, exam). The CLI provides the
// app's runner; without one (tests, a session that cannot run labs) a lab is graded as a
// typed command and says so.
import { createContext } from 'react';
import type { LabRun } from '../../core/lab-spec.js';
import { labAsTyped } from '../../core/labs/typed-fallback.js';
import type { Card } from '../../core/model.js';
import type { LabPort } from '../../core/ports.js';

export const LabContext = createContext<LabPort | null>(null);

const NO_RUNNER = 'Labs cannot run in this session: this lab was graded as a typed answer.';

/** Runs `line` for a lab card; never rejects (a failure becomes a refused run). */
export async function runLabCard(labs: LabPort | null, card: Card, line: string): Promise<LabRun> {
  if (card.face.kind !== 'lab')
    return { passed: false, commandOutput: '', checkOutput: '', refused: 'not a lab card' };
  if (!labs) return labAsTyped(card.face, line, NO_RUNNER);
  try {
    return await labs.run(card, line);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      passed: false,
      commandOutput: '',
      checkOutput: '',
      refused: `the lab could not run: ${why}`,
    };
  }
}
