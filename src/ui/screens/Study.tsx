import { Box, Text, useStdin } from 'ink';
import { useContext, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Card, Grade } from '../../core/model.js';
import type { CardInfo, Scope, StudyPort } from '../../core/ports.js';
import type { Outcome } from '../../core/scheduler.js';
import { type CardSession, cardReducer, defaultGrade, startCard } from '../../core/session.js';
import { type AnswerStat, type SessionSummary, summarize } from '../../core/summary.js';
import { CardInfoView } from '../components/CardInfoView.js';
import { CardView } from '../components/CardView.js';
import { GradeBar } from '../components/GradeBar.js';
import { WidthContext, wrapText } from '../components/Para.js';
import { useKeys } from '../hooks/useKeys.js';
import { type Action, actionFor, hint, type Screen } from '../keys.js';
import { useTheme } from '../theme.js';

/** Runs $EDITOR on a file at a line; blocks until the editor exits. */
export type OpenEditor = (file: string, line: number) => string | null;

export interface StudyProps {
  port: StudyPort;
  scope: Scope;
  title: string;
  now: () => number;
  active: boolean;
  /** Small terminals get a tighter layout: no blank lines, one-line header and source. */
  compact: boolean;
  rows: number;
  openEditor?: OpenEditor;
  onHelp: (screen: Screen) => void;
  onDone: (summary: SessionSummary) => void;
}

interface Current {
  s: CardSession;
  preview: Record<Grade, Outcome>;
  isNew: boolean;
}

function screenOf(s: CardSession): Screen {
  if (s.phase === 'answer') return 'answer';
  const k = s.card.face.kind;
  return k === 'mcq' ? 'choice' : k === 'typed' ? 'typed' : 'flash';
}

const GRADE_OF = { again: 1, hard: 2, good: 3, easy: 4 } as const;

const linesOf = (text: string | undefined, width: number) =>
  text ? wrapText(text, width).split('\n').length : 0;

/** Rows the question side of a card takes, without header, footer or blank lines. */
export function questionHeight(s: CardSession, width: number): number {
  const face = s.card.face;
  if (face.kind === 'flash') return linesOf(face.front, width);
  if (face.kind === 'cloze') return linesOf(face.text, width);
  if (face.kind === 'typed') return linesOf(face.prompt, width) + 1;
  return (
    linesOf(face.question, width) +
    (face.multi ? 1 : 0) +
    face.choices.reduce((n, c) => n + linesOf(c.text, width - 9), 0)
  );
}

/** Rows the card takes on its answer side in the roomy layout (blank lines between parts). */
export function fullHeight(s: CardSession, width: number): number {
  const face = s.card.face;
  let body = questionHeight(s, width);
  if (face.kind === 'flash') body += linesOf(face.back, width) + 1;
  else if (face.kind === 'typed') body += 4;
  else if (face.kind === 'mcq')
    // At most one reason shows: the one for the wrong pick.
    body += 1 + Math.max(0, ...face.choices.map((c) => linesOf(c.why, width - 10)));
  const after =
    linesOf(s.card.explanation, width) + linesOf(`Source: ${s.card.ref ?? ''}`, width) + 1;
  // Header, kind line, grade bar (2), footer, and the blank lines between the parts.
  return body + after + 5 + 6;
}

export function Study(props: StudyProps) {
  const { port, scope, title, now, active, rows, openEditor, onHelp, onDone } = props;
  const width = useContext(WidthContext);
  const theme = useTheme();
  const { setRawMode } = useStdin();
  const [startedAt] = useState(now);
  const [notice, setNotice] = useState<string | null>(null);
  const [info, setInfo] = useState<CardInfo | null>(null);
  const show = (card: Card | null): Current | null => {
    if (!card) return null;
    const t = now();
    return {
      s: startCard(card, t, String(t)),
      preview: port.preview(card, t),
      isNew: port.phase(card.key) === 'new',
    };
  };
  // The session lives in a ref, not in state: several keys can arrive in one read (typed
  // ahead, pasted), and each must see what the one before it did, before React re-renders.
  const [, rerender] = useReducer((x: number) => x + 1, 0);
  const st = useRef<{ cur: Current | null; answers: AnswerStat[]; sinceNew: number } | null>(null);
  if (st.current === null)
    st.current = { cur: show(port.next(scope, now(), 0)), answers: [], sinceNew: 0 };
  const session = st.current;
  const cur = session.cur;
  const setCur = (next: Current | null) => {
    session.cur = next;
    rerender();
  };
  // Counts change only when the card changes, not on every keypress.
  const shownKey = cur ? `${cur.s.card.key}@${cur.s.shownAt}` : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: shownKey marks a new card
  const counts = useMemo(() => port.counts(scope, now()), [port, scope, now, shownKey]);

  const finish = (done: AnswerStat[]) => {
    const t = now();
    onDone(summarize(done, startedAt, t, port.nextDue(scope, t), port.dayEnd(scope, t)));
  };

  // Only the first render can start with nothing to study.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, on mount
  useEffect(() => {
    if (cur === null) finish(session.answers);
  }, []);

  const advance = (done: AnswerStat[], since: number) => {
    const next = show(port.next(scope, now(), since));
    if (next) setCur(next);
    else finish(done);
  };

  const grade = (c: Current, g: Grade) => {
    const t = now();
    const outcome = port.answer({
      card: c.s.card,
      grade: g,
      now: t,
      tookMs: t - c.s.shownAt,
      ...(c.s.result ? { correct: c.s.result.correct } : {}),
    });
    const done = [...session.answers, { grade: g, tookMs: t - c.s.shownAt, isNew: c.isNew }];
    session.answers = done;
    const since = c.isNew ? 0 : session.sinceNew + 1;
    session.sinceNew = since;
    setNotice(
      outcome.leech
        ? `Leech: ${outcome.leech.lapses} lapses, ${outcome.leech.action === 'suspend' ? 'suspended' : 'tagged'}. Re-read ${c.s.card.ref ?? c.s.card.pos.file}.`
        : null,
    );
    advance(done, since);
  };

  const undo = () => {
    const card = port.undo(now());
    if (!card) return setNotice('Nothing to undo.');
    session.answers = session.answers.slice(0, -1);
    setNotice('Undone.');
    setCur(show(card));
  };

  const edit = (c: Current) => {
    if (!openEditor) return;
    setRawMode(false);
    const problem = openEditor(c.s.card.pos.file, c.s.card.pos.line);
    setRawMode(true);
    void port.reloadDecks().then((warnings) => {
      const fresh = port.card(c.s.card.key);
      setNotice(
        problem ?? warnings[0] ?? (fresh ? 'Deck reloaded.' : 'The card is gone from the deck.'),
      );
      if (fresh) setCur({ ...c, s: { ...c.s, card: fresh } });
      else advance(session.answers, session.sinceNew);
    });
  };

  const cardAction = (c: Current, action: Action): boolean => {
    const t = now();
    switch (action) {
      case 'undo':
        undo();
        return true;
      case 'info':
        setInfo(port.info(c.s.card, t));
        return true;
      case 'edit':
        edit(c);
        return true;
      case 'bury':
        port.bury(c.s.card, t);
        setNotice('Buried until tomorrow (u to undo).');
        advance(session.answers, session.sinceNew);
        return true;
      case 'suspend':
        port.suspend(c.s.card, t);
        setNotice('Suspended (u to undo).');
        advance(session.answers, session.sinceNew);
        return true;
      case 'flag':
        setNotice(port.toggleFlag(c.s.card, t) ? 'Flagged.' : 'Flag removed.');
        return true;
      default:
        return false;
    }
  };

  const screen = cur ? screenOf(cur.s) : 'summary';
  useKeys(
    (input, key) => {
      const cur = session.cur;
      if (!cur) return;
      if (info) return setInfo(null);
      const s = cur.s;
      const screen = screenOf(s);
      if (screen === 'typed') {
        if (key.return) return setCur({ ...cur, s: cardReducer(s, { type: 'submit' }) });
        if (key.escape) return finish(session.answers);
        if (key.backspace || key.delete)
          return setCur({ ...cur, s: cardReducer(s, { type: 'erase' }) });
        if (!key.ctrl && !key.meta && input && !key.tab)
          return setCur({ ...cur, s: cardReducer(s, { type: 'type', text: input }) });
        return;
      }
      const hit = actionFor(screen, input, key);
      if (!hit) return;
      if (cardAction(cur, hit.action)) return;
      const apply = (a: Parameters<typeof cardReducer>[1]) =>
        setCur({ ...cur, s: cardReducer(s, a) });
      switch (hit.action) {
        case 'help':
          return onHelp(screen);
        case 'quit':
          return finish(session.answers);
        case 'reveal':
          return apply({ type: 'reveal' });
        case 'up':
          return apply({ type: 'move', delta: -1 });
        case 'down':
          return apply({ type: 'move', delta: 1 });
        case 'choose':
          return apply({ type: 'pick', index: hit.index });
        case 'toggle':
          return apply({ type: 'toggle' });
        case 'submit':
          return apply({ type: 'submit' });
        case 'accept':
          return grade(cur, defaultGrade(s));
        case 'again':
        case 'hard':
        case 'good':
        case 'easy':
          return grade(cur, GRADE_OF[hit.action]);
        default:
          return;
      }
    },
    { isActive: active },
  );

  if (!cur) return <Text>Nothing to study right now.</Text>;
  // Tight layout on small terminals, and for a card that would not fit with blank lines.
  const compact = props.compact || fullHeight(cur.s, width) > rows - 1;
  // On the smallest screens a long question needs every row: header and hints give way.
  const bare = compact && cur.s.phase === 'question' && questionHeight(cur.s, width) + 3 > rows - 1;
  if (info) return <CardInfoView info={info} maxHistory={Math.max(1, rows - 9)} />;
  const footer: Partial<Record<Screen, string>> = {
    flash: hint('flash', ['reveal', 'undo', 'help', 'quit']),
    choice: hint('choice', ['choose', 'submit', 'help', 'quit']),
    typed: `type the answer · ${hint('typed', ['submit', 'leaveTyped'])}`,
    answer: hint('answer', ['undo', 'info', 'help', 'quit']),
  };
  const countsText = compact
    ? `${counts.new}·${counts.learning}·${counts.due}`
    : `New ${counts.new} · Learn ${counts.learning} · Due ${counts.due}`;
  return (
    <Box flexDirection="column" gap={compact ? 0 : 1}>
      <Box justifyContent="space-between" display={bare ? 'none' : 'flex'}>
        <Box flexShrink={1}>
          <Text bold color={theme.accent} wrap="truncate-end">
            {title}
          </Text>
        </Box>
        <Box flexShrink={0}>
          <Text> {countsText}</Text>
        </Box>
      </Box>
      {notice ? (
        <Text color={theme.warn} wrap="truncate-end">
          {notice}
        </Text>
      ) : null}
      <CardView s={cur.s} compact={compact} marks={port.marks(cur.s.card.key)} />
      {cur.s.phase === 'answer' ? (
        <GradeBar preview={cur.preview} suggested={defaultGrade(cur.s)} compact={compact} />
      ) : null}
      {(compact && cur.s.phase === 'answer') || bare ? null : (
        <Text color={theme.muted} wrap="truncate-end">
          {footer[screen]}
        </Text>
      )}
    </Box>
  );
}
