// Bringing a snapshot up to date with the logs. Usually only the bytes appended since the
// last run are read and applied. When that could differ from folding every log from the
// start (a log shrank or vanished, a record is a copy or arrived out of order), everything
// is folded again, so the cache always equals what the logs imply.
import { join } from 'node:path';
import { applyNewer, type DeviceLog, foldLogs } from '../core/fold.js';
import type { LogRecord } from '../core/model.js';
import { isConflictCopy } from './conflict-copies.js';
import { createFileDurably } from './durable-file.js';
import { type Io, realIo } from './io.js';
import { type LogChunk, listLogFiles, logDevice, logFileName, readLog } from './review-log.js';
import type { Snapshot } from './snapshot.js';

export interface CatchUpResult {
  /** Every log was folded from the start. */
  refolded: boolean;
  /** Why, when the reason is something the user should hear about. */
  mismatch: string | null;
  /** Lines from a newer version, skipped and kept. */
  future: number;
  /** Lines that are not records, per log file. */
  bad: { file: string; offset: number; text: string }[];
  /** Whether the snapshot changed. */
  changed: boolean;
  /** Ids of records found with different content in two places (a full fold only). */
  clashes?: string[];
}

function sizeOf(io: Io, file: string): number | null {
  try {
    return io.statSync(file).size;
  } catch {
    return null;
  }
}

/** Logs the snapshot has read further into than they now reach, or that are gone. */
function shrunkLogs(snap: Snapshot, dir: string, io: Io): string[] {
  return Object.entries(snap.logs)
    .filter(([name, bytes]) => bytes > 0 && (sizeOf(io, join(dir, name)) ?? -1) < bytes)
    .map(([name]) => name);
}

function note(result: CatchUpResult, file: string, chunk: LogChunk): void {
  result.future += chunk.future.count;
  for (const b of chunk.bad) result.bad.push({ file, offset: b.offset, text: b.text });
}

/** Every record of every log, from the start. */
export function readAllLogs(
  dir: string,
  io: Io = realIo,
  result?: CatchUpResult,
): { logs: DeviceLog[]; ends: Record<string, number> } {
  const logs: DeviceLog[] = [];
  const ends: Record<string, number> = {};
  for (const name of listLogFiles(dir, io)) {
    const chunk = readLog(join(dir, name), 0, io);
    if (result) note(result, name, chunk);
    logs.push({ device: logDevice(name), records: chunk.records });
    ends[name] = chunk.end;
  }
  return { logs, ends };
}

/** Replaces the snapshot's progress with a fold of every log; settings stay. */
export function refold(snap: Snapshot, dir: string, self: string, io: Io, result?: CatchUpResult) {
  const { logs, ends } = readAllLogs(dir, io, result);
  Object.assign(snap, foldLogs(logs, self, result?.clashes));
  snap.logs = ends;
  snap.clock = Math.max(snap.clock, latestOwnTime(logs, self));
}

function latestOwnTime(logs: readonly DeviceLog[], self: string): number {
  let t = 0;
  for (const log of logs)
    if (log.device === self) for (const r of log.records) if (r.at > t) t = r.at;
  return t;
}

/** Applies what the logs hold beyond the snapshot's positions, or refolds when needed. */
export function catchUp(snap: Snapshot, dir: string, self: string, io: Io = realIo) {
  const result: CatchUpResult = {
    refolded: false,
    mismatch: null,
    future: 0,
    bad: [],
    changed: false,
    clashes: [],
  };
  const shrunk = shrunkLogs(snap, dir, io);
  // A conflict copy that is gone was folded in (doctor --fix) or removed: fold again, quietly.
  const lost = shrunk.filter((name) => !isConflictCopy(name));
  if (lost.length > 0) {
    result.mismatch = `${lost.join(', ')} ${lost.length === 1 ? 'is' : 'are'} shorter than the cache remembers, or gone`;
  } else if (shrunk.length === 0) {
    const own = logFileName(self);
    for (const name of listLogFiles(dir, io)) {
      const from = snap.logs[name] ?? 0;
      const chunk = readLog(join(dir, name), from, io);
      note(result, name, chunk);
      if (!applyNewer(snap, chunk.records, name === own, self)) {
        result.refolded = true;
        break;
      }
      if (name === own) for (const r of chunk.records) if (r.at > snap.clock) snap.clock = r.at;
      if (chunk.end !== from) {
        snap.logs[name] = chunk.end;
        result.changed = true;
      }
    }
    if (!result.refolded) return result;
  }
  // Start over: the notes gathered so far would be counted twice.
  result.future = 0;
  result.bad = [];
  refold(snap, dir, self, io, result);
  result.refolded = true;
  result.changed = true;
  return result;
}

/** What the user is told about lines that were skipped: one notice for newer ones. */
export function skippedLines(result: CatchUpResult, setAside: boolean): string[] {
  const out: string[] = [];
  const n = result.future;
  if (n > 0)
    out.push(
      `${n} log entr${n === 1 ? 'y' : 'ies'} from a newer hyperrecall version ${n === 1 ? 'was' : 'were'} skipped (kept in the log); update hyperrecall to use them.`,
    );
  for (const b of result.bad.slice(0, 3))
    out.push(
      `${b.file}: an unreadable line at byte ${b.offset} was skipped (kept in the log${setAside ? ` and in ${b.file}.unreadable-${b.offset}` : ''}).`,
    );
  if (result.bad.length > 3) out.push(`… and ${result.bad.length - 3} more unreadable log lines.`);
  return out;
}

/**
 * Keeps each unreadable line in a file of its own beside its log (`<log>.unreadable-<byte>`),
 * so it stays findable (`doctor` lists it) after the cache has moved past it. Best-effort:
 * the line is still in the log either way.
 */
export function keepUnreadable(dir: string, bad: CatchUpResult['bad'], io: Io): string[] {
  const kept: string[] = [];
  for (const b of bad) {
    const file = join(dir, `${b.file}.unreadable-${b.offset}`);
    try {
      createFileDurably(file, Buffer.from(`${b.text}\n`), io);
      kept.push(file);
    } catch {}
  }
  return kept;
}

/** Every record of every log, in time order, each id once (a copy in two logs is one record). */
export function allRecords(dir: string, io: Io): LogRecord[] {
  const all: LogRecord[] = [];
  // No spread: a million records would overflow the call stack.
  for (const log of readAllLogs(dir, io).logs) for (const rec of log.records) all.push(rec);
  all.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return all.filter((r, i) => i === 0 || all[i - 1]!.id !== r.id);
}
