import { Box, Text, useApp } from 'ink';
import { useEffect, useLayoutEffect, useState } from 'react';
import { describeCustom } from '../core/custom-study.js';
import type { ExamResult, ExamState } from '../core/exam.js';
import { ALL, type ExamOptions, type ExamPort, type Scope, type StudyPort } from '../core/ports.js';
import type { SessionSummary } from '../core/summary.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { Para, WidthContext } from './components/Para.js';
import { useTerminalSize } from './hooks/useTerminalSize.js';
import { ScreenActiveContext, useKeypressControl } from './keypress/KeypressContext.js';
import { useKeypress } from './keypress/useKeypress.js';
import { actionFor, type Screen } from './keys.js';
import { useBrowserView } from './screens/browser-view.js';
import { Exam } from './screens/Exam.js';
import { ExamResults } from './screens/ExamResults.js';
import { ExamResume } from './screens/ExamResume.js';
import { ExamSetup, setupOptions } from './screens/ExamSetup.js';
import { Home } from './screens/Home.js';
import { Settings } from './screens/Settings.js';
import { Stats } from './screens/Stats.js';
import { type OpenEditor, Study } from './screens/Study.js';
import { Summary } from './screens/Summary.js';

export const MIN_COLUMNS = 40;
export const MIN_ROWS = 12;

export type View =
  | { name: 'home' }
  | { name: 'study'; scope: Scope }
  | { name: 'summary'; summary: SessionSummary; scope: Scope }
  | { name: 'settings' }
  | { name: 'stats' }
  | { name: 'browser' }
  | { name: 'examSetup'; options: ExamOptions }
  | { name: 'examStart'; options: ExamOptions }
  | { name: 'exam'; exam: ExamState; notes: string[] }
  | { name: 'examResume'; saved: ExamState; savedAt: number; options: ExamOptions }
  | { name: 'examResults'; result: ExamResult }
  | { name: 'message'; text: string };

export const EXAM_OPTIONS: Omit<ExamOptions, 'scope'> = {
  questions: 60,
  minutes: 90,
  passPercent: 70,
  blueprint: null,
};

export interface AppProps {
  port: StudyPort;
  exams?: ExamPort;
  now: () => number;
  initial: View;
  openEditor?: OpenEditor;
  onSummary?: (s: SessionSummary) => void;
}

/** Over the screen, which stays as it was (hidden) until the terminal is large again. */
function TooSmall({ columns, rows }: { columns: number; rows: number }) {
  const { exit } = useApp();
  useKeypress(
    (key) => {
      if (actionFor('tooSmall', key)?.action === 'quit') exit();
      return true;
    },
    { priority: 'overlay' },
  );
  return (
    <Box flexDirection="column">
      <Text>
        Terminal {columns}x{rows} is too small:
      </Text>
      <Text>
        needs at least {MIN_COLUMNS}x{MIN_ROWS}.
      </Text>
      <Text>Enlarge it, or press q.</Text>
    </Box>
  );
}

/** Picks the screen; overlays (help, too small) take the keys while they are open. */
export function App({ port, exams, now, initial, openEditor, onSummary }: AppProps) {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const [view, setView] = useState<View>(initial);
  const [help, setHelp] = useState<Screen | null>(null);
  const keys = useKeypressControl();
  // Keys typed ahead for one screen must not act on the next: a new view drops them.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs whenever the view changes
  useLayoutEffect(() => keys.discardPending(), [view, keys]);
  // Starting an exam: offer the unfinished one first, else draw a new one.
  useEffect(() => {
    if (view.name !== 'examStart' || !exams) return;
    const saved = exams.inProgress();
    setView(
      saved
        ? { name: 'examResume', saved: saved.exam, savedAt: saved.savedAt, options: view.options }
        : startNew(exams, view.options, now()),
    );
  }, [view, exams, now]);
  const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;
  const onHome = view.name === 'home' && !help && !tooSmall;
  const browser = useBrowserView({ port, now, rows, openEditor, onHelp: setHelp, setView }, onHome);
  const titleOf = (scope: Scope) => {
    const tag = `${scope.tag ? ` · tag ${scope.tag}` : ''}${scope.custom ? ` · ${describeCustom(scope.custom)}` : ''}`;
    if (!scope.decks) return `All decks${tag}`;
    const names = scope.decks.map((id) => port.deckTitle(id));
    return `${names.join(', ')}${tag}`;
  };
  let body: React.ReactNode;
  switch (view.name) {
    case 'home':
      body = (
        <Home
          data={port.home(now())}
          columns={columns}
          rows={rows}
          onStudy={(id) => setView({ name: 'study', scope: id ? { decks: [id], tag: null } : ALL })}
          onSettings={() => setView({ name: 'settings' })}
          onStats={() => setView({ name: 'stats' })}
          {...(exams
            ? {
                // An unfinished exam is offered first; a new one asks its size and time.
                onExam: (id: string | null) => {
                  const options = setupOptions(port.settings(), id);
                  setView(
                    exams.inProgress()
                      ? { name: 'examStart', options }
                      : { name: 'examSetup', options },
                  );
                },
                readiness: exams.readiness(ALL, now()),
                history: exams.history(),
                paused: exams.inProgress(),
              }
            : {})}
          onQuit={() => exit()}
          onHelp={setHelp}
        />
      );
      break;
    case 'study':
      body = (
        <Study
          port={port}
          scope={view.scope}
          title={titleOf(view.scope)}
          now={now}
          rows={rows}
          {...(openEditor ? { openEditor } : {})}
          onHelp={setHelp}
          onDone={(summary) => {
            onSummary?.(summary);
            setView({ name: 'summary', summary, scope: view.scope });
          }}
        />
      );
      break;
    case 'summary':
      body = (
        <Summary
          summary={view.summary}
          now={now()}
          rows={rows}
          // Custom study is offered after a day's session, not after a custom one.
          beyond={view.scope.custom ? null : (port.beyondLimits?.(view.scope, now()) ?? null)}
          {...(view.scope.custom
            ? {}
            : {
                onCustom: (custom) => setView({ name: 'study', scope: { ...view.scope, custom } }),
              })}
          onContinue={() => setView({ name: 'home' })}
          onUndo={() => {
            // Taking back the last answer reopens the session on that card.
            const r = port.undo(now());
            if (r.ok && r.value.kind === 'undone') setView({ name: 'study', scope: view.scope });
          }}
          onQuit={() => exit()}
          onHelp={setHelp}
        />
      );
      break;
    case 'examSetup':
      body = (
        <ExamSetup
          options={view.options}
          title={titleOf(view.options.scope)}
          onStart={(options) => setView({ name: 'examStart', options })}
          onBack={() => setView({ name: 'home' })}
          onHelp={setHelp}
        />
      );
      break;
    case 'examStart':
      body = null;
      break;
    case 'examResume':
      body = exams ? (
        <ExamResume
          saved={view.saved}
          savedAt={view.savedAt}
          asked={view.options}
          deckTitle={(id) => exams.deckTitle(id)}
          now={now}
          onResume={(exam) => setView({ name: 'exam', exam, notes: [] })}
          onDiscard={() => {
            exams.discard();
            setView(startNew(exams, view.options, now()));
          }}
          onBack={() => setView({ name: 'home' })}
          onHelp={setHelp}
        />
      ) : null;
      break;
    case 'exam':
      body = exams ? (
        <Exam
          exams={exams}
          initial={view.exam}
          notes={view.notes}
          now={now}
          rows={rows}
          onHelp={setHelp}
          onQuit={() => setView({ name: 'home' })}
          onFinished={(result) => setView({ name: 'examResults', result })}
        />
      ) : null;
      break;
    case 'examResults':
      body = exams ? (
        <ExamResults
          exams={exams}
          result={view.result}
          now={now}
          columns={columns}
          rows={rows}
          onHelp={setHelp}
          onDone={() => setView({ name: 'home' })}
        />
      ) : null;
      break;
    case 'stats':
      body = <Stats port={port} now={now()} setView={setView} onHelp={setHelp} />;
      break;
    case 'browser':
      body = browser;
      break;
    case 'message':
      body = <MessageView text={view.text} onBack={() => setView({ name: 'home' })} />;
      break;
    case 'settings':
      body = (
        <Settings
          port={port}
          rows={rows}
          onBack={() => setView({ name: 'home' })}
          onHelp={setHelp}
        />
      );
      break;
  }
  return (
    <WidthContext.Provider value={Math.max(MIN_COLUMNS, columns) - 1}>
      <Box flexDirection="column" width={columns - 1}>
        {tooSmall ? <TooSmall columns={columns} rows={rows} /> : null}
        {help && !tooSmall ? (
          <HelpOverlay screen={help} rows={rows} onClose={() => setHelp(null)} />
        ) : null}
        {/* Hidden under an overlay, not unmounted: a session keeps its place. */}
        <ScreenActiveContext.Provider value={!help && !tooSmall}>
          <Box flexDirection="column" display={help || tooSmall ? 'none' : 'flex'}>
            {body}
          </Box>
        </ScreenActiveContext.Provider>
      </Box>
    </WidthContext.Provider>
  );
}

function startNew(exams: ExamPort, options: ExamOptions, now: number): View {
  const r = exams.start(options, now);
  return 'error' in r
    ? { name: 'message', text: r.error }
    : { name: 'exam', exam: r.exam, notes: r.notes };
}

function MessageView({ text, onBack }: { text: string; onBack: () => void }) {
  useKeypress(() => {
    onBack();
    return true;
  });
  return (
    <Box flexDirection="column" gap={1}>
      <Para>{text}</Para>
      <Text>Press any key to go back.</Text>
    </Box>
  );
}
