import { Text, useStdin } from 'ink';
import { useContext, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Card, Grade, Memory } from '../../core/model.js';
import type { CardInfo, Scope, StudyPort, Written } from '../../core/ports.js';
import type { Outcome } from '../../core/scheduler.js';
import { type CardSession, cardReducer, defaultGrade, startCard } from '../../core/session.js';
import { type AnswerStat, type SessionSummary, summarize } from '../../core/summary.js';
import { CardInfoView } from '../components/CardInfoView.js';
import { WidthContext } from '../components/Para.js';
import { useViewport } from '../hooks/useViewport.js';
import { useKeypress } from '../keypress/useKeypress.js';
import { type Action, actionFor, type Screen } from '../keys.js';
import { useTheme } from '../theme.js';
import { StudyFrame } from './StudyFrame.js';
import { cursorScrolls, studyLayout } from './study-layout.js';

/** Runs $EDITOR on a file at a line; settles with a problem to show, or null. */
export type OpenEditor = (file: string, line: number) => Promise<string | null> | string | null;

export interface StudyProps {
  port: StudyPort;
  scope: Scope;
  title: string;
  now: () => number;
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
  /** The card's memory when shown: an answer is refused if it changed since. */
  shown: Memory | null;
}

function screenOf(s: CardSession): Screen {
  if (s.phase === 'answer') return 'answer';
  const k = s.card.face.kind;
  return k === 'mcq' ? 'choice' : k === 'typed' ? 'typed' : 'flash';
}

const GRADE_OF = { again: 1, hard: 2, good: 3, easy: 4 } as const;

export function Study(props: StudyProps) {
  const { port, scope, title, now, rows, openEditor, onHelp, onDone } = props;
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
      shown: port.memory(card.key),
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

  // Set at once when the session ends (last card, q, Esc): keys still queued from the
  // same read must not grade the last card again.
  const finished = useRef(false);
  const finish = (done: AnswerStat[]) => {
    if (finished.current) return;
    finished.current = true;
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
    const answered = port.answer({
      card: c.s.card,
      grade: g,
      now: t,
      tookMs: t - c.s.shownAt,
      shown: c.shown,
      ...(c.s.result ? { correct: c.s.result.correct } : {}),
    });
    // Not saved: say why and stay on the card, so the answer can be given again.
    if (!answered.ok) return setNotice(answered.error);
    const outcome = answered.value;
    if (outcome.modified) {
      // Shown again as it is now (another session answered it), or the next one.
      setNotice('The card changed since it was shown; the answer was not saved.');
      const fresh = show(port.card(c.s.card.key));
      return fresh ? setCur(fresh) : advance(session.answers, session.sinceNew);
    }
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
    const undone = port.undo(now());
    if (!undone.ok) return setNotice(undone.error);
    const card = undone.value;
    if (!card) return setNotice('Nothing to undo.');
    session.answers = session.answers.slice(0, -1);
    setNotice('Undone.');
    setCur(show(card));
  };

  const edit = async (c: Current) => {
    if (!openEditor) return;
    setRawMode(false);
    const problem = await openEditor(c.s.card.pos.file, c.s.card.pos.line);
    setRawMode(true);
    await port.reloadDecks().then((warnings) => {
      const fresh = port.card(c.s.card.key);
      setNotice(
        problem ?? warnings[0] ?? (fresh ? 'Deck reloaded.' : 'The card is gone from the deck.'),
      );
      if (fresh) setCur({ ...c, s: { ...c.s, card: fresh } });
      else advance(session.answers, session.sinceNew);
    });
  };

  /** False (and the reason shown) when a change could not be saved. */
  const saved = <T,>(w: Written<T>): w is Written<T> & { ok: true } => {
    if (!w.ok) setNotice(w.error);
    return w.ok;
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
        void edit(c);
        return true;
      case 'bury':
        if (!saved(port.bury(c.s.card, t))) return true;
        setNotice('Buried until tomorrow (u to undo).');
        advance(session.answers, session.sinceNew);
        return true;
      case 'suspend':
        if (!saved(port.suspend(c.s.card, t))) return true;
        setNotice('Suspended (u to undo).');
        advance(session.answers, session.sinceNew);
        return true;
      case 'flag': {
        const flagged = port.toggleFlag(c.s.card, t);
        if (saved(flagged)) setNotice(flagged.value ? 'Flagged.' : 'Flag removed.');
        return true;
      }
      default:
        return false;
    }
  };

  const marks = cur ? port.marks(cur.s.card.key) : {};
  const layout = studyLayout({
    cur: cur?.s ?? null,
    preview: cur?.preview ?? null,
    marks,
    notice,
    width,
    rows,
    compact: props.compact,
    theme,
  });
  const view = useViewport(layout.card.length, layout.height, `${shownKey}:${cur?.s.phase}`);

  /** ↑/↓ on a choice list: scroll or move the cursor (see cursorScrolls). */
  const moveCursor = (c: Current, delta: -1 | 1): void => {
    const s = c.s;
    if (cursorScrolls(s.cursor, delta, layout.choices, view.window) && view.canScroll(delta)) {
      view.scroll(delta);
      return;
    }
    const next = cardReducer(s, { type: 'move', delta });
    setCur({ ...c, s: next });
    const shown = layout.choices[next.cursor];
    if (shown) view.follow(shown[0], shown[1]);
  };

  useKeypress(
    (key) => {
      const cur = session.cur;
      if (!cur || finished.current) return true;
      const s = cur.s;
      const screen = screenOf(s);
      const hit = actionFor(screen, key);
      const apply = (a: Parameters<typeof cardReducer>[1]) =>
        setCur({ ...cur, s: cardReducer(s, a) });
      if (screen === 'typed') {
        if (hit && view.apply(hit.action)) return true;
        if (hit?.action === 'submit') apply({ type: 'submit' });
        else if (hit?.action === 'leaveTyped') finish(session.answers);
        else if (hit?.action === 'erase') apply({ type: 'erase' });
        else if (key.text && !key.ctrl && !key.meta) apply({ type: 'type', text: key.text });
        else return false;
        return true;
      }
      if (!hit) return false;
      if (cardAction(cur, hit.action) || view.apply(hit.action)) return true;
      switch (hit.action) {
        case 'help':
          onHelp(screen);
          break;
        case 'quit':
          finish(session.answers);
          break;
        case 'reveal':
          apply({ type: 'reveal' });
          break;
        case 'up':
          moveCursor(cur, -1);
          break;
        case 'down':
          moveCursor(cur, 1);
          break;
        case 'choose': {
          apply({ type: 'pick', index: hit.index });
          const range = layout.choices[hit.index];
          if (range) view.follow(range[0], range[1]);
          break;
        }
        case 'toggle':
          apply({ type: 'toggle' });
          break;
        case 'submit':
          apply({ type: 'submit' });
          break;
        case 'accept':
          grade(cur, defaultGrade(s));
          break;
        case 'again':
        case 'hard':
        case 'good':
        case 'easy':
          grade(cur, GRADE_OF[hit.action]);
          break;
        default:
          return false;
      }
      return true;
    },
    { isActive: !info },
  );

  if (!cur) return <Text>Nothing to study right now.</Text>;
  if (info) return <CardInfoView info={info} rows={rows} onClose={() => setInfo(null)} />;
  return <StudyFrame title={title} counts={counts} layout={layout} top={view.top} />;
}
