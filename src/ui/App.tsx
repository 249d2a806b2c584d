import { Box, Text, useApp, useInput } from 'ink';
import { useState } from 'react';
import type { Scope, StudyPort } from '../core/ports.js';
import type { SessionSummary } from '../core/summary.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { useTerminalSize } from './hooks/useTerminalSize.js';
import type { Screen } from './keys.js';
import { Home } from './screens/Home.js';
import { Study } from './screens/Study.js';
import { Summary } from './screens/Summary.js';

export const MIN_COLUMNS = 40;
export const MIN_ROWS = 12;

export type View =
  | { name: 'home' }
  | { name: 'study'; scope: Scope }
  | { name: 'summary'; summary: SessionSummary };

export interface AppProps {
  port: StudyPort;
  now: () => number;
  initial: View;
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
export function App({ port, now, initial, onSummary }: AppProps) {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const [view, setView] = useState<View>(initial);
  const [help, setHelp] = useState<Screen | null>(null);
  if (columns < MIN_COLUMNS || rows < MIN_ROWS) return <TooSmall columns={columns} rows={rows} />;
  const active = help === null;
  const titleOf = (scope: Scope) => {
    if (!scope) return 'All decks';
    const home = port.home(now());
    return scope.map((id) => home.decks.find((d) => d.id === id)?.title ?? id).join(', ');
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
          onStudy={(id) => setView({ name: 'study', scope: id ? [id] : null })}
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
          onHelp={setHelp}
          onDone={(summary) => {
            onSummary?.(summary);
            setView({ name: 'summary', summary });
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
          onQuit={() => exit()}
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
