import { Box, Text } from 'ink';
import { useContext, useState } from 'react';
import type { ExamResult, QuestionResult, ScheduleEffect } from '../../core/exam.js';
import { describeEffect } from '../../core/exam-records.js';
import { formatDuration } from '../../core/format.js';
import type { Card } from '../../core/model.js';
import type { ExamPort } from '../../core/ports.js';
import { oneLine } from '../../core/sanitize.js';
import { choiceRows } from '../components/ChoiceList.js';
import { WidthContext } from '../components/Para.js';
import { joinGroups, lineRow, type Row, textRows } from '../components/rows.js';
import { Viewport } from '../components/Viewport.js';
import { useViewport } from '../hooks/useViewport.js';
import { useKeypress } from '../keypress/useKeypress.js';
import { actionFor, hint, type Screen } from '../keys.js';
import { type Theme, useTheme } from '../theme.js';

function tallyLine(
  label: string,
  t: { correct: number; total: number; percent: number },
  width: number,
): string {
  const name = label.length > width ? `${label.slice(0, width - 1)}…` : label.padEnd(width);
  return `${name} ${String(t.correct).padStart(3)}/${String(t.total).padEnd(3)} ${String(t.percent).padStart(3)}%`;
}

/** One mistake as rows: the question, what was given, the right answer, why and where. */
function mistakeRows(
  m: QuestionResult,
  card: Card | null,
  width: number,
  compact: boolean,
  theme: Theme,
): Row[] {
  const face = card?.face;
  const groups: Row[][] = [];
  if (face?.kind === 'mcq') {
    const given = Array.isArray(m.answer) ? m.answer : [];
    const list = choiceRows({
      choices: face.choices,
      // The exam's shuffled order is not kept with the result: the card's own order,
      // without letters that would not match the ones shown during the exam.
      order: face.choices.map((_, i) => i),
      chosen: given,
      multi: face.multi,
      cursor: null,
      letters: null,
      answered: true,
      width,
      theme,
    });
    groups.push(textRows(face.question, width, { bold: true }), list.rows);
    if (given.length === 0) groups.push([lineRow('You gave no answer.', { color: theme.bad })]);
  } else if (face?.kind === 'typed') {
    const typed = typeof m.answer === 'string' && m.answer.trim() ? m.answer : '(no answer)';
    groups.push(textRows(face.prompt, width, { bold: true }), [
      ...textRows(`✗ Your answer: ${typed}`, width, { color: theme.bad }),
      ...textRows(`✓ Expected: ${face.answer}`, width, { color: theme.good }),
    ]);
  } else {
    groups.push([lineRow('This question is no longer in its deck.', { color: theme.warn })]);
  }
  const after = card?.explanation ? textRows(card.explanation, width) : [];
  if (card?.ref) after.push(...textRows(`Source: ${card.ref}`, width, { color: theme.muted }));
  groups.push(after);
  return joinGroups(groups, !compact);
}

const isUnchanged = (e: ScheduleEffect) => e.relearning + e.restarted + e.movedUp === 0;

function takenBack(e: ScheduleEffect): string {
  if (isUnchanged(e)) return 'Nothing taken back: those cards changed since.';
  return `Taken back: ${describeEffect(e).replace(/\.$/, '')}. The score stays.`;
}

/** Score, pass or fail, breakdowns, then each mistake with the right answer. */
export function ExamResults({
  exams,
  result,
  columns,
  rows,
  onHelp,
  onDone,
  now,
}: {
  exams: ExamPort;
  result: ExamResult;
  now: () => number;
  columns: number;
  rows: number;
  onHelp: (screen: Screen) => void;
  onDone: () => void;
}) {
  const theme = useTheme();
  const contentWidth = useContext(WidthContext);
  const compact = rows < 20;
  const mistakes = result.results.filter((r) => !r.correct);
  // -1 is the summary page; 0.. are the mistakes.
  const [page, setPage] = useState(-1);
  // What the exam did to the schedule, and once `u` took it back, what was taken back.
  const [schedule, setSchedule] = useState<string | null>(
    result.schedule ? describeEffect(result.schedule) : null,
  );
  const [undone, setUndone] = useState(false);
  const undoSchedule = () => {
    if (undone || !result.schedule || isUnchanged(result.schedule)) return;
    const r = exams.undoSchedule(now());
    setUndone(r.ok);
    setSchedule(r.ok ? takenBack(r.value) : r.error);
  };
  const m = page >= 0 ? mistakes[page] : undefined;
  const card = m ? exams.card(m.key) : null;
  const content = m ? mistakeRows(m, card, contentWidth, compact, theme) : [];
  // Header and hints, the blank lines between the parts, and one row left free.
  const height = Math.max(3, rows - 3 - (compact ? 0 : 2));
  const view = useViewport(content.length, height, page);
  useKeypress((key) => {
    const hit = actionFor('results', key);
    if (!hit) return false;
    if (m && view.apply(hit.action)) return true;
    if (hit.action === 'undo') undoSchedule();
    else if (hit.action === 'mistakes') setPage((p) => Math.min(p + 1, mistakes.length - 1));
    else if (hit.action === 'examPrev') setPage((p) => Math.max(-1, p - 1));
    else if (hit.action === 'help') onHelp('results');
    else if (hit.action === 'quit') onDone();
    else return false;
    return true;
  });

  if (m) {
    const i = result.results.indexOf(m);
    return (
      <Box flexDirection="column" gap={compact ? 0 : 1}>
        <Text bold color={theme.accent} wrap="truncate-end">
          Mistake {page + 1}/{mistakes.length} · question {i + 1} ·{' '}
          {oneLine(card ? exams.deckTitle(card.deckId) : m.key)}
        </Text>
        <Viewport rows={content} height={height} top={view.top} />
        <Text color={theme.muted} wrap="truncate-end">
          {hint('results', ['mistakes', 'examPrev', 'scrollDown', 'quit'])}
        </Text>
      </Box>
    );
  }

  const canUndo = !undone && !!result.schedule && !isUnchanged(result.schedule);
  const width = Math.max(16, Math.floor((columns - 4) / 2) - 14);
  // On a small screen the two tables sit one above the other: trim them to fit.
  const keys = hint('results', [
    ...(mistakes.length > 0 ? (['mistakes'] as const) : []),
    ...(canUndo ? (['undo'] as const) : []),
    'quit',
  ]);
  const footer = `${mistakes.length > 0 ? `${mistakes.length} mistake(s): ` : ''}${keys}`;
  // The schedule's lines, and the footer's past its first (the 7 above counts the rest).
  const extra =
    (schedule ? textRows(schedule, contentWidth).length : 0) +
    textRows(footer, contentWidth).length -
    1;
  const room = compact ? Math.max(1, Math.floor((rows - 7 - extra) / 2)) : 50;
  const decks = Object.entries(result.byDeck).slice(0, room);
  const tags = Object.entries(result.byTag).slice(0, room);
  return (
    <Box flexDirection="column" gap={compact ? 0 : 1}>
      <Box flexDirection="column">
        <Text bold color={result.passed ? theme.good : theme.bad}>
          {result.passed ? 'PASSED' : 'NOT PASSED'} · {result.correct}/{result.questions} ·{' '}
          {result.scorePercent}% (pass mark {result.passPercent}%)
        </Text>
        <Text>
          Time used {formatDuration(result.usedMs)}
          {result.timedOut ? ' · time ran out, submitted automatically' : ''}
        </Text>
        {schedule ? <Text>{schedule}</Text> : null}
        {result.predictedPercent !== null ? (
          <Text color={theme.muted}>
            Readiness forecast before the exam: {result.predictedPercent}%
          </Text>
        ) : null}
      </Box>
      <Box columnGap={2} flexWrap="wrap">
        <Box flexDirection="column">
          <Text bold>By deck</Text>
          {decks.map(([id, t]) => (
            <Text key={id}>{tallyLine(oneLine(exams.deckTitle(id)), t, width)}</Text>
          ))}
        </Box>
        {tags.length > 0 ? (
          <Box flexDirection="column">
            <Text bold>By objective</Text>
            {tags.map(([tag, t]) => (
              <Text key={tag}>{tallyLine(oneLine(tag), t, 14)}</Text>
            ))}
          </Box>
        ) : null}
      </Box>
      <Text color={theme.muted}>{footer}</Text>
    </Box>
  );
}
