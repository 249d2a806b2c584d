import { Box, Text } from 'ink';
import { useContext, useState } from 'react';
import { WidthContext } from '../components/Para.js';
import { Rows, Viewport } from '../components/Viewport.js';
import { useViewport } from '../hooks/useViewport.js';
import { useKeypress } from '../keypress/useKeypress.js';
import { actionFor, hint, type Screen } from '../keys.js';
import { useTheme } from '../theme.js';
import { footerRows, hintParts } from './footer-rows.js';
import { type ScopeChoice, scopeRows } from './stats-scope.js';

/**
 * `s` on the Stats screen: every deck, each deck and each objective in a list; Enter shows
 * the statistics of the one under the cursor, Esc keeps the scope as it was.
 */
export function StatsScopePicker({
  choices,
  current,
  rows,
  onPick,
  onCancel,
  onHelp,
}: {
  choices: readonly ScopeChoice[];
  /** The index of the scope shown now: where the cursor starts. */
  current: number;
  rows: number;
  onPick: (choice: ScopeChoice) => void;
  onCancel: () => void;
  onHelp: (screen: Screen) => void;
}) {
  const theme = useTheme();
  const width = useContext(WidthContext);
  const [cursor, setCursor] = useState(current);
  const footer = footerRows(
    hintParts(hint('statsScope', ['up', 'down', 'open', 'quit', 'help'])),
    width,
    { color: theme.muted },
  );
  // The title line above the list, as on the Stats screen.
  const height = Math.max(3, rows - 1 - footer.length);
  const view = useViewport(choices.length, height, 'statsScope', [current, current + 1]);
  const move = (to: number) => {
    const next = Math.min(choices.length - 1, Math.max(0, to));
    setCursor(next);
    view.follow(next, next + 1);
  };
  useKeypress((key) => {
    const hit = actionFor('statsScope', key);
    if (hit?.action === 'up') move(cursor - 1);
    else if (hit?.action === 'down') move(cursor + 1);
    else if (hit?.action === 'open') onPick(choices[cursor]!);
    else if (hit?.action === 'quit') onCancel();
    else if (hit?.action === 'help') onHelp('statsScope');
    else return false;
    return true;
  });
  return (
    <Box flexDirection="column">
      <Text bold color={theme.accent} wrap="truncate-end">
        Statistics of:
      </Text>
      <Viewport
        rows={scopeRows(choices, cursor, { color: theme.accent, bold: true })}
        height={height}
        top={view.top}
      />
      <Rows rows={footer} />
    </Box>
  );
}
