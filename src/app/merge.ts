// Bringing records from elsewhere into this data directory: `hyperrecall merge OTHER_DIR`
// (a backup, another machine's copy) and `doctor --fix` with a sync tool's conflict copies.
// Records keep their ids: each one missing from the union of this directory's logs is
// appended to this device's log, durably, under its lock; the fold counts a record once
// wherever it appears, so running either again adds nothing.
import { join, resolve } from 'node:path';
import type { LogRecord } from '../core/model.js';
import { readAllLogs } from '../store/catch-up.js';
import { conflictBase, otherConflictCopies } from '../store/conflict-copies.js';
import { StoreError } from '../store/errors.js';
import { fsyncDir, quietly, realIo } from '../store/io.js';
import { LOG_RE, listLogFiles, readLog } from '../store/review-log.js';
import type { Store } from '../store/store.js';

export interface MergeResult {
  /** Records appended to this device's log. */
  added: number;
  /** Records that were here already. */
  present: number;
  /** Log files read in the other directory. */
  logs: number;
}

/** The records of `candidates` whose ids are not in `have`, each once, in time order. */
export function missingRecords(have: ReadonlySet<string>, candidates: Iterable<LogRecord>) {
  const seen = new Set(have);
  const out: LogRecord[] = [];
  for (const rec of candidates) {
    if (seen.has(rec.id)) continue;
    seen.add(rec.id);
    out.push(rec);
  }
  return out.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export class NotADataDirError extends StoreError {}

/** Every record of every log in `other`, after checking it is a data directory at all. */
function otherRecords(other: string, self: string): { records: LogRecord[]; logs: number } {
  if (resolve(other) === resolve(self))
    throw new NotADataDirError('that is this data directory: nothing to merge', other);
  let logs: string[];
  try {
    if (!realIo.statSync(other).isDirectory()) throw new Error('not a directory');
    logs = listLogFiles(other);
  } catch {
    throw new NotADataDirError(`${other} is not a directory hyperrecall can read`, other);
  }
  const names = realIo.readdirSync(other);
  if (logs.length === 0 && !names.some((n) => /^state-.+\.json$/.test(n)))
    throw new NotADataDirError(
      `${other} is not a hyperrecall data directory (no reviews-<device>.jsonl log in it)`,
      other,
    );
  const records: LogRecord[] = [];
  for (const log of readAllLogs(other).logs) for (const rec of log.records) records.push(rec);
  return { records, logs: logs.length };
}

/** `merge OTHER_DIR`: the other directory's records this one lacks, appended to this device's log. */
export function mergeDataDir(store: Store, other: string): MergeResult {
  const { records, logs } = otherRecords(other, store.dataDir);
  const have = new Set(store.readAllRecords().map((r) => r.id));
  const fresh = missingRecords(have, records);
  if (fresh.length > 0) store.appendForeign(fresh);
  const distinct = new Set(records.map((r) => r.id)).size;
  return { added: fresh.length, present: distinct - fresh.length, logs };
}

export interface ConflictCopies {
  /** Conflict copies of review logs: their records are read, and --fix folds them in. */
  logs: string[];
  /** Conflict copies of anything else (caches, exam files): ignored; --fix removes them. */
  others: string[];
}

export function findConflictCopies(dir: string): ConflictCopies {
  let logs: string[] = [];
  try {
    logs = listLogFiles(dir).filter((n) => conflictBase(n) !== null);
  } catch {}
  return { logs, others: otherConflictCopies(dir, realIo, (b) => LOG_RE.test(b)) };
}

/**
 * `doctor --fix`: the records of the logs' conflict copies that the regular logs lack go to
 * this device's log; once that is durable, every conflict copy is removed.
 */
export function foldConflictCopies(store: Store): { added: number; removed: string[] } {
  const dir = store.dataDir;
  const copies = findConflictCopies(dir);
  const regular = new Set<string>();
  for (const name of listLogFiles(dir))
    if (conflictBase(name) === null)
      for (const rec of readLog(join(dir, name)).records) regular.add(rec.id);
  const candidates: LogRecord[] = [];
  for (const name of copies.logs) candidates.push(...readLog(join(dir, name)).records);
  const fresh = missingRecords(regular, candidates);
  const all = [...copies.logs, ...copies.others];
  const removed: string[] = [];
  const remove = () => {
    for (const name of all)
      if (quietly(() => realIo.unlinkSync(join(dir, name)))) removed.push(name);
    quietly(() => fsyncDir(dir));
  };
  // Removed only after the records they add are on disk (appendForeign runs `remove` then).
  if (fresh.length > 0) store.appendForeign(fresh, remove);
  else if (all.length > 0) {
    remove();
    store.appendForeign([]);
  }
  return { added: fresh.length, removed };
}

/** Record ids that hold different records in different places: two machines, one device name. */
export function findClashes(dir: string): string[] {
  const first = new Map<string, string>();
  const clashes = new Set<string>();
  for (const log of readAllLogs(dir).logs)
    for (const rec of log.records) {
      const text = JSON.stringify(rec);
      const seen = first.get(rec.id);
      if (seen === undefined) first.set(rec.id, text);
      else if (seen !== text) clashes.add(rec.id);
    }
  return [...clashes].sort();
}
