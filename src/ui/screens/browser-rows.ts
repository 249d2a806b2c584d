// The card browser's rows: the table (cursor marked), the title, the search line and the
// footer, each fitted to the width. Card text reaches the screen through cardTable's
// oneLine() and lineRow().
import type { CardRow } from '../../core/search/card-row.js';
import type { Column } from '../../core/search/columns.js';
import { cardTable } from '../../core/search/table.js';
import { lineRow, type Row } from '../components/rows.js';
import { hint } from '../keys.js';
import type { Theme } from '../theme.js';
import { footerRows, hintParts } from './footer-rows.js';

const CURSOR = 2;

export interface BrowserTable {
  header: Row;
  list: Row[];
}

export function browserTable(
  rows: readonly CardRow[],
  cursor: number,
  width: number,
  now: number,
  theme: Theme,
): BrowserTable {
  const t = cardTable(rows, width - CURSOR, now);
  return {
    header: lineRow(`  ${t.header}`, { color: theme.muted }),
    list: t.lines.map((l, i) =>
      i === cursor ? lineRow(`› ${l}`, { bold: true, color: theme.accent }) : lineRow(`  ${l}`),
    ),
  };
}

export function titleText(found: number | null, sort: { column: Column; desc: boolean }): string {
  const n = found === null ? '' : ` · ${found} card${found === 1 ? '' : 's'}`;
  return `Cards${n} · sort ${sort.column} ${sort.desc ? '↓' : '↑'}`;
}

/** The search line: what is typed (with a cursor), or the search in force. */
export function queryText(query: string, draft: string | null): string {
  if (draft !== null) return `/ ${draft}▏`;
  return query ? `/ ${query}` : '/ (all cards; / to search)';
}

export type BrowserMode = 'list' | 'query' | 'confirm';

export function footer(mode: BrowserMode, width: number, theme: Theme): Row[] {
  const style = { color: theme.muted };
  if (mode === 'query')
    return footerRows(
      ['deck: tag: is: prop: words - or', ...hintParts(hint('browserQuery', ['save', 'cancel']))],
      width,
      style,
    );
  if (mode === 'confirm')
    return footerRows(
      ['Forget: back to new, history kept?', ...hintParts(hint('confirmForget', ['yes', 'no']))],
      width,
      style,
    );
  return footerRows(
    hintParts(
      hint('browser', [
        'query',
        'sort',
        'reverse',
        'suspend',
        'bury',
        'flag',
        'forget',
        'undo',
        'edit',
        'info',
        'help',
        'quit',
      ]),
    ),
    width,
    style,
  );
}
