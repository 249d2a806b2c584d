import { Box, Text } from 'ink';
import { useContext, useState } from 'react';
import type { Scope, StudyPort } from '../../core/ports.js';
import { oneLine } from '../../core/sanitize.js';
import { WidthContext } from '../components/Para.js';
import { Rows, Viewport } from '../components/Viewport.js';
import { useTerminalSize } from '../hooks/useTerminalSize.js';
import { useViewport } from '../hooks/useViewport.js';
import { useKeypress } from '../keypress/useKeypress.js';
import { type Action, actionFor, hint, type Screen } from '../keys.js';
import { useTheme } from '../theme.js';
import { footerRows, hintParts } from './footer-rows.js';
import { type OptimizeView, optimizeRows } from './optimize-rows.js';
import { StatsScopePicker } from './StatsScopePicker.js';
import { HARDEST_SHOWN, statsRows } from './stats-rows.js';
import { EVERY_DECK, hardestKeys, scopeChoices, scopeIndex, scopeLabel } from './stats-scope.js';

/** Where the Stats screen leads: back home, or a study session of its hardest cards. */
export type StatsExit = { name: 'home' } | { name: 'study'; scope: Scope };

/**
 * Every statistics series (core/stats.ts) with its chart, scrolled in a Viewport: today,
 * true retention, the forecast (`y`: a year), the calendar, card counts, distributions,
 * answer buttons, the hourly breakdown, the hardest cards (`h` studies them) and the exam
 * scores, for every deck, one deck or one objective (`s`).
 */
export function Stats({
  port,
  now,
  setView,
  onHelp,
}: {
  port: StudyPort;
  now: number;
  setView: (view: StatsExit) => void;
  onHelp: (screen: Screen) => void;
}) {
  const theme = useTheme();
  const { rows } = useTerminalSize();
  const width = useContext(WidthContext);
  // Statistics read the whole log: when the screen opens and when the scope changes, not
  // on every render (`now` is a new instant at each of the app's renders).
  const [{ scope, s }, setShown] = useState(() => ({
    scope: EVERY_DECK,
    s: port.stats(now, EVERY_DECK),
  }));
  const [picking, setPicking] = useState(false);
  const [year, setYear] = useState(false);
  const [opt, setOpt] = useState<OptimizeView>({ kind: 'idle' });
  const hardest = hardestKeys(s, HARDEST_SHOWN);
  const content = [
    ...optimizeRows(opt, width, { bold: { bold: true }, muted: { color: theme.muted } }),
    ...statsRows(s, {
      width,
      year,
      accent: { color: theme.accent },
      muted: { color: theme.muted },
      bold: { bold: true },
    }),
  ];
  const keys: Action[] = [
    ...(port.optimize ? (['optimize'] as const) : []),
    'scrollDown',
    'pageDown',
    'forecastYear',
    'scope',
    ...(hardest.length ? (['studyHardest'] as const) : []),
    'help',
    'quit',
  ];
  const footer = footerRows(hintParts(hint('stats', keys)), width, { color: theme.muted });
  const height = Math.max(3, rows - 1 - footer.length);
  // Another scope starts at the top.
  const view = useViewport(content.length, height, scope);
  const studyHardest = () =>
    setView({
      name: 'study',
      scope: {
        decks: scope.deck === null ? null : [scope.deck],
        tag: scope.objective,
        custom: { kind: 'cards', keys: hardest, label: 'hardest cards' },
      },
    });
  useKeypress(
    (key) => {
      const hit = actionFor('stats', key);
      if (!hit) return false;
      if (view.apply(hit.action)) return true;
      if (hit.action === 'forecastYear') setYear((y) => !y);
      else if (hit.action === 'scope') setPicking(true);
      else if (hit.action === 'studyHardest' && hardest.length) studyHardest();
      else if (hit.action === 'optimize' && port.optimize) {
        if (opt.kind === 'running') return true;
        setOpt({ kind: 'running', fraction: 0 });
        view.follow(0, 1);
        port
          .optimize(now, (fraction) =>
            setOpt((o) => (o.kind === 'running' ? { kind: 'running', fraction } : o)),
          )
          .then(
            (result) => setOpt({ kind: 'done', result }),
            (err: unknown) =>
              setOpt({ kind: 'failed', message: err instanceof Error ? err.message : String(err) }),
          );
      } else if (hit.action === 'quit') setView({ name: 'home' });
      else if (hit.action === 'help') onHelp('stats');
      else return false;
      return true;
    },
    { isActive: !picking },
  );
  if (picking) {
    const choices = scopeChoices(s.choices);
    return (
      <StatsScopePicker
        choices={choices}
        current={scopeIndex(choices, scope)}
        rows={rows}
        onPick={(c) => {
          setShown({ scope: c.scope, s: port.stats(now, c.scope) });
          setPicking(false);
        }}
        onCancel={() => setPicking(false)}
        onHelp={onHelp}
      />
    );
  }
  return (
    <Box flexDirection="column">
      <Text bold color={theme.accent} wrap="truncate-end">
        Statistics · {oneLine(scopeLabel(s))}
      </Text>
      <Viewport rows={content} height={height} top={view.top} />
      <Rows rows={footer} />
    </Box>
  );
}
