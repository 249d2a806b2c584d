// `hyperrecall cards [QUERY]`: the card browser as a command. It only reads.
import { browseCollection } from '../../app/browser.js';
import { oneLine } from '../../core/sanitize.js';
import { cardJson } from '../../core/search/browse.js';
import { COLUMNS, isColumn } from '../../core/search/columns.js';
import { cardTable } from '../../core/search/table.js';
import { type Context, UsageError } from '../context.js';
import { withCollection } from '../with-collection.js';

export interface CardsFlags {
  sort?: string;
  desc?: boolean;
  json?: boolean;
}

/** Shell words back into one query; a word the shell unquoted that holds spaces was a phrase. */
export function joinQuery(words: readonly string[]): string {
  return words.map((w) => (/\s/.test(w) && !w.includes('"') ? `"${w}"` : w)).join(' ');
}

export async function run(ctx: Context, words: string[], opts: CardsFlags): Promise<number> {
  const column = (opts.sort ?? 'due').toLowerCase();
  if (!isColumn(column))
    throw new UsageError(`unknown --sort column '${oneLine(column)}' (${COLUMNS.join(', ')})`);
  // Options the parser does not know reach here (a single `-` is a query's "not").
  const option = words.find((w) => w.startsWith('--'));
  if (option !== undefined)
    throw new UsageError(
      `unknown option '${oneLine(option)}' (cards takes --sort, --desc, --json)`,
    );
  const query = joinQuery(words);
  return withCollection(ctx, 'read', async ({ collection }) => {
    const now = ctx.now();
    const found = browseCollection(collection, query, { column, desc: opts.desc === true }, now);
    if (!found.ok) throw new UsageError(`cards: ${oneLine(found.message)}`);
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(found.rows.map(cardJson), null, 2)}\n`);
      return 0;
    }
    if (found.rows.length === 0) {
      process.stdout.write('no cards match\n');
      return 0;
    }
    // Piped output has no width of its own: COLUMNS if the shell exports it, else 100.
    const width = process.stdout.isTTY
      ? process.stdout.columns || 80
      : Number(ctx.env.COLUMNS) > 0
        ? Number(ctx.env.COLUMNS)
        : 100;
    const table = cardTable(found.rows, width, now);
    process.stdout.write(`${table.header}\n${table.lines.join('\n')}\n`);
    process.stdout.write(`${found.rows.length} card(s)\n`);
    return 0;
  });
}
