// The Store's contract with its callers: record times strictly increase, an append is
// applied only once it is durable, the cache is rewritten lazily (at most every 30 s and on
// close) and never when nothing changed, and every way of asking a read-only store to write
// is refused.
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StoreError, StoreLockedError } from '../../../src/store/errors.js';
import { realIo } from '../../../src/store/io.js';
import { lockPath } from '../../../src/store/lock.js';
import { SNAPSHOT_VERSION } from '../../../src/store/snapshot.js';
import { Store } from '../../../src/store/store.js';
import { faultyIo } from '../../helpers/faulty-io.js';
import { line, mark, memory, review, T0 } from '../../helpers/records.js';

const dataDir = () => mkdtempSync(join(tmpdir(), 'hr-store-api-'));
const open = (dir: string, readOnly = false, io = realIo) =>
  Store.open({ dataDir: dir, device: 'dev1', now: () => T0, readOnly, io });
const onDisk = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'state-dev1.json'), 'utf8')) as Record<string, unknown>;
const stateIno = (dir: string) => statSync(join(dir, 'state-dev1.json')).ino;

/** `review(i)` about card `key` at `at`. */
const about = (i: number, key: string, at: number) => ({
  ...review(i),
  key,
  at,
  after: memory(at),
});

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

afterEach(() => {
  vi.useRealTimers();
});

describe('where things are', () => {
  it('names its data directory, cache and log', async () => {
    const dir = dataDir();
    const s = await open(dir, true);
    expect(s.dataDir).toBe(dir);
    expect(s.snapshotFile).toBe(join(dir, 'state-dev1.json'));
    expect(s.logFile).toBe(join(dir, 'reviews-dev1.jsonl'));
    await s.close();
  });

  it('a data directory that cannot be made is a one-line error naming it', async () => {
    const dir = join(dataDir(), 'sub');
    const io = faultyIo(realIo, { fail: { mkdirSync: 'EACCES' } });
    const err = await open(dir, false, io).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect(err).toMatchObject({
      message: 'cannot create the data directory (EACCES)',
      path: dir,
    });
    const plain = {
      ...realIo,
      mkdirSync: () => {
        throw new Error('odd');
      },
    };
    expect(((await open(dir, false, plain).catch((e: unknown) => e)) as Error).message).toBe(
      'cannot create the data directory (Error: odd)',
    );
  });

  it('a writer that cannot load lets go of the lock', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'state-dev1.json'), JSON.stringify({ schema: 99 }));
    await expect(open(dir)).rejects.toThrow(/newer hyperrecall/);
    expect(existsSync(lockPath(dir, 'dev1'))).toBe(false);
  });
});

describe('recordTime', () => {
  it('is now, or just after this device’s latest record, or the card’s', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'reviews-phone.jsonl'), line(about(1, 'd/late', T0 + 500)));
    const s = await open(dir);
    expect(s.recordTime(null, T0)).toBe(T0);
    // Another device's later record about a card holds that card back, nothing else.
    expect(s.recordTime('d/late', T0)).toBe(T0 + 501);
    expect(s.recordTime('d/other', T0)).toBe(T0);
    expect(s.recordTime('d/late', T0 + 900)).toBe(T0 + 900);
    s.append(about(2, 'd/x', T0 + 100));
    // The clock stepped back: still after this device's latest record.
    expect(s.recordTime(null, T0)).toBe(T0 + 101);
    expect(s.recordTime('d/other', T0 + 50)).toBe(T0 + 101);
    expect(s.recordTime(null, T0 + 200)).toBe(T0 + 200);
    // A mark counts for its card too.
    s.append({ ...mark(1), key: 'd/m', at: T0 + 300 });
    expect(s.recordTime('d/m', T0)).toBe(T0 + 301);
    await s.close();
  });

  it('an append earlier than the clock does not move the clock back', async () => {
    const s = await open(dataDir());
    s.append(about(1, 'd/a', T0 + 100));
    s.append(about(2, 'd/b', T0 + 50));
    expect(s.recordTime(null, T0)).toBe(T0 + 101);
    await s.close();
  });

  it('survives a restart: the clock is kept in the cache and rebuilt from the log', async () => {
    const dir = dataDir();
    const s = await open(dir);
    s.append(about(1, 'd/a', T0 + 100));
    await s.close();
    expect(onDisk(dir).clock).toBe(T0 + 100);
    const again = await open(dir);
    expect(again.recordTime(null, T0)).toBe(T0 + 101);
    await again.close();
  });
});

describe('append', () => {
  it('applies the records, bumps the version and remembers how far the log goes', async () => {
    const dir = dataDir();
    const s = await open(dir);
    const v = s.version;
    s.append(review(1), mark(1));
    expect(s.version).toBe(v + 1);
    expect(s.progress.reviews).toBe(1);
    expect(s.progress.marks['deck/c1']).toEqual({ flagged: true });
    await s.close();
    expect(onDisk(dir).logs).toEqual({
      'reviews-dev1.jsonl': statSync(join(dir, 'reviews-dev1.jsonl')).size,
    });
  });

  it('a reader cannot append, set settings, repair or save an exam', async () => {
    const dir = dataDir();
    const s = await open(dir, true);
    for (const fn of [
      () => s.append(review(1)),
      () => s.setSettings({ newPerDay: 1 }),
      () => s.repair(),
      () => s.saveExamInProgress({ id: 'e' }, T0),
    ]) {
      const err = thrown(fn);
      expect(err).toBeInstanceOf(StoreError);
      expect(err).toMatchObject({ message: 'the store was opened read-only', path: dir });
    }
    await s.close();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a closed store takes no more answers', async () => {
    const s = await open(dataDir());
    await s.close();
    expect(() => s.append(review(1))).toThrow(StoreError);
  });
});

describe('the cache', () => {
  it('is rewritten 30 s after an answer, not before, and again after the next one', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const dir = dataDir();
    const s = await open(dir);
    s.append(review(1));
    expect(existsSync(join(dir, 'state-dev1.json'))).toBe(false);
    vi.advanceTimersByTime(29_999);
    expect(existsSync(join(dir, 'state-dev1.json'))).toBe(false);
    vi.advanceTimersByTime(1);
    expect(onDisk(dir).reviews).toBe(1);
    s.append(review(2));
    vi.advanceTimersByTime(10_000);
    s.append(review(3));
    vi.advanceTimersByTime(19_999);
    expect(onDisk(dir).reviews).toBe(1);
    vi.advanceTimersByTime(1);
    expect(onDisk(dir).reviews).toBe(3);
    await s.close();
  });

  it('is written on close, and not at all when nothing changed', async () => {
    const dir = dataDir();
    const s = await open(dir);
    s.append(review(1));
    await s.close();
    expect(onDisk(dir).reviews).toBe(1);
    const ino = stateIno(dir);
    const again = await open(dir);
    again.flush();
    await again.close();
    expect(stateIno(dir)).toBe(ino);
    expect(existsSync(join(dir, 'state-dev1.json.bak'))).toBe(false);
  });

  it('is rewritten at open when the logs had something new', async () => {
    const dir = dataDir();
    const s = await open(dir);
    s.append(review(1));
    await s.close();
    appendFileSync(join(dir, 'reviews-phone.jsonl'), line({ ...review(2), id: 'p2' }));
    const again = await open(dir);
    expect(onDisk(dir).reviews).toBe(2);
    expect(onDisk(dir).logs).toMatchObject({
      'reviews-phone.jsonl': statSync(join(dir, 'reviews-phone.jsonl')).size,
    });
    await again.close();
  });

  it('an upgraded cache is written back at open', async () => {
    const dir = dataDir();
    const s = await open(dir);
    s.append(review(1));
    await s.close();
    const { stamps: _s, clock: _c, ...v1 } = onDisk(dir);
    writeFileSync(join(dir, 'state-dev1.json'), JSON.stringify({ ...v1, schema: 1 }));
    const again = await open(dir);
    expect(onDisk(dir).schema).toBe(SNAPSHOT_VERSION);
    await again.close();
  });

  it('a reader never writes it, even when it is out of date', async () => {
    const dir = dataDir();
    appendFileSync(join(dir, 'reviews-dev1.jsonl'), line(review(1)));
    const r = await open(dir, true);
    expect(r.progress.reviews).toBe(1);
    r.flush();
    await r.close();
    expect(readdirSync(dir)).toEqual(['reviews-dev1.jsonl']);
  });

  it('a failed rewrite is one notice, on one line, and the answers stay', async () => {
    const dir = dataDir();
    const plan: Parameters<typeof faultyIo>[1] = {};
    const s = await open(dir, false, faultyIo(realIo, plan));
    s.append(review(1));
    plan.fail = { openSync: 'ENOSPC' };
    s.flush();
    expect(s.notices).toEqual([
      `The cache could not be updated (Could not save to ${join(dir, 'state-dev1.json')}: the disk is full (ENOSPC). Free some space and try again; nothing was half-written.); it will be rebuilt from the review log.`,
    ]);
    plan.fail = {};
    // Still owed: the next flush writes it.
    s.flush();
    expect(onDisk(dir).reviews).toBe(1);
    await s.close();
  });

  it('a session that lost its lock stops rewriting it', async () => {
    const dir = dataDir();
    const s = await open(dir);
    s.append(review(1));
    const owner = join(lockPath(dir, 'dev1'), 'owner.json');
    const o = JSON.parse(readFileSync(owner, 'utf8')) as Record<string, unknown>;
    writeFileSync(owner, JSON.stringify({ ...o, token: 'other' }));
    expect(() => s.append(review(2))).toThrow(/took over/);
    expect(s.lockLost).toBe(true);
    s.flush();
    await s.close();
    expect(existsSync(join(dir, 'state-dev1.json'))).toBe(false);
    expect(s.notices).toEqual([]);
  });
});

describe('settings', () => {
  it('are written through at once, and bump the version', async () => {
    const dir = dataDir();
    const s = await open(dir);
    const v = s.version;
    s.setSettings({ newPerDay: 4 });
    expect(onDisk(dir).settings).toEqual({ newPerDay: 4 });
    expect(s.settings).toEqual({ newPerDay: 4 });
    expect(s.version).toBe(v + 1);
    await s.close();
  });

  it('that cannot be saved leave the version alone', async () => {
    const plan: Parameters<typeof faultyIo>[1] = {};
    const s = await open(dataDir(), false, faultyIo(realIo, plan));
    const v = s.version;
    plan.spaceLeft = 0;
    expect(() => s.setSettings({ newPerDay: 4 })).toThrow(/disk is full/);
    expect(s.version).toBe(v);
    expect(s.settings).toEqual({});
    plan.spaceLeft = undefined;
    await s.close();
  });
});

describe('the exam in progress', () => {
  const valid = (x: unknown): x is { id: string } =>
    !!x && typeof x === 'object' && (x as { id?: unknown }).id === 'e';

  it('is loaded with the time it was saved', async () => {
    const s = await open(dataDir());
    s.saveExamInProgress({ id: 'e' }, T0 - 5);
    expect(s.loadExamInProgress(valid)).toEqual({ exam: { id: 'e' }, savedAt: T0 - 5 });
    await s.close();
  });

  it('is neither saved nor cleared by a session that lost its lock', async () => {
    const dir = dataDir();
    const s = await open(dir);
    s.saveExamInProgress({ id: 'e' }, T0);
    const owner = join(lockPath(dir, 'dev1'), 'owner.json');
    const o = JSON.parse(readFileSync(owner, 'utf8')) as Record<string, unknown>;
    writeFileSync(owner, JSON.stringify({ ...o, token: 'other' }));
    expect(() => s.saveExamInProgress({ id: 'e', more: 1 }, T0 + 1)).toThrow(/took over/);
    s.clearExamInProgress();
    expect(JSON.parse(readFileSync(join(dir, 'exam-dev1.json'), 'utf8'))).toMatchObject({
      savedAt: T0,
    });
    await s.close();
  });
});

describe('doctor', () => {
  it('setAsideFiles lists exactly the files recovery set aside, sorted', async () => {
    const dir = dataDir();
    for (const f of [
      'state-dev1.json.mismatch-1',
      'reviews-dev1.jsonl.unreadable-40',
      'state-dev1.json.corrupt-2',
      'reviews-dev1.jsonl.torn-5',
      'exam-dev1.json.newer-3',
      'state-dev1.json.bak',
      'notes.corrupt',
      'corrupt-x',
      'state-dev1.json',
    ])
      writeFileSync(join(dir, f), '{}');
    const s = await open(dir, true);
    expect(s.setAsideFiles()).toEqual([
      'exam-dev1.json.newer-3',
      'reviews-dev1.jsonl.torn-5',
      'reviews-dev1.jsonl.unreadable-40',
      'state-dev1.json.corrupt-2',
      'state-dev1.json.mismatch-1',
    ]);
    await s.close();
    const gone = await open(join(dir, 'none'), true);
    expect(gone.setAsideFiles()).toEqual([]);
    await gone.close();
  });

  it('verify names what differs from the logs and changes nothing', async () => {
    const dir = dataDir();
    const s = await open(dir);
    s.append(review(1));
    expect(s.verify()).toEqual([]);
    // A record the session has not read: the logs now say more than the cache.
    appendFileSync(join(dir, 'reviews-phone.jsonl'), line({ ...review(2), id: 'p2' }));
    expect(s.verify()).toEqual([
      '1 card state(s) in the cache differ from the review log',
      'daily counts in the cache differ from the review log',
    ]);
    expect(s.progress.reviews).toBe(1);
    expect(s.verify()).toHaveLength(2);
    await s.close();
  });

  it('repair keeps a copy of the cache, then rebuilds it from the logs', async () => {
    const dir = dataDir();
    const s = await open(dir);
    s.append(review(1));
    s.flush();
    appendFileSync(join(dir, 'reviews-phone.jsonl'), line({ ...review(2), id: 'p2' }));
    const v = s.version;
    const copy = s.repair();
    expect(copy).toBe(join(dir, 'state-dev1.json.mismatch-2026-03-02T10-00-00-000Z'));
    expect(JSON.parse(readFileSync(copy!, 'utf8')).reviews).toBe(1);
    expect(s.progress.reviews).toBe(2);
    expect(s.version).toBe(v + 1);
    expect(onDisk(dir).reviews).toBe(2);
    expect(s.verify()).toEqual([]);
    await s.close();
  });

  it('repair without a cache to copy still rebuilds', async () => {
    const dir = dataDir();
    const s = await open(dir);
    appendFileSync(join(dir, 'reviews-phone.jsonl'), line({ ...review(2), id: 'p2' }));
    expect(s.repair()).toBeNull();
    expect(onDisk(dir).reviews).toBe(1);
    await s.close();
  });
});

describe('reading records', () => {
  it('readAllRecords gives every log’s records in time order, ties by id', async () => {
    const dir = dataDir();
    const a = about(1, 'd/a', T0 + 10);
    const b = { ...about(2, 'd/b', T0 + 5), id: 'z' };
    const c = { ...about(3, 'd/c', T0 + 10), id: 'a' };
    writeFileSync(join(dir, 'reviews-dev1.jsonl'), line(a) + line(b));
    writeFileSync(join(dir, 'reviews-phone.jsonl'), line(c));
    const s = await open(dir, true);
    expect(s.readAllRecords()).toEqual([b, c, a]);
    expect(s.recordsAbout('d/a')).toEqual([a]);
    await s.close();
  });
});

describe('close', () => {
  it('lets the next writer in, and can be called twice', async () => {
    const dir = dataDir();
    const s = await open(dir);
    await expect(open(dir)).rejects.toBeInstanceOf(StoreLockedError);
    await s.close();
    await s.close();
    const next = await open(dir);
    await next.close();
  });
});

describe('what open tells the user', () => {
  async function shrunk(): Promise<string> {
    const dir = dataDir();
    const s = await open(dir);
    s.append(review(1), review(2));
    await s.close();
    writeFileSync(join(dir, 'reviews-dev1.jsonl'), line(review(1)));
    return dir;
  }
  const why = 'reviews-dev1.jsonl is shorter than the cache remembers, or gone';

  it('a writer keeps the disagreeing cache and says where', async () => {
    const dir = await shrunk();
    const s = await open(dir);
    expect(s.notices).toEqual([
      `The cache disagreed with the review log (${why}); progress was rebuilt from the log and the old cache kept as ${join(dir, 'state-dev1.json.mismatch-2026-03-02T10-00-00-000Z')}.`,
    ]);
    await s.close();
  });

  it('a writer that cannot keep a copy says so without naming one', async () => {
    const dir = await shrunk();
    const s = await open(dir, false, faultyIo(realIo, { fail: { copyFileSync: 'EIO' } }));
    expect(s.notices).toEqual([
      `The cache disagreed with the review log (${why}); progress was rebuilt from the log.`,
    ]);
    expect(s.progress.reviews).toBe(1);
    await s.close();
  });

  it('a reader says figures come from the log', async () => {
    const dir = await shrunk();
    const s = await open(dir, true);
    expect(s.notices).toEqual([
      `The cache disagrees with the review log (${why}); figures come from the log.`,
    ]);
    await s.close();
  });

  it('a reader names an unreadable line but keeps no copy of it', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'reviews-dev1.jsonl'), `junk\n${line(review(1))}`);
    const s = await open(dir, true);
    expect(s.notices).toEqual([
      'reviews-dev1.jsonl: an unreadable line at byte 0 was skipped (kept in the log).',
    ]);
    await s.close();
    expect(readdirSync(dir)).toEqual(['reviews-dev1.jsonl']);
  });

  it('a writer names a cut-off tail and where its bytes are', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'reviews-dev1.jsonl'), `${line(review(1))}{"type":"re`);
    const s = await open(dir);
    expect(s.notices).toEqual([
      `An unfinished log line was cut off and kept in ${join(dir, `reviews-dev1.jsonl.torn-${T0}`)}.`,
    ]);
    expect(s.progress.reviews).toBe(1);
    await s.close();
  });
});
