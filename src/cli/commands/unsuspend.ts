import { type Context, UsageError } from '../context.js';
import { openCollection } from '../services/open.js';

export async function run(ctx: Context, keys: string[], opts: { all?: boolean }): Promise<number> {
  if (keys.length === 0 && !opts.all)
    throw new UsageError('name card keys (see hyperrecall doctor) or pass --all');
  // A second writer is refused with StoreLockedError; main reports it (exit 1).
  const { collection, store } = await openCollection(ctx, false);
  try {
    const marks = store.progress.marks;
    const suspended = Object.keys(marks).filter((k) => marks[k]?.suspended);
    const targets = opts.all ? suspended : keys;
    const unknown = targets.filter((k) => !suspended.includes(k));
    if (unknown.length) throw new UsageError(`not suspended: ${unknown.join(', ')}`);
    for (const k of targets) collection.unsuspend(k, ctx.now());
    process.stdout.write(`unsuspended ${targets.length} card(s)\n`);
    return 0;
  } finally {
    await store.close();
  }
}
