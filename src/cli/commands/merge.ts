// `hyperrecall merge OTHER_DATA_DIR`: a one-off union with another data directory (a backup,
// a copy from another machine). Idempotent: a second run adds nothing.
import { mergeDataDir, NotADataDirError } from '../../app/merge.js';
import { oneLine } from '../../core/sanitize.js';
import { type Context, UsageError } from '../context.js';
import { withCollection } from '../with-collection.js';

export async function run(ctx: Context, other: string, opts: { json?: boolean }): Promise<number> {
  return withCollection(ctx, 'write', async ({ store }) => {
    let result: ReturnType<typeof mergeDataDir>;
    try {
      result = mergeDataDir(store, other);
    } catch (err) {
      if (err instanceof NotADataDirError) throw new UsageError(oneLine(err.message));
      throw err;
    }
    if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else
      process.stdout.write(
        `merged ${oneLine(other)}: ${result.added} record(s) added to ${oneLine(store.logFile)}, ${result.present} already here (${result.logs} log file(s) read)\n`,
      );
    return 0;
  });
}
