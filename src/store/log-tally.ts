// How many records a log holds and when the last was written, without parsing every line:
// `sync --status` shows this for each device, and a log can hold a million lines.
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { completeEnd } from './sync-stage.js';

export interface LogTally {
  /** Complete lines; an unfinished last line is not counted. */
  records: number;
  /** `at` of the last complete line, or null when there is none or it cannot be read. */
  lastAt: number | null;
}

export async function tallyLog(file: string): Promise<LogTally> {
  const end = completeEnd(file);
  if (end === 0) return { records: 0, lastAt: null };
  let records = 0;
  for await (const chunk of createReadStream(file, { end: end - 1 })) {
    const buf = chunk as Buffer;
    for (let i = buf.indexOf(0x0a); i >= 0; i = buf.indexOf(0x0a, i + 1)) records++;
  }
  return { records, lastAt: lastLineTime(file, end) };
}

/** `at` of the line that ends at `end` (just past its newline). */
function lastLineTime(file: string, end: number): number | null {
  const fd = openSync(file, 'r');
  try {
    const len = Math.min(end, 64 * 1024);
    const buf = Buffer.alloc(len);
    readSync(fd, buf, 0, len, end - len);
    const body = buf.subarray(0, len - 1);
    const line = body.subarray(body.lastIndexOf(0x0a) + 1).toString('utf8');
    const at = (JSON.parse(line) as { at?: unknown }).at;
    return typeof at === 'number' && Number.isFinite(at) ? at : null;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
