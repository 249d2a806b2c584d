import { Box, Text } from 'ink';
import { formatInterval } from '../../core/format.js';
import { GRADE_NAMES, GRADES, type Grade } from '../../core/model.js';
import type { Outcome } from '../../core/scheduler.js';
import { useTheme } from '../theme.js';

/** The four grade buttons, each with the interval it would give, as Anki shows them. */
export function GradeBar({
  preview,
  suggested,
  compact = false,
}: {
  preview: Record<Grade, Outcome>;
  suggested: Grade;
  compact?: boolean;
}) {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      <Box flexWrap="wrap" columnGap={compact ? 1 : 2}>
        {GRADES.map((g) => (
          <Text key={g} bold={g === suggested} color={g === suggested ? theme.accent : undefined}>
            {g === suggested ? '▸' : ' '}
            {g} {GRADE_NAMES[g]} {formatInterval(preview[g].intervalMs)}
          </Text>
        ))}
      </Box>
      {compact ? null : (
        <Text color={theme.muted}>Enter: {GRADE_NAMES[suggested]} · 1-4 choose a grade</Text>
      )}
    </Box>
  );
}
