import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';
import type { Row } from './rows.js';
import { windowAt } from './viewport-math.js';

/** One row: one terminal line, whatever its spans hold (a blank row is a space). */
export function RowLine({ row }: { row: Row }) {
  if (row.spans.length === 0) return <Text> </Text>;
  return (
    <Text wrap="truncate-end">
      {row.spans.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: spans are positional
        <Text key={i} color={s.color} bold={s.bold} underline={s.underline}>
          {s.text}
        </Text>
      ))}
    </Text>
  );
}

/** Rows drawn as they are, for content that always fits (headers, grade bar). */
export function Rows({ rows }: { rows: readonly Row[] }) {
  return (
    <Box flexDirection="column">
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
        <RowLine key={i} row={row} />
      ))}
    </Box>
  );
}

/**
 * Everything taller than the screen goes through here: `height` lines showing the rows
 * from `top`, with "↑ n more" / "↓ n more" in place of the first or last line when rows
 * are hidden. The owner keeps `top` (see viewport-math.ts) and maps keys to it.
 */
export function Viewport({
  rows,
  height,
  top,
}: {
  rows: readonly Row[];
  height: number;
  top: number;
}) {
  const theme = useTheme();
  const w = windowAt(top, rows.length, height);
  return (
    <Box flexDirection="column">
      {w.above > 0 ? <Text color={theme.muted}>↑ {w.above} more</Text> : null}
      {rows.slice(w.top, w.end).map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
        <RowLine key={w.top + i} row={row} />
      ))}
      {w.below > 0 ? <Text color={theme.muted}>↓ {w.below} more</Text> : null}
    </Box>
  );
}
