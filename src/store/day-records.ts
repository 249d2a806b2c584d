// The records that name one study day, from every log, without parsing every line:
// per-deck limits need each deck's answers of the day, and a large log holds a million
// lines (parsing them all takes seconds). Each log is read in chunks and searched for the
// day's number as bytes; only lines where it stands as the value of a "day" field are
// parsed. hyperrecall writes numbers as JSON.stringify does, so every line of the day is
// found; a hand-edited spelling such as `"day": 2.0605e4` would not be.
import { join } from 'node:path';
import type { LogRecord } from '../core/model.js';
import { classifyRecord } from '../core/records.js';
import { type Io, quietly, realIo } from './io.js';
import { listLogFiles } from './review-log.js';

const CHUNK = 8 * 1024 * 1024;
const NL = 0x0a;

/**
 * Every record whose line has `"day": <day>` (a review, the review an undo takes back, a
 * mark...), from every log, in time order. Complete lines only, as the log reader: a torn
 * last line was never acknowledged. A log that cannot be read is left out.
 */
export function readDayRecords(dir: string, day: number, io: Io = realIo): LogRecord[] {
  const digits = Buffer.from(String(day));
  const out: LogRecord[] = [];
  for (const name of listLogFiles(dir, io)) scanLog(join(dir, name), digits, out, io);
  out.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // A record in two logs (a conflict copy, a merged one) counts once: copies sort together.
  return out.filter((r, i) => i === 0 || out[i - 1]!.id !== r.id);
}

function scanLog(file: string, digits: Buffer, out: LogRecord[], io: Io): void {
  let fd: number;
  try {
    fd = io.openSync(file, 'r');
  } catch {
    return;
  }
  try {
    const size = io.fstatSync(fd).size;
    let buf = Buffer.allocUnsafe(Math.max(1, Math.min(CHUNK, size)));
    let pos = 0; // file offset of buf[0]
    let have = 0;
    while (pos + have < size) {
      if (have === buf.length) {
        // One line longer than the buffer: grow rather than cut it.
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, have);
        buf = bigger;
      }
      const n = io.readSync(
        fd,
        buf,
        have,
        Math.min(buf.length - have, size - pos - have),
        pos + have,
      );
      if (n === 0) break; // the file shrank while we read it
      have += n;
      const used = buf.lastIndexOf(NL, have - 1) + 1;
      if (used === 0) continue;
      matchLines(buf.subarray(0, used), digits, out);
      buf.copy(buf, 0, used, have);
      pos += used;
      have -= used;
    }
  } catch {
    // Unreadable mid-way: what was found so far stands, as for a log that cannot be opened.
  } finally {
    quietly(() => io.closeSync(fd));
  }
}

/** Parses each line of `buf` (complete lines) where `digits` is the value of a "day" field. */
function matchLines(buf: Buffer, digits: Buffer, out: LogRecord[]): void {
  let from = 0;
  for (;;) {
    const hit = buf.indexOf(digits, from);
    if (hit < 0) return;
    if (!isDayValue(buf, hit, digits.length)) {
      from = hit + 1;
      continue;
    }
    const start = buf.lastIndexOf(NL, hit) + 1;
    const end = buf.indexOf(NL, hit);
    from = end + 1;
    try {
      const c = classifyRecord(JSON.parse(buf.toString('utf8', start, end)));
      if (c.kind === 'record') out.push(c.record);
    } catch {
      // Not JSON: the log reader reports such lines; here they simply do not count.
    }
  }
}

const isSpace = (b: number | undefined) => b === 0x20 || b === 0x09 || b === 0x0d;
const isDigit = (b: number | undefined) => b !== undefined && b >= 0x30 && b <= 0x39;

/** Whether the number at `at` is a whole number on its own, right after `"day":`. */
function isDayValue(buf: Buffer, at: number, length: number): boolean {
  const after = buf[at + length];
  if (isDigit(after) || after === 0x2e || after === 0x65 || after === 0x45) return false;
  let i = at - 1;
  while (isSpace(buf[i])) i--;
  if (buf[i] !== 0x3a) return false; // ':'
  i--;
  while (isSpace(buf[i])) i--;
  return (
    i >= 4 &&
    buf[i] === 0x22 &&
    buf[i - 1] === 0x79 &&
    buf[i - 2] === 0x61 &&
    buf[i - 3] === 0x64 &&
    buf[i - 4] === 0x22
  ); // "day"
}
