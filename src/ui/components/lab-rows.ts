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

/** One output line as rows: sanitized, cut every `room` characters (output is preformatted). */
function lineRows(line: string, room: number): Row[] {
  const text = visible(line);
  const rows: Row[] = [];
  for (let i = 0; i === 0 || i < text.length; i += room)
    rows.push(lineRow(`  ${text.slice(i, i + room)}`));
  return rows;
}

/**
 * Output text as rows, clipped to `limit` rows with a note of what is left. `focus` is a
 * line to keep in view however far down it is (the line the check's pattern matched).
 */
export function outputRows(
  text: string,
  width: number,
  limit: number,
  theme: Theme,
  focus?: number,
): Row[] {
  const room = Math.max(8, width - 2);
  const lines = text === '' ? [] : text.split('\n').map((l) => lineRows(l, room));
  const total = lines.reduce((n, r) => n + r.length, 0);
  if (total === 0) return [lineRow('  (no output)', { color: theme.muted })];
  if (total <= limit) return lines.flat();
  const note = (n: number) => lineRow(`  … ${n} more lines (clipped)`, { color: theme.muted });
  const shown = lines.slice(0, (focus ?? 0) + 1).flat().length;
  if (focus === undefined || shown <= limit - 1) {
    const kept = lines.flat().slice(0, Math.max(1, limit - 1));
    return [...kept, note(total - kept.length)];
  }
  const tail = lines[focus] ?? [];
  const head = lines.flat().slice(0, Math.max(1, limit - 1 - tail.length));
  return [...head, note(total - head.length - tail.length), ...tail];
}

/** The line of `text` where `pattern` first matches, if it does. */
function matchedLine(text: string, pattern: string): number | undefined {
  try {
    const m = new RegExp(pattern, 'm').exec(text);
    return m ? text.slice(0, m.index).split('\n').length - 1 : undefined;
  } catch {
    return undefined;
  }
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
  const focus = matchedLine(run.checkOutput, spec.check.expect);
  rows.push(...outputRows(run.checkOutput, width, limit, theme, focus));
  if (!run.passed) rows.push(...textRows(`Reference: ${spec.answer}`, width));
  return rows;
}
