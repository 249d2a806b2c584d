import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createFileDurably,
  pathExists,
  setAside,
  setAsideCopy,
  writeFileDurably,
} from '../../../src/store/durable-file.js';
import { WriteFailedError } from '../../../src/store/errors.js';
import { realIo } from '../../../src/store/io.js';
import { type FaultPlan, faultyIo } from '../../helpers/faulty-io.js';
import { T0 } from '../../helpers/records.js';

function dataFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'hr-durable-')), 'state-dev1.json');
}

function listing(file: string): string[] {
  return readdirSync(join(file, '..')).sort();
}

describe('writeFileDurably', () => {
  it('keeps the previous version as .bak by a hard link, copying no bytes', () => {
    const file = dataFile();
    const io = faultyIo(realIo, {});
    writeFileDurably(file, 'v1', io);
    expect(existsSync(`${file}.bak`)).toBe(false);
    const v1 = statSync(file).ino;
    writeFileDurably(file, 'v2', io);
    expect(readFileSync(file, 'utf8')).toBe('v2');
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('v1');
    expect(statSync(`${file}.bak`).ino).toBe(v1);
    expect(io.calls.copyFileSync).toBeUndefined();
    writeFileDurably(file, 'v3', io);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('v2');
    expect(listing(file)).toEqual(['state-dev1.json', 'state-dev1.json.bak']);
  });

  it('without links (EPERM) it copies the previous version instead', () => {
    const file = dataFile();
    writeFileDurably(file, 'v1');
    const io = faultyIo(realIo, { fail: { linkSync: 'EPERM' } });
    writeFileDurably(file, 'v2', io);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('v1');
    expect(io.calls.copyFileSync).toBe(1);
    expect(listing(file)).toEqual(['state-dev1.json', 'state-dev1.json.bak']);
  });

  it('writes in full through short writes', () => {
    const file = dataFile();
    const text = 'x'.repeat(10_000);
    writeFileDurably(file, text, faultyIo(realIo, { maxWrite: 7 }));
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('can skip the backup', () => {
    const file = dataFile();
    writeFileDurably(file, 'v1', realIo, false);
    writeFileDurably(file, 'v2', realIo, false);
    expect(listing(file)).toEqual(['state-dev1.json']);
  });

  const failures: [string, FaultPlan][] = [
    ['a read-only file system', { openWriteError: 'EROFS' }],
    ['a full disk mid-write', { spaceLeft: 1000 }],
    ['a full disk mid-write, with short writes first', { spaceLeft: 1000, maxWrite: 300 }],
    ['EIO from fsync', { syncError: 'EIO' }],
    ['no links and no room for the copy', { fail: { linkSync: 'EPERM' }, spaceLeft: 2001 }],
    ['a failing link', { fail: { linkSync: 'EIO', copyFileSync: 'EIO' } }],
    ['a failing rename', { fail: { renameSync: 'EIO' } }],
    ['a failing close', { fail: { closeSync: 'EIO' } }],
  ];
  for (const [what, plan] of failures)
    it(`${what}: throws and leaves the target, .bak and no temp file`, () => {
      const file = dataFile();
      writeFileDurably(file, 'v1');
      writeFileDurably(file, 'v2');
      const err = (() => {
        try {
          writeFileDurably(file, 'n'.repeat(2000), faultyIo(realIo, plan));
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(err).toBeInstanceOf(WriteFailedError);
      expect((err as WriteFailedError).path).toBe(file);
      expect((err as Error).message).toMatch(/^Could not save to .*; nothing was half-written\.$/);
      expect(readFileSync(file, 'utf8')).toBe('v2');
      expect(readFileSync(`${file}.bak`, 'utf8')).toBe('v1');
      expect(listing(file)).toEqual(['state-dev1.json', 'state-dev1.json.bak']);
    });

  it('a failing directory fsync is reported and leaves no temp file', () => {
    const file = dataFile();
    writeFileDurably(file, 'v1');
    const io = faultyIo(realIo, { fail: { fsyncSync: { code: 'EIO', from: 2 } } });
    expect(() => writeFileDurably(file, 'v2', io)).toThrow(WriteFailedError);
    expect(listing(file)).toEqual(['state-dev1.json', 'state-dev1.json.bak']);
  });
});

describe('createFileDurably', () => {
  it('creates a file, and never removes one that was already there', () => {
    const file = dataFile();
    createFileDurably(file, Buffer.from('mine'));
    expect(() => createFileDurably(file, Buffer.from('other'))).toThrow(/EEXIST/);
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });

  it('removes its partial file when the disk fills', () => {
    const file = dataFile();
    const io = faultyIo(realIo, { spaceLeft: 3 });
    expect(() => createFileDurably(file, Buffer.from('abcdef'), io)).toThrow(/ENOSPC/);
    expect(existsSync(file)).toBe(false);
  });
});

describe('setting files aside', () => {
  it('setAside renames to a stamped name that does not clobber an earlier one', () => {
    const file = dataFile();
    writeFileSync(file, 'bad1');
    const first = setAside(file, T0);
    expect(first).toBe(`${file}.corrupt-2026-03-02T10-00-00-000Z`);
    writeFileSync(file, 'bad2');
    const second = setAside(file, T0, realIo, 'newer');
    expect(second).toBe(`${file}.newer-2026-03-02T10-00-00-000Z`);
    writeFileSync(file, 'bad3');
    expect(setAside(file, T0)).toBe(`${first}-1`);
    expect(readFileSync(first, 'utf8')).toBe('bad1');
    expect(existsSync(file)).toBe(false);
  });

  it('setAsideCopy keeps the file in place and a copy beside it', () => {
    const file = dataFile();
    writeFileSync(file, 'cache');
    const copy = setAsideCopy(file, T0, 'mismatch');
    expect(copy).toBe(`${file}.mismatch-2026-03-02T10-00-00-000Z`);
    expect(readFileSync(copy, 'utf8')).toBe('cache');
    expect(readFileSync(file, 'utf8')).toBe('cache');
    expect(listing(file)).toHaveLength(2);
  });

  it('setAsideCopy on a full disk throws and leaves nothing half-made', () => {
    const file = dataFile();
    writeFileSync(file, 'cache');
    const io = faultyIo(realIo, { spaceLeft: 2 });
    expect(() => setAsideCopy(file, T0, 'mismatch', io)).toThrow(WriteFailedError);
    expect(listing(file)).toEqual(['state-dev1.json']);
    expect(() => setAsideCopy(`${file}.missing`, T0, 'mismatch')).toThrow(WriteFailedError);
    expect(() => setAsideCopy(file, T0, '../x')).toThrow(/label/);
  });
});

describe('pathExists', () => {
  it('sees files and dangling links, and only ENOENT means no', () => {
    const file = dataFile();
    expect(pathExists(file)).toBe(false);
    writeFileSync(file, '');
    expect(pathExists(file)).toBe(true);
    symlinkSync(join(file, '..', 'nowhere'), `${file}.link`);
    expect(pathExists(`${file}.link`)).toBe(true);
    expect(() => pathExists(join(file, 'below-a-file'))).toThrow(/ENOTDIR/);
  });
});

describe('writeFileDurably, after the new content is in place', () => {
  it('a .bak that cannot be renamed keeps the older one, and no temp file is left', () => {
    const file = dataFile();
    writeFileDurably(file, 'v1');
    writeFileDurably(file, 'v2');
    const io = faultyIo(realIo, { fail: { renameSync: { code: 'EIO', from: 2 } } });
    writeFileDurably(file, 'v3', io);
    expect(readFileSync(file, 'utf8')).toBe('v3');
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('v1');
    expect(listing(file)).toEqual(['state-dev1.json', 'state-dev1.json.bak']);
  });

  it('writes bytes as given', () => {
    const file = dataFile();
    writeFileDurably(file, Buffer.from([0, 255, 10]));
    expect(readFileSync(file)).toEqual(Buffer.from([0, 255, 10]));
  });
});

describe('createFileDurably, when a later step fails', () => {
  it('a failing fsync removes the new file and closes it', () => {
    const file = dataFile();
    const io = faultyIo(realIo, { syncError: 'EIO' });
    expect(() => createFileDurably(file, Buffer.from('x'), io)).toThrow(/EIO/);
    expect(existsSync(file)).toBe(false);
    expect(io.calls.closeSync).toBe(1);
  });

  it('a failing directory fsync removes the new file', () => {
    const file = dataFile();
    const io = faultyIo(realIo, { fail: { fsyncSync: { code: 'EIO', from: 2 } } });
    expect(() => createFileDurably(file, Buffer.from('x'), io)).toThrow(/EIO/);
    expect(listing(file)).toEqual([]);
  });

  it('writes the bytes in full and syncs them', () => {
    const file = dataFile();
    const io = faultyIo(realIo, { maxWrite: 2 });
    createFileDurably(file, Buffer.from('abcdefg'), io);
    expect(readFileSync(file, 'utf8')).toBe('abcdefg');
    expect(io.calls.fsyncSync).toBe(2);
  });
});

describe('set-aside names', () => {
  it('a label must be a plain lower-case word', () => {
    const file = dataFile();
    writeFileSync(file, 'x');
    for (const label of ['', 'Corrupt', '1st', 'a b', 'x/y', 'bad.', '-x', 'ok\n'])
      expect(() => setAside(file, T0, realIo, label)).toThrow(`bad set-aside label: ${label}`);
    expect(readFileSync(file, 'utf8')).toBe('x');
    expect(setAside(file, T0, realIo, 'a-1z')).toBe(`${file}.a-1z-2026-03-02T10-00-00-000Z`);
  });

  it('counts up past names already taken', () => {
    const file = dataFile();
    const stamp = `${file}.corrupt-2026-03-02T10-00-00-000Z`;
    writeFileSync(stamp, '');
    writeFileSync(`${stamp}-1`, '');
    writeFileSync(file, 'x');
    expect(setAside(file, T0)).toBe(`${stamp}-2`);
    writeFileSync(file, 'y');
    expect(setAsideCopy(file, T0, 'corrupt')).toBe(`${stamp}-3`);
    expect(readFileSync(`${stamp}-3`, 'utf8')).toBe('y');
  });

  it('setAsideCopy names the missing file and leaves no temp file when the copy cannot be synced', () => {
    const file = dataFile();
    writeFileSync(file, 'cache');
    const err = (() => {
      try {
        setAsideCopy(`${file}.gone`, T0, 'mismatch');
      } catch (e) {
        return e as WriteFailedError;
      }
    })();
    expect(err?.code).toBe('ENOENT');
    expect(err?.path).toBe(`${file}.gone.mismatch-2026-03-02T10-00-00-000Z`);
    const io = faultyIo(realIo, { syncError: 'EIO' });
    expect(() => setAsideCopy(file, T0, 'mismatch', io)).toThrow(WriteFailedError);
    expect(listing(file)).toEqual(['state-dev1.json']);
  });
});
