// The study screen: renders the session state (src/core/study-session.ts) and turns keys
// into intents for the core flow. What happens to an answer is decided there, not here.
import { useStdin } from 'ink';
import { useContext, useMemo, useRef } from 'react';
import { CRAM_HEADER } from '../../core/cram.js';
import type { Scope, StudyPort } from '../../core/ports.js';
import type { CardSession } from '../../core/session.js';
import { type StudyIntent, studyMode } from '../../core/study-session.js';
import type { SessionSummary } from '../../core/summary.js';
import { CardInfoView } from '../components/CardInfoView.js';
import { waitingText } from '../components/choice-hints.js';
import { WidthContext } from '../components/Para.js';
import { useStudySession } from '../hooks/useStudySession.js';
import { useViewport } from '../hooks/useViewport.js';
import type { Keypress } from '../keypress/split-keys.js';
import { useKeypress } from '../keypress/useKeypress.js';
import { type Action, actionFor, hint, type Screen } from '../keys.js';
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
  rows: number;
  openEditor?: OpenEditor;
  onHelp: (screen: Screen) => void;
  onDone: (summary: SessionSummary) => void;
}

function cardScreen(s: CardSession): Screen {
  if (s.phase === 'answer') return 'answer';
  const k = s.card.face.kind;
  return k === 'mcq' ? 'choice' : k === 'typed' || k === 'lab' ? 'typed' : 'flash';
}

const NO_COUNTS = { new: 0, learning: 0, due: 0, overdue: 0 };

const GRADE_OF = { again: 1, hard: 2, good: 3, easy: 4 } as const;

/** The intent a key action stands for on a card, when it is that simple. */
const SIMPLE: Partial<Record<Action, StudyIntent>> = {
  reveal: { type: 'reveal' },
  toggle: { type: 'toggle' },
  submit: { type: 'submit' },
  accept: { type: 'accept' },
  undo: { type: 'undo' },
  info: { type: 'info' },
  bury: { type: 'bury' },
  suspend: { type: 'suspend' },
  flag: { type: 'flag' },
  leaveTyped: { type: 'leave' },
  quit: { type: 'quit' },
  erase: { type: 'erase' },
  yes: { type: 'confirm' },
  no: { type: 'cancel' },
  retry: { type: 'retry' },
};

export function Study(props: StudyProps) {
  const { port, scope, title, now, rows, openEditor, onHelp, onDone } = props;
  const width = useContext(WidthContext);
  const theme = useTheme();
  const { setRawMode } = useStdin();
  const [state, dispatch] = useStudySession(port, scope, now, onDone);
  const mode = studyMode(state);
  const cur = state.current;
  const editing = useRef(false);

  // Counts change only when the card changes, not on every keypress.
  const shownKey = cur ? `${cur.s.card.key}@${cur.s.shownAt}` : '';
  // A cram shows its own count of cards left, not the day's queue (no need to count it).
  const cram = state.cram !== null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: shownKey marks a new card
  const counts = useMemo(
    () => (cram ? NO_COUNTS : port.counts(scope, now())),
    [cram, port, scope, now, shownKey],
  );

  const notice =
    mode === 'confirmLeave'
      ? `Leave this card? It stays due and comes back next session. ${hint('leaveCard', ['yes', 'no'])}`
      : mode === 'failure'
        ? `${state.failure!.message} ${state.failure!.lockLost ? hint('saveFailed', ['quit']) : hint('saveFailed', ['retry', 'quit'])}`
        : (state.notice ?? (cur ? waitingText(cur.s) : null));
  const layout = studyLayout({
    cur: cur?.s ?? null,
    preview: cur?.preview ?? null,
    marks: cur ? port.marks(cur.s.card.key) : {},
    notice,
    width,
    rows,
    theme,
  });
  const view = useViewport(layout.card.length, layout.height, `${shownKey}:${cur?.s.phase}`);

  const edit = async () => {
    if (!openEditor || !cur || editing.current) return;
    editing.current = true;
    const card = cur.s.card;
    setRawMode(false);
    try {
      const problem = await openEditor(card.pos.file, card.pos.line);
      const warnings = await port.reloadDecks();
      const fresh = port.card(card.key);
      const said = fresh ? 'Deck reloaded.' : 'The card is gone from the deck.';
      dispatch({ type: 'edited', card: fresh, notice: problem ?? warnings[0] ?? said });
    } finally {
      setRawMode(true);
      editing.current = false;
    }
  };

  /** ↑/↓ on a choice list: scroll or move the cursor (see cursorScrolls). */
  const moveCursor = (s: CardSession, delta: -1 | 1): void => {
    if (cursorScrolls(s.cursor, delta, layout.choices, view.window) && view.canScroll(delta)) {
      view.scroll(delta);
      return;
    }
    const n = s.order.length;
    dispatch({ type: 'move', delta });
    const range = layout.choices[(s.cursor + delta + n) % n];
    if (range) view.follow(range[0], range[1]);
  };

  const onKey = (key: Keypress): boolean => {
    if (!cur || mode === 'finished' || mode === 'info' || editing.current) return true;
    const screen: Screen =
      mode === 'confirmLeave' ? 'leaveCard' : mode === 'failure' ? 'saveFailed' : cardScreen(cur.s);
    const hit = actionFor(screen, key);
    if (hit && view.apply(hit.action)) return true;
    if (screen === 'typed' && !hit) {
      if (!key.text || key.ctrl || key.meta) return false;
      dispatch({ type: 'type', text: key.text });
      return true;
    }
    if (!hit) return false;
    const simple = SIMPLE[hit.action];
    if (simple) dispatch(simple);
    else if (hit.action === 'help') onHelp(screen);
    else if (hit.action === 'edit') void edit();
    else if (hit.action === 'up' || hit.action === 'down')
      moveCursor(cur.s, hit.action === 'up' ? -1 : 1);
    else if (hit.action === 'choose') {
      dispatch({ type: 'pick', index: hit.index });
      const range = layout.choices[hit.index];
      if (range) view.follow(range[0], range[1]);
    } else if (hit.action in GRADE_OF)
      dispatch({ type: 'grade', grade: GRADE_OF[hit.action as keyof typeof GRADE_OF] });
    else return false;
    return true;
  };
  useKeypress(onKey, { isActive: mode !== 'info' });

  // Finished: the summary replaces this screen in the same commit.
  if (!cur) return null;
  if (mode === 'info' && state.info)
    return (
      <CardInfoView info={state.info} rows={rows} onClose={() => dispatch({ type: 'cancel' })} />
    );
  // The cram's header leads, so a narrow terminal cuts the deck name, never the warning.
  return state.cram ? (
    <StudyFrame
      title={`${CRAM_HEADER} · ${title}`}
      counts={counts}
      left={state.cram.queue.length}
      layout={layout}
      top={view.top}
    />
  ) : (
    <StudyFrame title={title} counts={counts} layout={layout} top={view.top} />
  );
}
