// The four grade buttons, each with the interval it would give, as Anki shows them. Built
// as rows (packed to the width) so the screen knows how many lines they take. In a cram no
// grade schedules anything: the buttons have no intervals and the hint says so.
import { formatInterval } from '../../core/format.js';
import { GRADE_NAMES, GRADES, type Grade } from '../../core/model.js';
import type { Outcome } from '../../core/scheduler.js';
import type { Theme } from '../theme.js';
import { lineRow, type Row, type Span } from './rows.js';

export function gradeBarRows(
  preview: Record<Grade, Outcome> | null,
  suggested: Grade,
  compact: boolean,
  width: number,
  theme: Theme,
): Row[] {
  const gap = compact ? 1 : 2;
  const rows: Row[] = [];
  let line: Span[] = [];
  let used = 0;
  for (const g of GRADES) {
    const on = g === suggested;
    const interval = preview ? ` ${formatInterval(preview[g].intervalMs)}` : '';
    const text = `${on ? '▸' : ' '}${g} ${GRADE_NAMES[g]}${interval}`;
    if (line.length > 0 && used + gap + text.length > width) {
      rows.push({ spans: line });
      line = [];
      used = 0;
    }
    if (line.length > 0) {
      line.push({ text: ' '.repeat(gap) });
      used += gap;
    }
    line.push({ text, bold: on, color: on ? theme.accent : undefined });
    used += text.length;
  }
  rows.push({ spans: line });
  const enter = `Enter: ${GRADE_NAMES[suggested]}`;
  if (!compact)
    rows.push(
      lineRow(preview ? `${enter} · 1-4 choose a grade` : `${enter} · 1-4 · not rescheduled`, {
        color: theme.muted,
      }),
    );
  return rows;
}
