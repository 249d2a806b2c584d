import { Box, Text } from 'ink';
import { useState } from 'react';
import type { Calibration } from '../../core/calibration.js';
import type { StudyPort } from '../../core/ports.js';
import { tomorrowText } from '../../core/stats/due.js';
import { sparkline, trueRetentionText } from '../../core/stats.js';
import { useTerminalSize } from '../hooks/useTerminalSize.js';
import { useKeypress } from '../keypress/useKeypress.js';
import { actionFor, hint, type Screen } from '../keys.js';
import { useTheme } from '../theme.js';

const signed = (x: number) => `${x > 0 ? '+' : ''}${x}`;

/**
 * How the readiness forecasts stored with past exams matched their scores, in one or two
 * lines: the gaps in points (forecast − score) and the per-question log loss. `narrow`
 * says the same in fewer words, for 40 columns.
 */
export function calibrationLines(c: Calibration, narrow = false): string[] {
  if (c.exams === 0 || c.meanGap === null)
    return [narrow ? 'No forecast to check yet.' : 'No exam with a forecast to check yet.'];
  const n = `${c.exams} exam${c.exams === 1 ? '' : 's'}`;
  const largest = signed(c.largestGap ?? 0);
  const lines = [
    narrow
      ? `Gap ${signed(c.meanGap)} |${c.meanAbsGap}| max ${largest} pts`
      : `Forecast − score: mean ${signed(c.meanGap)} pts, mean |gap| ${c.meanAbsGap}, largest ${largest} (${n})`,
  ];
  if (c.logLoss !== null)
    lines.push(
      narrow
        ? `Log loss ${c.logLoss.toFixed(3)} (${c.questions} q)`
        : `Log loss per question ${c.logLoss.toFixed(3)} over ${c.questions} (0.693 = coin toss)`,
    );
  return lines;
}

/** Reviews, retention, the due forecast, the trend of exam scores and their calibration. */
export function Stats({
  port,
  now,
  onBack,
  onHelp,
}: {
  port: StudyPort;
  now: number;
  onBack: () => void;
  onHelp: (screen: Screen) => void;
}) {
  const theme = useTheme();
  const { rows, columns } = useTerminalSize();
  // Statistics read the whole log: once when the screen opens, not on every render.
  const [s] = useState(() => port.stats(now));
  useKeypress((key) => {
    const hit = actionFor('stats', key);
    if (hit?.action === 'quit') onBack();
    else if (hit?.action === 'help') onHelp('stats');
    else return false;
    return true;
  });
  // A short terminal drops the blank lines between sections and keeps fewer exams.
  const compact = rows < 24;
  const narrow = columns < 70;
  const recent = s.exams.slice(compact ? -2 : -5);
  return (
    <Box flexDirection="column" gap={compact ? 0 : 1}>
      <Text bold color={theme.accent} wrap="truncate-end">
        Statistics
      </Text>
      <Box flexDirection="column">
        <Text wrap="truncate-end">
          Reviews {s.reviews} · today {s.reviewedToday} · streak {s.streak}
        </Text>
        <Text wrap="truncate-end">True retention {trueRetentionText(s.retention, narrow)}</Text>
      </Box>
      <Box flexDirection="column">
        <Text wrap="truncate-end">Tomorrow: {tomorrowText(s.tomorrow)}</Text>
        <Text wrap="truncate-end">
          {narrow ? 'Due, 30 days' : 'Due in the next 30 days (today first)'}: today {s.forecast[0]}
        </Text>
        <Text color={theme.accent} wrap="truncate-end">
          {sparkline(s.forecast)}
        </Text>
        {compact ? null : (
          <>
            <Text>Answers in the last 30 days (today last)</Text>
            <Text color={theme.accent}>{sparkline(s.activity)}</Text>
          </>
        )}
      </Box>
      <Box flexDirection="column">
        <Text bold wrap="truncate-end">
          Exam scores
        </Text>
        {s.exams.length === 0 ? (
          <Text color={theme.muted} wrap="truncate-end">
            No exams yet: press x on the home screen.
          </Text>
        ) : null}
        {recent.map((e) => (
          <Text key={e.at} wrap="truncate-end">
            {e.at.slice(0, 10)} {String(e.scorePercent).padStart(3)}%{' '}
            {narrow
              ? `${e.passed ? 'pass' : 'fail'} · forecast ${e.predictedPercent ?? '-'}%`
              : `${e.passed ? 'passed    ' : 'not passed'} (forecast ${e.predictedPercent ?? '-'}%)`}
          </Text>
        ))}
        {s.exams.length > 0
          ? calibrationLines(s.calibration, narrow).map((line) => (
              <Text key={line} wrap="truncate-end">
                {line}
              </Text>
            ))
          : null}
      </Box>
      <Text color={theme.muted} wrap="truncate-end">
        {hint('stats', ['quit', 'help'])}
      </Text>
    </Box>
  );
}
