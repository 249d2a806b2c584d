import type { Context } from '../context.js';
import { openCollection } from '../services/open.js';

export async function run(ctx: Context, opts: { json?: boolean }): Promise<number> {
  const { collection, store } = await openCollection(ctx, true);
  try {
    const s = collection.status(ctx.now());
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
    } else {
      // Colour only on a terminal: prompts and status bars embedding this get plain text.
      const paint = process.stdout.isTTY && ctx.color;
      const due = paint && s.due > 0 ? `\x1b[1;33m${s.due} due\x1b[0m` : `${s.due} due`;
      const overdue = s.overdue > 0 ? ` (${s.overdue} overdue)` : '';
      const line = `${due}${overdue} · ${s.new} new · ${s.learning} learning · streak ${s.streak}`;
      process.stdout.write(`${line}\n`);
    }
    for (const n of store.notices) process.stderr.write(`hyperrecall: ${n}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
