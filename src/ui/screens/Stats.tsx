import { Box, Text } from 'ink';
import { useContext, useState } from 'react';
import type { StudyPort } from '../../core/ports.js';
import { WidthContext } from '../components/Para.js';
import { Rows, Viewport } from '../components/Viewport.js';
import { useTerminalSize } from '../hooks/useTerminalSize.js';
import { useViewport } from '../hooks/useViewport.js';
import { useKeypress } from '../keypress/useKeypress.js';
import { actionFor, hint, type Screen } from '../keys.js';
import { useTheme } from '../theme.js';
import { footerRows, hintParts } from './footer-rows.js';
import { statsRows } from './stats-rows.js';

/**
 * Every statistics series (core/stats.ts) with its chart, scrolled in a Viewport: today,
 * true retention, the forecast (`y`: a year), the calendar, card counts, distributions,
 * answer buttons, the hourly breakdown, the hardest cards and the exam scores.
 */
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
  const { rows } = useTerminalSize();
  const width = useContext(WidthContext);
  // Statistics read the whole log: once when the screen opens, not on every render.
  const [s] = useState(() => port.stats(now));
  const [year, setYear] = useState(false);
  const content = statsRows(s, {
    width,
    year,
    accent: { color: theme.accent },
    muted: { color: theme.muted },
    bold: { bold: true },
  });
  const footer = footerRows(
    hintParts(hint('stats', ['scrollDown', 'pageDown', 'forecastYear', 'help', 'quit'])),
    width,
    { color: theme.muted },
  );
  const height = Math.max(3, rows - 1 - footer.length);
  const view = useViewport(content.length, height, 'stats');
  useKeypress((key) => {
    const hit = actionFor('stats', key);
    if (!hit) return false;
    if (view.apply(hit.action)) return true;
    if (hit.action === 'forecastYear') setYear((y) => !y);
    else if (hit.action === 'quit') onBack();
    else if (hit.action === 'help') onHelp('stats');
    else return false;
    return true;
  });
  return (
    <Box flexDirection="column">
      <Text bold color={theme.accent} wrap="truncate-end">
        Statistics · every deck
      </Text>
      <Viewport rows={content} height={height} top={view.top} />
      <Rows rows={footer} />
    </Box>
  );
}
