import { Box, Text } from 'ink';
import { useState } from 'react';
import type { ExamResult } from '../../core/exam.js';
import { formatDuration } from '../../core/format.js';
import type { ExamPort } from '../../core/ports.js';
import { Para } from '../components/Para.js';
import { useKeys } from '../hooks/useKeys.js';
import { actionFor, hint, type Screen } from '../keys.js';
import { useTheme } from '../theme.js';

function tallyLine(
  label: string,
  t: { correct: number; total: number; percent: number },
  width: number,
): string {
  const name = label.length > width ? `${label.slice(0, width - 1)}…` : label.padEnd(width);
  return `${name} ${String(t.correct).padStart(3)}/${String(t.total).padEnd(3)} ${String(t.percent).padStart(3)}%`;
}

/** Score, pass or fail, breakdowns, then each mistake with the right answer. */
export function ExamResults({
  exams,
  result,
  columns,
  rows,
  active,
  onHelp,
  onDone,
}: {
  exams: ExamPort;
  result: ExamResult;
  columns: number;
  rows: number;
  active: boolean;
  onHelp: (screen: Screen) => void;
  onDone: () => void;
}) {
  const theme = useTheme();
  const compact = rows < 20;
  const mistakes = result.results.filter((r) => !r.correct);
  // -1 is the summary page; 0.. are the mistakes.
  const [page, setPage] = useState(-1);
  useKeys(
    (input, key) => {
      const hit = actionFor('results', input, key);
      if (hit?.action === 'mistakes') setPage((p) => Math.min(p + 1, mistakes.length - 1));
      else if (hit?.action === 'examPrev') setPage((p) => Math.max(-1, p - 1));
      else if (hit?.action === 'help') onHelp('results');
      else if (hit?.action === 'quit') onDone();
    },
    { isActive: active },
  );

  if (page >= 0 && mistakes[page]) {
    const m = mistakes[page];
    const card = exams.card(m.key);
    const face = card?.face;
    const given =
      face?.kind === 'typed'
        ? typeof m.answer === 'string' && m.answer.trim()
          ? m.answer
          : '(no answer)'
        : Array.isArray(m.answer) && m.answer.length
          ? '(see ✗ below)'
          : '(no answer)';
    const i = result.results.indexOf(m);
    return (
      <Box flexDirection="column" gap={compact ? 0 : 1}>
        <Text bold color={theme.accent} wrap="truncate-end">
          Mistake {page + 1}/{mistakes.length} · question {i + 1} ·{' '}
          {card ? exams.deckTitle(card.deckId) : m.key}
        </Text>
        {face?.kind === 'mcq' ? (
          <Box flexDirection="column" gap={compact ? 0 : 1}>
            <Para bold>{face.question}</Para>
            <Box flexDirection="column">
              {face.choices.map((c, src) => {
                const picked = Array.isArray(m.answer) && m.answer.includes(src);
                const mark = c.correct ? '✓' : picked ? '✗' : ' ';
                // A small screen shows only the right choices and the wrong picks.
                if (compact && !c.correct && !picked) return null;
                return (
                  <Text
                    key={c.text}
                    wrap={compact ? 'truncate-end' : 'wrap'}
                    color={c.correct ? theme.good : picked ? theme.bad : undefined}
                  >
                    {mark} {c.text}
                    {picked && !c.correct && c.why ? ` (${c.why})` : ''}
                  </Text>
                );
              })}
            </Box>
            {given === '(no answer)' ? <Text color={theme.bad}>You gave no answer.</Text> : null}
          </Box>
        ) : null}
        {face?.kind === 'typed' ? (
          <Box flexDirection="column">
            <Para bold>{face.prompt}</Para>
            <Text color={theme.bad}>✗ Your answer: {given}</Text>
            <Text color={theme.good}>✓ Expected: {face.answer}</Text>
          </Box>
        ) : null}
        {card?.explanation && !compact ? <Para>{card.explanation}</Para> : null}
        {card?.ref ? (
          <Text color={theme.muted} wrap="truncate-end">
            Source: {card.ref}
          </Text>
        ) : null}
        <Text color={theme.muted}>{hint('results', ['mistakes', 'examPrev', 'quit'])}</Text>
      </Box>
    );
  }

  const width = Math.max(16, Math.floor((columns - 4) / 2) - 14);
  // On a small screen the two tables sit one above the other: trim them to fit.
  const room = compact ? Math.max(2, Math.floor((rows - 7) / 2)) : 50;
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
            <Text key={id}>{tallyLine(exams.deckTitle(id), t, width)}</Text>
          ))}
        </Box>
        {tags.length > 0 ? (
          <Box flexDirection="column">
            <Text bold>By objective</Text>
            {tags.map(([tag, t]) => (
              <Text key={tag}>{tallyLine(tag, t, 14)}</Text>
            ))}
          </Box>
        ) : null}
      </Box>
      <Text color={theme.muted}>
        {mistakes.length > 0
          ? `${mistakes.length} mistake(s): ${hint('results', ['mistakes', 'quit'])}`
          : hint('results', ['quit'])}
      </Text>
    </Box>
  );
}
