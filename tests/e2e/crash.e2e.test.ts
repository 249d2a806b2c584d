// kill -9 never loses an acknowledged review, and the store opens cleanly as a writer at
// once afterwards (the dead owner's lock is broken, a torn line is cut off and kept).
// SIGKILL keeps the page cache, so this checks that the write comes before the
// acknowledgement and that recovery is exact; fsync is what covers power loss. Kills come
// a chosen number of acknowledgements after the first, never after a fixed delay.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { bundle, Child, poll } from '../helpers/child.js';

async function killAfterAcks(script: string, dataDir: string, acks: number): Promise<string[]> {
  const child = new Child(script, [dataDir]);
  try {
    const enough = await poll(() => child.lines.length >= acks, 30_000);
    if (!enough) throw new Error(`only ${child.lines.length} acknowledgements within 30 s`);
    await child.kill();
    // A line the kill cut short was never acknowledged: only complete lines count.
    return child.lines.filter((l) => /^r-\d+-\d+$/.test(l));
  } finally {
    await child.kill();
  }
}

describe('crash safety', () => {
  it('every review acknowledged before SIGKILL is there after a restart as a writer', async () => {
    const script = await bundle(join(import.meta.dirname, 'crash-runner.ts'));
    for (const acks of [1, 3, 17, 60, 150]) {
      const dataDir = mkdtempSync(join(tmpdir(), 'hr-crash-data-'));
      const acked = await killAfterAcks(script, dataDir, acks);
      expect(acked.length).toBeGreaterThanOrEqual(acks);
      const store = await Store.open({ dataDir, device: 'crash', now: () => 0, readOnly: false });
      try {
        const stored = new Set(store.readAllRecords().map((r) => r.id));
        expect(acked.filter((id) => !stored.has(id))).toEqual([]);
        expect(store.progress.reviews).toBe(stored.size);
        expect(store.verify()).toEqual([]);
        for (const n of store.notices) expect(n).toMatch(/unfinished log line was cut off/);
      } finally {
        await store.close();
      }
    }
  });
});
