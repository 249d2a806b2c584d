// Opening the collection for a command, and telling the user what the store noticed (a file
// set aside, log lines skipped): every command prints those, not only the home screen.

import type { Collection } from '../app/collection.js';
import { openCollection, unknownDeck } from '../app/open.js';
import type { Deck } from '../core/model.js';
import { oneLine } from '../core/sanitize.js';
import type { Store } from '../store/store.js';
import { type Context, UsageError } from './context.js';

export interface Opened {
  collection: Collection;
  store: Store;
}

export async function withCollection<T>(
  ctx: Context,
  mode: 'read' | 'write',
  fn: (o: Opened) => Promise<T>,
  opts: { printNotices?: boolean } = {},
): Promise<T> {
  const opened = await openCollection(ctx, mode === 'read');
  try {
    return await fn(opened);
  } finally {
    await opened.store.close();
    if (opts.printNotices !== false)
      for (const n of opened.store.notices) process.stderr.write(`hyperrecall: ${oneLine(n)}\n`);
  }
}

/** Deck ids given on the command line must exist: a typo is a usage error, not an empty session. */
export function requireDecks(decks: readonly Deck[], ids: readonly string[]): void {
  const unknown = unknownDeck(decks, ids);
  if (unknown !== null)
    throw new UsageError(
      `unknown deck '${oneLine(unknown)}'. Known decks: ${decks.map((d) => d.id).join(', ') || '(none)'}`,
    );
}
