// Starts the TUI on the alternate screen (clean redraws on resize, the shell's scrollback
// left as it was) and resolves once the user has quit.
import { render } from 'ink';
import type { ExamPort, StudyPort } from '../core/ports.js';
import { App, type View } from './App.js';
import { exitTally } from './exit-summary.js';
import { KeypressProvider } from './keypress/KeypressContext.js';
import type { OpenEditor } from './screens/Study.js';
import { summaryLine } from './screens/Summary.js';
import { COLOR_THEME, PLAIN_THEME, ThemeContext } from './theme.js';

export interface TuiOptions {
  now: () => number;
  color: boolean;
  initial: View;
  exams?: ExamPort;
  openEditor?: OpenEditor;
}

/**
 * Returns a one-line summary of the session that just ended (finished, or left with q or
 * Ctrl+C part way), to print after the screen closes.
 */
export async function runTui(port: StudyPort, opts: TuiOptions): Promise<string | null> {
  const tally = exitTally(port);
  process.stdout.write('\x1b[?1049h\x1b[H');
  const app = render(
    <ThemeContext.Provider value={opts.color ? COLOR_THEME : PLAIN_THEME}>
      <KeypressProvider>
        <App
          port={tally.port}
          now={opts.now}
          initial={opts.initial}
          {...(opts.exams ? { exams: opts.exams } : {})}
          {...(opts.openEditor ? { openEditor: opts.openEditor } : {})}
          onSummary={(s) => tally.finished(s)}
        />
      </KeypressProvider>
    </ThemeContext.Provider>,
    { exitOnCtrlC: true, patchConsole: false },
  );
  try {
    await app.waitUntilExit();
  } finally {
    process.stdout.write('\x1b[?1049l');
  }
  const s = tally.summary(opts.now());
  return s ? `hyperrecall: ${summaryLine(s, opts.now())}` : null;
}
