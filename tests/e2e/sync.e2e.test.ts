// `hyperrecall sync` between devices of one learner through a local bare repository: every
// device ends with the same progress whatever the order of syncs, nothing is doubled, and
// the daily limits and the streak count every device's answers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { studyOn } from '../helpers/study-on.js';
import { DAY1, World } from './sync-world.js';

const T1 = Date.parse(DAY1);
const DAY2 = '2026-03-03T10:00:00Z';
const T2 = Date.parse(DAY2);

const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);

// Each sync runs git a dozen times: on a loaded machine a test takes tens of seconds.
describe('sync through git', { timeout: 120_000 }, () => {
  it('two devices, 10 cards each on the same day, sync on both twice: the same progress, nothing doubled', async () => {
    const w = new World();
    expect(w.ok('a', ['sync', '--init', w.remote])).toMatch(/^sync: /);
    expect(w.ok('b', ['sync', '--init', 'remote.git'])).toMatch(/^sync: /); // relative to the cwd
    await studyOn(w.dir('a'), 'a', w.deckDir, 10, T1);
    await studyOn(w.dir('b'), 'b', w.deckDir, 10, T1 + 30_000);
    expect(w.ok('a', ['sync'])).toBe('sync: sent 10 records\n');
    expect(w.ok('b', ['sync'])).toBe('sync: sent 10 records, received 10 records from a\n');
    expect(w.ok('a', ['sync'])).toBe('sync: received 10 records from b\n');
    expect(w.ok('b', ['sync'])).toBe('sync: up to date: nothing to send or receive\n');
    const a = w.view('a');
    expect(w.view('b')).toEqual(a);
    expect(a.status).toMatchObject({ streak: 1 });
    for (const d of ['a', 'b'])
      for (const log of ['reviews-a.jsonl', 'reviews-b.jsonl'])
        expect(lines(join(w.dir(d), log))).toHaveLength(10);
    // Both devices answered the same 10 new cards: each card has two answers, not four.
    const stats = JSON.parse(w.ok('a', ['stats', '--json'])) as { today: { reviews: number } };
    expect(JSON.stringify(stats)).toContain('"reviews":20');
    // Only what every device shares is in the repository.
    expect(w.git(w.dir('a'), 'ls-files').split('\n').filter(Boolean).sort()).toEqual([
      '.gitignore',
      'reviews-a.jsonl',
      'reviews-b.jsonl',
    ]);
  });

  it('the streak counts days studied on either device', async () => {
    const w = new World();
    w.ok('a', ['sync', '--init', w.remote]);
    w.ok('b', ['sync', '--init', w.remote]);
    await studyOn(w.dir('a'), 'a', w.deckDir, 5, T1);
    w.ok('a', ['sync'], DAY1);
    await studyOn(w.dir('b'), 'b', w.deckDir, 5, T2);
    w.ok('b', ['sync'], DAY2);
    w.ok('a', ['sync'], DAY2);
    const a = w.view('a', DAY2);
    expect(a.status).toMatchObject({ streak: 2 });
    expect(w.view('b', DAY2)).toEqual(a);
  });

  it("the daily new-card limit counts the other device's answers once they are synced", async () => {
    const w = new World();
    w.ok('a', ['sync', '--init', w.remote]);
    w.ok('b', ['sync', '--init', w.remote]);
    const a = await studyOn(w.dir('a'), 'a', w.deckDir, 10, T1, { newPerDay: 15 });
    await studyOn(w.dir('b'), 'b', w.deckDir, 0, T1, { newPerDay: 15 });
    expect(JSON.parse(w.ok('b', ['status', '--json']))).toMatchObject({ new: 15 });
    w.ok('a', ['sync']);
    w.ok('b', ['sync']);
    expect(JSON.parse(w.ok('b', ['status', '--json']))).toMatchObject({ new: 5 });
    // B now studies all it is given: 5 new cards besides A's 10, whose steps come due.
    const b = await studyOn(w.dir('b'), 'b', w.deckDir, 40, T1 + 3_600_000, { newPerDay: 15 });
    expect(b.ranOut).toBe(true);
    expect(new Set(b.keys.filter((k) => !a.keys.includes(k))).size).toBe(5);
  });

  it('three devices study the same cards the same day and sync in every order: all agree', async () => {
    const orders = [
      ['a', 'b', 'c'],
      ['a', 'c', 'b'],
      ['b', 'a', 'c'],
      ['b', 'c', 'a'],
      ['c', 'a', 'b'],
      ['c', 'b', 'a'],
    ];
    let first: unknown = null;
    for (const order of orders) {
      const w = new World();
      for (const d of order) await w.sync(d, true);
      // The same first cards on every device, with different grades: same card, same day.
      await studyOn(w.dir('a'), 'a', w.deckDir, 4, T1, { grade: 3 });
      await studyOn(w.dir('b'), 'b', w.deckDir, 4, T1 + 10_000, { grade: 1 });
      await studyOn(w.dir('c'), 'c', w.deckDir, 4, T1 + 20_000, { grade: 4 });
      for (const d of order) await w.sync(d);
      for (const d of order) await w.sync(d);
      const folds = await Promise.all(order.map((d) => w.fold(d)));
      for (const f of folds) expect(f).toEqual(folds[0]);
      // And the same as every other order gave.
      first ??= folds[0];
      expect(folds[0]).toEqual(first);
      if (order === orders[0]) {
        const views = order.map((d) => w.view(d, '2026-03-02T12:00:00Z'));
        for (const v of views) expect(v).toEqual(views[0]);
      }
    }
  }, 400_000);
});
