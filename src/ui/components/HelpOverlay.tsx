import { Box, Text } from 'ink';
import { useKeys } from '../hooks/useKeys.js';
import { BINDINGS, GLOBAL_KEYS, type Screen } from '../keys.js';
import { useTheme } from '../theme.js';

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
};

export function HelpOverlay({ screen, onClose }: { screen: Screen; onClose: () => void }) {
  const theme = useTheme();
  useKeys(() => onClose());
  const here = BINDINGS.filter((b) => b.screens.includes(screen));
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold color={theme.accent}>
        Keys · {SCREEN_TITLES[screen]}
      </Text>
      {here.map((b) => (
        <Text key={b.action}>
          <Text bold>{b.label.padEnd(12)}</Text>
          {b.description}
        </Text>
      ))}
      {GLOBAL_KEYS.map((g) => (
        <Text key={g.label}>
          <Text bold>{g.label.padEnd(12)}</Text>
          {g.description}
        </Text>
      ))}
      <Text color={theme.muted}>Press any key to close.</Text>
    </Box>
  );
}
