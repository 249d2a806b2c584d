import type { Context } from '../context.js';
import { openCollection } from '../services/open.js';

export const description = 'One-line summary for a shell prompt or tmux status bar';

export async function run(ctx: Context, opts: { json?: boolean }): Promise<number> {
  const { collection, store } = await openCollection(ctx, true);
  try {
    const s = collection.status(ctx.now());
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
    } else {
      const line = `${s.due} due · ${s.new} new · ${s.learning} learning · streak ${s.streak}`;
      process.stdout.write(`${line}\n`);
    }
    for (const n of store.notices) process.stderr.write(`hyperrecall: ${n}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
