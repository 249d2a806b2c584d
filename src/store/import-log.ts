// Records brought in by `import` go to a log file of their own, `reviews-import-<time>.jsonl`,
// as a synced device's log would: the store reads the union of all logs, deduplicated by
// record id. Written in one durable file create, so the history lands whole or not at all;
// and since no answer in it is this device's own, `u` after a restart never takes back an
// answer given in Anki.
import { join } from 'node:path';
import type { LogRecord } from '../core/model.js';
import { createFileDurably, pathExists } from './durable-file.js';
import { type Io, realIo } from './io.js';
import { listLogFiles, logFileName, readLog } from './review-log.js';

const IMPORT_LOG = /^reviews-import-/;

/** Writes `records` as a new log file in `dataDir` and returns its path. */
export function writeImportLog(
  dataDir: string,
  records: readonly LogRecord[],
  at: number,
  io: Io = realIo,
): string {
  let file = '';
  for (let i = 0; ; i++) {
    file = join(dataDir, logFileName(`import-${at.toString(36)}${i === 0 ? '' : `-${i}`}`));
    if (!pathExists(file, io)) break;
  }
  // Line by line into bytes: one string of a large history would double its size in memory.
  const lines = records.map((r) => Buffer.from(`${JSON.stringify(r)}\n`));
  createFileDurably(file, Buffer.concat(lines), io);
  return file;
}

/**
 * Ids of every record an import wrote, for the next import to leave out: only the import
 * logs are read, not a large study history.
 */
export function importedRecordIds(dataDir: string, io: Io = realIo): Set<string> {
  const ids = new Set<string>();
  for (const name of listLogFiles(dataDir, io))
    if (IMPORT_LOG.test(name))
      for (const r of readLog(join(dataDir, name), 0, io).records) ids.add(r.id);
  return ids;
}
