// The browser's columns: how each is shown and sorted. Cards without a figure (a new card
// has no interval) sort after the others in both directions; ties go by card key, so the
// order is stable between runs.
import { formatInterval } from '../format.js';
import type { CardRow } from './card-row.js';

export const COLUMNS = [
  'card',
  'deck',
  'kind',
  'state',
  'due',
  'interval',
  'stability',
  'difficulty',
  'recall',
  'lapses',
] as const;
export type Column = (typeof COLUMNS)[number];

export function isColumn(x: string): x is Column {
  return (COLUMNS as readonly string[]).includes(x);
}

const PHASE_SHORT = { new: 'new', learning: 'learn', review: 'review', relearning: 'relearn' };

/** The phase, then what hides or marks the card: "review susp flag". */
export function stateText(r: CardRow): string {
  const parts: string[] = [PHASE_SHORT[r.phase]];
  if (r.suspended) parts.push('susp');
  if (r.buried) parts.push('buried');
  if (r.flagged) parts.push('flag');
  if (r.leech) parts.push('leech');
  return parts.join(' ');
}

function sortValue(r: CardRow, col: Column): string | number | null {
  switch (col) {
    case 'card':
      return r.key;
    case 'deck':
      return r.deck;
    case 'kind':
      return r.kind;
    case 'state':
      return stateText(r);
    case 'due':
      return r.due;
    case 'interval':
      return r.interval;
    case 'stability':
      return r.stability;
    case 'difficulty':
      return r.difficulty;
    case 'recall':
      return r.recall;
    case 'lapses':
      return r.lapses;
  }
}

export function sortRows(rows: readonly CardRow[], col: Column, desc: boolean): CardRow[] {
  const keyed = rows.map((r) => ({ r, v: sortValue(r, col) }));
  keyed.sort((a, b) => {
    if (a.v === null || b.v === null) {
      if (a.v !== b.v) return a.v === null ? 1 : -1;
    } else if (a.v !== b.v) {
      const c = a.v < b.v ? -1 : 1;
      return desc ? -c : c;
    }
    return a.r.key < b.r.key ? -1 : a.r.key > b.r.key ? 1 : 0;
  });
  return keyed.map((k) => k.r);
}

/** A column's text for a row, e.g. "in 3d", "12d", "0.93". Card text is left raw. */
export function cellText(r: CardRow, col: Column, now: number): string {
  switch (col) {
    case 'card':
      return r.front;
    case 'deck':
      return r.deck;
    case 'kind':
      return r.kind;
    case 'state':
      return stateText(r);
    case 'due':
      if (r.due === null || r.dueDays === null) return '-';
      if (r.due <= now) return r.dueDays < 0 ? `${-r.dueDays}d late` : 'now';
      return r.dueDays === 0 ? `in ${formatInterval(r.due - now)}` : `in ${r.dueDays}d`;
    case 'interval':
      return r.interval === null ? '-' : `${r.interval}d`;
    case 'stability':
      return r.stability === null ? '-' : `${r.stability.toFixed(1)}d`;
    case 'difficulty':
      return r.difficulty === null ? '-' : r.difficulty.toFixed(1);
    case 'recall':
      return r.recall === null ? '-' : `${Math.round(r.recall * 100)}%`;
    case 'lapses':
      return String(r.lapses);
  }
}
