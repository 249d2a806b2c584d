import { Box, Text } from 'ink';
import { formatDuration } from '../../core/format.js';
import { GRADE_NAMES } from '../../core/model.js';
import type { CardInfo } from '../../core/ports.js';
import { oneLine } from '../../core/sanitize.js';
import { useKeypress } from '../keypress/useKeypress.js';
import { useTheme } from '../theme.js';

function when(ms: number): string {
  return new Date(ms).toLocaleString();
}

/** The `i` overlay: what the scheduler knows about the card, and its answers so far. */
export function CardInfoView({
  info,
  maxHistory,
  onClose,
}: {
  info: CardInfo;
  maxHistory: number;
  onClose: () => void;
}) {
  const theme = useTheme();
  // An overlay: it takes every key before the card underneath, and any key closes it.
  useKeypress(
    () => {
      onClose();
      return true;
    },
    { priority: 'overlay' },
  );
  const marks = [
    info.marks.suspended ? 'suspended' : '',
    info.marks.flagged ? 'flagged' : '',
    info.marks.leech ? 'leech' : '',
  ].filter(Boolean);
  const shown = info.history.slice(-maxHistory);
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold color={theme.accent} wrap="truncate-end">
        Card info · {oneLine(info.key)}
      </Text>
      <Text>
        State {info.phase}
        {marks.length ? ` (${marks.join(', ')})` : ''} · due{' '}
        {info.due === null ? '-' : when(info.due)}
      </Text>
      <Text>
        Stability {info.stability.toFixed(2)} d · difficulty {info.difficulty.toFixed(2)} · recall
        now {(info.retrievability * 100).toFixed(0)}%
      </Text>
      <Text>
        Reviews {info.reps} · lapses {info.lapses}
      </Text>
      {shown.length === 0 ? <Text color={theme.muted}>Not answered yet.</Text> : null}
      {info.history.length > shown.length ? (
        <Text color={theme.muted}>… {info.history.length - shown.length} earlier</Text>
      ) : null}
      {shown.map((h) => (
        <Text key={h.at}>
          {when(h.at)} · {GRADE_NAMES[h.rating]} · {formatDuration(h.tookMs)}
          {h.mode === 'exam' ? ' · exam' : ''}
        </Text>
      ))}
      <Text color={theme.muted}>Press any key to close.</Text>
    </Box>
  );
}
