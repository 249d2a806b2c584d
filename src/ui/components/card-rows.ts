// A study card as rows: question, and after answering, the answer, verdict, explanation
// and source. Study shows them in a Viewport, so a card of any length can be read at 40x12.
import { clozeSegments } from '../../core/cloze.js';
import type { CardMarks } from '../../core/model.js';
import { type CardSession, picksNeeded } from '../../core/session.js';
import type { Theme } from '../theme.js';
import { choiceRows } from './ChoiceList.js';
import { pickRule, STUDY_LETTERS } from './choice-hints.js';
import { labVerdictRows } from './lab-rows.js';
import {
  cardTextRows,
  codeRuns,
  joinGroups,
  lineRow,
  type Row,
  runRows,
  type Style,
  textRows,
} from './rows.js';
import { typedDiffRows, typedNoteRows } from './typed-diff-rows.js';

const KIND_LABEL = {
  flash: 'Flashcard',
  cloze: 'Fill the gap',
  mcq: 'Multiple choice',
  typed: 'Type the answer',
  lab: 'Lab: type the command',
} as const;

export interface CardRowsInput {
  s: CardSession;
  width: number;
  /** The tight layout: short kind line, and no blank rows unless `gap` says so. */
  compact: boolean;
  /** Blank rows between the parts; defaults to `!compact`. */
  gap?: boolean;
  marks: CardMarks;
  theme: Theme;
}

export interface CardRows {
  rows: Row[];
  /** Rows [from, to) of each choice (display order) on a multiple-choice card. */
  choices: [number, number][];
  /**
   * The answer being typed, kept out of `rows`: it stays in view under the prompt however
   * far the prompt is scrolled. Empty once answered (the answer is then part of `rows`).
   */
  input: Row[];
}

/** The typed-answer line: a prompt mark, the text, and a cursor while typing. */
export function inputRows(text: string, typing: boolean, width: number, theme: Theme): Row[] {
  return textRows(
    `${text}${typing ? '▏' : ''}`,
    width,
    {},
    {
      first: { text: '> ', color: theme.accent },
      rest: { text: '  ' },
    },
  );
}

/** `code` in card text: the accent colour, not bold, so it stands out of a bold question. */
export function codeStyle(theme: Theme): Style {
  return { color: theme.accent, bold: false };
}

function kindRows({ s, compact, marks, theme }: CardRowsInput): Row[] {
  const face = s.card.face;
  const multi = face.kind === 'mcq' && face.multi;
  // A card that states how many ("Choose two.") is waited for; say that, not "all".
  const need = face.kind === 'mcq' ? picksNeeded(face.question) : 1;
  const how = pickRule(need);
  const parts = compact
    ? [multi ? how[0]!.toUpperCase() + how.slice(1) : '']
    : [KIND_LABEL[face.kind] + (multi ? ` · ${how}` : '')];
  if (marks.flagged) parts.push('⚑ flagged');
  if (marks.leech) parts.push('leech');
  const text = parts.filter(Boolean).join(' · ');
  return text ? [lineRow(text, { color: theme.muted })] : [];
}

function verdictRows({ s, width, compact, theme }: CardRowsInput): Row[] {
  const r = s.result;
  const face = s.card.face;
  if (s.phase !== 'answer' || !r) return [];
  if (face.kind === 'lab' && r.lab) return labVerdictRows(face, r.lab, width, compact, theme);
  const rows = [
    lineRow(r.correct ? '✓ Correct' : '✗ Not quite', {
      bold: true,
      color: r.correct ? theme.good : theme.bad,
    }),
  ];
  if (face.kind === 'typed' && r.typed) {
    const t = r.typed;
    if (r.correct && t.expected !== face.answer)
      rows.push(...textRows(`Accepted as: ${t.expected}`, width));
    if (!r.correct && t.near) {
      rows.push(...typedDiffRows(s.input, t.expected, face.match === 'text', width, theme));
      rows.push(...typedNoteRows(t.notes, width, theme));
      rows.push(
        ...textRows('A slip, not a miss: Hard is suggested.', width, { color: theme.muted }),
      );
      return rows;
    }
    if (!r.correct) rows.push(...textRows(`Expected: ${face.answer}`, width));
    // A command card says what differs from the closest accepted form, option by option.
    if (!r.correct && t.notes.length > 0) {
      if (t.expected !== face.answer)
        rows.push(...textRows(`Closest accepted: ${t.expected}`, width));
      rows.push(...typedNoteRows(t.notes, width, theme));
      return rows;
    }
    if (t.missing.length > 0) rows.push(...textRows(`Missing: ${t.missing.join(' ')}`, width));
    if (t.extra.length > 0) rows.push(...textRows(`Not expected: ${t.extra.join(' ')}`, width));
  }
  return rows;
}

function afterRows({ s, width, theme }: CardRowsInput): Row[] {
  if (s.phase !== 'answer') return [];
  const rows = s.card.explanation
    ? cardTextRows(s.card.explanation, width, {}, codeStyle(theme))
    : [];
  if (s.card.ref) rows.push(...textRows(`Source: ${s.card.ref}`, width, { color: theme.muted }));
  return rows;
}

export function cardRows(parts: CardRowsInput): CardRows {
  const { s, width, compact, theme } = parts;
  const gap = parts.gap ?? !compact;
  const code = codeStyle(theme);
  const face = s.card.face;
  const answered = s.phase === 'answer';
  const groups: Row[][] = [kindRows(parts)];
  let choices: [number, number][] = [];
  let input: Row[] = [];
  if (face.kind === 'flash') {
    groups.push(cardTextRows(face.front, width, { bold: true }, code));
    if (answered) groups.push(cardTextRows(face.back, width, { color: theme.good }, code));
  } else if (face.kind === 'cloze') {
    const runs = clozeSegments(face.text, face.number, answered).flatMap((seg) =>
      seg.type === 'text'
        ? codeRuns(seg.text, {}, code)
        : {
            text: seg.text,
            bold: true,
            underline: true,
            color: answered ? theme.good : theme.accent,
          },
    );
    groups.push(runRows(runs, width));
  } else if (face.kind === 'mcq') {
    groups.push(cardTextRows(face.question, width, { bold: true }, code));
    const list = choiceRows({
      choices: face.choices,
      order: s.order,
      chosen: s.chosen,
      multi: face.multi,
      cursor: s.cursor,
      letters: STUDY_LETTERS,
      answered,
      width,
      theme,
    });
    groups.push(list.rows);
    // Where the choices start once the groups before them are joined.
    const before = joinGroups(groups.slice(0, -1), gap).length + (gap ? 1 : 0);
    choices = list.ranges.map(([a, b]) => [a + before, b + before]);
  } else {
    const prompt = face.kind === 'lab' ? face.task : face.prompt;
    groups.push(cardTextRows(prompt, width, { bold: true }, code));
    if (answered) groups.push(inputRows(s.input, false, width, theme));
    else input = inputRows(s.input, !s.running, width, theme);
  }
  groups.push(verdictRows(parts), afterRows(parts));
  return { rows: joinGroups(groups, gap), choices, input };
}
