import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import type { HomeData } from '../../core/ports.js';
import { actionFor, hint, type Screen } from '../keys.js';
import { useTheme } from '../theme.js';

export interface HomeProps {
  data: HomeData;
  columns: number;
  rows: number;
  active: boolean;
  onStudy: (deckId: string | null) => void;
  onSettings: () => void;
  onQuit: () => void;
  onHelp: (screen: Screen) => void;
}

function num(n: number, w = 5): string {
  return String(n).padStart(w);
}

/** Deck list with new / learning / due counts. Row 0 is "All decks". */
export function Home({
  data,
  columns,
  rows,
  active,
  onStudy,
  onSettings,
  onQuit,
  onHelp,
}: HomeProps) {
  const theme = useTheme();
  const [cursor, setCursor] = useState(0);
  const items = [
    { id: null as string | null, title: 'All decks', ...data.totals },
    ...data.decks.map((d) => ({
      id: d.id as string | null,
      title: d.title,
      new: d.new,
      learning: d.learning,
      due: d.due,
    })),
  ];
  useInput(
    (input, key) => {
      const hit = actionFor('home', input, key);
      if (!hit) return;
      switch (hit.action) {
        case 'up':
          return setCursor((c) => (c - 1 + items.length) % items.length);
        case 'down':
          return setCursor((c) => (c + 1) % items.length);
        case 'open':
          return onStudy(items[cursor]?.id ?? null);
        case 'studyAll':
          return onStudy(null);
        case 'settings':
          return onSettings();
        case 'help':
          return onHelp('home');
        case 'quit':
          return onQuit();
        default:
          return;
      }
    },
    { isActive: active },
  );
  const width = Math.max(20, columns - 1);
  const countsWidth = 18;
  const titleWidth = width - countsWidth - 2;
  const warnLines = data.warnings.length > 0 ? 1 : 0;
  // Title, header and footer take 3 rows; one more stays free so Ink never fills the screen.
  const visible = Math.max(3, rows - 4 - warnLines);
  const top = Math.min(Math.max(0, cursor - visible + 1), Math.max(0, items.length - visible));
  const shown = items.slice(top, top + visible);
  const fitTitle = (t: string) =>
    t.length > titleWidth ? `${t.slice(0, titleWidth - 1)}…` : t.padEnd(titleWidth);
  return (
    <Box flexDirection="column" width={width}>
      <Box justifyContent="space-between">
        <Text bold color={theme.accent}>
          hyperrecall
        </Text>
        <Text>
          {data.totals.overdue > 0 ? `${data.totals.overdue} overdue · ` : ''}streak {data.streak} ·{' '}
          {data.reviewedToday} today
        </Text>
      </Box>
      <Text color={theme.muted}>
        {'  '}
        {'Deck'.padEnd(titleWidth)}
        {'  New'}
        {'Learn'.padStart(6)}
        {'Due'.padStart(6)}
      </Text>
      {shown.map((it, i) => {
        const selected = top + i === cursor;
        return (
          <Text key={it.id ?? '*'} bold={selected} color={selected ? theme.accent : undefined}>
            {selected ? '› ' : '  '}
            {fitTitle(it.title)}
            {num(it.new)}
            {num(it.learning, 6)}
            {num(it.due, 6)}
          </Text>
        );
      })}
      {data.decks.length === 0 ? (
        <Text>No decks found. Add YAML decks and start again.</Text>
      ) : null}
      {warnLines ? (
        <Text color={theme.warn} wrap="truncate-end">
          ! {data.warnings[0]}
          {data.warnings.length > 1 ? ` (+${data.warnings.length - 1} more)` : ''}
        </Text>
      ) : null}
      <Text color={theme.muted} wrap="truncate-end">
        {hint('home', ['open', 'studyAll', 'settings', 'help', 'quit'])}
      </Text>
    </Box>
  );
}
