import { oneLine } from '../../core/sanitize.js';
import { type Context, UsageError } from '../context.js';
import { withCollection } from '../with-collection.js';

export async function run(ctx: Context, keys: string[], opts: { all?: boolean }): Promise<number> {
  if (keys.length === 0 && !opts.all)
    throw new UsageError('name card keys (see hyperrecall doctor) or pass --all');
  return withCollection(ctx, 'write', async ({ collection, store }) => {
    const marks = store.progress.marks;
    const suspended = Object.keys(marks).filter((k) => marks[k]?.suspended);
    const targets = opts.all ? suspended : keys;
    const unknown = targets.filter((k) => !suspended.includes(k));
    if (unknown.length) throw new UsageError(`not suspended: ${oneLine(unknown.join(', '))}`);
    for (const k of targets) collection.unsuspend(k, ctx.now());
    process.stdout.write(`unsuspended ${targets.length} card(s)\n`);
    return 0;
  });
}
