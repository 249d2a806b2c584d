import { Box, Text } from 'ink';
import { useContext } from 'react';
import { HELP_NOTES } from '../help-notes.js';
import { useViewport } from '../hooks/useViewport.js';
import { useKeypress } from '../keypress/useKeypress.js';
import { actionFor, BINDINGS, GLOBAL_KEYS, hint, type Screen } from '../keys.js';
import { useTheme } from '../theme.js';
import { WidthContext } from './Para.js';
import { joinGroups, type Row, textRows } from './rows.js';
import { Viewport } from './Viewport.js';

const SCREEN_TITLES: Record<Screen, string> = {
  home: 'Deck list',
  flash: 'Flashcard and cloze (question side)',
  choice: 'Multiple choice',
  typed: 'Typed answer',
  answer: 'After the answer',
  summary: 'Session summary',
  settings: 'Settings',
  exam: 'Exam question',
  examTyped: 'Exam question (typed answer)',
  overview: 'Exam overview',
  confirm: 'Submit the exam?',
  results: 'Exam results',
  resume: 'Unfinished exam',
  stats: 'Statistics',
  statsScope: 'Statistics: choosing the scope',
  help: 'Help',
  editSetting: 'Editing a setting',
  tooSmall: 'Terminal too small',
  leaveCard: 'Leave this card?',
  saveFailed: 'An answer could not be saved',
  examSetup: 'Starting a mock exam',
  browser: 'Card browser',
  browserQuery: 'Card browser search',
  confirmForget: 'Forget this card?',
};

const LABEL = 12;
/** Border and padding on both sides. */
const FRAME = 4;

function keyRows(screen: Screen, width: number): Row[] {
  const entries = [...BINDINGS.filter((b) => b.screens.includes(screen)), ...GLOBAL_KEYS].map(
    (b) => ({ label: b.label, description: b.description }),
  );
  const keys = entries.flatMap((e) =>
    textRows(e.description, width, {}, { first: { text: e.label.padEnd(LABEL), bold: true } }),
  );
  // What the screen's figures mean, after its keys.
  const notes = (HELP_NOTES[screen] ?? []).map((n) => textRows(n, width));
  return joinGroups([keys, ...notes], true);
}

/** The overlay's last line, without PgDn when the full line would be cut at 40 columns. */
function closing(width: number): string {
  const full = `${hint('help', ['scrollDown', 'pageDown'])} · other keys close`;
  return full.length <= width ? full : `${hint('help', ['scrollDown'])} · other keys close`;
}

/** The `?` overlay: every key of the screen below, from the key table. Scrolls when long. */
export function HelpOverlay({
  screen,
  rows,
  onClose,
}: {
  screen: Screen;
  rows: number;
  onClose: () => void;
}) {
  const theme = useTheme();
  const width = useContext(WidthContext) - FRAME;
  const content = keyRows(screen, width);
  // Border (2), title and the closing line; one line stays free.
  const height = Math.max(3, rows - 1 - 4);
  const view = useViewport(content.length, height, screen);
  const scrolls = content.length > height;
  // An overlay takes every key: scroll keys scroll a long list, any other key closes.
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
        Keys · {SCREEN_TITLES[screen]}
      </Text>
      <Viewport rows={content} height={height} top={view.top} />
      <Text color={theme.muted} wrap="truncate-end">
        {scrolls ? closing(width) : 'Press any key to close.'}
      </Text>
    </Box>
  );
}
