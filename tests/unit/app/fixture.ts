// A collection over the fixture deck in a fresh data directory; stores close after each test.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { Collection } from '../../../src/app/collection.js';
import { ExamService } from '../../../src/app/exams.js';
import type { Card, Grade } from '../../../src/core/model.js';
import type { UndoOutcome, Written } from '../../../src/core/ports.js';
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

/** The value of a save that must have succeeded. */
export function ok<T>(w: Written<T>): T {
  if (!w.ok) throw new Error(`save failed: ${w.error}`);
  return w.value;
}

/** The card an undo brings back; null when it took nothing back. */
export function undone(w: Written<UndoOutcome>): Card | null {
  const r = ok(w);
  return r.kind === 'undone' ? r.card : null;
}

/** Answers a card as the study screen does: with the memory it had when shown. */
export function answer(c: Collection, card: Card, grade: Grade, now: number, tookMs = 1000) {
  return ok(c.answer({ card, grade, now, tookMs, shown: c.memory(card.key) }));
}
