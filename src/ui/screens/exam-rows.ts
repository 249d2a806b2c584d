// The exam's scrolling content as rows: one question with its choices or typed answer,
// and the overview list. Exam.tsx puts them in Viewports.
import { type ExamState, examCounts, isAnswered } from '../../core/exam.js';
import type { Card } from '../../core/model.js';
import { picksNeeded } from '../../core/session.js';
import { choiceRows } from '../components/ChoiceList.js';
import { codeStyle, inputRows } from '../components/card-rows.js';
import { letterRange, type PickWait, pickRule, pickText } from '../components/choice-hints.js';
import {
  cardTextRows,
  codeRuns,
  joinGroups,
  lineRow,
  type Row,
  textRows,
} from '../components/rows.js';
import { EXAM_LETTERS, type Screen } from '../keys.js';
import type { Theme } from '../theme.js';

/** The key table in force: the question's (typed or not), the overview's or the confirm's. */
export function screenOf(s: ExamState, typed: boolean): Screen {
  if (s.view === 'overview') return 'overview';
  if (s.view === 'confirm') return 'confirm';
  return typed ? 'examTyped' : 'exam';
}

/** Picks a choice question asks for: its stated count ("Choose two"), else one. */
export function examPicksNeeded(card: Card | null): number {
  const face = card?.face;
  return face?.kind === 'mcq' && face.multi ? picksNeeded(face.question) : 1;
}

/**
 * What Enter still waits for on a choice question, as on the study screen: a pick, or the
 * stated number of picks. Null when the answer is complete or the question is not a choice.
 */
export function pickWait(s: ExamState, card: Card | null, i = s.index): PickWait | null {
  if (card?.face.kind !== 'mcq') return null;
  const answer = s.answers[i];
  const have = Array.isArray(answer) ? answer.length : 0;
  const need = examPicksNeeded(card);
  return have === 0 || (need > 1 && have !== need) ? { need, have } : null;
}

/** Why Enter waited, with this question's letters; `n` still moves on in an exam. */
export function pickWaitText(w: PickWait, choices: number): string {
  return `${pickText(w, letterRange(choices, EXAM_LETTERS), 'its letter')} n skips it for now.`;
}

/** The choose hint with only the letters this question has: `a-c choose`. */
export function chooseHint(choices: number): string {
  return `${letterRange(choices, EXAM_LETTERS)} choose`;
}

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
  // Markdown-style `code` is drawn as on the study screen, without its backticks.
  const code = codeStyle(theme);
  if (face?.kind === 'mcq') {
    const chosen = Array.isArray(answer) ? answer : [];
    const list = choiceRows({
      choices: face.choices,
      order: s.orders[s.index] ?? [],
      chosen,
      multi: face.multi,
      cursor: null,
      letters: EXAM_LETTERS,
      answered: false,
      width,
      theme,
    });
    // A multi-select question says how many it waits for, and how many are picked.
    const need = examPicksNeeded(card);
    const rule = pickRule(need);
    const picked = need > 1 ? ` · ${chosen.length} of ${need} picked` : '';
    const note = face.multi
      ? [lineRow(`${rule[0]!.toUpperCase()}${rule.slice(1)}${picked}`, { color: theme.muted })]
      : [];
    const rows = joinGroups(
      [cardTextRows(face.question, width, { bold: true }, code), note, list.rows],
      !compact,
    );
    return { rows, input: [] };
  }
  if (face?.kind === 'typed' || face?.kind === 'lab') {
    const typed = typeof answer === 'string' ? answer : '';
    // A lab question is run when the exam is submitted: here it is typed like any other.
    const prompt = face.kind === 'lab' ? `${face.task} (lab: type the command)` : face.prompt;
    return {
      rows: cardTextRows(prompt, width, { bold: true }, code),
      input: inputRows(typed, true, width, theme),
    };
  }
  const gone = 'This question is no longer in its deck; it will count as wrong.';
  return { rows: textRows(gone, width, { color: theme.warn }), input: [] };
}

/** Each question's mark in the overview, and the legend that explains them. */
const ANSWERED = '✓';
const UNANSWERED = '○';
const INCOMPLETE = '◐';
export const OVERVIEW_LEGEND = `${ANSWERED} answered  ${UNANSWERED} unanswered  ⚑ flagged`;

/** Answered in part: one pick of a "Choose two". It counts as answered, and will be wrong. */
function incomplete(s: ExamState, cardOf: (key: string) => Card | null, i: number): boolean {
  return isAnswered(s.answers[i] ?? null) && pickWait(s, cardOf(s.keys[i] ?? ''), i) !== null;
}

/**
 * The overview's counts ("Overview · 3 answered (1 incomplete) · ..."), what the submit
 * prompt says, and the legend's parts: `◐ incomplete` joins them only when one is.
 */
export function examTally(s: ExamState, cardOf: (key: string) => Card | null) {
  const c = examCounts(s);
  const part = s.keys.filter((_, i) => incomplete(s, cardOf, i)).length;
  const answered = `${c.answered} answered${part > 0 ? ` (${part} incomplete)` : ''}`;
  return {
    overview: `Overview · ${answered} · ${c.unanswered} unanswered · ${c.flagged} flagged`,
    confirm: `${c.unanswered} unanswered · ${c.flagged} flagged · ${answered}`,
    legend: [OVERVIEW_LEGEND, ...(part > 0 ? [`${INCOMPLETE} incomplete`] : [])],
  };
}

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
          : q.face.kind === 'lab'
            ? q.face.task
            : ''
      : key;
    // One line per question: `code` loses its backticks here too, as in the question.
    const shown = codeRuns(text, {}, {})
      .map((r) => r.text)
      .join('');
    const at = i === s.overviewCursor;
    const answered = isAnswered(s.answers[i] ?? null);
    const mark = !answered ? UNANSWERED : incomplete(s, cardOf, i) ? INCOMPLETE : ANSWERED;
    return lineRow(
      `${at ? '› ' : '  '}${String(i + 1).padStart(3)} ${mark} ${s.flags[i] ? '⚑' : ' '} ${shown.replace(/\s+/g, ' ')}`,
      { bold: at, color: at ? theme.accent : undefined },
    );
  });
}
