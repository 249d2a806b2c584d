import { Box, Text } from 'ink';
import type { StudyPort } from '../../core/ports.js';
import { sparkline } from '../../core/stats.js';
import { useKeypress } from '../keypress/useKeypress.js';
import { actionFor, hint, type Screen } from '../keys.js';
import { useTheme } from '../theme.js';

/** Reviews, retention, the due forecast and the trend of exam scores. */
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
  const s = port.stats(now);
  useKeypress((key) => {
    const hit = actionFor('stats', key);
    if (hit?.action === 'quit') onBack();
    else if (hit?.action === 'help') onHelp('stats');
    else return false;
    return true;
  });
  const pct = (x: number | null) => (x === null ? '-' : `${Math.round(x * 100)}%`);
  return (
    <Box flexDirection="column" gap={1}>
      <Text bold color={theme.accent}>
        Statistics
      </Text>
      <Box flexDirection="column">
        <Text>
          Reviews {s.reviews} · today {s.reviewedToday} · streak {s.streak}
        </Text>
        <Text>
          Retention: target {pct(s.retention.target)} · actual {pct(s.retention.actual)} (
          {s.retention.answers} reviews in 30 days)
        </Text>
      </Box>
      <Box flexDirection="column">
        <Text>
          Due in the next 30 days (today first): today {s.forecast[0]}, tomorrow {s.forecast[1]}
        </Text>
        <Text color={theme.accent}>{sparkline(s.forecast)}</Text>
        <Text>Answers in the last 30 days (today last)</Text>
        <Text color={theme.accent}>{sparkline(s.activity)}</Text>
      </Box>
      <Box flexDirection="column">
        <Text bold>Exam scores</Text>
        {s.exams.length === 0 ? (
          <Text color={theme.muted}>No exams yet: press x on the home screen.</Text>
        ) : null}
        {s.exams.slice(-6).map((e) => (
          <Text key={e.at}>
            {e.at.slice(0, 10)} {String(e.scorePercent).padStart(3)}%{' '}
            {e.passed ? 'passed    ' : 'not passed'} (predicted {e.predictedPercent ?? '-'}%){' '}
            {sparkline([e.scorePercent]).trim()}
          </Text>
        ))}
      </Box>
      <Text color={theme.muted}>{hint('stats', ['quit', 'help'])}</Text>
    </Box>
  );
}
