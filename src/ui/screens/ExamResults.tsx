import { Box, Text } from 'ink';
import { useContext, useState } from 'react';
import type { ExamResult, ScheduleEffect } from '../../core/exam.js';
import { describeEffect } from '../../core/exam-records.js';
import { formatDuration } from '../../core/format.js';
import type { ExamPort } from '../../core/ports.js';
import { oneLine } from '../../core/sanitize.js';
import { WidthContext } from '../components/Para.js';
import { textRows } from '../components/rows.js';
import { Rows, Viewport } from '../components/Viewport.js';
import { useViewport } from '../hooks/useViewport.js';
import { useKeypress } from '../keypress/useKeypress.js';
import { actionFor, hint, type Screen } from '../keys.js';
import { useTheme } from '../theme.js';
import { footerRows, hintParts } from './footer-rows.js';
import { mistakeRows } from './mistake-rows.js';

function tallyLine(
  label: string,
  t: { correct: number; total: number; percent: number },
  width: number,
): string {
  const name = label.length > width ? `${label.slice(0, width - 1)}…` : label.padEnd(width);
  return `${name} ${String(t.correct).padStart(3)}/${String(t.total).padEnd(3)} ${String(t.percent).padStart(3)}%`;
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
  const mistakeFooter = footerRows(
    hintParts(hint('results', ['mistakes', 'examPrev', 'scrollDown', 'quit'])),
    contentWidth,
    { color: theme.muted },
  );
  const height = Math.max(3, rows - 2 - mistakeFooter.length - (compact ? 0 : 2));
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
        <Rows rows={mistakeFooter} />
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
  const footer = footerRows(
    hintParts(keys).map((h, i) =>
      i === 0 && mistakes.length > 0
        ? `${mistakes.length} mistake${mistakes.length === 1 ? '' : 's'}: ${h}`
        : h,
    ),
    contentWidth,
    { color: theme.muted },
  );
  // The schedule's lines, and the footer's past its first (the 7 above counts the rest).
  const extra = (schedule ? textRows(schedule, contentWidth).length : 0) + footer.length - 1;
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
      <Rows rows={footer} />
    </Box>
  );
}
