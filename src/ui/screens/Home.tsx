import { Box, Text } from 'ink';
import { useState } from 'react';
import { type ExamState, examCounts, remainingMs } from '../../core/exam.js';
import type { ExamSummary } from '../../core/model.js';
import type { HomeData, ReadinessView } from '../../core/ports.js';
import { oneLine } from '../../core/sanitize.js';
import { lineRow, type Row } from '../components/rows.js';
import { Rows, Viewport } from '../components/Viewport.js';
import { wrapText } from '../components/wrap.js';
import { useViewport } from '../hooks/useViewport.js';
import { useKeypress } from '../keypress/useKeypress.js';
import { actionFor, hint, type Screen } from '../keys.js';
import { useTheme } from '../theme.js';
import { clock } from './exam-clock.js';
import { footerRows, hintParts } from './footer-rows.js';
import { examRows, readinessRowBudget } from './home-readiness.js';

export interface HomeProps {
  data: HomeData;
  columns: number;
  rows: number;
  onStudy: (deckId: string | null) => void;
  onSettings: () => void;
  onStats?: () => void;
  onExam?: (deckId: string | null) => void;
  readiness?: ReadinessView;
  history?: ExamSummary[];
  /** An exam quit before submitting, shown with its progress so `x` is known to resume it. */
  paused?: { exam: ExamState; savedAt: number } | null;
  onQuit: () => void;
  onHelp: (screen: Screen) => void;
}

const NO_DECKS = 'No decks found. Add YAML decks and start again.';
const TITLE = 'hyperrecall';

/**
 * The figures beside the title, in fewer words when the terminal is narrow, so they never
 * wrap under it in pieces; on one row of their own when even that does not fit.
 */
export function headerText(data: HomeData, room: number): string[] {
  const o = data.totals.overdue;
  const forms = [
    `${o > 0 ? `${o} overdue · ` : ''}streak ${data.streak} · ${data.reviewedToday} today`,
    `${o > 0 ? `${o} late · ` : ''}streak ${data.streak} · ${data.reviewedToday} today`,
    `${o > 0 ? `${o} overdue · ` : `streak ${data.streak} · `}${data.reviewedToday} today`,
  ];
  const fit = forms.find((f) => f.length <= room);
  return fit ? [fit] : ['', forms[0]!];
}

/** "Exam paused: 12/60 answered, 48:10 left · x to resume", wrapped between its parts. */
export function pausedLine(exam: ExamState, savedAt: number, width: number): Row[] {
  const c = examCounts(exam);
  const left = clock(remainingMs(exam, savedAt));
  const x = hint('home', ['exam']).split(' ')[0] ?? 'x';
  return footerRows(
    [`Exam paused: ${c.answered}/${exam.keys.length} answered, ${left} left`, `${x} to resume`],
    width,
  );
}

function num(n: number, w = 5): string {
  return String(n).padStart(w);
}

/** Deck list with new / learning / due counts. Row 0 is "All decks". */
export function Home({
  data,
  columns,
  rows,
  onStudy,
  onSettings,
  onStats,
  onExam,
  readiness,
  history,
  paused,
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
  const width = Math.max(20, columns - 1);
  const countsWidth = 18;
  const titleWidth = width - countsWidth - 2;
  const warnLines = data.warnings.length > 0 ? 1 : 0;
  const pausedRows = paused ? pausedLine(paused.exam, paused.savedAt, width) : [];
  const empty = data.decks.length === 0 ? wrapText(NO_DECKS, width).split('\n') : [];
  const emptyLines = empty.length;
  // Readiness and the exam trend, wrapped to the width, on screens tall enough for them.
  const exam =
    readiness && rows >= 20
      ? examRows(readiness, history ?? [], width, readinessRowBudget(rows))
      : [];
  const header = headerText(data, width - TITLE.length - 1);
  // Title, column header and footer; one more row stays free so Ink never fills the screen.
  // The keys wrap between hints rather than lose the last ones off the edge.
  const footer = footerRows(
    hintParts(
      hint('home', ['open', 'studyAll', 'exam', 'stats', 'browse', 'settings', 'help', 'quit']),
    ),
    width,
    { color: theme.muted },
  );
  const height = Math.max(
    3,
    rows -
      3 -
      footer.length -
      warnLines -
      emptyLines -
      exam.length -
      pausedRows.length -
      (header.length - 1),
  );
  const fitTitle = (t: string) =>
    t.length > titleWidth ? `${t.slice(0, titleWidth - 1)}…` : t.padEnd(titleWidth);
  const list: Row[] = items.map((it, i) => {
    const selected = i === cursor;
    return lineRow(
      `${selected ? '› ' : '  '}${fitTitle(oneLine(it.title))}${num(it.new)}${num(it.learning, 6)}${num(it.due, 6)}`,
      { bold: selected, color: selected ? theme.accent : undefined },
    );
  });
  const view = useViewport(list.length, height, 'home');
  const moveTo = (c: number) => {
    setCursor(c);
    view.follow(c, c + 1);
  };
  useKeypress((key) => {
    const hit = actionFor('home', key);
    const n = items.length;
    switch (hit?.action) {
      case 'up':
        moveTo((cursor - 1 + n) % n);
        break;
      case 'down':
        moveTo((cursor + 1) % n);
        break;
      case 'pageUp':
        moveTo(Math.max(0, cursor - (height - 2)));
        break;
      case 'pageDown':
        moveTo(Math.min(n - 1, cursor + (height - 2)));
        break;
      case 'open':
        onStudy(items[cursor]?.id ?? null);
        break;
      case 'studyAll':
        onStudy(null);
        break;
      case 'settings':
        onSettings();
        break;
      case 'stats':
        onStats?.();
        break;
      case 'exam':
        onExam?.(items[cursor]?.id ?? null);
        break;
      case 'help':
        onHelp('home');
        break;
      case 'quit':
        onQuit();
        break;
      default:
        return false;
    }
    return true;
  });
  return (
    <Box flexDirection="column" width={width}>
      <Box justifyContent="space-between">
        <Text bold color={theme.accent}>
          {TITLE}
        </Text>
        <Text>{header[0]}</Text>
      </Box>
      {header.slice(1).map((line) => (
        <Text key={line}>{line}</Text>
      ))}
      <Rows rows={pausedRows} />
      <Rows rows={exam} />
      <Text color={theme.muted}>
        {'  '}
        {'Deck'.padEnd(titleWidth)}
        {'  New'}
        {'Learn'.padStart(6)}
        {'Due'.padStart(6)}
      </Text>
      <Viewport rows={list} height={height} top={view.top} />
      {emptyLines ? <Text>{empty.join('\n')}</Text> : null}
      {warnLines ? (
        <Text color={theme.warn} wrap="truncate-end">
          ! {oneLine(data.warnings[0] ?? '')}
          {data.warnings.length > 1 ? ` (+${data.warnings.length - 1} more)` : ''}
        </Text>
      ) : null}
      <Rows rows={footer} />
    </Box>
  );
}
