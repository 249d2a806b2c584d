import { Box, Text, useApp, useInput } from 'ink';
import { useState } from 'react';
import { ALL, type Scope, type StudyPort } from '../core/ports.js';
import type { SessionSummary } from '../core/summary.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { useTerminalSize } from './hooks/useTerminalSize.js';
import type { Screen } from './keys.js';
import { Home } from './screens/Home.js';
import { Settings } from './screens/Settings.js';
import { type OpenEditor, Study } from './screens/Study.js';
import { Summary } from './screens/Summary.js';

export const MIN_COLUMNS = 40;
export const MIN_ROWS = 12;

export type View =
  | { name: 'home' }
  | { name: 'study'; scope: Scope }
  | { name: 'summary'; summary: SessionSummary; scope: Scope }
  | { name: 'settings' };

export interface AppProps {
  port: StudyPort;
  now: () => number;
  initial: View;
  openEditor?: OpenEditor;
  onSummary?: (s: SessionSummary) => void;
}

function TooSmall({ columns, rows }: { columns: number; rows: number }) {
  const { exit } = useApp();
  useInput((input) => {
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
export function App({ port, now, initial, openEditor, onSummary }: AppProps) {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const [view, setView] = useState<View>(initial);
  const [help, setHelp] = useState<Screen | null>(null);
  if (columns < MIN_COLUMNS || rows < MIN_ROWS) return <TooSmall columns={columns} rows={rows} />;
  const active = help === null;
  const titleOf = (scope: Scope) => {
    const tag = scope.tag ? ` · tag ${scope.tag}` : '';
    if (!scope.decks) return `All decks${tag}`;
    const home = port.home(now());
    const names = scope.decks.map((id) => home.decks.find((d) => d.id === id)?.title ?? id);
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
    <Box flexDirection="column" width={columns - 1}>
      {help ? <HelpOverlay screen={help} onClose={() => setHelp(null)} /> : body}
    </Box>
  );
}
