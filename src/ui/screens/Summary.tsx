import { Box, Text } from 'ink';
import { useContext, useState } from 'react';
import { type CustomStudy, parseCount } from '../../core/custom-study.js';
import { formatDuration, formatInterval } from '../../core/format.js';
import { tomorrowText } from '../../core/stats/due.js';
import type { SessionSummary } from '../../core/summary.js';
import { WidthContext } from '../components/Para.js';
import { useKeypress } from '../keypress/useKeypress.js';
import { type Action, actionFor, hint, type Screen } from '../keys.js';
import { useTheme } from '../theme.js';

export function summaryLine(s: SessionSummary, now: number): string {
  const next =
    s.nextDue === null
      ? 'nothing scheduled'
      : s.nextDue <= now
        ? 'now'
        : `in ${formatInterval(s.nextDue - now)}`;
  return `${s.cards} card${s.cards === 1 ? '' : 's'} · ${s.accuracy}% right · ${formatDuration(s.elapsedMs)} · next card ${next}`;
}

/** What the day's limits hold back in the session's scope. */
export interface Beyond {
  new: number;
  due: number;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** "Daily limit reached: 12 new cards and 30 reviews wait beyond it.", or null. */
export function limitLine(b: Beyond | null | undefined): string | null {
  if (!b || (b.new <= 0 && b.due <= 0)) return null;
  const parts = [
    b.new > 0 ? plural(b.new, 'new card') : '',
    b.due > 0 ? plural(b.due, 'review') : '',
  ];
  const what = parts.filter(Boolean).join(' and ');
  return `Daily limit reached: ${what} wait${b.new + b.due === 1 ? 's' : ''} beyond it.`;
}

type Prompt = { kind: 'more-new' | 'ahead'; text: string; error: boolean };

const ASK = {
  'more-new': { question: 'How many more new cards today?', fallback: 10 },
  ahead: { question: 'Review cards due in how many days?', fallback: 1 },
} as const;

const OFFERS: Action[] = [
  'customNew',
  'customAhead',
  'customFlagged',
  'customLeeches',
  'customAll',
  'customCram',
];

export function Summary({
  summary,
  now,
  rows: height,
  beyond,
  onCustom,
  onContinue,
  onUndo,
  onQuit,
  onHelp,
}: {
  summary: SessionSummary;
  now: number;
  /** Terminal rows: below 20 the figures are packed into three lines. */
  rows?: number;
  /** What the limits hold back; null or absent when nothing does. */
  beyond?: Beyond | null;
  /** Starts a custom study session over the same scope; absent: no offers. */
  onCustom?: (custom: CustomStudy) => void;
  onContinue: () => void;
  onUndo: () => void;
  onQuit: () => void;
  onHelp: (screen: Screen) => void;
}) {
  const theme = useTheme();
  const width = useContext(WidthContext);
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  useKeypress((key) => {
    const hit = actionFor('summary', key);
    if (prompt) {
      if (hit?.action === 'continue') {
        const n = prompt.text === '' ? ASK[prompt.kind].fallback : parseCount(prompt.text);
        if (n === null) setPrompt({ ...prompt, error: true });
        else if (prompt.kind === 'ahead') onCustom?.({ kind: 'ahead', days: n });
        else onCustom?.({ kind: 'more-new', count: n });
      } else if (hit?.action === 'cancelCount') setPrompt(null);
      else if (hit?.action === 'eraseDigit')
        setPrompt({ ...prompt, text: prompt.text.slice(0, -1), error: false });
      else if (key.text && /^\d$/.test(key.text) && prompt.text.length < 4)
        setPrompt({ ...prompt, text: prompt.text + key.text, error: false });
      else if (hit?.action === 'quit') onQuit();
      else return false;
      return true;
    }
    if (hit?.action === 'continue') onContinue();
    else if (hit?.action === 'undo') onUndo();
    else if (hit?.action === 'quit') onQuit();
    else if (hit?.action === 'help') onHelp('summary');
    else if (onCustom && hit?.action === 'customNew')
      setPrompt({ kind: 'more-new', text: '', error: false });
    else if (onCustom && hit?.action === 'customAhead')
      setPrompt({ kind: 'ahead', text: '', error: false });
    else if (onCustom && hit?.action === 'customFlagged') onCustom({ kind: 'flagged' });
    else if (onCustom && hit?.action === 'customLeeches') onCustom({ kind: 'leeches' });
    else if (onCustom && hit?.action === 'customAll') onCustom({ kind: 'all' });
    else if (onCustom && hit?.action === 'customCram')
      onCustom({ kind: 'cram', pick: 'all', since: now });
    else return false;
    return true;
  });
  const label = 16;
  const soon =
    summary.nextDue === null
      ? 'nothing scheduled'
      : summary.nextDue <= now
        ? 'now'
        : `in ${formatInterval(summary.nextDue - now)}`;
  const at = summary.nextDue !== null && summary.nextDue > now;
  const dated = at ? `${soon} (${new Date(summary.nextDue ?? 0).toLocaleString()})` : soon;
  // Every row on one line: the date only where it fits.
  const next = label + dated.length <= width ? dated : soon;
  const tomorrow = tomorrowText({ reviews: summary.dueTomorrow, new: summary.newTomorrow });
  const rows: [string, string][] = [
    ['Cards studied', String(summary.cards)],
    ['New cards', String(summary.newCards)],
    ['Right', `${summary.accuracy}%`],
    ['Time', formatDuration(summary.elapsedMs)],
    ['Next card due', next],
    ['Tomorrow', tomorrow],
    ['Streak', `${summary.streak} day${summary.streak === 1 ? '' : 's'}`],
  ];
  const limit = limitLine(beyond);
  // A key and its label never split across lines (no-break spaces inside each offer).
  const offers = OFFERS.map((a) => hint('summary', [a]).replaceAll(' ', '\u00a0')).join(' · ');
  const compact = height !== undefined && height < 20;
  const packed = [
    `${plural(summary.cards, 'card')} · ${summary.newCards} new · ${summary.accuracy}% right · ${formatDuration(summary.elapsedMs)}`,
    `Next card ${soon} · streak ${plural(summary.streak, 'day')}`,
    `Tomorrow ${tomorrow}`,
  ];
  return (
    <Box flexDirection="column" gap={compact ? 0 : 1}>
      <Text bold color={theme.accent}>
        Session done
      </Text>
      <Box flexDirection="column">
        {compact
          ? packed.map((line) => <Text key={line}>{line}</Text>)
          : rows.map(([name, value]) => (
              <Text key={name} wrap="truncate-end">
                {name.padEnd(label)}
                {value}
              </Text>
            ))}
      </Box>
      {onCustom && (
        <Box flexDirection="column">
          {limit && <Text color={theme.accent}>{limit}</Text>}
          {prompt ? (
            <Text>
              {ASK[prompt.kind].question} {prompt.text || `(${ASK[prompt.kind].fallback})`}
              {prompt.error ? ' · type\u00a01\u00a0to\u00a09999' : ''}
            </Text>
          ) : (
            <Text color={theme.muted}>Custom study: {offers}</Text>
          )}
        </Box>
      )}
      <Text color={theme.muted}>
        {prompt
          ? hint('summary', ['continue', 'cancelCount']).replace('continue', 'start')
          : hint('summary', ['continue', 'undo', 'quit'])}
      </Text>
    </Box>
  );
}
