// `export --json`: the whole progress of a data directory as one versioned JSON file.
import type { LogRecord } from '../../core/model.js';
import type { Progress } from '../../core/progress.js';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './backup-schema.js';

export interface BackupSource {
  readonly progress: Progress;
  readonly settings: Record<string, unknown>;
  readAllRecords(): LogRecord[];
}

export function buildBackup(
  store: BackupSource,
  meta: { app: string; device: string; now: number },
): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(meta.now).toISOString(),
    app: meta.app,
    device: meta.device,
    settings: { ...store.settings },
    cards: store.progress.cards,
    marks: store.progress.marks,
    log: store.readAllRecords() as unknown as Backup['log'],
  };
}

export function backupText(backup: Backup): string {
  return `${JSON.stringify(backup, null, 1)}\n`;
}
