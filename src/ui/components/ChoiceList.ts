// The one renderer of multiple-choice answers, for study, the exam and the exam's mistake
// review: letters, cursor, [x]/(•) marks, and after the answer ✓/✗ with the reason for a
// wrong pick. It produces rows, so the screen's Viewport can scroll them and follow the
// cursor to the lines of one choice.
import type { Choice } from '../../core/model.js';
import type { Theme } from '../theme.js';
import type { Row, Span } from './rows.js';
import { cardTextRows, textRows } from './rows.js';

export interface ChoiceListInput {
  choices: readonly Choice[];
  /** Display order: order[displayIndex] = index in `choices`. */
  order: readonly number[];
  /** Picked choices, as display indexes. */
  chosen: readonly number[];
  multi: boolean;
  /** Display index under the cursor, or null where there is no cursor (the exam). */
  cursor: number | null;
  /** Letter of each display index (study `a-h`, exam without `f`); null shows none. */
  letters: string | null;
  /** After the answer: marks right and wrong, gives the reason for a wrong pick. */
  answered: boolean;
  width: number;
  theme: Theme;
}

export interface ChoiceRows {
  rows: Row[];
  /** Rows [from, to) of each display index, for the viewport to follow the cursor. */
  ranges: [number, number][];
}

function box(multi: boolean, picked: boolean): string {
  if (multi) return picked ? '[x]' : '[ ]';
  return picked ? '(•)' : '( )';
}

export function choiceRows(input: ChoiceListInput): ChoiceRows {
  const { choices, order, chosen, multi, cursor, letters, answered, width, theme } = input;
  const gutter = answered || cursor !== null;
  const rows: Row[] = [];
  const ranges: [number, number][] = [];
  order.forEach((src, i) => {
    const c = choices[src];
    if (!c) return;
    const picked = chosen.includes(i);
    const at = i === cursor;
    const label = `${box(multi, picked)}${letters ? ` ${letters[i] ?? '?'})` : ''} `;
    let head: Span[];
    let color: string | undefined;
    if (answered) {
      color = c.correct ? theme.good : picked ? theme.bad : theme.muted;
      const mark = c.correct ? '✓' : picked ? '✗' : ' ';
      head = [{ text: `${mark} ${label}`, color, bold: c.correct }];
    } else {
      head = [
        ...(gutter ? [{ text: at ? '› ' : '  ', color: at ? theme.accent : undefined }] : []),
        { text: label, bold: at || (cursor === null && picked) },
      ];
    }
    const prefix = head.map((s) => s.text).join('');
    const start = rows.length;
    const style = color ? { color } : {};
    // Answered, the choice keeps its verdict colour; before, code takes the accent.
    const code = answered ? { bold: false } : { color: theme.accent, bold: false };
    const body = cardTextRows(c.text, width, style, code, { first: { text: prefix } });
    // The label keeps its own styles on the first line.
    body[0] = { spans: [...head, ...(body[0]?.spans.slice(1) ?? [])] };
    rows.push(...body);
    if (answered && picked && !c.correct && c.why) {
      const indent = { text: ' '.repeat(prefix.length + 1) };
      rows.push(...textRows(c.why, width, { color: theme.muted }, { first: indent }));
    }
    ranges.push([start, rows.length]);
  });
  return { rows, ranges };
}
