import { Box, Text } from 'ink';
import { useContext } from 'react';
import { formatDuration, formatInterval } from '../../core/format.js';
import type { SessionSummary } from '../../core/summary.js';
import { WidthContext } from '../components/Para.js';
import { useKeypress } from '../keypress/useKeypress.js';
import { actionFor, hint, type Screen } from '../keys.js';
import { useTheme } from '../theme.js';

export function summaryLine(s: SessionSummary, now: number): string {
  const next =
    s.nextDue === null
      ? 'nothing scheduled'
      : s.nextDue <= now
        ? 'now'
        : `in ${formatInterval(s.nextDue - now)}`;
  return `${s.cards} card${s.cards === 1 ? '' : 's'} · ${s.accuracy}% right · ${formatDuration(s.elapsedMs)} · next card ${next}`;
}

export function Summary({
  summary,
  now,
  onContinue,
  onUndo,
  onQuit,
  onHelp,
}: {
  summary: SessionSummary;
  now: number;
  onContinue: () => void;
  onUndo: () => void;
  onQuit: () => void;
  onHelp: (screen: Screen) => void;
}) {
  const theme = useTheme();
  const width = useContext(WidthContext);
  useKeypress((key) => {
    const hit = actionFor('summary', key);
    if (hit?.action === 'continue') onContinue();
    else if (hit?.action === 'undo') onUndo();
    else if (hit?.action === 'quit') onQuit();
    else if (hit?.action === 'help') onHelp('summary');
    else return false;
    return true;
  });
  const label = 16;
  const soon =
    summary.nextDue === null
      ? 'nothing scheduled'
      : summary.nextDue <= now
        ? 'now'
        : `in ${formatInterval(summary.nextDue - now)}`;
  const at = summary.nextDue !== null && summary.nextDue > now;
  const dated = at ? `${soon} (${new Date(summary.nextDue ?? 0).toLocaleString()})` : soon;
  // Every row on one line: the date only where it fits.
  const next = label + dated.length <= width ? dated : soon;
  const rows: [string, string][] = [
    ['Cards studied', String(summary.cards)],
    ['New cards', String(summary.newCards)],
    ['Right', `${summary.accuracy}%`],
    ['Time', formatDuration(summary.elapsedMs)],
    ['Next card due', next],
    ['Tomorrow', `${summary.dueTomorrow} card${summary.dueTomorrow === 1 ? '' : 's'}`],
    ['Streak', `${summary.streak} day${summary.streak === 1 ? '' : 's'}`],
  ];
  return (
    <Box flexDirection="column" gap={1}>
      <Text bold color={theme.accent}>
        Session done
      </Text>
      <Box flexDirection="column">
        {rows.map(([name, value]) => (
          <Text key={name} wrap="truncate-end">
            {name.padEnd(label)}
            {value}
          </Text>
        ))}
      </Box>
      <Text color={theme.muted}>{hint('summary', ['continue', 'undo', 'quit'])}</Text>
    </Box>
  );
}
