import type { Collection } from '../../app/collection.js';
import { deckRows } from '../../app/home.js';
import { oneLine } from '../../core/sanitize.js';
import { formatProblem } from '../../decks/problem.js';
import type { Context } from '../context.js';
import { withCollection } from '../with-collection.js';

function pad(s: string | number, n: number, right = false): string {
  const t = oneLine(String(s));
  const cut = t.length > n ? `${t.slice(0, n - 1)}…` : t;
  return right ? cut.padStart(n) : cut.padEnd(n);
}

/**
 * Lists the decks; exits 1 when a deck file has errors, naming each error as file:line:col
 * on stderr, so a script (or a learner wondering where a deck went) learns which file is
 * broken instead of seeing it silently missing from the list.
 */
export async function run(ctx: Context, opts: { json?: boolean }): Promise<number> {
  return withCollection(ctx, 'read', async ({ collection }) => {
    const listed = list(ctx, collection, opts);
    const errors = collection.index.errors();
    for (const p of errors) process.stderr.write(`hyperrecall: ${oneLine(formatProblem(p))}\n`);
    if (errors.length > 0) {
      const files = [...new Set(errors.map((p) => p.file))];
      process.stderr.write(
        `hyperrecall: ${files.length} deck file(s) have errors and are left out or incomplete; fix them (hyperrecall lint ${oneLine(files[0] ?? '')})\n`,
      );
    }
    return errors.length > 0 ? 1 : listed;
  });
}

function list(ctx: Context, collection: Collection, opts: { json?: boolean }): number {
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
}
