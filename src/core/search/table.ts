// The browser's rows as a text table that fits a width: the card text takes what the
// other columns leave, and columns are dropped from the right of TABLE_ORDER when even a
// short card text would not fit. Text from decks goes through oneLine().
import { oneLine } from '../sanitize.js';
import type { CardRow } from './card-row.js';
import { type Column, cellText } from './columns.js';

const HEADERS: Record<Column, string> = {
  card: 'card',
  deck: 'deck',
  kind: 'kind',
  state: 'state',
  due: 'due',
  interval: 'ivl',
  stability: 'stab',
  difficulty: 'diff',
  recall: 'recall',
  lapses: 'lapses',
};

/** Columns after the card text, in the order they are given up when space runs short. */
const TABLE_ORDER: readonly Column[] = [
  'state',
  'due',
  'interval',
  'recall',
  'deck',
  'lapses',
  'kind',
  'stability',
  'difficulty',
];
const NUMERIC = new Set<Column>(['interval', 'stability', 'difficulty', 'recall', 'lapses']);
/** The card text keeps at least this much, or half a narrow table. */
const MIN_CARD = 28;
const CAPS: Partial<Record<Column, number>> = { deck: 16, state: 18 };

export function clip(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width <= 1) return chars.slice(0, width).join('');
  return `${chars.slice(0, width - 1).join('')}…`;
}

const pad = (s: string, w: number, right: boolean) => {
  const n = w - [...s].length;
  return n <= 0 ? s : right ? ' '.repeat(n) + s : s + ' '.repeat(n);
};

export interface Table {
  header: string;
  lines: string[];
  columns: Column[];
}

export function cardTable(rows: readonly CardRow[], width: number, now: number): Table {
  const cells = new Map<Column, string[]>();
  const widths = new Map<Column, number>();
  for (const col of TABLE_ORDER) {
    const texts = rows.map((r) => oneLine(cellText(r, col, now)));
    const cap = CAPS[col] ?? Number.POSITIVE_INFINITY;
    const w = Math.min(cap, Math.max(HEADERS[col].length, ...texts.map((t) => [...t].length)));
    cells.set(col, texts);
    widths.set(col, w);
  }
  const shown: Column[] = [...TABLE_ORDER];
  const used = () => shown.reduce((n, c) => n + (widths.get(c) ?? 0) + 2, 0);
  const minCard = Math.min(MIN_CARD, Math.floor(width * 0.55));
  while (shown.length > 0 && width - used() < minCard) shown.pop();
  const cardWidth = Math.max(1, width - used());
  const order: Column[] = ['card', ...shown];
  const line = (get: (c: Column) => string) =>
    order
      .map((c) =>
        c === 'card'
          ? pad(clip(get(c), cardWidth), cardWidth, false)
          : pad(clip(get(c), widths.get(c)!), widths.get(c)!, NUMERIC.has(c)),
      )
      .join('  ')
      .trimEnd();
  return {
    header: line((c) => HEADERS[c]),
    lines: rows.map((r, i) => line((c) => (c === 'card' ? oneLine(r.front) : cells.get(c)![i]!))),
    columns: order,
  };
}
