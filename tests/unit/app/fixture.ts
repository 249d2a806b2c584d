// A collection over the fixture deck in a fresh data directory; stores close after each test.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { Collection } from '../../../src/cli/services/collection.js';
import { ExamService } from '../../../src/cli/services/exams.js';
import { loadDecks } from '../../../src/decks/load.js';
import { Store } from '../../../src/store/store.js';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/decks');
export const T0 = Date.parse('2026-03-02T10:00:00Z');

const open: Store[] = [];
afterEach(async () => {
  await closeAll();
});

export async function closeAll(): Promise<void> {
  for (const s of open.splice(0)) await s.close();
}

export async function openFixture(dir = mkdtempSync(join(tmpdir(), 'hr-col-'))) {
  const store = await Store.open({ dataDir: dir, device: 'dev', now: () => T0, readOnly: false });
  open.push(store);
  const load = () => loadDecks([FIXTURES]);
  const c = new Collection(await load(), store, 'dev', load);
  return { c, exams: new ExamService(c, store, 'dev'), store, dir };
}
