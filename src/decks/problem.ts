// A problem found in a deck file, located as file:line:col.

/**
 * A hint is advice that does not fail `lint --strict`: what a shipped deck must have
 * (a ref for every card) is only a suggestion for a learner's own notes.
 */
export type Severity = 'error' | 'warning' | 'hint';

export interface Problem {
  file: string;
  line: number;
  col: number;
  severity: Severity;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col} ${p.severity}: ${p.message}`;
}
