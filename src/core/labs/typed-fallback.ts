// A lab graded as a typed command, where it cannot run: the tools are missing, or the
// session has no lab runner. The result says why, so the learner knows nothing ran.
import { gradeTyped } from '../grading.js';
import type { LabRun, LabSpec } from '../lab-spec.js';

export function labAsTyped(spec: LabSpec, line: string, why: string): LabRun {
  const typed = gradeTyped(line, spec.answer, spec.accept, 'command');
  return {
    passed: typed.correct,
    commandOutput: '',
    checkOutput: '',
    fallback: why,
    ...(typed.notes.length > 0 ? { notes: typed.notes } : {}),
  };
}
