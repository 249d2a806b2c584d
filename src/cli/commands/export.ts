// `hyperrecall export --apkg FILE [DECK...] | --revlog FILE [DECK...] | --json FILE`.
// Reads the data directory (never writes it) and writes one file where the user asked.
import { exportApkg } from '../../app/interop/export-apkg.js';
import { writeExportFile } from '../../app/interop/export-file.js';
import { backupText, buildBackup } from '../../app/interop/export-json.js';
import { exportRevlog } from '../../app/interop/export-revlog.js';
import { oneLine } from '../../core/sanitize.js';
import { type Context, UsageError } from '../context.js';
import { resolveDecks, withCollection } from '../with-collection.js';

export interface ExportFlags {
  apkg?: string;
  revlog?: string;
  json?: string;
  force?: boolean;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export async function run(ctx: Context, deckArgs: string[], opts: ExportFlags): Promise<number> {
  const chosen = [opts.apkg, opts.revlog, opts.json].filter((x) => x !== undefined);
  if (chosen.length !== 1)
    throw new UsageError('export needs exactly one of --apkg FILE, --revlog FILE or --json FILE');
  if (opts.json !== undefined && deckArgs.length > 0)
    throw new UsageError('export --json writes the whole progress; it takes no deck ids');
  const write = (file: string, data: Uint8Array) =>
    writeExportFile(file, data, { dataDir: ctx.dataDir, force: opts.force === true });
  return withCollection(ctx, 'read', async ({ collection, store }) => {
    const now = ctx.now();
    const deckIds = deckArgs.length > 0 ? resolveDecks(collection.decks, deckArgs) : null;
    let line: string;
    if (opts.json !== undefined) {
      const backup = buildBackup(store, { app: ctx.version, device: ctx.device, now });
      write(opts.json, Buffer.from(backupText(backup)));
      line = `wrote ${oneLine(opts.json)}: backup of ${plural(Object.keys(backup.cards).length, 'card')} and ${plural(backup.log.length, 'log record')} (restore with hyperrecall import ${oneLine(opts.json)})`;
    } else if (opts.revlog !== undefined) {
      const csv = exportRevlog(store.readAllRecords(), deckIds);
      write(opts.revlog, Buffer.from(csv.text));
      line = `wrote ${oneLine(opts.revlog)}: ${plural(csv.rows, 'review')} of ${plural(csv.cards.length, 'card')} (FSRS revlog CSV)`;
    } else {
      const file = opts.apkg as string;
      const wanted = deckIds ? new Set(deckIds) : null;
      const result = await exportApkg(
        {
          decks: collection.decks.filter((d) => !wanted || wanted.has(d.id)),
          settings: collection.settings(),
          cards: store.progress.cards,
          marks: store.progress.marks,
          records: store.readAllRecords(),
        },
        now,
      );
      write(file, result.bytes);
      line = `wrote ${oneLine(file)}: ${plural(result.notes, 'note')}, ${plural(result.cards, 'card')}, ${plural(result.revlog, 'review log entry', 'review log entries')} (Anki package; import it with File > Import)`;
    }
    process.stdout.write(`${line}\n`);
    return 0;
  });
}
