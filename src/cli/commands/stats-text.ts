// `hyperrecall stats` as text: the series of core/stats.ts in lines that fit 80 columns.
import { formatDuration } from '../../core/format.js';
import { oneLine } from '../../core/sanitize.js';
import type { RetentionCell } from '../../core/stats/true-retention.js';
import type { Stats } from '../../core/stats.js';

const pct = (x: number | null) => (x === null ? '   -' : `${Math.round(x * 100)}%`.padStart(4));

function cellText(c: RetentionCell): string {
  return `${pct(c.rate)} ${`(${c.passed + c.failed})`.padEnd(7)}`;
}

/** Anki's True Retention table: rows are periods, columns young / mature / total. */
export function retentionTable(s: Stats): string[] {
  const t = s.trueRetention;
  const rows: [string, keyof Stats['trueRetention']][] = [
    ['today', 'today'],
    ['yesterday', 'yesterday'],
    ['7 days', 'week'],
    ['30 days', 'month'],
    ['365 days', 'year'],
  ];
  return [
    `               ${'young'.padEnd(13)}${'mature'.padEnd(13)}total`,
    ...rows.map(([name, k]) =>
      `  ${name.padEnd(13)}${cellText(t[k].young)} ${cellText(t[k].mature)} ${cellText(t[k].total)}`.trimEnd(),
    ),
  ];
}

export function scopeText(s: Stats): string {
  const { deck, objective } = s.scope;
  if (deck === null && objective === null) return 'every deck';
  return [deck && `deck ${oneLine(deck)}`, objective && `objective ${oneLine(objective)}`]
    .filter(Boolean)
    .join(', ');
}

const INDENT = ' '.repeat(15);

/** Today's work, and on a second line the share right by kind when anything was answered. */
export function todayText(s: Stats): string[] {
  const t = s.today;
  const lines = [
    `${t.answers} answers on ${t.cards} cards · ${formatDuration(t.ms)} · ${t.again} Again`,
  ];
  const kinds = t.byKind.map((k) => `${k.kind} ${Math.round(k.share * 100)}%`).join(', ');
  if (kinds) lines.push(`${INDENT}right: ${kinds}`);
  return lines;
}

/** Cards by state, the states with none left out (at most two lines of 80 columns). */
export function countsText(s: Stats): string[] {
  const c = s.counts;
  const states = (['new', 'learning', 'review', 'relearning', 'suspended', 'buried'] as const)
    .filter((k) => c[k] > 0)
    .map((k) => `${c[k]} ${k}`);
  const head = `${c.total} card${c.total === 1 ? '' : 's'}${states.length ? ':' : ''}`;
  const first = states.slice(0, 3).join(', ');
  const rest = states.slice(3).join(', ');
  return rest ? [`${head} ${first},`, `${INDENT}${rest}`] : [`${head} ${first}`.trimEnd()];
}

export function calendarText(s: Stats): string {
  const c = s.calendar;
  return `${c.activeDays} of 365 days studied · streak ${c.currentStreak} · longest ${c.longestStreak}`;
}

export function hardestText(s: Stats): string[] {
  const h = s.hardest.lowestRecall.slice(0, 5);
  if (h.length === 0) return [];
  return h.map((c) => `  ${pct(c.retrievability)}  ${c.lapses} lapses  ${oneLine(c.key)}`);
}
