// Starts the TUI on the alternate screen (clean redraws on resize, the shell's scrollback
// left as it was) and resolves once the user has quit.
import { render, renderToString } from 'ink';
import type { ReactElement } from 'react';
import type { ExamPort, LabPort, StudyPort } from '../core/ports.js';
import { App, type View } from './App.js';
import { exitTally } from './exit-summary.js';
import { type FrameHandoff, overwriting, takeFrameHandoff } from './frame-handoff.js';
import { KeypressProvider } from './keypress/KeypressContext.js';
import { LabContext } from './labs/LabContext.js';
import type { OpenEditor } from './screens/Study.js';
import { summaryLine } from './screens/Summary.js';
import { COLOR_THEME, PLAIN_THEME, ThemeContext } from './theme.js';

export interface TuiOptions {
  now: () => number;
  color: boolean;
  initial: View;
  exams?: ExamPort;
  /** Runs lab cards' commands; without it a lab is graded as a typed command. */
  labs?: LabPort;
  openEditor?: OpenEditor;
}

/**
 * Returns a one-line summary of the session that just ended (finished, or left with q or
 * Ctrl+C part way), to print after the screen closes.
 */
export async function runTui(port: StudyPort, opts: TuiOptions): Promise<string | null> {
  const tally = exitTally(port);
  const handoff = takeFrameHandoff();
  if (!handoff?.preRendered) process.stdout.write('\x1b[?1049h\x1b[H');
  if (handoff) watchFirstFrame(handoff, () => port.settings().dayStartsAt);
  const tree = (now: () => number, initial: View): ReactElement => (
    <ThemeContext.Provider value={opts.color ? COLOR_THEME : PLAIN_THEME}>
      <KeypressProvider>
        <LabContext.Provider value={opts.labs ?? null}>
          <App
            port={tally.port}
            now={now}
            initial={initial}
            {...(opts.exams ? { exams: opts.exams } : {})}
            {...(opts.openEditor ? { openEditor: opts.openEditor } : {})}
            onSummary={(s) => tally.finished(s)}
          />
        </LabContext.Provider>
      </KeypressProvider>
    </ThemeContext.Provider>
  );
  const app = render(tree(opts.now, opts.initial), { exitOnCtrlC: true, patchConsole: false });
  try {
    await app.waitUntilExit();
  } finally {
    process.stdout.write('\x1b[?1049l');
  }
  // The home screen as the next start will find it: drawn as the process ends, when the
  // store has written all it will (cli/first-frame.ts).
  handoff?.onQuit((at) => homeFrameAt(tree, at), port.settings().dayStartsAt);
  const s = tally.summary(opts.now());
  return s ? `hyperrecall: ${summaryLine(s, opts.now())}` : null;
}

/**
 * The home screen's first frame at the instant `at`, as Ink would write it to this terminal
 * (its frame and a line end); null when it cannot be drawn off screen.
 */
function homeFrameAt(
  tree: (now: () => number, initial: View) => ReactElement,
  at: number,
): string | null {
  try {
    const columns = process.stdout.columns || 80;
    return `${renderToString(
      tree(() => at, { name: 'home' }),
      { columns },
    )}\n`;
  } catch {
    return null;
  }
}

/**
 * Catches Ink's first frame on its way to the terminal: drawn over the frame shown before
 * Ink loaded, if there is one, and handed back to be kept for the next start. Ink writes a
 * frame in one call, between its synchronized-update and cursor escapes (short writes that
 * start with ESC and hold no line), which pass through untouched.
 */
function watchFirstFrame(handoff: FrameHandoff, dayStartsAt: () => number): void {
  const out = process.stdout;
  const write = out.write;
  const restore = () => {
    out.write = write;
  };
  out.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const isFrame = text.includes('\n') || !text.startsWith('\x1b');
    if (!isFrame) return (write as (...a: unknown[]) => boolean).call(out, chunk, ...rest);
    restore();
    const ok = (write as (...a: unknown[]) => boolean).call(
      out,
      handoff.preRendered ? overwriting(text) : text,
      ...rest,
    );
    handoff.onFirstFrame(text, dayStartsAt());
    return ok;
  }) as typeof out.write;
}
