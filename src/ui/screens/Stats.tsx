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
import { type OptimizeView, optimizeRows } from './optimize-rows.js';
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
  const [opt, setOpt] = useState<OptimizeView>({ kind: 'idle' });
  const content = [
    ...optimizeRows(opt, width, { bold: { bold: true }, muted: { color: theme.muted } }),
    ...statsRows(s, {
      width,
      year,
      accent: { color: theme.accent },
      muted: { color: theme.muted },
      bold: { bold: true },
    }),
  ];
  const keys = ['scrollDown', 'pageDown', 'forecastYear', 'help', 'quit'] as const;
  const footer = footerRows(
    hintParts(hint('stats', port.optimize ? ['optimize', ...keys] : [...keys])),
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
    else if (hit.action === 'optimize' && port.optimize) {
      if (opt.kind === 'running') return true;
      setOpt({ kind: 'running', fraction: 0 });
      view.follow(0, 1);
      port
        .optimize(now, (fraction) =>
          setOpt((o) => (o.kind === 'running' ? { kind: 'running', fraction } : o)),
        )
        .then(
          (result) => setOpt({ kind: 'done', result }),
          (err: unknown) =>
            setOpt({ kind: 'failed', message: err instanceof Error ? err.message : String(err) }),
        );
    } else if (hit.action === 'quit') onBack();
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
