// The exam's scrolling content as rows: one question with its choices or typed answer,
// and the overview list. Exam.tsx puts them in Viewports.
import { type ExamState, isAnswered } from '../../core/exam.js';
import type { Card } from '../../core/model.js';
import { choiceRows } from '../components/ChoiceList.js';
import { inputRows } from '../components/card-rows.js';
import { joinGroups, lineRow, type Row, textRows } from '../components/rows.js';
import { EXAM_LETTERS } from '../keys.js';
import type { Theme } from '../theme.js';

/** The question (scrolls) and, for a typed one, the answer line (stays under it). */
export function questionRows(
  s: ExamState,
  card: Card | null,
  width: number,
  compact: boolean,
  theme: Theme,
): { rows: Row[]; input: Row[] } {
  const face = card?.face;
  const answer = s.answers[s.index] ?? null;
  if (face?.kind === 'mcq') {
    const list = choiceRows({
      choices: face.choices,
      order: s.orders[s.index] ?? [],
      chosen: Array.isArray(answer) ? answer : [],
      multi: face.multi,
      cursor: null,
      letters: EXAM_LETTERS,
      answered: false,
      width,
      theme,
    });
    const note =
      face.multi && !compact ? [lineRow('Choose all that apply.', { color: theme.muted })] : [];
    const rows = joinGroups(
      [textRows(face.question, width, { bold: true }), note, list.rows],
      !compact,
    );
    return { rows, input: [] };
  }
  if (face?.kind === 'typed') {
    const typed = typeof answer === 'string' ? answer : '';
    return {
      rows: textRows(face.prompt, width, { bold: true }),
      input: inputRows(typed, true, width, theme),
    };
  }
  const gone = 'This question is no longer in its deck; it will count as wrong.';
  return { rows: textRows(gone, width, { color: theme.warn }), input: [] };
}

/** Each question's mark in the overview, and the legend that explains them. */
const ANSWERED = '✓';
const UNANSWERED = '○';
export const OVERVIEW_LEGEND = `${ANSWERED} answered  ${UNANSWERED} unanswered  ⚑ flagged`;

/** One line per question: number, answered mark, flag and the start of its text. */
export function overviewRows(
  s: ExamState,
  cardOf: (key: string) => Card | null,
  theme: Theme,
): Row[] {
  return s.keys.map((key, i) => {
    const q = cardOf(key);
    const text = q
      ? q.face.kind === 'mcq'
        ? q.face.question
        : q.face.kind === 'typed'
          ? q.face.prompt
          : ''
      : key;
    const at = i === s.overviewCursor;
    const mark = isAnswered(s.answers[i] ?? null) ? ANSWERED : UNANSWERED;
    return lineRow(
      `${at ? '› ' : '  '}${String(i + 1).padStart(3)} ${mark} ${s.flags[i] ? '⚑' : ' '} ${text.replace(/\s+/g, ' ')}`,
      { bold: at, color: at ? theme.accent : undefined },
    );
  });
}
