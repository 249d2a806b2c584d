import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realIo } from '../../../src/store/io.js';
import {
  dataFingerprint,
  readStatusCache,
  STATUS_CACHE_VERSION,
  writeStatusCache,
} from '../../../src/store/status-cache.js';
import { type FaultPlan, faultyIo } from '../../helpers/faulty-io.js';

const entry = { key: 'k1', day: 100, dayStartsAt: 4, status: { due: 3 } };

function dataDir(): string {
  return mkdtempSync(join(tmpdir(), 'hr-status-'));
}

/** Every path under `dir`, for "nothing was created" checks. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

describe('status cache', () => {
  it('round-trips an entry with its version', () => {
    const dir = dataDir();
    writeStatusCache(dir, 'dev1', entry);
    expect(readStatusCache(dir, 'dev1')).toEqual({ ...entry, version: STATUS_CACHE_VERSION });
    expect(tree(dir)).toEqual(['cache', join('cache', 'status-dev1.json')]);
  });

  it('ignores an entry of another version or shape', () => {
    const dir = dataDir();
    mkdirSync(join(dir, 'cache'));
    const file = join(dir, 'cache', 'status-dev1.json');
    for (const bad of [
      { ...entry },
      { ...entry, version: STATUS_CACHE_VERSION + 1 },
      { ...entry, version: STATUS_CACHE_VERSION, day: '100' },
      { version: STATUS_CACHE_VERSION, key: 'k1', day: 1, dayStartsAt: 4 },
      null,
    ]) {
      writeFileSync(file, JSON.stringify(bad));
      expect(readStatusCache(dir, 'dev1')).toBeNull();
    }
    writeFileSync(file, '{"version":');
    expect(readStatusCache(dir, 'dev1')).toBeNull();
  });

  it('creates nothing when there is no data directory yet', () => {
    const dir = dataDir();
    writeStatusCache(join(dir, 'missing'), 'dev1', entry);
    expect(tree(dir)).toEqual([]);
  });

  const faults: [string, FaultPlan][] = [
    ['a read-only file system', { readOnly: true }],
    ['EROFS on open for write', { openWriteError: 'EROFS' }],
    ['a full disk', { spaceLeft: 0 }],
    ['EIO from fsync', { syncError: 'EIO' }],
  ];
  for (const [what, plan] of faults) {
    it(`${what}: skipped silently, nothing created`, () => {
      const dir = dataDir();
      writeFileSync(join(dir, 'reviews-dev1.jsonl'), '');
      const before = tree(dir);
      expect(() => writeStatusCache(dir, 'dev1', entry, faultyIo(realIo, plan))).not.toThrow();
      expect(tree(dir)).toEqual(before);
    });

    it(`${what}: an existing cache is left as it was, with no temp file`, () => {
      const dir = dataDir();
      writeStatusCache(dir, 'dev1', entry);
      const before = tree(dir);
      const old = readFileSync(join(dir, 'cache', 'status-dev1.json'));
      writeStatusCache(dir, 'dev1', { ...entry, key: 'k2' }, faultyIo(realIo, plan));
      expect(tree(dir)).toEqual(before);
      expect(readFileSync(join(dir, 'cache', 'status-dev1.json'))).toEqual(old);
    });
  }

  it('the fingerprint changes when a log grows and ignores other files', () => {
    const dir = dataDir();
    expect(dataFingerprint(join(dir, 'missing'))).toBe('none');
    writeFileSync(join(dir, 'reviews-dev1.jsonl'), 'a\n');
    const a = dataFingerprint(dir);
    writeFileSync(join(dir, 'notes.txt'), 'x');
    expect(dataFingerprint(dir)).toBe(a);
    writeFileSync(join(dir, 'reviews-dev1.jsonl'), 'a\nb\n');
    expect(dataFingerprint(dir)).not.toBe(a);
  });

  it('the fingerprint lists each log and cache by name, size, time and inode, sorted', () => {
    const dir = dataDir();
    for (const f of ['state-dev1.json', 'reviews-b.jsonl', 'reviews-a.jsonl'])
      writeFileSync(join(dir, f), f);
    for (const f of ['state-dev1.json.bak', 'old-reviews-a.jsonl', 'reviews-a.jsonl.torn-1'])
      writeFileSync(join(dir, f), 'x');
    const part = (n: string) => {
      const st = statSync(join(dir, n));
      return `${n}:${st.size}:${st.mtimeMs}:${st.ino}`;
    };
    expect(dataFingerprint(dir)).toBe(
      ['reviews-a.jsonl', 'reviews-b.jsonl', 'state-dev1.json'].map(part).join('|'),
    );
    // A name that cannot be looked at still counts, by name.
    symlinkSync(join(dir, 'nowhere'), join(dir, 'reviews-c.jsonl'));
    expect(dataFingerprint(dir)).toBe(
      `${['reviews-a.jsonl', 'reviews-b.jsonl'].map(part).join('|')}|reviews-c.jsonl|${part('state-dev1.json')}`,
    );
  });

  it('the fingerprint changes when a file is replaced by one of the same size', () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'state-dev1.json'), 'aaaa');
    const a = dataFingerprint(dir);
    writeFileSync(join(dir, 'tmp'), 'bbbb');
    renameSync(join(dir, 'tmp'), join(dir, 'state-dev1.json'));
    expect(dataFingerprint(dir)).not.toBe(a);
    expect(dataFingerprint(dataDir())).toBe('');
  });

  it('reads back only an entry with every field', () => {
    const dir = dataDir();
    mkdirSync(join(dir, 'cache'));
    const file = join(dir, 'cache', 'status-dev1.json');
    const full = { ...entry, version: STATUS_CACHE_VERSION };
    writeFileSync(file, JSON.stringify({ ...full, status: null }));
    expect(readStatusCache(dir, 'dev1')).toEqual({ ...full, status: null });
    for (const change of [
      { key: 1 },
      { dayStartsAt: '4' },
      { dayStartsAt: undefined },
      { status: undefined },
      { key: undefined },
    ]) {
      writeFileSync(file, JSON.stringify({ ...full, ...change }));
      expect(readStatusCache(dir, 'dev1')).toBeNull();
    }
    expect(readStatusCache(dir, 'dev2')).toBeNull();
  });

  it('a cache folder that cannot be made for another reason is not written into', () => {
    const dir = dataDir();
    mkdirSync(join(dir, 'cache'));
    const io = faultyIo(realIo, { fail: { mkdirSync: 'EACCES' } });
    writeStatusCache(dir, 'dev1', entry, io);
    expect(tree(dir)).toEqual(['cache']);
    expect(io.calls.openSync).toBeUndefined();
  });

  it('keeps a cache folder that was already there when the write fails', () => {
    const dir = dataDir();
    mkdirSync(join(dir, 'cache'));
    writeStatusCache(dir, 'dev1', entry, faultyIo(realIo, { spaceLeft: 0 }));
    expect(tree(dir)).toEqual(['cache']);
  });

  it('writes over an older entry without keeping a backup', () => {
    const dir = dataDir();
    writeStatusCache(dir, 'dev1', entry);
    writeStatusCache(dir, 'dev1', { ...entry, key: 'k2' });
    expect(readStatusCache(dir, 'dev1')?.key).toBe('k2');
    expect(tree(dir)).toEqual(['cache', join('cache', 'status-dev1.json')]);
  });
});
