// The store's narrow file interface: the real implementation does what each call's name
// says, and the helpers loop over short writes and reads, stop on a write that makes no
// progress, and close what they open even when a call fails.
import {
  existsSync,
  mkdirSync,
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
import { fsyncDir, type Io, quietly, readAll, realIo, writeAll } from '../../../src/store/io.js';
import { faultyIo } from '../../helpers/faulty-io.js';

const dir = () => mkdtempSync(join(tmpdir(), 'hr-io-'));

describe('realIo', () => {
  it('opens, writes at a position or at the end, reads, syncs, truncates and closes', () => {
    const file = join(dir(), 'f');
    const fd = realIo.openSync(file, 'a+', 0o600);
    expect(realIo.writeSync(fd, Buffer.from('hello'), 0, 5, null)).toBe(5);
    expect(realIo.writeSync(fd, Buffer.from('xxworld'), 2, 5, null)).toBe(5);
    realIo.fdatasyncSync(fd);
    realIo.fsyncSync(fd);
    expect(realIo.fstatSync(fd).size).toBe(10);
    const buf = Buffer.alloc(5);
    expect(realIo.readSync(fd, buf, 0, 5, 5)).toBe(5);
    expect(buf.toString()).toBe('world');
    realIo.ftruncateSync(fd, 4);
    realIo.closeSync(fd);
    expect(readFileSync(file, 'utf8')).toBe('hell');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(() => realIo.closeSync(fd)).toThrow(/EBADF/);
  });

  it('writes at a given position', () => {
    const file = join(dir(), 'f');
    writeFileSync(file, 'abcdef');
    const fd = realIo.openSync(file, 'r+');
    realIo.writeSync(fd, Buffer.from('XY'), 0, 2, 2);
    realIo.closeSync(fd);
    expect(readFileSync(file, 'utf8')).toBe('abXYef');
  });

  it('reads a whole file as bytes or as text', () => {
    const file = join(dir(), 'f');
    writeFileSync(file, 'é');
    expect(realIo.readFileSync(file)).toEqual(Buffer.from('é'));
    expect(realIo.readFileSync(file, 'utf8')).toBe('é');
  });

  it('renames, links, copies (refusing to replace with COPYFILE_EXCL) and unlinks', () => {
    const d = dir();
    writeFileSync(join(d, 'a'), 'A');
    realIo.renameSync(join(d, 'a'), join(d, 'b'));
    realIo.linkSync(join(d, 'b'), join(d, 'c'));
    expect(statSync(join(d, 'c')).ino).toBe(statSync(join(d, 'b')).ino);
    realIo.copyFileSync(join(d, 'b'), join(d, 'e'));
    expect(statSync(join(d, 'e')).ino).not.toBe(statSync(join(d, 'b')).ino);
    expect(() => realIo.copyFileSync(join(d, 'b'), join(d, 'e'), 1)).toThrow(/EEXIST/);
    realIo.unlinkSync(join(d, 'c'));
    expect(readdirSync(d).sort()).toEqual(['b', 'e']);
    expect(realIo.readdirSync(d).sort()).toEqual(['b', 'e']);
  });

  it('stat follows a link, lstat does not', () => {
    const d = dir();
    writeFileSync(join(d, 'target'), 'x');
    symlinkSync(join(d, 'target'), join(d, 'link'));
    expect(realIo.statSync(join(d, 'link')).isFile()).toBe(true);
    expect(realIo.lstatSync(join(d, 'link')).isSymbolicLink()).toBe(true);
    expect(() => realIo.statSync(join(d, 'none'))).toThrow(/ENOENT/);
  });

  it('makes directories, recursively only when asked, and removes them', () => {
    const d = dir();
    expect(() => realIo.mkdirSync(join(d, 'a', 'b'))).toThrow(/ENOENT/);
    realIo.mkdirSync(join(d, 'a', 'b'), { recursive: true });
    expect(() => realIo.mkdirSync(join(d, 'a'))).toThrow(/EEXIST/);
    realIo.rmdirSync(join(d, 'a', 'b'));
    expect(readdirSync(join(d, 'a'))).toEqual([]);
  });

  it('removes a whole tree, and a missing one is no error', () => {
    const d = dir();
    mkdirSync(join(d, 't', 'sub'), { recursive: true });
    writeFileSync(join(d, 't', 'sub', 'f'), 'x');
    realIo.rmTreeSync(join(d, 't'));
    expect(existsSync(join(d, 't'))).toBe(false);
    expect(() => realIo.rmTreeSync(join(d, 't'))).not.toThrow();
  });

  it('sets times', () => {
    const file = join(dir(), 'f');
    writeFileSync(file, '');
    const t = new Date('2020-01-02T03:04:05Z');
    realIo.utimesSync(file, t, t);
    expect(statSync(file).mtimeMs).toBe(t.getTime());
  });
});

/** An Io whose writes and reads go to a byte array, at most `max` bytes per call. */
function memoryIo(max: number, data = Buffer.alloc(64)) {
  const calls: [number, number | null][] = [];
  const io = {
    writeSync: (_fd: number, b: Uint8Array, off: number, len: number, pos: number | null) => {
      calls.push([off, pos]);
      const n = Math.min(len, max);
      Buffer.from(b).copy(data, pos ?? 0, off, off + n);
      return n;
    },
    readSync: (_fd: number, b: Uint8Array, off: number, len: number, pos: number | null) => {
      calls.push([off, pos]);
      const n = Math.max(0, Math.min(len, max, data.length - (pos ?? 0)));
      data.copy(b, off, pos ?? 0, (pos ?? 0) + n);
      return n;
    },
  } as unknown as Io;
  return { io, calls, data };
}

describe('writeAll', () => {
  it('continues short writes where they stopped', () => {
    const { io, calls, data } = memoryIo(3);
    writeAll(io, 1, Buffer.from('abcdefgh'), 10);
    expect(calls).toEqual([
      [0, 10],
      [3, 13],
      [6, 16],
    ]);
    expect(data.subarray(10, 18).toString()).toBe('abcdefgh');
  });

  it('appends with a null position on every call', () => {
    const { io, calls } = memoryIo(5);
    writeAll(io, 1, Buffer.from('abcdefgh'), null);
    expect(calls).toEqual([
      [0, null],
      [5, null],
    ]);
  });

  it('writes nothing for no data', () => {
    const { io, calls } = memoryIo(5);
    writeAll(io, 1, Buffer.alloc(0), 0);
    expect(calls).toEqual([]);
  });

  it('a write that makes no progress, or goes backwards, is an error, not a loop', () => {
    for (const n of [0, -1]) {
      const io = { writeSync: () => n } as unknown as Io;
      expect(() => writeAll(io, 1, Buffer.from('x'), null)).toThrow('write made no progress');
    }
  });
});

describe('readAll', () => {
  it('continues short reads until it has the length asked for', () => {
    const { io, calls } = memoryIo(4, Buffer.from('0123456789abcdef'));
    const buf = Buffer.alloc(10);
    expect(readAll(io, 1, buf, 10, 2)).toBe(10);
    expect(buf.toString()).toBe('23456789ab');
    expect(calls).toEqual([
      [0, 2],
      [4, 6],
      [8, 10],
    ]);
  });

  it('stops at the end of the file and says how much it got', () => {
    const { io } = memoryIo(4, Buffer.from('0123456789'));
    const buf = Buffer.alloc(10);
    expect(readAll(io, 1, buf, 10, 7)).toBe(3);
    expect(buf.subarray(0, 3).toString()).toBe('789');
    expect(readAll(io, 1, buf, 0, 0)).toBe(0);
  });
});

describe('quietly', () => {
  it('says whether the call worked and swallows its error', () => {
    let ran = 0;
    expect(quietly(() => ran++)).toBe(true);
    expect(
      quietly(() => {
        throw new Error('x');
      }),
    ).toBe(false);
    expect(ran).toBe(1);
  });
});

describe('fsyncDir', () => {
  it.runIf(process.platform !== 'win32')('opens the directory, fsyncs it and closes it', () => {
    const io = faultyIo(realIo, {});
    fsyncDir(dir(), io);
    expect(io.calls).toEqual({ openSync: 1, fsyncSync: 1, closeSync: 1 });
  });

  it.runIf(process.platform !== 'win32')('closes the directory even when fsync fails', () => {
    const io = faultyIo(realIo, { syncError: 'EIO' });
    expect(() => fsyncDir(dir(), io)).toThrow(/EIO/);
    expect(io.calls.closeSync).toBe(1);
  });
});
