// One exam mistake as rows for the results screen: the question, the learner's own picks
// with the letters and order the exam showed, which choices were wrong or missed (in words,
// not colour alone), the right answer, why, and the source.
import type { QuestionResult } from '../../core/exam.js';
import { gradeTyped } from '../../core/grading.js';
import type { Card, Choice } from '../../core/model.js';
import { codeStyle } from '../components/card-rows.js';
import { cardTextRows, joinGroups, lineRow, type Row, textRows } from '../components/rows.js';
import { typedNoteRows } from '../components/typed-diff-rows.js';
import { EXAM_LETTERS } from '../keys.js';
import type { Theme } from '../theme.js';

/** The exam's order when it was kept and still fits the card, else the card's own. */
function shownOrder(m: QuestionResult, choices: readonly Choice[]): number[] {
  const order = m.order ?? [];
  const fits =
    order.length === choices.length && [...order].sort((a, b) => a - b).every((v, i) => v === i);
  return fits ? [...order] : choices.map((_, i) => i);
}

function letterList(shown: readonly number[]): string {
  return shown.map((i) => EXAM_LETTERS[i] ?? '?').join(', ');
}

/** Each choice in the order shown: mark, box, letter, text and what it was for this answer. */
function choiceLines(
  choices: readonly Choice[],
  order: readonly number[],
  picked: ReadonlySet<number>,
  multi: boolean,
  width: number,
  theme: Theme,
): Row[] {
  return order.flatMap((src, shown) => {
    const c = choices[src];
    if (!c) return [];
    const mine = picked.has(src);
    const box = multi ? (mine ? '[x]' : '[ ]') : mine ? '(•)' : '( )';
    const mark = c.correct ? '✓' : mine ? '✗' : ' ';
    const what = c.correct
      ? mine
        ? 'your pick, right'
        : multi
          ? 'missed'
          : 'the right answer'
      : mine
        ? 'your pick, wrong'
        : '';
    const color = c.correct ? theme.good : mine ? theme.bad : theme.muted;
    const prefix = `${mark} ${box} ${EXAM_LETTERS[shown] ?? '?'}) `;
    // `code` keeps the verdict colour, as in the study screen's answered choices.
    const rows = cardTextRows(
      `${c.text}${what ? ` — ${what}` : ''}`,
      width,
      { color },
      { bold: false },
      {
        first: { text: prefix, color, bold: c.correct },
      },
    );
    if (mine && !c.correct && c.why)
      rows.push(
        ...textRows(
          c.why,
          width,
          { color: theme.muted },
          { first: { text: ' '.repeat(prefix.length + 1) } },
        ),
      );
    return rows;
  });
}

function choiceMistake(
  m: QuestionResult,
  face: Extract<Card['face'], { kind: 'mcq' }>,
  width: number,
  theme: Theme,
): Row[][] {
  const order = shownOrder(m, face.choices);
  const given = Array.isArray(m.answer) ? m.answer : [];
  const picked = new Set(given);
  const shownOf = (set: (src: number) => boolean) =>
    order.map((src, shown) => (set(src) ? shown : -1)).filter((i) => i >= 0);
  const mine = shownOf((src) => picked.has(src));
  const right = shownOf((src) => face.choices[src]?.correct === true);
  const wrong = mine.filter((i) => !face.choices[order[i]!]?.correct).length;
  const missed = right.filter((i) => !mine.includes(i)).length;
  const verdict =
    mine.length === 0
      ? 'You gave no answer.'
      : `Your answer: ${letterList(mine)}${face.multi ? ` · ${wrong} wrong, ${missed} missed` : ''}`;
  return [
    cardTextRows(face.question, width, { bold: true }, codeStyle(theme)),
    choiceLines(face.choices, order, picked, face.multi, width, theme),
    [
      ...textRows(verdict, width, { color: theme.bad }),
      ...textRows(`Right answer: ${letterList(right)}`, width, { color: theme.good }),
    ],
  ];
}

/** One mistake as rows: the question, what was given, the right answer, why and where. */
export function mistakeRows(
  m: QuestionResult,
  card: Card | null,
  width: number,
  compact: boolean,
  theme: Theme,
): Row[] {
  const face = card?.face;
  const groups: Row[][] = [];
  if (face?.kind === 'mcq') groups.push(...choiceMistake(m, face, width, theme));
  else if (face?.kind === 'typed' || face?.kind === 'lab') {
    const typed = typeof m.answer === 'string' && m.answer.trim() ? m.answer : '(no answer)';
    const prompt = face.kind === 'lab' ? face.task : face.prompt;
    const said = face.kind === 'lab' ? '✗ Your command (its check failed)' : '✗ Your answer';
    // A typed command says what differed, as the study screen does after a wrong answer.
    const notes =
      face.kind === 'typed' && face.match === 'command' && typed === m.answer
        ? gradeTyped(typed, face.answer, face.accept, face.match).notes
        : [];
    groups.push(cardTextRows(prompt, width, { bold: true }, codeStyle(theme)), [
      ...textRows(`${said}: ${typed}`, width, { color: theme.bad }),
      ...textRows(`✓ Expected: ${face.answer}`, width, { color: theme.good }),
      ...typedNoteRows(notes, width, theme),
    ]);
  } else {
    groups.push([lineRow('This question is no longer in its deck.', { color: theme.warn })]);
  }
  const after = card?.explanation
    ? cardTextRows(card.explanation, width, {}, codeStyle(theme))
    : [];
  // A long source wraps under itself, after its label.
  if (card?.ref)
    after.push(
      ...textRows(
        card.ref,
        width,
        { color: theme.muted },
        { first: { text: 'Source: ', color: theme.muted } },
      ),
    );
  groups.push(after);
  return joinGroups(groups, !compact);
}
