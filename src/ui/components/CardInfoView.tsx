import { Box, Text } from 'ink';
import { useContext } from 'react';
import { formatDuration } from '../../core/format.js';
import { GRADE_NAMES } from '../../core/model.js';
import type { CardInfo } from '../../core/ports.js';
import { oneLine } from '../../core/sanitize.js';
import { useViewport } from '../hooks/useViewport.js';
import { useKeypress } from '../keypress/useKeypress.js';
import { actionFor, hint } from '../keys.js';
import { type Theme, useTheme } from '../theme.js';
import { WidthContext } from './Para.js';
import { lineRow, type Row, textRows } from './rows.js';
import { Viewport } from './Viewport.js';

function when(ms: number): string {
  return new Date(ms).toLocaleString();
}

function infoRows(info: CardInfo, width: number, theme: Theme): Row[] {
  const marks = [
    info.marks.suspended ? 'suspended' : '',
    info.marks.flagged ? 'flagged' : '',
    info.marks.leech ? 'leech' : '',
  ].filter(Boolean);
  const rows = [
    ...textRows(
      `State ${info.phase}${marks.length ? ` (${marks.join(', ')})` : ''} · due ${info.due === null ? '-' : when(info.due)}`,
      width,
    ),
    ...textRows(
      `Stability ${info.stability.toFixed(2)} d · difficulty ${info.difficulty.toFixed(2)} · recall now ${(info.retrievability * 100).toFixed(0)}%`,
      width,
    ),
    lineRow(`Reviews ${info.reps} · lapses ${info.lapses}`),
  ];
  if (info.history.length === 0) rows.push(lineRow('Not answered yet.', { color: theme.muted }));
  // Newest first: the answers that matter most show without scrolling.
  for (const h of [...info.history].reverse())
    rows.push(
      lineRow(
        `${when(h.at)} · ${GRADE_NAMES[h.rating]} · ${formatDuration(h.tookMs)}${h.mode === 'study' ? '' : ` · ${h.mode}`}`,
      ),
    );
  return rows;
}

/** Border and padding on both sides. */
const FRAME = 4;

/** The `i` overlay: what the scheduler knows about the card, and its answers so far. */
export function CardInfoView({
  info,
  rows,
  onClose,
}: {
  info: CardInfo;
  rows: number;
  onClose: () => void;
}) {
  const theme = useTheme();
  const width = useContext(WidthContext) - FRAME;
  const content = infoRows(info, width, theme);
  // Border (2), title and the closing line; one line stays free.
  const height = Math.max(3, rows - 1 - 4);
  const view = useViewport(content.length, height, info.key);
  const scrolls = content.length > height;
  // An overlay: it takes every key before the card underneath; scroll keys scroll a long
  // history, any other key closes it.
  useKeypress(
    (key) => {
      const hit = actionFor('help', key);
      if (!scrolls || !hit || !view.apply(hit.action)) onClose();
      return true;
    },
    { priority: 'overlay' },
  );
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold color={theme.accent} wrap="truncate-end">
        Card info · {oneLine(info.key)}
      </Text>
      <Viewport rows={content} height={height} top={view.top} />
      <Text color={theme.muted} wrap="truncate-end">
        {scrolls ? `${hint('help', ['scrollDown'])} · other keys close` : 'Press any key to close.'}
      </Text>
    </Box>
  );
}
