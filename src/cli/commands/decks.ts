import { deckRows } from '../../app/home.js';
import { oneLine } from '../../core/sanitize.js';
import type { Context } from '../context.js';
import { withCollection } from '../with-collection.js';

function pad(s: string | number, n: number, right = false): string {
  const t = oneLine(String(s));
  const cut = t.length > n ? `${t.slice(0, n - 1)}…` : t;
  return right ? cut.padStart(n) : cut.padEnd(n);
}

export async function run(ctx: Context, opts: { json?: boolean }): Promise<number> {
  return withCollection(ctx, 'read', async ({ collection }) => {
    const { rows } = deckRows(collection, ctx.now());
    if (opts.json) {
      const out = rows.map((r) => ({
        id: r.id,
        title: r.title,
        file: r.file,
        entries: r.entries,
        cards: r.cards,
        kinds: r.kinds,
        new: r.new,
        learning: r.learning,
        due: r.due,
      }));
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      return 0;
    }
    if (rows.length === 0) {
      const dirs = ctx.deckDirs.map((d) => `  ${oneLine(d)}`).join('\n');
      process.stdout.write(`No decks found in:\n${dirs}\n`);
      return 0;
    }
    const w = Math.max(10, ...rows.map((r) => r.id.length));
    process.stdout.write(
      `${pad('DECK', w)}  ${pad('ENTRIES', 7, true)} ${pad('CARDS', 6, true)} ${pad('NEW', 5, true)} ${pad('LEARN', 5, true)} ${pad('DUE', 5, true)}  TITLE\n`,
    );
    for (const r of rows)
      process.stdout.write(
        `${pad(r.id, w)}  ${pad(r.entries, 7, true)} ${pad(r.cards, 6, true)} ${pad(r.new, 5, true)} ${pad(r.learning, 5, true)} ${pad(r.due, 5, true)}  ${oneLine(r.title)}\n`,
      );
    return 0;
  });
}
