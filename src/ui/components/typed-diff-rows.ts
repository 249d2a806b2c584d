// A typed near miss drawn as Anki draws it: what was typed over the expected answer, lined
// up character by character. A row of carets between them marks every difference, so
// nothing depends on colour; colour (wrong typed red, missing expected green) only helps.

import { oneLine } from '../../core/sanitize.js';
import { alignedDiff } from '../../core/typed-diff.js';
import type { Theme } from '../theme.js';
import { cardTextRows, type Row, type Span } from './rows.js';

const TYPED = 'Typed   ';
const ANSWER = 'Answer  ';

interface Cell {
  ch: string;
  same: boolean;
}

function cells(parts: ReturnType<typeof alignedDiff>, side: 'typed' | 'expected'): Cell[] {
  return parts.flatMap((p) => [...p[side]].map((ch) => ({ ch, same: p.same })));
}

/** Cells as spans: runs of equal kind share one span. */
function spansOf(line: Cell[], color: string | undefined): Span[] {
  const out: Span[] = [];
  for (const c of line) {
    const last = out.at(-1);
    const style = c.same ? {} : { color, bold: true };
    if (last && (last.bold === true) === !c.same) last.text += c.ch;
    else out.push({ ...style, text: c.ch });
  }
  return out;
}

/**
 * Rows for a wrong typed answer against the expected one: `Typed`, the caret row and
 * `Answer`, repeated per slice of the width when the answer is long. `-` stands where one
 * side has a character the other lacks. Case is ignored where the card's match mode does.
 */
export function typedDiffRows(
  typed: string,
  expected: string,
  ignoreCase: boolean,
  width: number,
  theme: Theme,
): Row[] {
  const flat = (s: string) => oneLine(s).trim().replace(/\s+/g, ' ');
  const parts = alignedDiff(flat(typed), flat(expected), ignoreCase);
  const top = cells(parts, 'typed');
  const bottom = cells(parts, 'expected');
  const slice = Math.max(8, width - TYPED.length);
  const rows: Row[] = [];
  for (let at = 0; at < top.length; at += slice) {
    const t = top.slice(at, at + slice);
    const b = bottom.slice(at, at + slice);
    const marks = t
      .map((c) => (c.same ? ' ' : '^'))
      .join('')
      .trimEnd();
    const head = at === 0;
    rows.push({
      spans: [{ text: head ? TYPED : ' '.repeat(TYPED.length) }, ...spansOf(t, theme.bad)],
    });
    rows.push(
      marks
        ? { spans: [{ text: ' '.repeat(TYPED.length) + marks, color: theme.warn }] }
        : { spans: [] },
    );
    rows.push({
      spans: [{ text: head ? ANSWER : ' '.repeat(ANSWER.length) }, ...spansOf(b, theme.good)],
    });
  }
  return rows;
}

/**
 * What differs in a typed command, one note a row group ("missing `--persistent`"), with
 * `code` drawn as in card text. Notes quote the learner's own words, so they pass the
 * sanitizer like every other text.
 */
export function typedNoteRows(notes: readonly string[], width: number, theme: Theme): Row[] {
  return notes.flatMap((note) =>
    cardTextRows(note, width, {}, { color: theme.accent, bold: false }, { first: { text: '• ' } }),
  );
}
