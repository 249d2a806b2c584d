import { Box, Text } from 'ink';
import { useEffect, useReducer, useRef } from 'react';
import {
  type ExamResult,
  type ExamState,
  examCounts,
  examReducer,
  isAnswered,
  remainingMs,
} from '../../core/exam.js';
import type { ExamPort } from '../../core/ports.js';
import { Para } from '../components/Para.js';
import { useKeys } from '../hooks/useKeys.js';
import { actionFor, EXAM_LETTERS, hint, type Screen } from '../keys.js';
import { useTheme } from '../theme.js';

export function clock(ms: number): string {
  const s = Math.ceil(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

export interface ExamProps {
  exams: ExamPort;
  initial: ExamState;
  notes: string[];
  now: () => number;
  active: boolean;
  rows: number;
  onHelp: (screen: Screen) => void;
  /** The exam was quit: it stays saved for later. */
  onQuit: () => void;
  onFinished: (result: ExamResult) => void;
}

function screenOf(s: ExamState, typed: boolean): Screen {
  if (s.view === 'overview') return 'overview';
  if (s.view === 'confirm') return 'confirm';
  return typed ? 'examTyped' : 'exam';
}

/** A timed exam: no feedback until submission; every change is saved at once. */
export function Exam({
  exams,
  initial,
  notes,
  now,
  active,
  rows,
  onHelp,
  onQuit,
  onFinished,
}: ExamProps) {
  const theme = useTheme();
  const [s, dispatch] = useReducer(examReducer, initial);
  const finished = useRef(false);
  const [, force] = useReducer((x: number) => x + 1, 0);

  // The countdown: redraw every second; the reducer submits when time is up.
  useEffect(() => {
    const t = setInterval(() => {
      dispatch({ type: 'tick', now: now() });
      force();
    }, 1000);
    return () => clearInterval(t);
  }, [now]);

  const onFinishedRef = useRef(onFinished);
  onFinishedRef.current = onFinished;
  // Every change goes to disk, so quitting or a crash never loses the exam. Letters typed
  // into an answer are saved once typing pauses, not with an fsync per key.
  const pending = useRef<NodeJS.Timeout | null>(null);
  const latest = useRef(s);
  latest.current = s;
  useEffect(() => {
    if (pending.current) clearTimeout(pending.current);
    pending.current = null;
    if (s.view === 'submitted') {
      if (finished.current) return;
      finished.current = true;
      onFinishedRef.current(exams.finish(s, now()));
    } else if (s.view === 'question' && typeof s.answers[s.index] === 'string') {
      pending.current = setTimeout(() => exams.save(s, now()), 400);
    } else exams.save(s, now());
  }, [s, exams, now]);
  // Leaving (Ctrl+C too) writes what was typed but not yet saved.
  useEffect(
    () => () => {
      if (!pending.current) return;
      clearTimeout(pending.current);
      exams.save(latest.current, now());
    },
    [exams, now],
  );

  const card = exams.card(s.keys[s.index] ?? '');
  const face = card?.face;
  const typed = face?.kind === 'typed';
  const screen = screenOf(s, typed);
  useKeys(
    (input, key) => {
      if (s.view === 'submitted') return;
      if (screen === 'examTyped') {
        if (key.return) return dispatch({ type: 'next' });
        if (key.escape) return dispatch({ type: 'overview' });
        if (key.backspace || key.delete) return dispatch({ type: 'erase' });
        if (input && !key.ctrl && !key.meta) dispatch({ type: 'type', text: input });
        return;
      }
      const hit = actionFor(screen, input, key);
      if (!hit) return;
      switch (hit.action) {
        case 'choose':
          if (face?.kind === 'mcq' && hit.index < face.choices.length)
            dispatch({ type: 'choose', index: hit.index, multi: face.multi });
          return;
        case 'examNext':
          return dispatch({ type: 'next' });
        case 'examPrev':
          return dispatch({ type: 'prev' });
        case 'examFlag':
          return dispatch({ type: 'flag' });
        case 'examOverview':
          return dispatch({ type: 'overview' });
        case 'examBack':
          return dispatch({ type: 'back' });
        case 'examSubmit':
          return dispatch({ type: 'askSubmit' });
        case 'up':
          return dispatch({ type: 'overviewMove', delta: -1 });
        case 'down':
          return dispatch({ type: 'overviewMove', delta: 1 });
        case 'open':
          return dispatch({ type: 'goto', index: s.overviewCursor });
        case 'yes':
          return dispatch({ type: 'confirmSubmit', now: now() });
        case 'no':
          return dispatch({ type: 'back' });
        case 'help':
          return onHelp(screen);
        case 'quit':
          exams.save(s, now());
          return onQuit();
        default:
          return;
      }
    },
    { isActive: active },
  );

  const compact = rows < 20;
  const left = remainingMs(s, now());
  const counts = examCounts(s);
  const header = (
    <Box justifyContent="space-between">
      <Text bold color={theme.accent}>
        Question {s.index + 1}/{s.keys.length}
        {s.flags[s.index] ? ' ⚑ flagged' : ''}
      </Text>
      <Text color={left < 5 * 60_000 ? theme.warn : undefined} bold={left < 5 * 60_000}>
        ⏱ {clock(left)} left
      </Text>
    </Box>
  );

  if (s.view === 'confirm') {
    return (
      <Box flexDirection="column" gap={compact ? 0 : 1}>
        {header}
        <Text bold>Submit the exam now?</Text>
        <Text>
          {counts.unanswered} unanswered · {counts.flagged} flagged · {counts.answered} answered
        </Text>
        <Text color={theme.muted}>{hint('confirm', ['yes', 'no'])}</Text>
      </Box>
    );
  }

  if (s.view === 'overview') {
    const visible = Math.max(3, rows - 6);
    const top = Math.min(
      Math.max(0, s.overviewCursor - visible + 1),
      Math.max(0, s.keys.length - visible),
    );
    return (
      <Box flexDirection="column">
        {header}
        <Text>
          Overview · {counts.answered} answered · {counts.unanswered} unanswered · {counts.flagged}{' '}
          flagged
        </Text>
        {s.keys.slice(top, top + visible).map((key, j) => {
          const i = top + j;
          const q = exams.card(key);
          const text = q
            ? q.face.kind === 'mcq'
              ? q.face.question
              : q.face.kind === 'typed'
                ? q.face.prompt
                : ''
            : key;
          const mark = isAnswered(s.answers[i] ?? null) ? '✓' : '·';
          return (
            <Text
              key={key}
              bold={i === s.overviewCursor}
              color={i === s.overviewCursor ? theme.accent : undefined}
              wrap="truncate-end"
            >
              {i === s.overviewCursor ? '› ' : '  '}
              {String(i + 1).padStart(3)} {mark} {s.flags[i] ? '⚑' : ' '}{' '}
              {text.replace(/\s+/g, ' ')}
            </Text>
          );
        })}
        <Text color={theme.muted} wrap="truncate-end">
          ✓ answered · unanswered · ⚑ flagged —{' '}
          {hint('overview', ['open', 'examFlag', 'examSubmit', 'examBack', 'quit'])}
        </Text>
      </Box>
    );
  }

  const answer = s.answers[s.index] ?? null;
  const order = s.orders[s.index] ?? [];
  return (
    <Box flexDirection="column" gap={compact ? 0 : 1}>
      {header}
      {notes.length > 0 && s.index === 0 ? <Text color={theme.warn}>{notes.join(' ')}</Text> : null}
      {face?.kind === 'mcq' ? (
        <Box flexDirection="column" gap={compact ? 0 : 1}>
          <Para bold>{face.question}</Para>
          {face.multi && !compact ? <Text color={theme.muted}>Choose all that apply.</Text> : null}
          <Box flexDirection="column">
            {order.map((src, d) => {
              const picked = Array.isArray(answer) && answer.includes(d);
              const box = face.multi ? (picked ? '[x]' : '[ ]') : picked ? '(•)' : '( )';
              return (
                <Box key={src}>
                  <Text bold={picked}>
                    {box} {EXAM_LETTERS[d]})
                  </Text>
                  <Box flexShrink={1} marginLeft={1}>
                    <Para indent={7}>{face.choices[src]?.text ?? ''}</Para>
                  </Box>
                </Box>
              );
            })}
          </Box>
        </Box>
      ) : null}
      {face?.kind === 'typed' ? (
        <Box flexDirection="column" gap={compact ? 0 : 1}>
          <Para bold>{face.prompt}</Para>
          <Text>
            <Text color={theme.accent}>{'> '}</Text>
            {typeof answer === 'string' ? answer : ''}▏
          </Text>
        </Box>
      ) : null}
      {!face ? (
        <Text color={theme.warn}>
          This question is no longer in its deck; it will count as wrong.
        </Text>
      ) : null}
      <Text color={theme.muted} wrap="truncate-end">
        {counts.answered}/{s.keys.length} answered ·{' '}
        {typed
          ? hint('examTyped', ['examNext', 'examOverview'])
          : hint(
              'exam',
              compact
                ? ['examFlag', 'examOverview', 'help']
                : [
                    'choose',
                    'examNext',
                    'examPrev',
                    'examFlag',
                    'examOverview',
                    'examSubmit',
                    'quit',
                  ],
            )}
      </Text>
    </Box>
  );
}
