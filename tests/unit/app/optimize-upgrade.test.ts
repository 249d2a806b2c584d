// Fitted weights survive an upgrade: a version-1 data directory (tests/fixtures/store-v1)
// whose settings hold weights and their fit opens with both, and the upgraded snapshot
// written back keeps them.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { default_w } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { openCollection } from '../../../src/app/open.js';
import { SNAPSHOT_VERSION } from '../../../src/store/snapshot.js';

const FIXTURE = join(import.meta.dirname, '../../fixtures/store-v1');
const DECKS = join(import.meta.dirname, '../../fixtures/decks');
const NOW = Date.parse('2026-03-02T11:00:00Z');

describe('fitted weights across an upgrade', () => {
  it('keeps the weights and their fit from a version-1 snapshot', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'hr-opt-upgrade-')), 'data');
    cpSync(FIXTURE, dir, { recursive: true });
    const file = join(dir, 'state-old.json');
    const old = JSON.parse(readFileSync(file, 'utf8')) as { schema: number; settings: object };
    expect(old.schema).toBe(1);
    const weights = default_w.map((w, i) => (i === 0 ? 0.31 : Number(w.toFixed(4))));
    const fit = {
      at: '2026-03-01T09:00:00.000Z',
      reviews: 812,
      items: 530,
      logLossBefore: 0.51,
      logLossAfter: 0.47,
      trainedWith: { enableShortTerm: true, numRelearningSteps: 1 },
      weights,
    };
    old.settings = { ...old.settings, weights, weightsFit: fit };
    writeFileSync(file, JSON.stringify(old));
    const ctx = {
      root: join(import.meta.dirname, '../../..'),
      dataDir: dir,
      device: 'old',
      deckDirs: [DECKS],
      now: () => NOW,
    };
    const { collection, store } = await openCollection(ctx, false);
    try {
      expect(collection.settings().weights).toEqual(weights);
      expect(collection.settings().weightsFit).toEqual(fit);
    } finally {
      await store.close();
    }
    const snap = JSON.parse(readFileSync(file, 'utf8')) as { schema: number; settings: object };
    expect(snap.schema).toBe(SNAPSHOT_VERSION);
    expect(snap.settings).toMatchObject({ weights, weightsFit: fit });
  });
});
