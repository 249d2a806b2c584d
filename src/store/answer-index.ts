// The answers statistics read, kept between runs in `cache/answers.bin` so that a run parses
// only the log lines appended since the last one (a million-answer log takes seconds to
// parse; its columns load in milliseconds). Like the deck cache it is only a cache: every
// log it was built from is checked (still as long, same first bytes), anything unexpected
// rebuilds it from the logs, and writing it is best-effort (a read-only or full data
// directory only costs the next run a parse), so nothing is thrown for it.
import { join } from 'node:path';
import type { LogRecord } from '../core/model.js';
import {
  type AnswerTable,
  appendRecords,
  COLUMNS,
  emptyTable,
  indexKeys,
} from '../core/stats/answer-table.js';
import { isConflictCopy } from './conflict-copies.js';
import { writeFileDurably } from './durable-file.js';
import { type Io, quietly, realIo } from './io.js';
import { listLogFiles, readLog } from './review-log.js';

/** Bumped when the file's layout or a column's meaning changes: another version rebuilds. */
export const ANSWER_INDEX_VERSION = 1;
const HEAD_BYTES = 256;

interface LogMark {
  /** Bytes read: complete lines only. */
  end: number;
  /** The log's first bytes (base64), so a log replaced by another of the same size is seen. */
  head: string;
}

interface Header {
  version: number;
  rows: number;
  keys: string[];
  logs: Record<string, LogMark>;
}

export const answerIndexFile = (dataDir: string) => join(dataDir, 'cache', 'answers.bin');

function head(io: Io, file: string): string | null {
  let fd: number | null = null;
  try {
    fd = io.openSync(file, 'r');
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = io.readSync(fd, buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, n).toString('base64');
  } catch {
    return null;
  } finally {
    const open = fd;
    if (open !== null) quietly(() => io.closeSync(open));
  }
}

function sizeOf(io: Io, file: string): number {
  try {
    return io.statSync(file).size;
  } catch {
    return -1;
  }
}

function decode(buf: Buffer): { table: AnswerTable; logs: Record<string, LogMark> } | null {
  if (buf.length < 8 || buf.readUInt32LE(0) !== ANSWER_INDEX_VERSION) return null;
  const len = buf.readUInt32LE(4);
  const h = JSON.parse(buf.toString('utf8', 8, 8 + len)) as Header;
  if (h.version !== ANSWER_INDEX_VERSION || !Array.isArray(h.keys)) return null;
  const table = emptyTable(Math.max(1, h.rows));
  table.keys = h.keys;
  table.rows = h.rows;
  let at = 8 + len;
  for (const c of COLUMNS) {
    const col = table[c];
    const bytes = h.rows * col.BYTES_PER_ELEMENT;
    if (at + bytes > buf.length) return null;
    // A copy: the columns need their own aligned buffers.
    new Uint8Array(col.buffer, 0, bytes).set(buf.subarray(at, at + bytes));
    at += bytes;
  }
  for (let i = 0; i < table.rows; i++) if (table.key[i]! >= table.keys.length) return null;
  return { table, logs: h.logs };
}

function encode(table: AnswerTable, logs: Record<string, LogMark>): Buffer {
  const header: Header = {
    version: ANSWER_INDEX_VERSION,
    rows: table.rows,
    keys: table.keys,
    logs,
  };
  const json = Buffer.from(JSON.stringify(header));
  const parts: Buffer[] = [Buffer.alloc(8), json];
  parts[0]!.writeUInt32LE(ANSWER_INDEX_VERSION, 0);
  parts[0]!.writeUInt32LE(json.length, 4);
  for (const c of COLUMNS) {
    const col = table[c];
    parts.push(Buffer.from(col.buffer, col.byteOffset, table.rows * col.BYTES_PER_ELEMENT));
  }
  return Buffer.concat(parts);
}

function readCache(dataDir: string, io: Io) {
  try {
    return decode(io.readFileSync(answerIndexFile(dataDir)));
  } catch {
    return null;
  }
}

/** Whether every log the cache read is still there, at least as long, with the same head. */
function stillValid(dataDir: string, logs: Record<string, LogMark>, io: Io): boolean {
  return Object.entries(logs).every(([name, mark]) => {
    const file = join(dataDir, name);
    return sizeOf(io, file) >= mark.end && (mark.end === 0 || head(io, file) === mark.head);
  });
}

/**
 * Every answer of every log in the data directory, as columns: the cache plus the lines
 * appended since, or a fresh read of every log when the cache does not fit them.
 */
export function answerTable(dataDir: string, io: Io = realIo): AnswerTable {
  const cached = readCache(dataDir, io);
  const fits = cached !== null && stillValid(dataDir, cached.logs, io);
  const table = fits ? cached.table : emptyTable();
  const logs: Record<string, LogMark> = fits ? { ...cached.logs } : {};
  // Built only when lines were appended: 100,000 keys cost more than reading the cache.
  let keyIndex: Map<string, number> | null = null;
  let changed = !fits;
  const names = listLogFiles(dataDir, io);
  // A sync tool's conflict copy repeats answers of its log: those count once. Only then is
  // the table searched, so a directory without copies pays nothing.
  let seen: Set<string> | null = null;
  const copies = names.some(isConflictCopy);
  for (const name of names) {
    const file = join(dataDir, name);
    const start = logs[name]?.end ?? 0;
    if (sizeOf(io, file) <= start) continue;
    const chunk = readLog(file, start, io);
    if (chunk.end === start) continue;
    keyIndex ??= indexKeys(table);
    if (copies) seen ??= answersIn(table);
    appendRecords(table, seen ? chunk.records.filter(firstTime(seen)) : chunk.records, keyIndex);
    logs[name] = { end: chunk.end, head: head(io, file) ?? '' };
    changed = true;
  }
  if (changed) writeCache(dataDir, table, logs, io);
  return table;
}

function writeCache(dataDir: string, table: AnswerTable, logs: Record<string, LogMark>, io: Io) {
  try {
    io.statSync(dataDir);
    io.mkdirSync(join(dataDir, 'cache'), { recursive: true });
    writeFileDurably(answerIndexFile(dataDir), encode(table, logs), io, false);
  } catch {
    // Best-effort, as the deck cache: the next run reads the logs again.
  }
}

const answerId = (key: string, at: number) => `${key}\u0000${at}`;

/** The answers in the table, by card and time. */
function answersIn(t: AnswerTable): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < t.rows; i++) out.add(answerId(t.keys[t.key[i]!]!, t.at[i]!));
  return out;
}

/** False for an answer already in the table (a copy); undos and the rest pass. */
function firstTime(seen: Set<string>) {
  return (rec: LogRecord): boolean => {
    if (rec.type !== 'review' && rec.type !== 'cram') return true;
    const id = answerId(rec.key, rec.at);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  };
}
