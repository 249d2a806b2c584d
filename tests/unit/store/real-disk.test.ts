// The store's promises on a real full disk and a real read-only file system: a 64k tmpfs.
// Where mounting is not permitted, these are skipped and the reason is in the name; the
// same promises are covered through injected faults in the other store tests.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileDurably } from '../../../src/store/durable-file.js';
import { WriteFailedError } from '../../../src/store/errors.js';
import { acquireLock } from '../../../src/store/lock.js';
import { LogWriter, readLog } from '../../../src/store/review-log.js';
import { readStatusCache, writeStatusCache } from '../../../src/store/status-cache.js';
import { canMount, mountTmpfs, remountReadOnly, unmount } from '../../helpers/mount.js';
import { line, review, T0 } from '../../helpers/records.js';

const probe = canMount();
const mounts: string[] = [];

afterAll(() => {
  for (const dir of mounts.splice(0)) unmount(dir);
});

function tmpfs(): string {
  const dir = mountTmpfs('64k');
  mounts.push(dir);
  return dir;
}

/** Writes filler files until the disk is full; returns their paths. */
function fill(dir: string): string[] {
  const made: string[] = [];
  const block = Buffer.alloc(4096, 'f');
  for (let i = 0; ; i++) {
    const f = join(dir, `filler-${i}`);
    made.push(f);
    try {
      writeFileSync(f, block);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOSPC') return made;
      throw err;
    }
  }
}

function failure(fn: () => unknown): WriteFailedError {
  try {
    fn();
  } catch (err) {
    if (err instanceof WriteFailedError) return err;
    throw err;
  }
  throw new Error('expected WriteFailedError');
}

const title = probe.ok ? 'on a real 64k tmpfs' : `on a real tmpfs (skipped: ${probe.reason})`;

describe.skipIf(!probe.ok)(title, () => {
  it('review log: every acknowledged append is readable, the failing one is not half there', () => {
    const dir = tmpfs();
    writeFileSync(join(dir, 'filler'), Buffer.alloc(16 * 1024));
    const file = join(dir, 'reviews-dev1.jsonl');
    // (On Linux 6.x the failing append first gets a short write, then ENOSPC.)
    const w = new LogWriter(file, T0);
    try {
      const acked: string[] = [];
      let err: WriteFailedError | null = null;
      for (let i = 0; i < 1000 && !err; i++) {
        try {
          w.append(review(i));
          acked.push(review(i).id);
        } catch (e) {
          if (!(e instanceof WriteFailedError)) throw e;
          err = e;
        }
      }
      expect(err?.code).toBe('ENOSPC');
      expect(err?.message).toContain('the disk is full (ENOSPC)');
      expect(acked.length).toBeGreaterThan(50);
      const text = readFileSync(file, 'utf8');
      expect(text).toBe(acked.map((_, i) => line(review(i))).join(''));
      expect(readLog(file).records.map((r) => r.id)).toEqual(acked);

      rmSync(join(dir, 'filler'));
      const next = acked.length;
      w.append(review(next));
      expect(readLog(file).records.map((r) => r.id)).toEqual([...acked, review(next).id]);
    } finally {
      w.close();
    }
    expect(new LogWriter(file, T0).tornTail).toBeNull();
  });

  it('writeFileDurably: target and .bak intact, no temp file left, works once space is freed', () => {
    const dir = tmpfs();
    const file = join(dir, 'state-dev1.json');
    writeFileDurably(file, 'v1'.repeat(500));
    writeFileDurably(file, 'v2'.repeat(500));
    const fillers = fill(dir);
    const err = failure(() => writeFileDurably(file, 'n'.repeat(20_000)));
    expect(err.code).toBe('ENOSPC');
    expect(readFileSync(file, 'utf8')).toBe('v2'.repeat(500));
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('v1'.repeat(500));
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    for (const f of fillers) rmSync(f, { force: true });
    writeFileDurably(file, 'n'.repeat(20_000));
    expect(statSync(file).size).toBe(20_000);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('v2'.repeat(500));
    expect(readdirSync(dir).sort()).toEqual(['state-dev1.json', 'state-dev1.json.bak']);
  });

  it('a torn tail on a full disk is not cut until its bytes can be kept', () => {
    const dir = tmpfs();
    const file = join(dir, 'reviews-dev1.jsonl');
    const text = `${line(review(1))}{"type":"rev`;
    writeFileSync(file, text);
    const fillers = fill(dir);
    expect(failure(() => new LogWriter(file, T0)).code).toBe('ENOSPC');
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(readdirSync(dir).filter((n) => n.includes('.torn-'))).toEqual([]);
    for (const f of fillers) rmSync(f, { force: true });
    const w = new LogWriter(file, T0);
    w.close();
    expect(readFileSync(w.tornTail!, 'utf8')).toBe('{"type":"rev');
    expect(readFileSync(file, 'utf8')).toBe(line(review(1)));
  });

  it('status cache on a full disk: skipped silently, nothing created', () => {
    const dir = tmpfs();
    const fillers = fill(dir);
    const before = readdirSync(dir).sort();
    writeStatusCache(dir, 'dev1', { key: 'k', day: 1, dayStartsAt: 4, status: {} });
    expect(readdirSync(dir).sort()).toEqual(before);
    for (const f of fillers) rmSync(f, { force: true });
  });

  it('read-only file system: status writes nothing, writers fail with a clear error', () => {
    const dir = tmpfs();
    const file = join(dir, 'reviews-dev1.jsonl');
    writeFileSync(file, line(review(1)));
    remountReadOnly(dir);
    const before = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
    writeStatusCache(dir, 'dev1', { key: 'k', day: 1, dayStartsAt: 4, status: {} });
    expect(readStatusCache(dir, 'dev1')).toBeNull();
    expect(readLog(file).records).toHaveLength(1);
    expect(failure(() => new LogWriter(file, T0)).code).toBe('EROFS');
    const durable = failure(() => writeFileDurably(join(dir, 'state-dev1.json'), '{}'));
    expect(durable.message).toBe(
      `Could not save to ${join(dir, 'state-dev1.json')}: the file system is read-only (EROFS). Remount it read-write or choose another --data-dir; nothing was half-written.`,
    );
    expect(failure(() => acquireLock(dir, 'dev1')).code).toBe('EROFS');
    expect(readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()).toEqual(before);
  });
});
