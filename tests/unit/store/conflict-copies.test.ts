// Sync tools' conflict copies: recognised by name, read with the logs (a record counts once),
// reported as two machines writing as one device, and folded in by doctor --fix.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findClashes,
  findConflictCopies,
  foldConflictCopies,
  mergeDataDir,
} from '../../../src/app/merge.js';
import { answerTable } from '../../../src/store/answer-index.js';
import { conflictBase } from '../../../src/store/conflict-copies.js';
import { listLogFiles, logDevice } from '../../../src/store/review-log.js';
import { Store } from '../../../src/store/store.js';
import { line, review, T0 } from '../../helpers/records.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'hr-conflict-'));
const open = (dataDir: string, device = 'b', readOnly = false) =>
  Store.open({ dataDir, device, now: () => T0 + 3_600_000, readOnly });
const rec = (i: number) => ({ ...review(i), id: `a-${i.toString(36)}-0000000${i % 10}` });

describe('conflict copy names', () => {
  it('Syncthing, Dropbox and Nextcloud copies name the file they copy', () => {
    expect(conflictBase('reviews-laptop.sync-conflict-20261202-101010-ABC.jsonl')).toBe(
      'reviews-laptop.jsonl',
    );
    expect(conflictBase('reviews-laptop (conflicted copy).jsonl')).toBe('reviews-laptop.jsonl');
    expect(conflictBase("reviews-laptop (host's conflicted copy 2026-12-02).jsonl")).toBe(
      'reviews-laptop.jsonl',
    );
    expect(conflictBase('reviews-laptop (conflicted copy 2026-12-02 101010).jsonl')).toBe(
      'reviews-laptop.jsonl',
    );
    expect(conflictBase('state-laptop.sync-conflict-20261202-101010-ABC.json')).toBe(
      'state-laptop.json',
    );
    expect(conflictBase('reviews-laptop.jsonl')).toBeNull();
    expect(conflictBase('reviews-laptop.jsonl.torn-5')).toBeNull();
    expect(logDevice('reviews-laptop (conflicted copy).jsonl')).toBe('laptop');
  });

  it('log copies are listed with the logs; other copies are not', () => {
    const dir = tmp();
    for (const n of [
      'reviews-a.jsonl',
      'reviews-a (conflicted copy).jsonl',
      'reviews-a.sync-conflict-20261202-101010-ABC.jsonl',
      'state-a.sync-conflict-20261202-101010-ABC.json',
      'exam-a (conflicted copy).json',
    ])
      writeFileSync(join(dir, n), '');
    mkdirSync(join(dir, 'cache'));
    writeFileSync(join(dir, 'cache', 'decks (conflicted copy).json'), '');
    expect(listLogFiles(dir)).toEqual([
      'reviews-a (conflicted copy).jsonl',
      'reviews-a.jsonl',
      'reviews-a.sync-conflict-20261202-101010-ABC.jsonl',
    ]);
    expect(findConflictCopies(dir)).toEqual({
      logs: [
        'reviews-a (conflicted copy).jsonl',
        'reviews-a.sync-conflict-20261202-101010-ABC.jsonl',
      ],
      others: [
        join('cache', 'decks (conflicted copy).json'),
        'exam-a (conflicted copy).json',
        'state-a.sync-conflict-20261202-101010-ABC.json',
      ],
    });
  });
});

describe('a data directory with conflict copies', () => {
  /** Device a's log, and a conflict copy that has two answers more (the other machine's). */
  function synced(): string {
    const dir = tmp();
    writeFileSync(join(dir, 'reviews-a.jsonl'), [0, 1, 2].map((i) => line(rec(i))).join(''));
    writeFileSync(
      join(dir, 'reviews-a.sync-conflict-20261202-101010-ABC.jsonl'),
      [0, 1, 3, 4].map((i) => line(rec(i))).join(''),
    );
    writeFileSync(join(dir, 'state-a (conflicted copy).json'), '{}');
    return dir;
  }

  it('counts every record once and says two machines write as one device', async () => {
    const dir = synced();
    const s = await open(dir, 'b', true);
    expect(s.progress.reviews).toBe(5);
    expect(s.readAllRecords()).toHaveLength(5);
    // Statistics' answer table too, built fresh and then from its cache.
    expect(answerTable(dir).rows).toBe(5);
    expect(answerTable(dir).rows).toBe(5);
    expect(s.notices.join('\n')).toMatch(
      /sync-conflict.*two machines write as device a; run `hyperrecall config set device NEW` on one of them/,
    );
    await s.close();
  });

  it('doctor --fix appends what the logs lack to this device’s log, then removes every copy', async () => {
    const dir = synced();
    const s = await open(dir);
    expect(foldConflictCopies(s)).toEqual({
      added: 2,
      removed: [
        'reviews-a.sync-conflict-20261202-101010-ABC.jsonl',
        'state-a (conflicted copy).json',
      ],
    });
    expect(s.progress.reviews).toBe(5);
    expect(s.verify()).toEqual([]);
    await s.close();
    expect(readdirSync(dir).filter((n) => n.includes('conflict'))).toEqual([]);
    const again = await open(dir);
    expect(again.notices).toEqual([]);
    expect(again.progress.reviews).toBe(5);
    expect(foldConflictCopies(again)).toEqual({ added: 0, removed: [] });
    // Copies keep their ids: these answers are still device a's, not this device's to undo.
    expect(again.progress.lastAnswer).toBeNull();
    await again.close();
  });

  it('a copy that arrives after the answer table was cached adds only what is new', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'reviews-a.jsonl'), [0, 1, 2].map((i) => line(rec(i))).join(''));
    expect(answerTable(dir).rows).toBe(3);
    writeFileSync(
      join(dir, 'reviews-a (conflicted copy).jsonl'),
      [0, 1, 3].map((i) => line(rec(i))).join(''),
    );
    expect(answerTable(dir).rows).toBe(4);
  });

  it('records with one id and two contents are found', () => {
    const dir = synced();
    writeFileSync(join(dir, 'reviews-c.jsonl'), line({ ...rec(1), tookMs: 99 }));
    expect(findClashes(dir)).toEqual([rec(1).id]);
  });
});

describe('merge OTHER_DIR', () => {
  it('adds what is missing, once; a second run adds nothing', async () => {
    const other = tmp();
    writeFileSync(join(other, 'reviews-a.jsonl'), [0, 1, 2].map((i) => line(rec(i))).join(''));
    writeFileSync(join(other, 'reviews-c.jsonl'), [2, 3].map((i) => line(rec(i))).join(''));
    const dir = tmp();
    copyFileSync(join(other, 'reviews-a.jsonl'), join(dir, 'reviews-x.jsonl'));
    const s = await open(dir);
    expect(mergeDataDir(s, other)).toEqual({ added: 1, present: 3, logs: 2 });
    expect(s.progress.reviews).toBe(4);
    expect(mergeDataDir(s, other)).toEqual({ added: 0, present: 4, logs: 2 });
    await s.close();
    expect(existsSync(join(dir, 'reviews-b.jsonl'))).toBe(true);
  });

  it('refuses a directory that holds no data, and this data directory itself', async () => {
    const dir = tmp();
    const s = await open(dir);
    const empty = tmp();
    expect(() => mergeDataDir(s, empty)).toThrow(/not a hyperrecall data directory/);
    expect(() => mergeDataDir(s, join(empty, 'nope'))).toThrow(/not a directory/);
    expect(() => mergeDataDir(s, dir)).toThrow(/this data directory/);
    await s.close();
  });
});
