// How the study screen divides the terminal: header, notice, the card in a Viewport, the
// grade bar and the key hints. Everything but the card has a known number of lines, so
// the card's window gets exactly what is left.
import type { CardMarks, Grade } from '../../core/model.js';
import type { Outcome } from '../../core/scheduler.js';
import { type CardSession, defaultGrade } from '../../core/session.js';
import { cardRows } from '../components/card-rows.js';
import { letterRange } from '../components/choice-hints.js';
import { gradeBarRows } from '../components/grade-bar.js';
import { lineRow, type Row, textRows } from '../components/rows.js';
import type { Window } from '../components/viewport-math.js';
import { hint, type Screen } from '../keys.js';
import type { Theme } from '../theme.js';

export interface StudyLayoutInput {
  cur: CardSession | null;
  preview: Record<Grade, Outcome> | null;
  marks: CardMarks;
  notice: string | null;
  width: number;
  rows: number;
  theme: Theme;
}

export interface StudyLayout {
  /** Short counts and kind line, no grade hint, no footer under the grade bar. */
  compact: boolean;
  /** Blank lines between header, card, grade bar and footer. */
  gap: boolean;
  card: Row[];
  /** Rows [from, to) of each choice in `card`. */
  choices: [number, number][];
  /** Lines the card's Viewport may take. */
  height: number;
  /** The answer being typed, under the card. */
  input: Row[];
  notice: Row[] | null;
  grades: Row[];
  footer: Row[] | null;
}

/** Key hints packed into rows at their ` · ` separators, so no hint is cut in two. */
export function hintRows(text: string, width: number, theme: Theme): Row[] {
  const lines: string[] = [];
  for (const item of text.split(' · ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 3 + item.length <= width)
      lines[lines.length - 1] = `${last} · ${item}`;
    else lines.push(item);
  }
  return lines.map((line) => lineRow(line, { color: theme.muted }));
}

function footerText(s: CardSession): string {
  if (s.phase === 'answer') return hint('answer', ['undo', 'info', 'help', 'quit']);
  const kind = s.card.face.kind;
  const screen: Screen =
    kind === 'mcq' ? 'choice' : kind === 'typed' || kind === 'lab' ? 'typed' : 'flash';
  if (s.running) return 'Running… (in a sandbox, 10 s at most)';
  if (kind === 'lab') return `type the command · ${hint('typed', ['submit', 'leaveTyped'])}`;
  if (screen === 'typed') return `type the answer · ${hint('typed', ['submit', 'leaveTyped'])}`;
  // Only the letters this card has: a three-choice card takes a-c, not the keys' a-h.
  if (screen === 'choice')
    return `${letterRange(s.order.length)} choose · ${hint('choice', ['submit', 'help', 'quit'])}`;
  return hint('flash', ['reveal', 'undo', 'help', 'quit']);
}

/**
 * The layouts from roomiest to tightest. Each gives up one thing: the blank lines between
 * the screen's parts, then those inside the card, and last the labels and hints.
 */
interface Density {
  gap: boolean;
  cardGap: boolean;
  compact: boolean;
}
const DENSITIES: readonly Density[] = [
  { gap: true, cardGap: true, compact: false },
  { gap: false, cardGap: true, compact: false },
  { gap: false, cardGap: false, compact: false },
  { gap: false, cardGap: false, compact: true },
];

function build(input: StudyLayoutInput, density: Density): StudyLayout {
  const { cur, preview, marks, notice, width, rows, theme } = input;
  const { gap, cardGap, compact } = density;
  if (!cur)
    return {
      compact,
      gap,
      card: [],
      choices: [],
      height: 0,
      input: [],
      notice: null,
      grades: [],
      footer: null,
    };
  const card = cardRows({ s: cur, width, compact, gap: cardGap, marks, theme });
  const answered = cur.phase === 'answer';
  // No preview: a cram, whose grades schedule nothing (the bar shows no intervals).
  const grades = answered ? gradeBarRows(preview, defaultGrade(cur), compact, width, theme) : [];
  // Wrapped, not cut: a failed save's message ends with what to do about it.
  const noticeRows = notice ? textRows(notice, width, { color: theme.warn }) : null;
  // The tight layout drops the hints under the grade bar: its own line says what Enter does.
  const footer = compact && answered ? null : hintRows(footerText(cur), width, theme);
  const parts = [1, noticeRows?.length ?? 0, card.input.length, grades.length, footer?.length ?? 0];
  const fixed = parts.reduce((a, b) => a + b, 0);
  // Blank lines between the parts (the card counts as one part) in the roomy layout.
  const gaps = gap ? parts.filter((n) => n > 0).length : 0;
  // One line stays free so Ink never fills the screen (it would scroll).
  const height = Math.max(3, rows - 1 - fixed - gaps);
  return {
    compact,
    gap,
    card: card.rows,
    choices: card.choices,
    height,
    input: card.input,
    notice: noticeRows,
    grades,
    footer,
  };
}

/**
 * The roomiest layout whose card fits whole, measured: each candidate is built (the card
 * wrapped to the width, the grade bar packed) and its rows counted against the screen.
 * When none fits, the tight one, where the card scrolls.
 */
export function studyLayout(input: StudyLayoutInput): StudyLayout {
  for (const density of DENSITIES.slice(0, -1)) {
    const layout = build(input, density);
    if (layout.card.length <= layout.height) return layout;
  }
  return build(input, DENSITIES.at(-1)!);
}

/**
 * Whether ↑/↓ on a choice list scroll instead of moving the cursor: the cursor moves to the
 * next choice only once that choice's first line (going down) or last line (going up)
 * shows, and past either end it scrolls, so no line of a long card is ever skipped.
 */
export function cursorScrolls(
  cursor: number,
  delta: -1 | 1,
  choices: readonly [number, number][],
  shown: Window,
): boolean {
  const range = choices[cursor + delta];
  if (!range) return true;
  return delta > 0 ? range[0] >= shown.end : range[1] <= shown.top;
}
