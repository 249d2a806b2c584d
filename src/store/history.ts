// One card's records from every log, without parsing every line: the log is searched for
// the card's key as bytes and only the lines that hold it are parsed. Card info asks this
// on a keypress, and a large log holds a million lines.
import { join } from 'node:path';
import type { LogRecord } from '../core/model.js';
import { classifyRecord, recordKey } from '../core/records.js';
import type { Io } from './io.js';
import { listLogFiles } from './review-log.js';

function lineAround(buf: Buffer, at: number): [number, number] {
  const start = buf.lastIndexOf(0x0a, at) + 1;
  const nl = buf.indexOf(0x0a, at);
  return [start, nl < 0 ? buf.length : nl];
}

export function recordsAbout(dir: string, key: string, io: Io): LogRecord[] {
  const needle = Buffer.from(JSON.stringify(key));
  const out: LogRecord[] = [];
  for (const name of listLogFiles(dir, io)) {
    let buf: Buffer;
    try {
      buf = io.readFileSync(join(dir, name)) as Buffer;
    } catch {
      continue;
    }
    let from = 0;
    for (;;) {
      const hit = buf.indexOf(needle, from);
      if (hit < 0) break;
      const [start, end] = lineAround(buf, hit);
      from = end + 1;
      // Only complete lines: a torn last line was never acknowledged.
      if (end >= buf.length) break;
      try {
        const c = classifyRecord(JSON.parse(buf.toString('utf8', start, end)));
        if (c.kind === 'record' && recordKey(c.record) === key) out.push(c.record);
      } catch {}
    }
  }
  out.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // A record in two logs (a conflict copy) is one record: copies sort next to each other.
  return out.filter((r, i) => i === 0 || out[i - 1]!.id !== r.id);
}
