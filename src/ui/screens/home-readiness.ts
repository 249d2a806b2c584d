// The exam lines of the home screen as rows that fit the width: readiness with its
// objectives weakest first, the pace to the exam date, the score trend. Readiness once ran
// off the edge at 80 columns ("351.4 L…"); now it wraps between objectives, shortens a name
// that alone is wider than the screen, and says how many objectives did not fit.
import type { ExamSummary } from '../../core/model.js';
import type { ReadinessView } from '../../core/ports.js';
import { oneLine } from '../../core/sanitize.js';
import { type Row, textRows } from '../components/rows.js';
import { footerRows } from './footer-rows.js';

const SEP = ' · ';
/** The fewest letters of an objective's name worth showing before the ellipsis. */
const MIN_NAME = 8;

/** Rows readiness may take: one on a short screen, two at 24 rows, three from 28. */
export function readinessRowBudget(rows: number): number {
  return Math.max(1, Math.min(3, Math.floor((rows - 16) / 4)));
}

/** "351.5 Virtual machine disk image management 19%", its name shortened to fit `width`. */
export function objectiveItem(
  code: string,
  name: string | undefined,
  percent: number,
  width: number,
): string {
  const tail = ` ${percent}%`;
  const full = `${code}${name ? ` ${oneLine(name)}` : ''}${tail}`;
  if (full.length <= width) return full;
  // The code and the figure matter most; the name gives way, down to its first letter.
  const room = width - code.length - tail.length - 2;
  if (!name || room < MIN_NAME) return `${code}${tail}`;
  return `${code} ${oneLine(name).slice(0, room).trimEnd()}…${tail}`;
}

/**
 * "Ready tomorrow 64% · 351.5 Virtual machine disk image management 19% · ...", wrapped
 * between its parts into at most `budget` rows. Objectives that do not fit are counted at
 * the end ("+5 more in hyperrecall stats", or "+6 more" when narrow), the weakest staying on
 * screen; the last one shown may give up part of its name to leave room for the count.
 */
export function readinessRows(r: ReadinessView, width: number, budget: number): Row[] {
  const when = r.now.basis === 'exam-date' ? 'on exam day' : 'tomorrow';
  const head = `Ready ${when} ${r.now.percent}%`;
  const objectives = Object.entries(r.now.byTag)
    .sort(([ta, a], [tb, b]) => a.percent - b.percent || ta.localeCompare(tb))
    .map(([t, v]) => ({ code: t.replace(/^[a-z0-9]+-/, ''), ...v }));
  const item = (i: number, room: number) => {
    const o = objectives[i]!;
    return objectiveItem(o.code, o.name, o.percent, room);
  };
  const items = objectives.map((_, i) => item(i, width));
  const fits = (parts: string[]) => {
    const rows = footerRows(parts, width);
    return rows.length <= budget ? rows : null;
  };
  for (let shown = items.length; shown > 0; shown--) {
    const more = items.length - shown;
    if (more === 0) {
      const all = fits([head, ...items]);
      if (all) return all;
      continue;
    }
    const counts = [`+${more} more in hyperrecall stats`, `+${more} more`];
    for (const count of counts) {
      const whole = fits([head, ...items.slice(0, shown), count]);
      if (whole) return whole;
    }
    // Else the last objective shown gives up the end of its name, if some of it stays.
    for (const count of counts) {
      const last = item(shown - 1, width - SEP.length - count.length);
      const named = !objectives[shown - 1]!.name || last.includes('…');
      const cut = named ? fits([head, ...items.slice(0, shown - 1), last, count]) : null;
      if (cut) return cut;
    }
  }
  const none = items.length > 0 ? [`+${items.length} more`] : [];
  return footerRows([head, ...none], width).slice(0, Math.max(1, budget));
}

/** Readiness, the pace to the exam date and the last scores, each wrapped to `width`. */
export function examRows(
  r: ReadinessView,
  history: readonly ExamSummary[],
  width: number,
  budget: number,
): Row[] {
  const rows = readinessRows(r, width, budget);
  if (r.examDate) {
    const d = r.examDate;
    const pace = `Exam ${d.date}, ${d.daysLeft} days: ${d.newPerDayNeeded} new/day to see all ${d.unseen}`;
    rows.push(...textRows(pace, width));
  }
  if (history.length === 0)
    rows.push(...textRows('Exams: none yet (press x for a mock exam)', width));
  else {
    const last = history.slice(-5);
    const latest = last.at(-1)!;
    const trend = `Exams ${last.map((e) => `${e.scorePercent}%`).join(' → ')} (last ${latest.passed ? 'passed' : 'not passed'}, forecast ${latest.predictedPercent ?? '-'}%)`;
    rows.push(...textRows(trend, width));
  }
  return rows;
}
