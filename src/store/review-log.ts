// The append-only review log: one JSON object per line, one file per device
// (`reviews-<device>.jsonl`). An append is written in full and fdatasynced before it
// returns, or it fails and leaves the file as it was: only then may the caller acknowledge
// the answer. Reading takes the union of all devices' files (and their conflict copies)
// and skips, without failing, lines written by a newer version.
import type { LogRecord } from '../core/model.js';
import { classifyRecord } from '../core/records.js';
import { conflictBase } from './conflict-copies.js';
import { createFileDurably, pathExists } from './durable-file.js';
import { errnoCode, NotAFileError, UnreadableError, WriteFailedError } from './errors.js';
import { type Io, quietly, readAll, realIo, writeAll } from './io.js';

export const LOG_RE = /^reviews-[a-z0-9_-]+\.jsonl$/;

export function logFileName(device: string): string {
  return `reviews-${device}.jsonl`;
}

/** The device a log file (or a conflict copy of one) belongs to: `reviews-laptop.jsonl` -> `laptop`. */
export function logDevice(name: string): string {
  return (conflictBase(name) ?? name).replace(/^reviews-/, '').replace(/\.jsonl$/, '');
}

export function listLogFiles(dir: string, io: Io = realIo): string[] {
  let names: string[];
  try {
    names = io.readdirSync(dir);
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return [];
    throw new UnreadableError(dir, err);
  }
  return names.filter((n) => LOG_RE.test(n) || LOG_RE.test(conflictBase(n) ?? '')).sort();
}

export interface BadLine {
  /** Byte offset of the line in the file. */
  offset: number;
  /** The line as read (cut at BAD_TEXT_MAX characters); untrusted text. */
  text: string;
  reason: string;
}

export interface LogChunk {
  records: LogRecord[];
  /** Lines from a newer version: they stay in the file and are skipped here. */
  future: { count: number; types: string[] };
  /** Lines that are not records: not JSON, or a known record type in a broken shape. */
  bad: BadLine[];
  /** Byte offset up to which the file was consumed (complete lines only). */
  end: number;
  /** The file's size when read: more than `end` means an unfinished last line. */
  size: number;
}

const READ_CHUNK = 8 * 1024 * 1024;
const BAD_TEXT_MAX = 1000;
function emptyChunk(start: number): LogChunk {
  return { records: [], future: { count: 0, types: [] }, bad: [], end: start, size: 0 };
}

/** Opens a log for reading; typed errors for a directory or a file we may not read. */
function openForReading(file: string, io: Io): number | null {
  let fd: number;
  try {
    fd = io.openSync(file, 'r');
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'ENOENT') return null;
    if (code === 'EISDIR') throw new NotAFileError(file, 'a review log');
    throw new UnreadableError(file, err);
  }
  try {
    const st = io.fstatSync(fd);
    if (!st.isFile()) throw new NotAFileError(file, 'a review log', st.isDirectory());
  } catch (err) {
    quietly(() => io.closeSync(fd));
    throw err;
  }
  return fd;
}

/**
 * Reads the complete lines of `file` from byte `start`. A torn last line is left
 * unconsumed. Reads in chunks, so a log of hundreds of megabytes never sits in memory whole.
 */
export function readLog(file: string, start = 0, io: Io = realIo): LogChunk {
  const chunk = emptyChunk(start);
  const fd = openForReading(file, io);
  if (fd === null) return chunk;
  const futureTypes = new Set<string>();
  try {
    const size = io.fstatSync(fd).size;
    chunk.size = size;
    if (size <= start) return chunk;
    let buf = Buffer.allocUnsafe(Math.min(READ_CHUNK, size - start));
    let pos = start; // file offset of buf[0]
    let have = 0;
    while (pos + have < size) {
      if (have === buf.length) {
        // One line longer than the buffer: grow rather than cut it.
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, have);
        buf = bigger;
      }
      const want = Math.min(buf.length - have, size - pos - have);
      const n = io.readSync(fd, buf, have, want, pos + have);
      if (n === 0) break; // the file shrank while we read it
      have += n;
      const used = parseLines(buf.subarray(0, have), pos, chunk, futureTypes);
      buf.copy(buf, 0, used, have);
      pos += used;
      have -= used;
    }
    chunk.end = pos;
    chunk.future.types = [...futureTypes].sort();
    return chunk;
  } catch (err) {
    if (err instanceof NotAFileError || err instanceof UnreadableError) throw err;
    if (errnoCode(err) === 'EISDIR') throw new NotAFileError(file, 'a review log');
    throw new UnreadableError(file, err);
  } finally {
    quietly(() => io.closeSync(fd));
  }
}

/** Judges every complete line in `buf`; returns how many bytes those lines take. */
function parseLines(buf: Buffer, base: number, out: LogChunk, futureTypes: Set<string>): number {
  let lineStart = 0;
  for (let nl = buf.indexOf(0x0a); nl >= 0; nl = buf.indexOf(0x0a, lineStart)) {
    if (nl > lineStart) {
      const text = buf.toString('utf8', lineStart, nl);
      let parsed: unknown;
      let isJson = true;
      try {
        parsed = JSON.parse(text);
      } catch {
        isJson = false;
      }
      if (!isJson) {
        if (text.trim() !== '') addBad(out, base + lineStart, text, 'not valid JSON');
      } else {
        const c = classifyRecord(parsed);
        if (c.kind === 'record') out.records.push(c.record);
        else if (c.kind === 'future') {
          out.future.count++;
          futureTypes.add(c.type);
        } else addBad(out, base + lineStart, text, c.reason);
      }
    }
    lineStart = nl + 1;
  }
  return lineStart;
}

function addBad(out: LogChunk, offset: number, text: string, reason: string): void {
  const shown = text.length > BAD_TEXT_MAX ? `${text.slice(0, BAD_TEXT_MAX)}…` : text;
  out.bad.push({ offset, text: shown, reason });
}

// Offset just past the last newline: only the file's tail is read, however long the log.
function lastLineEnd(io: Io, fd: number, size: number): number {
  const buf = Buffer.alloc(64 * 1024);
  let pos = size;
  while (pos > 0) {
    const start = Math.max(0, pos - buf.length);
    const n = readAll(io, fd, buf, pos - start, start);
    const i = buf.subarray(0, n).lastIndexOf(0x0a);
    if (i >= 0) return start + i + 1;
    pos = start;
  }
  return 0;
}

/** The writer for this device's log. Holds the file open for the whole session. */
export class LogWriter {
  private fd: number | null;
  /** The side file an unfinished last line was moved to when the log was opened. */
  readonly tornTail: string | null;
  /** Set when a failed append could not be cut back: the size to restore first. */
  private cutTo: number | null = null;

  constructor(
    readonly file: string,
    now: number,
    private readonly io: Io = realIo,
  ) {
    let fd: number;
    try {
      fd = io.openSync(file, 'a+');
    } catch (err) {
      const code = errnoCode(err);
      if (code === 'EISDIR') throw new NotAFileError(file, 'a review log');
      if (code === 'EACCES' || code === 'EPERM') throw new UnreadableError(file, err);
      throw new WriteFailedError(file, err);
    }
    this.fd = fd;
    try {
      const st = io.fstatSync(fd);
      if (!st.isFile()) throw new NotAFileError(file, 'a review log', st.isDirectory());
      this.tornTail = this.repairTail(fd, now);
    } catch (err) {
      this.close();
      throw err;
    }
  }

  /**
   * A crash mid-append can leave a partial last line. It was never acknowledged, so it is
   * cut off, but its bytes are first kept in a side file. If the side file cannot be
   * written (a full disk), nothing is cut and the open fails with the reason.
   */
  private repairTail(fd: number, now: number): string | null {
    const { io, file } = this;
    let size: number;
    let end: number;
    let tail: Buffer;
    try {
      size = io.fstatSync(fd).size;
      if (size === 0) return null;
      end = lastLineEnd(io, fd, size);
      if (end === size) return null;
      tail = Buffer.alloc(size - end);
      readAll(io, fd, tail, tail.length, end);
    } catch (err) {
      throw new UnreadableError(file, err);
    }
    let side = `${file}.torn-${now}`;
    for (let i = 1; pathExists(side, io); i++) side = `${file}.torn-${now}-${i}`;
    try {
      createFileDurably(side, tail, io);
    } catch (err) {
      throw new WriteFailedError(side, err);
    }
    try {
      io.ftruncateSync(fd, end);
      io.fdatasyncSync(fd);
    } catch (err) {
      // The tail is still in the log; the next open saves it again.
      quietly(() => io.unlinkSync(side));
      throw new WriteFailedError(file, err);
    }
    return side;
  }

  /**
   * Appends one record and returns once it is on disk. On any failure the file is cut
   * back to its size before this call and WriteFailedError is thrown: the answer must not
   * be acknowledged. The writer stays usable, so the same append can be retried.
   */
  append(rec: LogRecord): void {
    this.appendAll([rec]);
  }

  /** As `append`, for records that belong together (an answer and its leech mark): all or none. */
  appendAll(recs: readonly LogRecord[]): void {
    const { io } = this;
    const fd = this.fd;
    if (fd === null) throw new Error('review log is closed');
    if (recs.length === 0) return;
    const line = Buffer.from(recs.map((r) => `${JSON.stringify(r)}\n`).join(''));
    let before = -1;
    try {
      if (this.cutTo !== null) {
        io.ftruncateSync(fd, this.cutTo);
        io.fdatasyncSync(fd);
        this.cutTo = null;
      }
      before = io.fstatSync(fd).size;
      writeAll(io, fd, line, null);
      io.fdatasyncSync(fd);
    } catch (err) {
      const rolledBack = before < 0 ? this.cutTo === null : this.rollBack(fd, before);
      throw new WriteFailedError(this.file, err, rolledBack);
    }
  }

  /** Best-effort: takes back a failed append; if it cannot, the next append tries again. */
  private rollBack(fd: number, size: number): boolean {
    try {
      this.io.ftruncateSync(fd, size);
    } catch {
      this.cutTo = size;
      return false;
    }
    quietly(() => this.io.fdatasyncSync(fd));
    return true;
  }

  /** Bytes of acknowledged lines: a failed append that is not yet cut back does not count. */
  size(): number {
    if (this.fd === null) return 0;
    return this.cutTo ?? this.io.fstatSync(this.fd).size;
  }

  close(): void {
    const fd = this.fd;
    this.fd = null;
    if (fd !== null) quietly(() => this.io.closeSync(fd));
  }
}
