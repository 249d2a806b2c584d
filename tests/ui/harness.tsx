// Renders the real App over a temporary store and the fixture deck, at a fixed width.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { Collection } from '../../src/cli/services/collection.js';
import { ExamService } from '../../src/cli/services/exams.js';
import { loadDecks } from '../../src/decks/load.js';
import { Store } from '../../src/store/store.js';
import { App, type View } from '../../src/ui/App.js';
import { PLAIN_THEME, ThemeContext } from '../../src/ui/theme.js';

export const T0 = Date.parse('2026-03-02T10:00:00Z');
export const FIXTURES = join(import.meta.dirname, '../fixtures/decks');

export const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));

export async function openFixture(dataDir = mkdtempSync(join(tmpdir(), 'hr-ui-'))) {
  const store = await Store.open({ dataDir, device: 'test', now: () => T0, readOnly: false });
  const collection = new Collection(await loadDecks([FIXTURES]), store, 'test', () =>
    loadDecks([FIXTURES]),
  );
  // A fixed seed: the same questions in the same order on every run.
  return { store, collection, dataDir, exams: new ExamService(collection, store, 'test', () => 7) };
}

export async function renderApp(
  collection: Collection,
  initial: View,
  columns = 80,
  rows = 24,
  exams?: ExamService,
  now: () => number = () => T0,
) {
  const r = render(
    <ThemeContext.Provider value={PLAIN_THEME}>
      <App port={collection} now={now} initial={initial} {...(exams ? { exams } : {})} />
    </ThemeContext.Provider>,
  );
  Object.defineProperty(r.stdout, 'columns', { get: () => columns, configurable: true });
  Object.defineProperty(r.stdout, 'rows', { get: () => rows, configurable: true });
  r.stdout.emit('resize');
  await tick();
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      r.stdin.write(k);
      await tick();
    }
  };
  const frame = () => r.lastFrame() ?? '';
  /** The letter shown for a choice, read off the screen (choices are shuffled). */
  const letterOf = (text: string) => {
    const line = frame()
      .split('\n')
      .find((l) => l.includes(`) ${text}`));
    const m = line?.match(/([a-h])\) /);
    if (!m) throw new Error(`choice '${text}' not on screen:\n${frame()}`);
    return m[1]!;
  };
  return { ...r, press, frame, letterOf };
}

export const ENTER = '\r';
export const DOWN = '\u001B[B';
export const ESC = '\u001B';
