// Content as rows of exactly one terminal line each, so a Viewport's arithmetic is exact.
// Every text from a deck, a card or the store passes visible()/oneLine() here, at the
// boundary: builders are the only way such text reaches the screen.
import { oneLine, visible } from '../../core/sanitize.js';
import { wrapRuns, wrapText } from './wrap.js';

export interface Style {
  color?: string | undefined;
  bold?: boolean;
  underline?: boolean;
}

export interface Span extends Style {
  text: string;
}

export interface Row {
  spans: Span[];
}

export const BLANK: Row = { spans: [] };

/** A row of one styled text, cut to one line. */
export function lineRow(text: string, style: Style = {}): Row {
  return { spans: [{ ...style, text: oneLine(text) }] };
}

/** A row of several styled pieces, each made safe. */
export function spansRow(spans: readonly Span[]): Row {
  return { spans: spans.map((s) => ({ ...s, text: oneLine(s.text) })) };
}

/**
 * A paragraph wrapped to `width`: each line is a row. `first` and `rest` are plain prefixes
 * (a label, an indent) on the first and following lines; the text wraps in what is left.
 */
export function textRows(
  text: string,
  width: number,
  style: Style = {},
  prefix: { first?: Span; rest?: Span } = {},
): Row[] {
  const first = prefix.first ?? { text: '' };
  const rest = prefix.rest ?? { text: ' '.repeat(first.text.length) };
  const lines = wrapText(visible(text), width - first.text.length).split('\n');
  return lines.map((line, i) => {
    const head = i === 0 ? first : rest;
    return { spans: head.text ? [head, { ...style, text: line }] : [{ ...style, text: line }] };
  });
}

/** Rows with a blank row between non-empty groups (the roomy layout). */
export function joinGroups(groups: readonly Row[][], gap: boolean): Row[] {
  const out: Row[] = [];
  for (const g of groups) {
    if (g.length === 0) continue;
    if (gap && out.length > 0) out.push(BLANK);
    out.push(...g);
  }
  return out;
}

export function rowText(row: Row): string {
  return row.spans.map((s) => s.text).join('');
}

/**
 * Styled runs of one paragraph (a cloze with its gaps, text with code), wrapped together
 * into rows, with plain prefixes as textRows takes them.
 */
export function runRows(
  runs: readonly Span[],
  width: number,
  prefix: { first?: Span; rest?: Span } = {},
): Row[] {
  const first = prefix.first ?? { text: '' };
  const rest = prefix.rest ?? { text: ' '.repeat(first.text.length) };
  const safe = runs.map((r) => ({ ...r, text: visible(r.text) }));
  const rows: Row[] = [{ spans: [] }];
  for (const run of wrapRuns(safe, width - first.text.length)) {
    run.text.split('\n').forEach((piece, i) => {
      if (i > 0) rows.push({ spans: [] });
      if (piece) rows.at(-1)!.spans.push({ ...run, text: piece });
    });
  }
  return rows.map((row, i) => {
    const head = i === 0 ? first : rest;
    return head.text ? { spans: [head, ...row.spans] } : row;
  });
}

/** Markdown-style `code` in card text: the text between a pair of backticks on one line. */
const CODE = /`([^`\n]+)`/g;

/**
 * Card text as rows, with `code` drawn in the code style and its backticks dropped; text
 * without a pair of backticks is exactly textRows.
 */
export function cardTextRows(
  text: string,
  width: number,
  style: Style,
  code: Style,
  prefix: { first?: Span; rest?: Span } = {},
): Row[] {
  if (!/`[^`\n]+`/.test(text)) return textRows(text, width, style, prefix);
  const runs = codeRuns(text, style, code);
  return runRows(runs, width, prefix);
}

/** Text split into runs at its `code` spans: the code in `code` style, backticks dropped. */
export function codeRuns(text: string, style: Style, code: Style): Span[] {
  const runs: Span[] = [];
  let at = 0;
  for (const m of text.matchAll(CODE)) {
    if (m.index > at) runs.push({ ...style, text: text.slice(at, m.index) });
    runs.push({ ...style, ...code, text: m[1]! });
    at = m.index + m[0].length;
  }
  if (at < text.length) runs.push({ ...style, text: text.slice(at) });
  return runs;
}
