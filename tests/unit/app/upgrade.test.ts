// A data directory written by hyperrecall 0.1 (tests/fixtures/store-v1: made with the 0.1
// build: two answers, a flag, new-per-day 7 and desired-retention 0.85, an exam quit after
// one answer, the old unversioned deck cache) opens in this version with nothing lost.
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExamService } from '../../../src/app/exams.js';
import { openCollection } from '../../../src/app/open.js';
import { SNAPSHOT_VERSION } from '../../../src/store/snapshot.js';

const FIXTURE = join(import.meta.dirname, '../../fixtures/store-v1');
const DECKS = join(import.meta.dirname, '../../fixtures/decks');
const NOW = Date.parse('2026-03-02T11:00:00Z');

function copy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'hr-upgrade-')), 'data');
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

const ctx = (dataDir: string) => ({
  root: join(import.meta.dirname, '../../..'),
  dataDir,
  device: 'old',
  deckDirs: [DECKS],
  now: () => NOW,
});

describe('upgrading a 0.1 data directory', () => {
  it('keeps settings, progress, marks and the exam in progress, and writes the current version', async () => {
    const dir = copy();
    const { collection, store } = await openCollection(ctx(dir), false);
    try {
      expect(store.notices).toEqual([]);
      expect(collection.settings()).toMatchObject({ newPerDay: 7, desiredRetention: 0.85 });
      expect(store.progress.reviews).toBe(2);
      expect(Object.keys(store.progress.cards).sort()).toEqual([
        'sample/default-bridge',
        'sample/forward-without-mode',
      ]);
      expect(collection.marks('sample/cpu-flags')).toEqual({ flagged: true });
      expect(store.verify()).toEqual([]);
      const saved = new ExamService(collection, store, 'old').inProgress();
      expect(saved?.exam.keys).toHaveLength(3);
      expect(saved?.exam.answers[0]).toEqual([0]);
      // The answer given before the upgrade can still be taken back.
      const undone = collection.undo(NOW);
      expect(undone.ok && undone.value.kind === 'undone' && undone.value.card.key).toBe(
        'sample/forward-without-mode',
      );
    } finally {
      await store.close();
    }
    const snap = JSON.parse(readFileSync(join(dir, 'state-old.json'), 'utf8')) as {
      schema: number;
      settings: unknown;
    };
    expect(snap.schema).toBe(SNAPSHOT_VERSION);
    expect(snap.settings).toEqual({ newPerDay: 7, desiredRetention: 0.85 });
  });

  it('a reader upgrades in memory and writes nothing', async () => {
    const dir = copy();
    const before = readFileSync(join(dir, 'state-old.json'), 'utf8');
    const { collection, store } = await openCollection(ctx(dir), true);
    expect(collection.settings().newPerDay).toBe(7);
    expect(store.progress.reviews).toBe(2);
    await store.close();
    expect(readFileSync(join(dir, 'state-old.json'), 'utf8')).toBe(before);
  });
});
