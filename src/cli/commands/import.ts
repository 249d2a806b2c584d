// `hyperrecall import FILE [--dry-run] [--json]`: an Anki package (.apkg, .colpkg) becomes
// deck files in <data-dir>/decks/ plus its review history in the log; Anki's plain-text
// notes or a CSV/TSV (.txt, .csv, .tsv) become deck files.
import { extname, resolve } from 'node:path';
import { importAnki } from '../../app/interop/import-anki.js';
import type { ImportReport } from '../../app/interop/import-report.js';
import { importText, TEXT_EXTENSIONS } from '../../app/interop/import-text.js';
import type { LogRecord } from '../../core/model.js';
import { oneLine } from '../../core/sanitize.js';
import { AnkiImportError } from '../../decks/anki/errors.js';
import { importedRecordIds, writeImportLog } from '../../store/import-log.js';
import type { Context } from '../context.js';
import { withCollection } from '../with-collection.js';
import { reportText } from './import-output.js';
import { isBackupFile, runRestore } from './restore.js';

export interface ImportFlags {
  dryRun?: boolean;
  json?: boolean;
}

export async function run(ctx: Context, file: string, opts: ImportFlags): Promise<number> {
  // A backup from `export --json`: restored, not imported (cli/commands/restore.ts).
  if (isBackupFile(file)) return runRestore(ctx, file, opts);
  const path = resolve(file);
  let report: ImportReport;
  try {
    const text = TEXT_EXTENSIONS.includes(extname(path).toLowerCase());
    report = await withCollection(ctx, opts.dryRun ? 'read' : 'write', async ({ collection }) => {
      const target = {
        dataDir: ctx.dataDir,
        settings: collection.settings(),
        decks: collection.decks,
        recordIds: () => importedRecordIds(ctx.dataDir),
        writeLog: opts.dryRun
          ? null
          : (records: LogRecord[]) => writeImportLog(ctx.dataDir, records, ctx.now()),
      };
      return text ? importText(path, target) : importAnki(path, target, ctx.now());
    });
  } catch (err) {
    if (!(err instanceof AnkiImportError)) throw err;
    process.stderr.write(`hyperrecall: ${oneLine(err.message)}\n`);
    return 1;
  }
  process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : reportText(report));
  return 0;
}
