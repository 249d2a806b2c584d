// A lab card's result as rows: the verdict, what the command printed and what the check
// printed. Output comes from programs the learner ran: it is sanitized here, and each block
// is clipped so one noisy command cannot push the verdict and the grades off the screen.
import type { LabRun, LabSpec } from '../../core/lab-spec.js';
import { visible } from '../../core/sanitize.js';
import type { Theme } from '../theme.js';
import { lineRow, type Row, textRows } from './rows.js';

/** Rows one output block may take (wrapped lines count). */
export function outputLimit(compact: boolean): number {
  return compact ? 6 : 12;
}

/** Output text as rows: sanitized line by line, wrapped, clipped with a note of what is left. */
export function outputRows(text: string, width: number, limit: number, theme: Theme): Row[] {
  const lines = text === '' ? [] : text.split('\n');
  const rows: Row[] = [];
  for (const line of lines)
    rows.push(
      ...textRows(visible(line) || ' ', width, {}, { first: { text: '  ' }, rest: { text: '  ' } }),
    );
  if (rows.length === 0) return [lineRow('  (no output)', { color: theme.muted })];
  if (rows.length <= limit) return rows;
  const kept = rows.slice(0, Math.max(1, limit - 1));
  kept.push(
    lineRow(`  … ${rows.length - kept.length} more lines (clipped)`, { color: theme.muted }),
  );
  return kept;
}

export function labVerdictRows(
  spec: LabSpec,
  run: LabRun,
  width: number,
  compact: boolean,
  theme: Theme,
): Row[] {
  const bad = { bold: true, color: theme.bad };
  const good = { bold: true, color: theme.good };
  const muted = { color: theme.muted };
  if (run.refused !== undefined)
    return [
      ...textRows(`✗ Not run: ${visible(run.refused)}`, width, bad),
      ...textRows(`Reference: ${spec.answer}`, width),
    ];
  if (run.fallback !== undefined) {
    const rows = [lineRow(run.passed ? '✓ Correct' : '✗ Not quite', run.passed ? good : bad)];
    rows.push(...textRows(run.fallback, width, muted));
    if (!run.passed) rows.push(...textRows(`Expected: ${spec.answer}`, width));
    for (const n of run.notes ?? []) rows.push(...textRows(n, width));
    return rows;
  }
  const verdict = run.passed
    ? '✓ Check passed'
    : `✗ Check failed${run.timedOut ? ' (stopped at the time limit)' : ''}`;
  const limit = outputLimit(compact);
  const rows = [lineRow(verdict, run.passed ? good : bad)];
  rows.push(lineRow('Output:', muted), ...outputRows(run.commandOutput, width, limit, theme));
  rows.push(...textRows(`Check: ${spec.check.run}`, width, muted));
  rows.push(...outputRows(run.checkOutput, width, limit, theme));
  if (!run.passed) rows.push(...textRows(`Reference: ${spec.answer}`, width));
  return rows;
}
