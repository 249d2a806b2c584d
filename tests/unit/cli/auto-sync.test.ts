// sync-auto: the TUI's sync on start and quit. Off unless the data directory syncs and the
// setting is on; its result is one line; a failure is told and studying goes on.
import { renameSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { autoSync } from '../../../src/cli/auto-sync.js';
import { makeContext } from '../../../src/cli/context.js';
import { DAY1, World } from '../../e2e/sync-world.js';
import { studyOn } from '../../helpers/study-on.js';

const T1 = Date.parse(DAY1);

describe('sync-auto', () => {
  it('syncs on start and quit only when the directory syncs and the setting is on', async () => {
    const w = new World();
    const ctx = makeContext({ dataDir: w.dir('a') }, w.env('a'));
    const lines: string[] = [];
    const out = (l: string) => lines.push(l);
    expect(await autoSync(ctx, 'start', out)).toBeNull(); // not set up for sync
    await w.sync('a', true);
    await w.sync('b', true);
    expect(await autoSync(ctx, 'start', out)).toBeNull(); // the setting is off
    await studyOn(w.dir('a'), 'a', w.deckDir, 0, T1, { settings: { 'sync-auto': 'true' } });
    await studyOn(w.dir('b'), 'b', w.deckDir, 3, T1);
    await w.sync('b');
    expect(await autoSync(ctx, 'start', out)).toBe(
      'hyperrecall: sync on start: sent 1 record, received 3 records from b',
    );
    await studyOn(w.dir('a'), 'a', w.deckDir, 2, T1 + 60_000);
    expect(await autoSync(ctx, 'quit', out)).toBe('hyperrecall: sync on quit: sent 2 records');
    renameSync(w.remote, `${w.remote}.away`);
    expect(await autoSync(ctx, 'start', out)).toMatch(
      /^hyperrecall: sync on start failed: the remote cannot be reached \(.*\); nothing is lost.* \(studying with what is here\)$/,
    );
    expect(lines).toHaveLength(3);
  }, 120_000);
});
