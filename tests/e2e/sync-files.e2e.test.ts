// What `sync` carries and what it leaves: logs and the user's decks go, caches, locks,
// device files, conflict copies and set-aside files stay; a log that is not an extension
// of what was synced is never sent (it would take records away from every device).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostName } from '../../src/store/device.js';
import { studyOn } from '../helpers/study-on.js';
import { DAY1, World } from './sync-world.js';

const T1 = Date.parse(DAY1);
const DECK =
  'id: mine\ntitle: Mine\ncards:\n  - {id: q1, type: basic, front: "Q?", back: "A", ref: t}\n';

// Each sync runs git a dozen times: on a loaded machine a test takes tens of seconds.
describe('sync: which files', { timeout: 120_000 }, () => {
  it("carries the user's decks, added and deleted; never caches, locks, copies or set-aside files", async () => {
    const w = new World();
    w.ok('a', ['sync', '--init', w.remote]);
    w.ok('b', ['sync', '--init', w.remote]);
    await studyOn(w.dir('a'), 'a', w.deckDir, 2, T1);
    const a = w.dir('a');
    mkdirSync(join(a, 'decks'), { recursive: true });
    writeFileSync(join(a, 'decks', 'mine.yaml'), DECK);
    const copy = 'reviews-b.sync-conflict-20261202-101010-ABC.jsonl';
    for (const f of [
      copy,
      'reviews-b (conflicted copy).jsonl',
      'reviews-a.jsonl.torn-5',
      'state-a.json.corrupt-1',
    ])
      writeFileSync(join(a, f), '{}\n');
    mkdirSync(join(a, 'cache'), { recursive: true });
    writeFileSync(join(a, 'cache', 'x.json'), '{}');
    w.ok('a', ['sync']);
    expect(
      w.git(w.remote, 'ls-tree', '-r', '--name-only', 'main').split('\n').filter(Boolean),
    ).toEqual(['.gitignore', 'decks/mine.yaml', 'reviews-a.jsonl']);
    w.ok('b', ['sync']);
    expect(readFileSync(join(w.dir('b'), 'decks', 'mine.yaml'), 'utf8')).toBe(DECK);
    expect(JSON.parse(w.ok('b', ['decks', '--json'])).map((d: { id: string }) => d.id)).toContain(
      'mine',
    );
    rmSync(join(a, 'decks', 'mine.yaml'));
    w.ok('a', ['sync']);
    w.ok('b', ['sync']);
    expect(() => readFileSync(join(w.dir('b'), 'decks', 'mine.yaml'))).toThrow();
  });

  it('a log cut short or rewritten after it was synced is not sent, and says so', async () => {
    const w = new World();
    w.ok('a', ['sync', '--init', w.remote]);
    await studyOn(w.dir('a'), 'a', w.deckDir, 3, T1);
    w.ok('a', ['sync']);
    const log = join(w.dir('a'), 'reviews-a.jsonl');
    const synced = readFileSync(log, 'utf8');
    writeFileSync(log, `${synced.split('\n')[0]}\n`);
    const before = w.git(w.remote, 'rev-parse', 'main');
    const r = w.cli('a', ['sync']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('reviews-a.jsonl is not an extension of its last synced version');
    expect(w.git(w.remote, 'rev-parse', 'main')).toBe(before);
    expect(w.git(w.remote, 'show', 'main:reviews-a.jsonl')).toBe(synced);
  });

  it('after `config set device`, the log under the former name leaves the repository, on every device', async () => {
    const w = new World();
    const a = w.dir('a');
    w.ok('a', ['sync', '--init', w.remote]);
    w.ok('b', ['sync', '--init', w.remote]);
    await studyOn(a, 'a', w.deckDir, 3, T1);
    w.ok('a', ['sync']);
    w.ok('b', ['sync']);
    // Without $HYPERRECALL_DEVICE the name comes from this host's device file, as for a user.
    const asUser = { env: { HYPERRECALL_DEVICE: '' } };
    writeFileSync(join(a, `device-${hostName()}.json`), '{"device":"a"}\n');
    expect(w.cli('a', ['config', 'set', 'device', 'laptop'], asUser).code).toBe(0);
    expect(w.cli('a', ['sync'], asUser).code).toBe(0);
    expect(
      w.git(w.remote, 'ls-tree', '-r', '--name-only', 'main').split('\n').filter(Boolean),
    ).toEqual(['.gitignore', 'reviews-laptop.jsonl']);
    expect(w.git(a, 'status', '--porcelain')).toBe('');
    w.ok('b', ['sync']);
    expect(existsSync(join(w.dir('b'), 'reviews-a.jsonl'))).toBe(false);
    const b = JSON.parse(w.ok('b', ['status', '--json']));
    expect(b.reviewedToday).toBe(3);
    expect(JSON.parse(w.cli('a', ['status', '--json'], asUser).out)).toEqual(b);
  });
});
