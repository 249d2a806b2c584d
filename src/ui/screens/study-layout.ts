// How the study screen divides the terminal: header, notice, the card in a Viewport, the
// grade bar and the key hints. Everything but the card has a known number of lines, so
// the card's window gets exactly what is left.
import type { CardMarks, Grade } from '../../core/model.js';
import type { Outcome } from '../../core/scheduler.js';
import { type CardSession, defaultGrade } from '../../core/session.js';
import { cardRows } from '../components/card-rows.js';
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
  /** Small terminal: the tight layout whatever the card. */
  compact: boolean;
  theme: Theme;
}

export interface StudyLayout {
  compact: boolean;
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

function footerText(s: CardSession): string {
  if (s.phase === 'answer') return hint('answer', ['undo', 'info', 'help', 'quit']);
  const kind = s.card.face.kind;
  const screen: Screen = kind === 'mcq' ? 'choice' : kind === 'typed' ? 'typed' : 'flash';
  if (screen === 'typed') return `type the answer · ${hint('typed', ['submit', 'leaveTyped'])}`;
  if (screen === 'choice') return hint('choice', ['choose', 'submit', 'help', 'quit']);
  return hint('flash', ['reveal', 'undo', 'help', 'quit']);
}

function build(input: StudyLayoutInput, compact: boolean): StudyLayout {
  const { cur, preview, marks, notice, width, rows, theme } = input;
  if (!cur)
    return {
      compact,
      card: [],
      choices: [],
      height: 0,
      input: [],
      notice: null,
      grades: [],
      footer: null,
    };
  const card = cardRows({ s: cur, width, compact, marks, theme });
  const answered = cur.phase === 'answer';
  const grades =
    answered && preview ? gradeBarRows(preview, defaultGrade(cur), compact, width, theme) : [];
  // Wrapped, not cut: a failed save's message ends with what to do about it.
  const noticeRows = notice ? textRows(notice, width, { color: theme.warn }) : null;
  // The tight layout drops the hints under the grade bar: its own line says what Enter does.
  const footer = compact && answered ? null : [lineRow(footerText(cur), { color: theme.muted })];
  const parts = [1, noticeRows?.length ?? 0, card.input.length, grades.length, footer?.length ?? 0];
  const fixed = parts.reduce((a, b) => a + b, 0);
  // Blank lines between the parts (the card counts as one part) in the roomy layout.
  const gaps = compact ? 0 : parts.filter((n) => n > 0).length;
  // One line stays free so Ink never fills the screen (it would scroll).
  const height = Math.max(3, rows - 1 - fixed - gaps);
  return {
    compact,
    card: card.rows,
    choices: card.choices,
    height,
    input: card.input,
    notice: noticeRows,
    grades,
    footer,
  };
}

/** The roomy layout when the whole card fits in it, else the tight one with a scrolling card. */
export function studyLayout(input: StudyLayoutInput): StudyLayout {
  if (!input.compact) {
    const roomy = build(input, false);
    if (roomy.card.length <= roomy.height) return roomy;
  }
  return build(input, true);
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
