// Charts as rows of one terminal line each, for the Stats screen's Viewport: vertical bars,
// horizontal bars (histograms), the calendar heatmap, and line charts drawn by asciichart.
import { plot } from 'asciichart';
import type { CalendarCell } from '../../core/stats/calendar.js';
import { lineRow, type Row, type Style, spansRow } from '../components/rows.js';

const EIGHTHS = ' ▁▂▃▄▅▆▇█';

/**
 * Values summed into at most `n` buckets of equal length (the last may be shorter), so a
 * long series fits the width: 365 days at 40 columns become weeks-and-a-bit per column.
 */
export function bucket(values: readonly number[], n: number): { sums: number[]; size: number } {
  const size = Math.max(1, Math.ceil(values.length / Math.max(1, n)));
  const sums: number[] = [];
  for (let i = 0; i < values.length; i += size)
    sums.push(values.slice(i, i + size).reduce((a, b) => a + b, 0));
  return { sums, size };
}

/**
 * Vertical bars, `height` rows tall, one column per value (bucketed to fit `width` less the
 * axis), the largest value labelled on the top row and 0 on the bottom.
 */
export function columnRows(
  values: readonly number[],
  width: number,
  height: number,
  style: Style,
): Row[] {
  // The axis is as wide as the largest a column can get: every value in one column.
  const label = String(values.reduce((x, y) => x + y, 0)).length;
  const { sums } = bucket(values, Math.max(1, width - label - 2));
  const top = Math.max(1, ...sums);
  const rows: Row[] = [];
  for (let r = height - 1; r >= 0; r--) {
    const cells = sums
      .map((v) => {
        // Eighths of a row filled at this level; a non-zero value shows at least one.
        const filled = v === 0 ? 0 : Math.max(1, Math.round((v / top) * height * 8));
        return EIGHTHS[Math.max(0, Math.min(8, filled - r * 8))];
      })
      .join('');
    const axis = r === height - 1 ? String(Math.max(...sums, 0)) : r === 0 ? '0' : '';
    rows.push(spansRow([{ text: `${axis.padStart(label)} ┤` }, { ...style, text: cells }]));
  }
  return rows;
}

/** Horizontal bars: one row per bin, the label, the bar scaled to the largest and the count. */
export function barRows(
  bins: readonly { label: string; count: number }[],
  width: number,
  style: Style,
): Row[] {
  const labelWidth = Math.max(0, ...bins.map((b) => b.label.length));
  const countWidth = Math.max(1, ...bins.map((b) => String(b.count).length));
  const room = Math.max(1, width - labelWidth - countWidth - 3);
  const max = Math.max(1, ...bins.map((b) => b.count));
  return bins.map((b) => {
    const eighths = b.count === 0 ? 0 : Math.max(1, Math.round((b.count / max) * room * 8));
    const bar = '█'.repeat(Math.floor(eighths / 8)) + (eighths % 8 ? EIGHTHS[eighths % 8] : '');
    return spansRow([
      { text: `${b.label.padStart(labelWidth)} ` },
      { ...style, text: bar },
      { text: ` ${b.count}` },
    ]);
  });
}

const SHADES = ['·', '░', '▒', '▓', '█'];
const WEEKDAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];

/** Monday 0 ... Sunday 6 of a study day (day 0, 1970-01-01, was a Thursday). */
const weekday = (day: number) => (((day + 3) % 7) + 7) % 7;

/**
 * The calendar heatmap: seven rows (Monday to Sunday), one column per week, oldest on the
 * left, as many weeks as fit `width` (today's week last); the shade is the cell's level.
 */
export function heatmapRows(cells: readonly CalendarCell[], width: number, style: Style): Row[] {
  if (cells.length === 0) return [];
  const weeks = Math.max(1, Math.min(53, width - 3));
  const last = cells.at(-1)!.day;
  const firstMonday = last - weekday(last) - (weeks - 1) * 7;
  const byDay = new Map(cells.map((c) => [c.day, c.level]));
  return WEEKDAYS.map((name, wd) => {
    let line = '';
    for (let w = 0; w < weeks; w++) {
      const day = firstMonday + w * 7 + wd;
      line += day > last ? ' ' : SHADES[byDay.get(day) ?? 0];
    }
    return spansRow([{ text: `${name} ` }, { ...style, text: line.trimEnd() }]);
  });
}

/**
 * A line chart by asciichart on a fixed scale from `min` to `max` (percentages: 0 to 100,
 * so a flat series does not fill the chart): `height` rows, one column per point (the last
 * ones that fit `width` less the axis), the axis labelled with `format`.
 */
export function lineChartRows(
  values: readonly number[],
  width: number,
  height: number,
  scale: { min: number; max: number; format: (x: number) => string },
  style: Style,
): Row[] {
  if (values.length === 0) return [];
  const { min, max, format } = scale;
  const axis = Math.max(format(max).length, format(min).length);
  const points = values.slice(-Math.max(2, width - axis - 2));
  const text = plot([...points], {
    height: Math.max(1, height - 1),
    min,
    max,
    format: (x) => format(x).padStart(axis),
  });
  return text.split('\n').map((line) => {
    const cut = line.indexOf('┤') >= 0 ? line.indexOf('┤') : line.indexOf('┼');
    if (cut < 0) return lineRow(line);
    return spansRow([{ text: line.slice(0, cut + 1) }, { ...style, text: line.slice(cut + 1) }]);
  });
}
