// Starts the TUI on the alternate screen (clean redraws on resize, the shell's scrollback
// left as it was) and resolves once the user has quit.
import { render } from 'ink';
import type { ExamPort, StudyPort } from '../core/ports.js';
import { App, type View } from './App.js';
import { exitTally } from './exit-summary.js';
import { type FrameHandoff, overwriting, takeFrameHandoff } from './frame-handoff.js';
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
  const handoff = takeFrameHandoff();
  if (!handoff?.preRendered) process.stdout.write('\x1b[?1049h\x1b[H');
  if (handoff) watchFirstFrame(handoff, () => port.settings().dayStartsAt);
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
