// The append-only review log: one JSON object per line, one file per device
// (`reviews-<device>.jsonl`). Every append is fsynced before it returns, so an
// acknowledged review survives kill -9. Reading takes the union of all devices' files.
import {
  closeSync,
  existsSync,
  fdatasyncSync,
  fstatSync,
  ftruncateSync,
  openSync,
  readdirSync,
  readSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import type { LogRecord } from '../core/model.js';

export const LOG_RE = /^reviews-[a-z0-9_-]+\.jsonl$/;

export function logFileName(device: string): string {
  return `reviews-${device}.jsonl`;
}

export function listLogFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => LOG_RE.test(n))
    .sort();
}

export interface LogChunk {
  records: LogRecord[];
  /** Byte offset up to which the file was consumed (complete lines only). */
  end: number;
  /** Lines that could not be parsed, by byte offset. */
  bad: { offset: number; text: string }[];
}

function isReview(x: unknown): boolean {
  if (!x || typeof x !== 'object') return false;
  const r = x as Record<string, unknown>;
  return (
    r.type === 'review' &&
    typeof r.id === 'string' &&
    typeof r.key === 'string' &&
    typeof r.at === 'number' &&
    typeof r.rating === 'number' &&
    typeof r.day === 'number' &&
    !!r.after &&
    typeof r.after === 'object'
  );
}

function isRecord(x: unknown): x is LogRecord {
  if (!x || typeof x !== 'object') return false;
  const r = x as Record<string, unknown>;
  if (typeof r.id !== 'string' || typeof r.at !== 'number') return false;
  if (r.type === 'review') return isReview(r);
  if (r.type === 'undo') return isReview(r.review);
  if (r.type === 'exam') return !!r.summary && typeof r.summary === 'object';
  return (
    r.type === 'mark' &&
    typeof r.key === 'string' &&
    typeof r.mark === 'string' &&
    typeof r.day === 'number'
  );
}

/** Reads complete lines of `file` from byte `start`. A torn last line is left unconsumed. */
export function readLog(file: string, start = 0): LogChunk {
  const chunk: LogChunk = { records: [], end: start, bad: [] };
  if (!existsSync(file)) return chunk;
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size <= start) return chunk;
    const buf = Buffer.alloc(size - start);
    let got = 0;
    while (got < buf.length) {
      const n = readSync(fd, buf, got, buf.length - got, start + got);
      if (n === 0) break;
      got += n;
    }
    let lineStart = 0;
    for (let i = 0; i < got; i++) {
      if (buf[i] !== 0x0a) continue;
      const text = buf.toString('utf8', lineStart, i);
      if (text.trim() !== '') {
        try {
          const rec: unknown = JSON.parse(text);
          if (isRecord(rec)) chunk.records.push(rec);
          else chunk.bad.push({ offset: start + lineStart, text });
        } catch {
          chunk.bad.push({ offset: start + lineStart, text });
        }
      }
      lineStart = i + 1;
    }
    chunk.end = start + lineStart;
    return chunk;
  } finally {
    closeSync(fd);
  }
}

/** Offset just past the last newline: only the file's tail is read, however long the log. */
function lastLineEnd(fd: number, size: number): number {
  const chunk = Buffer.alloc(64 * 1024);
  let pos = size;
  while (pos > 0) {
    const start = Math.max(0, pos - chunk.length);
    const n = readSync(fd, chunk, 0, pos - start, start);
    const i = chunk.subarray(0, n).lastIndexOf(0x0a);
    if (i >= 0) return start + i + 1;
    pos = start;
  }
  return 0;
}

/** The writer for this device's log. Holds the file open for the whole session. */
export class LogWriter {
  private fd: number | null;
  readonly tornTail: string | null;

  constructor(
    readonly file: string,
    now: number,
  ) {
    this.fd = openSync(file, 'a+');
    this.tornTail = this.repairTail(now);
  }

  /**
   * A crash mid-append can leave a partial last line. It was never acknowledged, so it is
   * cut off, but its bytes are kept in a side file rather than destroyed.
   */
  private repairTail(now: number): string | null {
    const fd = this.fd!;
    const size = fstatSync(fd).size;
    if (size === 0) return null;
    const end = lastLineEnd(fd, size);
    if (end === size) return null;
    const tail = Buffer.alloc(size - end);
    readSync(fd, tail, 0, tail.length, end);
    const side = `${this.file}.torn-${now}`;
    writeFileSync(side, tail);
    ftruncateSync(fd, end);
    fdatasyncSync(fd);
    return side;
  }

  append(rec: LogRecord): void {
    if (this.fd === null) throw new Error('review log is closed');
    writeSync(this.fd, `${JSON.stringify(rec)}\n`);
    fdatasyncSync(this.fd);
  }

  size(): number {
    return this.fd === null ? 0 : fstatSync(this.fd).size;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
