import { Box, Text } from 'ink';
import { useReducer, useRef } from 'react';
import type { ExamSummary } from '../../core/model.js';
import type { HomeData, ReadinessView } from '../../core/ports.js';
import { useKeys } from '../hooks/useKeys.js';
import { actionFor, hint, type Screen } from '../keys.js';
import { useTheme } from '../theme.js';

export interface HomeProps {
  data: HomeData;
  columns: number;
  rows: number;
  active: boolean;
  onStudy: (deckId: string | null) => void;
  onSettings: () => void;
  onStats?: () => void;
  onExam?: (deckId: string | null) => void;
  readiness?: ReadinessView;
  history?: ExamSummary[];
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
  onStats,
  onExam,
  readiness,
  history,
  onQuit,
  onHelp,
}: HomeProps) {
  const theme = useTheme();
  // In a ref so keys typed ahead in one read ("j" then Enter) act on the moved cursor.
  const [, rerender] = useReducer((x: number) => x + 1, 0);
  const pos = useRef(0);
  const cursor = pos.current;
  const setCursor = (f: (c: number) => number) => {
    pos.current = f(pos.current);
    rerender();
  };
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
  useKeys(
    (input, key) => {
      const hit = actionFor('home', input, key);
      if (!hit) return;
      switch (hit.action) {
        case 'up':
          return setCursor((c) => (c - 1 + items.length) % items.length);
        case 'down':
          return setCursor((c) => (c + 1) % items.length);
        case 'open':
          return onStudy(items[pos.current]?.id ?? null);
        case 'studyAll':
          return onStudy(null);
        case 'settings':
          return onSettings();
        case 'stats':
          return onStats?.();
        case 'exam':
          return onExam?.(items[pos.current]?.id ?? null);
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
  // Readiness and the exam trend take two rows on screens tall enough for them.
  const exam = readiness && rows >= 20 ? examLines(readiness, history ?? []) : [];
  const visible = Math.max(3, rows - 4 - warnLines - exam.length);
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
      {exam.map((line) => (
        <Text key={line} wrap="truncate-end">
          {line}
        </Text>
      ))}
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
        {hint('home', ['open', 'studyAll', 'exam', 'stats', 'settings', 'help', 'quit'])}
      </Text>
    </Box>
  );
}

/** Readiness now per objective, the exam-day plan if a date is set, and the score trend. */
function examLines(r: ReadinessView, history: readonly ExamSummary[]): string[] {
  const tags = Object.entries(r.now.byTag)
    .map(([t, v]) => `${t.replace(/^[a-z0-9]+-/, '')}:${v.percent}`)
    .join(' ');
  const lines = [`Ready now ${r.now.percent}%${tags ? `  ${tags}` : ''}`];
  if (r.examDate)
    lines.push(
      `Exam ${r.examDate.date}, ${r.examDate.daysLeft} days: forecast ${r.examDate.forecastPercent}%, ${r.examDate.newPerDayNeeded} new/day to see all ${r.examDate.unseen}`,
    );
  if (history.length === 0) lines.push('Exams: none yet (press x for a mock exam)');
  else {
    const last = history.slice(-5);
    const latest = last.at(-1)!;
    lines.push(
      `Exams ${last.map((e) => `${e.scorePercent}%`).join(' → ')} (last ${latest.passed ? 'passed' : 'not passed'}, predicted ${latest.predictedPercent ?? '-'}%)`,
    );
  }
  return lines;
}
