import { Box, Text } from 'ink';
import { useContext, useEffect, useReducer, useRef, useState } from 'react';
import {
  type ExamAction,
  type ExamResult,
  type ExamState,
  examCounts,
  examReducer,
  remainingMs,
} from '../../core/exam.js';
import type { ExamPort, Written } from '../../core/ports.js';
import { WidthContext } from '../components/Para.js';
import { textRows } from '../components/rows.js';
import { Rows, Viewport } from '../components/Viewport.js';
import { useViewport } from '../hooks/useViewport.js';
import { useKeypress } from '../keypress/useKeypress.js';
import { type Action, actionFor, hint, type Screen } from '../keys.js';
import { useTheme } from '../theme.js';
import { clock } from './exam-clock.js';
import { useExamFinish } from './exam-labs.js';
import {
  chooseHint,
  examTally,
  overviewRows,
  pickWait,
  pickWaitText,
  questionRows,
  screenOf,
} from './exam-rows.js';
import { footerRows, hintParts } from './footer-rows.js';

// The choose hint comes first, with only the letters the question has (chooseHint).
const EXAM_FOOTER: Action[] = [
  'examNext',
  'examPrev',
  'examFlag',
  'examOverview',
  'examSubmit',
  'quit',
];

export interface ExamProps {
  exams: ExamPort;
  initial: ExamState;
  notes: string[];
  now: () => number;
  rows: number;
  onHelp: (screen: Screen) => void;
  /** The exam was quit: it stays saved for later. */
  onQuit: () => void;
  onFinished: (result: ExamResult) => void;
}

/** A timed exam: no feedback until submission; every change is saved at once. */
export function Exam({ exams, initial, notes, now, rows, onHelp, onQuit, onFinished }: ExamProps) {
  const theme = useTheme();
  const [s, dispatch] = useReducer(examReducer, initial);
  // The question on which Enter was pressed before its answer was complete.
  const [refused, setRefused] = useState<number | null>(null);
  // Every action carries the time: the log dates each answer and says how long it took.
  // Why Enter waited stays while picking, and goes with any other step.
  const act = (a: ExamAction) => {
    if (a.type !== 'choose') setRefused(null);
    dispatch({ ...a, now: now() });
  };
  const leaving = useRef(false);
  const [problem, setProblem] = useState<string | null>(null);
  const scoring = useExamFinish(exams, now, onFinished, setProblem);
  const [, force] = useReducer((x: number) => x + 1, 0);

  // The countdown: redraw every second; the reducer submits when time is up.
  useEffect(() => {
    const t = setInterval(() => {
      dispatch({ type: 'tick', now: now() });
      force();
    }, 1000);
    return () => clearInterval(t);
  }, [now]);

  // Every change goes to disk, so quitting or a crash never loses the exam. Letters typed
  // into an answer are saved once typing pauses, not with an fsync per key.
  const pending = useRef<NodeJS.Timeout | null>(null);
  const latest = useRef(s);
  latest.current = s;
  // biome-ignore lint/correctness/useExhaustiveDependencies: finish guards itself; a new one each render
  useEffect(() => {
    if (pending.current) clearTimeout(pending.current);
    pending.current = null;
    const report = (w: Written<unknown>) => setProblem(w.ok ? null : w.error);
    if (s.view === 'submitted') scoring.finish(s);
    else if (s.view === 'question' && typeof s.answers[s.index] === 'string') {
      pending.current = setTimeout(() => report(exams.save(s, now())), 400);
    } else report(exams.save(s, now()));
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

  const width = useContext(WidthContext);
  const compact = rows < 20;
  const card = exams.card(s.keys[s.index] ?? '');
  const face = card?.face;
  const typed = face?.kind === 'typed' || face?.kind === 'lab';
  const screen = screenOf(s, typed);
  const left = remainingMs(s, now());
  const counts = examCounts(s);

  // The question: header, notes on the first one, the question in a Viewport, the hints.
  const choices = face?.kind === 'mcq' ? face.choices.length : 0;
  const wait = pickWait(s, card);
  const waiting = refused === s.index && wait ? pickWaitText(wait, choices) : null;
  const first = s.index === 0 ? notes.join(' ') : '';
  const noteText = [problem, waiting, first].filter(Boolean).join(' ');
  const notesRows = noteText ? textRows(noteText, width, { color: theme.warn }) : [];
  const { rows: content, input } = questionRows(s, card, width, compact, theme);
  const footer = footerRows(
    [
      `${counts.answered}/${s.keys.length} answered`,
      ...hintParts(
        typed
          ? hint('examTyped', ['examNext', 'examOverview'])
          : [
              ...(choices > 0 ? [chooseHint(choices)] : []),
              hint('exam', compact ? ['examFlag', 'examOverview', 'help'] : EXAM_FOOTER),
            ].join(' · '),
      ),
    ],
    width,
    { color: theme.muted },
  );
  const fixed = 1 + footer.length + notesRows.length + input.length;
  const gaps = compact ? 0 : 2 + (notesRows.length > 0 ? 1 : 0) + (input.length > 0 ? 1 : 0);
  const questionHeight = Math.max(3, rows - 1 - fixed - gaps);
  const questionView = useViewport(content.length, questionHeight, s.index);
  // The overview: header, counts, the list in a Viewport, the hints.
  const tally = examTally(s, (k) => exams.card(k));
  const summary = textRows(tally.overview, width);
  const list = overviewRows(s, (k) => exams.card(k), theme);
  const overviewFooter = footerRows(
    [
      ...tally.legend,
      ...hintParts(hint('overview', ['open', 'examFlag', 'examSubmit', 'examBack', 'quit'])),
    ],
    width,
    { color: theme.muted },
  );
  const listHeight = Math.max(3, rows - 2 - overviewFooter.length - summary.length);
  const c = s.overviewCursor;
  const listView = useViewport(list.length, listHeight, s.view, [c, c + 1]);
  const moveOverview = (delta: number) => {
    const next = Math.min(s.keys.length - 1, Math.max(0, c + delta));
    act({ type: 'overviewMove', delta });
    listView.follow(next, next + 1);
  };

  useKeypress((key) => {
    if (leaving.current) return true;
    if (s.view === 'submitted') {
      // Scoring failed (the reason is shown): q still leaves.
      if (problem && actionFor('exam', key)?.action === 'quit') {
        leaving.current = true;
        onQuit();
      }
      return true;
    }
    const hit = actionFor(screen, key);
    if (screen === 'examTyped') {
      if (hit && questionView.apply(hit.action)) return true;
      if (hit?.action === 'examNext') act({ type: 'next' });
      else if (hit?.action === 'examOverview') act({ type: 'overview' });
      else if (hit?.action === 'erase') act({ type: 'erase' });
      else if (key.text && !key.ctrl && !key.meta) act({ type: 'type', text: key.text });
      else return false;
      return true;
    }
    if (!hit) return false;
    if (screen === 'exam' && questionView.apply(hit.action)) return true;
    switch (hit.action) {
      case 'choose':
        if (face?.kind === 'mcq' && hit.index < face.choices.length)
          act({ type: 'choose', index: hit.index, multi: face.multi });
        break;
      case 'examNext':
        // Enter waits for a complete answer and says why; `n` moves on regardless.
        if (key.name === 'enter' && wait) setRefused(s.index);
        else act({ type: 'next' });
        break;
      case 'examPrev':
        act({ type: 'prev' });
        break;
      case 'examFlag':
        act({ type: 'flag' });
        break;
      case 'examOverview':
        act({ type: 'overview' });
        break;
      case 'examBack':
        act({ type: 'back' });
        break;
      case 'examSubmit':
        act({ type: 'askSubmit' });
        break;
      case 'up':
        moveOverview(-1);
        break;
      case 'down':
        moveOverview(1);
        break;
      case 'pageUp':
        moveOverview(-(listHeight - 2));
        break;
      case 'pageDown':
        moveOverview(listHeight - 2);
        break;
      case 'open':
        act({ type: 'goto', index: c });
        break;
      case 'yes':
        act({ type: 'confirmSubmit', now: now() });
        break;
      case 'no':
        act({ type: 'back' });
        break;
      case 'help':
        onHelp(screen);
        break;
      case 'quit':
        // Leaving: the rest of a burst must not answer questions of an exam left behind.
        leaving.current = true;
        exams.save(s, now());
        onQuit();
        break;
      default:
        return false;
    }
    return true;
  });

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

  if (scoring.progress) return <Text color={theme.accent}>{scoring.progress}</Text>;
  if (s.view === 'confirm') {
    return (
      <Box flexDirection="column" gap={compact ? 0 : 1}>
        {header}
        <Text bold>Submit the exam now?</Text>
        <Text>{tally.confirm}</Text>
        <Text color={theme.muted}>{hint('confirm', ['yes', 'no'])}</Text>
      </Box>
    );
  }

  if (s.view === 'overview') {
    return (
      <Box flexDirection="column">
        {header}
        <Rows rows={summary} />
        <Viewport rows={list} height={listHeight} top={listView.top} />
        <Rows rows={overviewFooter} />
      </Box>
    );
  }

  return (
    <Box flexDirection="column" gap={compact ? 0 : 1}>
      {header}
      {notesRows.length > 0 ? <Rows rows={notesRows} /> : null}
      <Viewport rows={content} height={questionHeight} top={questionView.top} />
      {input.length > 0 ? <Rows rows={input} /> : null}
      <Rows rows={footer} />
    </Box>
  );
}
