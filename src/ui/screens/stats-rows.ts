// The Stats screen's content as rows: every series of core/stats.ts with its chart, in
// sections, for a Viewport of any height. Card keys come from deck files: through oneLine.
import type { Calibration } from '../../core/calibration.js';
import { formatDuration } from '../../core/format.js';
import type { GradeCounts } from '../../core/stats/answers.js';
import { tomorrowText } from '../../core/stats/due.js';
import type { RetentionCell } from '../../core/stats/true-retention.js';
import type { Stats } from '../../core/stats.js';
import { trueRetentionText } from '../../core/stats.js';
import { BLANK, lineRow, type Row, type Style, textRows } from '../components/rows.js';
import { barRows, bucket, columnRows, heatmapRows, lineChartRows } from './stats-charts.js';

export interface StatsLook {
  width: number;
  /** The forecast over a year instead of 30 days (`y`). */
  year: boolean;
  accent: Style;
  muted: Style;
  bold: Style;
}

const pct = (x: number | null) => (x === null ? '-' : `${Math.round(x * 100)}%`);
const PERCENT = { min: 0, max: 100, format: (x: number) => `${Math.round(x)}%` };
const signed = (x: number) => `${x > 0 ? '+' : ''}${x}`;

function section(title: string, look: StatsLook, body: Row[]): Row[] {
  return [BLANK, lineRow(title, look.bold), ...body];
}

function todayRows(s: Stats, look: StatsLook): Row[] {
  const t = s.today;
  const rows = textRows(
    `${t.answers} answers on ${t.cards} cards in ${formatDuration(t.ms)} · ${t.again} Again · streak ${s.streak}`,
    look.width,
  );
  const kinds = t.byKind.map((k) => `${k.kind} ${pct(k.share)}`).join(' · ');
  if (kinds) rows.push(...textRows(`Right: ${kinds}`, look.width));
  return rows;
}

function cellText(c: RetentionCell, narrow: boolean): string {
  const n = c.passed + c.failed;
  return (narrow ? pct(c.rate) : `${pct(c.rate)} (${n})`).padEnd(narrow ? 6 : 12);
}

function retentionRows(s: Stats, look: StatsLook): Row[] {
  const narrow = look.width < 60;
  const t = s.trueRetention;
  const periods = [
    ['today', t.today],
    ['yesterday', t.yesterday],
    ['7 days', t.week],
    ['30 days', t.month],
    ['365 days', t.year],
  ] as const;
  const head = narrow ? 'young mature total' : 'young       mature      total';
  return [
    ...textRows(trueRetentionText(s.retention, narrow), look.width),
    lineRow(`${''.padEnd(10)}${head}`, look.muted),
    ...periods.map(([name, p]) =>
      lineRow(
        `${name.padEnd(10)}${cellText(p.young, narrow)}${cellText(p.mature, narrow)}${cellText(p.total, narrow)}`.trimEnd(),
      ),
    ),
  ];
}

function forecastRows(s: Stats, look: StatsLook): Row[] {
  const values = look.year ? s.forecastYear : s.forecast;
  const total = values.reduce((x, y) => x + y, 0);
  // A column per day, or per few days where a year does not fit the width.
  const { size } = bucket(values, look.width - String(total).length - 2);
  const per = size === 1 ? 'per day' : `per ${size} days`;
  return [
    lineRow(`Tomorrow: ${tomorrowText(s.tomorrow)}`),
    lineRow(`Due ${per}, ${values.length} days (today ${s.forecast[0]})`, look.muted),
    ...columnRows(values, look.width, 4, look.accent),
  ];
}

function calendarRows(s: Stats, look: StatsLook): Row[] {
  const c = s.calendar;
  return [
    ...textRows(
      `${c.activeDays} of 365 days studied · streak ${c.currentStreak} · longest ${c.longestStreak}`,
      look.width,
    ),
    ...heatmapRows(c.cells, look.width, look.accent),
  ];
}

function countRows(s: Stats, look: StatsLook): Row[] {
  const c = s.counts;
  return textRows(
    `${c.total} cards: ${c.new} new · ${c.learning} learning · ${c.review} review · ${c.relearning} relearning · ${c.suspended} suspended · ${c.buried} buried`,
    look.width,
  );
}

function distributionRows(s: Stats, look: StatsLook): Row[] {
  const d = s.distributions;
  if (d.cards === 0) return [lineRow('No card studied yet.', look.muted)];
  return [
    lineRow(`Over ${d.cards} studied cards; mean recall now ${pct(d.meanRetrievability)}`),
    lineRow('Interval', look.muted),
    ...barRows(d.interval, look.width, look.accent),
    lineRow('Stability', look.muted),
    ...barRows(d.stability, look.width, look.accent),
    lineRow('Difficulty', look.muted),
    ...barRows(d.difficulty, look.width, look.accent),
    lineRow('Retrievability (recall now)', look.muted),
    ...barRows(d.retrievability, look.width, look.accent),
  ];
}

function gradeText(g: GradeCounts): string {
  const n = g.reduce((a, b) => a + b, 0);
  const right = n ? pct((n - g[0]) / n) : '-';
  return `${g.join(' / ')}  (${right} right)`;
}

function buttonRows(s: Stats, look: StatsLook): Row[] {
  const b = s.buttons.month;
  return [
    lineRow('Again / Hard / Good / Easy, last 30 days', look.muted),
    lineRow(`Learning ${gradeText(b.learning)}`),
    lineRow(`Young    ${gradeText(b.young)}`),
    lineRow(`Mature   ${gradeText(b.mature)}`),
  ];
}

function hourRows(s: Stats, look: StatsLook): Row[] {
  const hours = s.hours.month;
  if (!hours.some((h) => h.answers > 0)) return [lineRow('No reviews in 30 days.', look.muted)];
  // Retention by hour as a line (hours without reviews drawn at the day's mean).
  const total = hours.reduce((a, h) => a + h.answers, 0);
  const mean = hours.reduce((a, h) => a + h.passed, 0) / total;
  const rates = hours.map((h) => Math.round(100 * (h.rate ?? mean)));
  return [
    lineRow('Reviews passed by hour (0-23), last 30 days', look.muted),
    ...lineChartRows(rates, look.width, 5, PERCENT, look.accent),
    lineRow('Reviews by hour', look.muted),
    ...columnRows(
      hours.map((h) => h.answers),
      look.width,
      3,
      look.accent,
    ),
  ];
}

/** How many cards of each hardest list the screen shows (and `h` studies). */
export const HARDEST_SHOWN = 5;

function hardestRows(s: Stats, look: StatsLook): Row[] {
  const { lowestRecall, mostLapses } = s.hardest;
  if (lowestRecall.length === 0) return [lineRow('No card studied yet.', look.muted)];
  const line = (c: { key: string; retrievability: number; lapses: number }) =>
    lineRow(`${pct(c.retrievability).padStart(4)} ${String(c.lapses).padStart(3)}× ${c.key}`);
  return [
    lineRow('Lowest recall now (recall, lapses, card)', look.muted),
    ...lowestRecall.slice(0, HARDEST_SHOWN).map(line),
    lineRow('Most lapses', look.muted),
    ...(mostLapses.length ? mostLapses.slice(0, HARDEST_SHOWN).map(line) : [lineRow('none')]),
  ];
}

/** Calibration of the readiness forecast, as before the charts (one or two lines). */
export function calibrationLines(c: Calibration, narrow = false): string[] {
  if (c.exams === 0 || c.meanGap === null)
    return [narrow ? 'No forecast to check yet.' : 'No exam with a forecast to check yet.'];
  const n = `${c.exams} exam${c.exams === 1 ? '' : 's'}`;
  const largest = signed(c.largestGap ?? 0);
  const lines = [
    narrow
      ? `Gap ${signed(c.meanGap)} |${c.meanAbsGap}| max ${largest} pts`
      : `Forecast − score: mean ${signed(c.meanGap)} pts, mean |gap| ${c.meanAbsGap}, largest ${largest} (${n})`,
  ];
  if (c.logLoss !== null)
    lines.push(
      narrow
        ? `Log loss ${c.logLoss.toFixed(3)} (${c.questions} q)`
        : `Log loss per question ${c.logLoss.toFixed(3)} over ${c.questions} (0.693 = coin toss)`,
    );
  return lines;
}

function examRows(s: Stats, look: StatsLook): Row[] {
  if (s.exams.length === 0)
    return [lineRow('No exams yet: press x on the home screen.', look.muted)];
  const narrow = look.width < 60;
  const rows: Row[] = [];
  if (s.exams.length >= 2)
    rows.push(
      ...lineChartRows(
        s.exams.map((e) => e.scorePercent),
        look.width,
        5,
        PERCENT,
        look.accent,
      ),
    );
  for (const e of s.exams.slice(-5))
    rows.push(
      lineRow(
        `${e.at.slice(0, 10)} ${String(e.scorePercent).padStart(3)}% ${
          narrow
            ? `${e.passed ? 'pass' : 'fail'} · forecast ${e.predictedPercent ?? '-'}%`
            : `${e.passed ? 'passed    ' : 'not passed'} (forecast ${e.predictedPercent ?? '-'}%)`
        }`,
      ),
    );
  rows.push(...calibrationLines(s.calibration, narrow).map((l) => lineRow(l)));
  return rows;
}

/** Every section, in the order of Anki's statistics page, exams last. */
export function statsRows(s: Stats, look: StatsLook): Row[] {
  return [
    ...section('Today', look, todayRows(s, look)).slice(1),
    ...section('True retention', look, retentionRows(s, look)),
    ...section('Forecast', look, forecastRows(s, look)),
    ...section('Calendar', look, calendarRows(s, look)),
    ...section('Card counts', look, countRows(s, look)),
    ...section('Distributions', look, distributionRows(s, look)),
    ...section('Answer buttons', look, buttonRows(s, look)),
    ...section('Hourly breakdown', look, hourRows(s, look)),
    ...section('Hardest cards', look, hardestRows(s, look)),
    ...section('Exam scores', look, examRows(s, look)),
  ];
}
