// `import FILE.json`: a backup from `export --json` back into a data directory.
//
// Nothing is lost, whatever the directory already holds: the backup's records join the
// directory's logs as one more log file (`reviews-restored-<time>.jsonl`), as a synced
// device's log would, and the store reads the union of all logs deduplicated by record id.
// So restoring into a fresh directory gives the backup's progress exactly; into one with
// progress of its own, both histories are kept (records already there are not written
// twice, and restoring the same backup again adds nothing). Settings the directory has not
// set come from the backup; ones it has set are kept, and the result lists them.
// All or nothing: the backup is checked whole (its format, version, every record, and that
// its log folds to the card states it claims) before one new file is written.
import { join } from 'node:path';
import { foldLogs } from '../../core/fold.js';
import type { LogRecord } from '../../core/model.js';
import { classifyRecord } from '../../core/records.js';
import { oneLine } from '../../core/sanitize.js';
import { createFileDurably, pathExists } from '../../store/durable-file.js';
import { logFileName } from '../../store/review-log.js';
import { Store } from '../../store/store.js';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup, backupSchema } from './backup-schema.js';
import { InteropError } from './export-file.js';

export interface RestoreResult {
  /** Records written (the backup's records the directory did not have). */
  added: number;
  /** Records the directory already had. */
  present: number;
  /** The log file written, or null when there was nothing to add. */
  logFile: string | null;
  /** Cards with progress after the restore. */
  cards: number;
  /** Settings taken from the backup. */
  settingsApplied: string[];
  /** Settings the directory had set differently: kept. */
  settingsKept: string[];
}

const isObj = (x: unknown): x is Record<string, unknown> =>
  !!x && typeof x === 'object' && !Array.isArray(x);

/** The backup in `text`, checked whole; throws a one-line InteropError naming `file`. */
export function readBackup(text: string, file: string): { backup: Backup; records: LogRecord[] } {
  const name = oneLine(file);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new InteropError(
      `${name} is not JSON; expected a backup from hyperrecall export --json`,
      file,
    );
  }
  if (!isObj(raw) || raw.format !== BACKUP_FORMAT)
    throw new InteropError(
      `${name} is not a hyperrecall backup (no "format": "${BACKUP_FORMAT}")`,
      file,
    );
  if (typeof raw.version === 'number' && raw.version > BACKUP_VERSION)
    throw new InteropError(
      `${name} is a version ${raw.version} backup, newer than this hyperrecall reads (${BACKUP_VERSION}); update hyperrecall to restore it`,
      file,
    );
  const parsed = backupSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') || '(top)' : '(top)';
    throw new InteropError(`${name}: ${where}: ${oneLine(issue?.message ?? 'malformed')}`, file);
  }
  const backup = parsed.data;
  const records: LogRecord[] = [];
  backup.log.forEach((line, i) => {
    const judged = classifyRecord(line);
    if (judged.kind === 'bad')
      throw new InteropError(
        `${name}: log.${i}: ${oneLine(judged.reason)}; nothing was restored`,
        file,
      );
    if (judged.kind === 'record') records.push(judged.record);
  });
  checkWhole(backup, records, file);
  return { backup, records };
}

/** The log must fold to the card states the backup lists: a cut or edited file fails here. */
function checkWhole(backup: Backup, records: LogRecord[], file: string): void {
  const folded = foldLogs([{ device: 'backup', records }], 'backup').cards;
  const keys = new Set([...Object.keys(folded), ...Object.keys(backup.cards)]);
  for (const key of keys)
    if (JSON.stringify(folded[key] ?? null) !== JSON.stringify(backup.cards[key] ?? null))
      throw new InteropError(
        `${oneLine(file)}: the log does not give the card state it lists for ${oneLine(key)} (a cut or edited backup); nothing was restored`,
        file,
      );
}

function restoredLogName(dataDir: string, at: number): { file: string; device: string } {
  for (let i = 0; ; i++) {
    const device = `restored-${at.toString(36)}${i === 0 ? '' : `-${i}`}`;
    const file = join(dataDir, logFileName(device));
    if (!pathExists(file)) return { file, device };
  }
}

function mergeSettings(
  mine: Record<string, unknown>,
  theirs: Record<string, unknown>,
): { merged: Record<string, unknown>; applied: string[]; kept: string[] } {
  const merged = { ...mine };
  const applied: string[] = [];
  const kept: string[] = [];
  for (const [k, v] of Object.entries(theirs)) {
    if (!(k in mine) || mine[k] === undefined) {
      merged[k] = v;
      applied.push(k);
    } else if (JSON.stringify(mine[k]) !== JSON.stringify(v)) kept.push(k);
  }
  return { merged, applied, kept };
}

export interface RestoreContext {
  dataDir: string;
  device: string;
  now: () => number;
}

/** What a restore would do, writing nothing (`import FILE.json --dry-run`). */
export async function previewRestore(
  ctx: RestoreContext,
  text: string,
  file: string,
): Promise<RestoreResult> {
  const { backup, records } = readBackup(text, file);
  const store = await Store.open({ ...ctx, readOnly: true });
  try {
    const existing = store.readAllRecords();
    const have = new Set(existing.map((r) => r.id));
    const fresh = records.filter((r) => !have.has(r.id));
    const settings = mergeSettings(store.settings, backup.settings);
    const all = [{ device: 'all', records: [...existing, ...fresh] }];
    return {
      added: fresh.length,
      present: records.length - fresh.length,
      logFile: null,
      cards: Object.keys(foldLogs(all, 'all').cards).length,
      settingsApplied: settings.applied,
      settingsKept: settings.kept,
    };
  } finally {
    await store.close();
  }
}

export async function restoreBackup(
  ctx: RestoreContext,
  text: string,
  file: string,
): Promise<RestoreResult> {
  const { backup, records } = readBackup(text, file);
  const store = await Store.open({ ...ctx, readOnly: false });
  let written: string | null = null;
  let result: RestoreResult;
  try {
    const have = new Set(store.readAllRecords().map((r) => r.id));
    const fresh = records.filter((r) => !have.has(r.id));
    if (fresh.length > 0) {
      const target = restoredLogName(ctx.dataDir, ctx.now());
      const lines = fresh.map((r) => `${JSON.stringify(r)}\n`).join('');
      createFileDurably(target.file, Buffer.from(lines));
      written = target.file;
    }
    const settings = mergeSettings(store.settings, backup.settings);
    if (settings.applied.length > 0) store.setSettings(settings.merged);
    result = {
      added: fresh.length,
      present: records.length - fresh.length,
      logFile: written,
      cards: 0,
      settingsApplied: settings.applied,
      settingsKept: settings.kept,
    };
  } catch (err) {
    // All or nothing: a settings write that failed takes the new log file back with it.
    if (written) {
      const { unlinkSync } = await import('node:fs');
      unlinkSync(written);
    }
    throw err;
  } finally {
    await store.close();
  }
  // Opening again folds the new log in and rewrites the cache, so the next command is fast.
  const after = await Store.open({ ...ctx, readOnly: false });
  try {
    result.cards = Object.keys(after.progress.cards).length;
  } finally {
    await after.close();
  }
  return result;
}
