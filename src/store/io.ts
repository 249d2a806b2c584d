// The synchronous file calls the store makes, behind one small interface, so tests can make
// the disk fill up, writes come back short or fsync fail at an exact moment. Signatures are
// the narrow forms the store uses, not node:fs's overload sets.
import * as fs from 'node:fs';

export interface Io {
  openSync(path: string, flags: string, mode?: number): number;
  /** Bytes actually written; may be fewer than `length`. */
  writeSync(
    fd: number,
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number | null,
  ): number;
  readSync(
    fd: number,
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number | null,
  ): number;
  fdatasyncSync(fd: number): void;
  fsyncSync(fd: number): void;
  ftruncateSync(fd: number, length: number): void;
  fstatSync(fd: number): fs.Stats;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  linkSync(existing: string, newPath: string): void;
  unlinkSync(path: string): void;
  copyFileSync(from: string, to: string, mode?: number): void;
  readFileSync(path: string): Buffer;
  readFileSync(path: string, encoding: 'utf8'): string;
  /** Throws ENOENT when the path does not exist. */
  statSync(path: string): fs.Stats;
  lstatSync(path: string): fs.Stats;
  /** Throws EEXIST when the directory exists, unless `recursive`. */
  mkdirSync(path: string, options?: { recursive?: boolean }): void;
  rmdirSync(path: string): void;
  /** Removes a tree; a missing path is not an error. */
  rmTreeSync(path: string): void;
  readdirSync(path: string): string[];
  utimesSync(path: string, atime: Date, mtime: Date): void;
}

export const realIo: Io = {
  openSync: (path, flags, mode) => fs.openSync(path, flags, mode),
  writeSync: (fd, buffer, offset, length, position) =>
    fs.writeSync(fd, buffer, offset, length, position),
  readSync: (fd, buffer, offset, length, position) =>
    fs.readSync(fd, buffer, offset, length, position),
  fdatasyncSync: (fd) => fs.fdatasyncSync(fd),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  ftruncateSync: (fd, length) => fs.ftruncateSync(fd, length),
  fstatSync: (fd) => fs.fstatSync(fd),
  closeSync: (fd) => fs.closeSync(fd),
  renameSync: (from, to) => fs.renameSync(from, to),
  linkSync: (existing, newPath) => fs.linkSync(existing, newPath),
  unlinkSync: (path) => fs.unlinkSync(path),
  copyFileSync: (from, to, mode) => fs.copyFileSync(from, to, mode),
  readFileSync: ((path: string, encoding?: 'utf8') =>
    encoding ? fs.readFileSync(path, encoding) : fs.readFileSync(path)) as Io['readFileSync'],
  statSync: (path) => fs.statSync(path),
  lstatSync: (path) => fs.lstatSync(path),
  mkdirSync: (path, options) => {
    fs.mkdirSync(path, options);
  },
  rmdirSync: (path) => fs.rmdirSync(path),
  rmTreeSync: (path) => fs.rmSync(path, { recursive: true, force: true }),
  readdirSync: (path) => fs.readdirSync(path),
  utimesSync: (path, atime, mtime) => fs.utimesSync(path, atime, mtime),
};

/** Writes all of `data` at the end of `fd` (or at `position`), looping over short writes. */
export function writeAll(io: Io, fd: number, data: Uint8Array, position: number | null): void {
  let done = 0;
  while (done < data.length) {
    const n = io.writeSync(
      fd,
      data,
      done,
      data.length - done,
      position === null ? null : position + done,
    );
    // A write that makes no progress would loop forever: the disk has stopped taking data.
    if (n <= 0) throw new Error('write made no progress');
    done += n;
  }
}

/** Reads `length` bytes from `position`, or fewer at the end of the file. */
export function readAll(
  io: Io,
  fd: number,
  buffer: Uint8Array,
  length: number,
  position: number,
): number {
  let got = 0;
  while (got < length) {
    const n = io.readSync(fd, buffer, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got;
}

/** Calls `fn`, ignoring any error: for clean-up that must not hide the first failure. */
export function quietly(fn: () => void): boolean {
  try {
    fn();
    return true;
  } catch {
    return false;
  }
}

/** fsync of a directory, so a rename or a new name in it survives a power cut. */
export function fsyncDir(dir: string, io: Io = realIo): void {
  if (process.platform === 'win32') return;
  const fd = io.openSync(dir, 'r');
  try {
    io.fsyncSync(fd);
  } finally {
    io.closeSync(fd);
  }
}
