import { Box, Text, useApp } from 'ink';
import { useEffect, useState } from 'react';
import type { ExamResult, ExamState } from '../core/exam.js';
import { ALL, type ExamOptions, type ExamPort, type Scope, type StudyPort } from '../core/ports.js';
import type { SessionSummary } from '../core/summary.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { WidthContext } from './components/Para.js';
import { useKeys } from './hooks/useKeys.js';
import { useTerminalSize } from './hooks/useTerminalSize.js';
import type { Screen } from './keys.js';
import { Exam } from './screens/Exam.js';
import { ExamResults } from './screens/ExamResults.js';
import { ExamResume } from './screens/ExamResume.js';
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

function TooSmall({ columns, rows }: { columns: number; rows: number }) {
  const { exit } = useApp();
  useKeys((input) => {
    if (input === 'q') exit();
  });
  return (
    <Text>
      Terminal is {columns}x{rows}; hyperrecall needs at least {MIN_COLUMNS}x{MIN_ROWS}. Enlarge it,
      or press q.
    </Text>
  );
}

/** Picks the screen; each screen owns its keys while no overlay is open. */
export function App({ port, exams, now, initial, openEditor, onSummary }: AppProps) {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const [view, setView] = useState<View>(initial);
  const [help, setHelp] = useState<Screen | null>(null);
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
  if (columns < MIN_COLUMNS || rows < MIN_ROWS) return <TooSmall columns={columns} rows={rows} />;
  const active = help === null;
  const titleOf = (scope: Scope) => {
    const tag = scope.tag ? ` · tag ${scope.tag}` : '';
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
          active={active}
          onStudy={(id) => setView({ name: 'study', scope: id ? { decks: [id], tag: null } : ALL })}
          onSettings={() => setView({ name: 'settings' })}
          onStats={() => setView({ name: 'stats' })}
          {...(exams
            ? {
                onExam: (id: string | null) =>
                  setView({
                    name: 'examStart',
                    options: { ...EXAM_OPTIONS, scope: id ? { decks: [id], tag: null } : ALL },
                  }),
                readiness: exams.readiness(ALL, now()),
                history: exams.history(),
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
          active={active}
          compact={rows < 20}
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
          active={active}
          onContinue={() => setView({ name: 'home' })}
          onUndo={() => {
            // Taking back the last answer reopens the session on that card.
            if (port.undo(now())) setView({ name: 'study', scope: view.scope });
          }}
          onQuit={() => exit()}
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
          now={now}
          active={active}
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
          active={active}
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
          columns={columns}
          rows={rows}
          active={active}
          onHelp={setHelp}
          onDone={() => setView({ name: 'home' })}
        />
      ) : null;
      break;
    case 'stats':
      body = (
        <Stats
          port={port}
          now={now()}
          active={active}
          onBack={() => setView({ name: 'home' })}
          onHelp={setHelp}
        />
      );
      break;
    case 'message':
      body = <MessageView text={view.text} onBack={() => setView({ name: 'home' })} />;
      break;
    case 'settings':
      body = (
        <Settings
          port={port}
          active={active}
          rows={rows}
          onBack={() => setView({ name: 'home' })}
          onHelp={setHelp}
        />
      );
      break;
  }
  return (
    <WidthContext.Provider value={columns - 1}>
      <Box flexDirection="column" width={columns - 1}>
        {help ? <HelpOverlay screen={help} onClose={() => setHelp(null)} /> : body}
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
  useKeys(() => onBack());
  return (
    <Box flexDirection="column" gap={1}>
      <Text>{text}</Text>
      <Text>Press any key to go back.</Text>
    </Box>
  );
}
