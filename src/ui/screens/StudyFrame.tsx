import { Box, Text } from 'ink';
import type { Counts } from '../../core/queue.js';
import { oneLine } from '../../core/sanitize.js';
import { Rows, Viewport } from '../components/Viewport.js';
import { useTheme } from '../theme.js';
import type { StudyLayout } from './study-layout.js';

/** The study screen as drawn: title and counts, notice, the card's Viewport, grades, hints. */
export function StudyFrame({
  title,
  counts,
  left,
  layout,
  top,
}: {
  title: string;
  counts: Counts;
  /** A cram run's cards still to show, in place of the day's counts. */
  left?: number;
  layout: StudyLayout;
  top: number;
}) {
  const theme = useTheme();
  const countsText =
    left !== undefined
      ? `${left} left`
      : layout.compact
        ? `${counts.new}·${counts.learning}·${counts.due}`
        : `New ${counts.new} · Learn ${counts.learning} · Due ${counts.due}`;
  return (
    <Box flexDirection="column" gap={layout.gap ? 1 : 0}>
      <Box justifyContent="space-between">
        <Box flexShrink={1}>
          <Text bold color={theme.accent} wrap="truncate-end">
            {oneLine(title)}
          </Text>
        </Box>
        <Box flexShrink={0}>
          <Text> {countsText}</Text>
        </Box>
      </Box>
      {layout.notice ? <Rows rows={layout.notice} /> : null}
      <Viewport rows={layout.card} height={layout.height} top={top} />
      {layout.input.length > 0 ? <Rows rows={layout.input} /> : null}
      {layout.grades.length > 0 ? <Rows rows={layout.grades} /> : null}
      {layout.footer ? <Rows rows={layout.footer} /> : null}
    </Box>
  );
}
