// Renders the real App over a temporary store and a fixture deck, at a fixed size. Nothing
// here sleeps a fixed time: a key is done when the keypress queue is idle and the frame has
// stopped changing, and assertions poll the frame with waitFor.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { Collection } from '../../src/app/collection.js';
import { ExamService } from '../../src/app/exams.js';
import type { LabPort } from '../../src/core/ports.js';
import { loadDecks } from '../../src/decks/load.js';
import { Store } from '../../src/store/store.js';
import { App, type AppProps, type View } from '../../src/ui/App.js';
import { KeypressProvider } from '../../src/ui/keypress/KeypressContext.js';
import { KeypressQueue } from '../../src/ui/keypress/keypress-queue.js';
import { LabContext } from '../../src/ui/labs/LabContext.js';
import { PLAIN_THEME, ThemeContext } from '../../src/ui/theme.js';

export const T0 = Date.parse('2026-03-02T10:00:00Z');
export const FIXTURES = join(import.meta.dirname, '../fixtures/decks');
/** Decks made for the UI tests (long cards, two cards, ...). */
export const UI_FIXTURES = join(import.meta.dirname, '../fixtures/ui');

export const ENTER = '\r';
export const UP = '\u001B[A';
export const DOWN = '\u001B[B';
export const ESC = '\u001B';
export const PGDN = '\u001B[6~';

/** One turn of the event loop: timers, then the check phase (React's scheduler, Ink). */
const turn = () => new Promise<void>((r) => setTimeout(() => setImmediate(r), 0));

export async function openFixture(deckDir = FIXTURES) {
  const dataDir = mkdtempSync(join(tmpdir(), 'hr-ui-'));
  const store = await Store.open({ dataDir, device: 'test', now: () => T0, readOnly: false });
  const load = () => loadDecks([deckDir]);
  const collection = new Collection(await load(), store, 'test', load);
  // A fixed seed: the same questions in the same order on every run.
  return { store, collection, dataDir, exams: new ExamService(collection, store, 'test', () => 7) };
}

export interface RenderOptions {
  columns?: number;
  rows?: number;
  exams?: ExamService;
  now?: () => number;
  openEditor?: AppProps['openEditor'];
  /** The lab runner the screens get (LabContext); absent: labs grade as typed commands. */
  labs?: LabPort;
}

export async function renderApp(collection: Collection, initial: View, opts: RenderOptions = {}) {
  const { columns = 80, rows = 24, exams, now = () => T0, openEditor, labs = null } = opts;
  const queue = new KeypressQueue();
  const r = render(
    <ThemeContext.Provider value={PLAIN_THEME}>
      <KeypressProvider queue={queue} exitOnCtrlC={false}>
        <LabContext.Provider value={labs}>
          <App
            port={collection}
            now={now}
            initial={initial}
            {...(exams ? { exams } : {})}
            {...(openEditor ? { openEditor } : {})}
          />
        </LabContext.Provider>
      </KeypressProvider>
    </ThemeContext.Provider>,
  );
  Object.defineProperty(r.stdout, 'columns', { get: () => columns, configurable: true });
  Object.defineProperty(r.stdout, 'rows', { get: () => rows, configurable: true });
  r.stdout.emit('resize');
  const frame = () => r.lastFrame() ?? '';

  /** Until the queue has dispatched every key and two turns pass without a new frame. */
  const settle = async () => {
    let quiet = 0;
    while (quiet < 2) {
      await queue.whenIdle();
      const before = r.frames.length;
      await turn();
      quiet = r.frames.length === before && queue.isIdle() ? quiet + 1 : 0;
    }
  };

  /** Polls the frame until it contains the text (or the predicate holds); fails after timeoutMs. */
  const waitFor = async (
    expected: string | RegExp | ((frame: string) => boolean),
    timeoutMs = 10_000,
  ): Promise<string> => {
    const ok = (f: string) =>
      typeof expected === 'function'
        ? expected(f)
        : typeof expected === 'string'
          ? f.includes(expected)
          : expected.test(f);
    const deadline = Date.now() + timeoutMs;
    while (!ok(frame())) {
      if (Date.now() > deadline)
        throw new Error(`waitFor(${String(expected)}) timed out; last frame:\n${frame()}`);
      await turn();
    }
    return frame();
  };

  /** Types each key in its own read and waits for the app to settle after it. */
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      r.stdin.write(k);
      await settle();
    }
  };

  /** Several keys in ONE read, as a fast typist or a paste delivers them. */
  const burst = async (keys: string) => {
    r.stdin.write(keys);
    await settle();
  };

  /** The letter shown for a choice, read off the screen (choices are shuffled). */
  const letterOf = (text: string) => {
    const line = frame()
      .split('\n')
      .find((l) => l.includes(`) ${text}`));
    const m = line?.match(/([a-i])\) /);
    if (!m) throw new Error(`choice '${text}' not on screen:\n${frame()}`);
    return m[1]!;
  };

  await settle();
  await waitFor((f) => f.trim() !== '');
  return { ...r, frame, press, burst, waitFor, settle, letterOf, queue };
}

export type Ui = Awaited<ReturnType<typeof renderApp>>;

/** Polls a condition outside the frame (the store, a saved exam) until it holds. */
export async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`until(${check.toString()}) timed out`);
    await turn();
  }
}
