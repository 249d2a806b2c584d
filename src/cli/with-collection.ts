// Opening the collection for a command, and telling the user what the store noticed (a file
// set aside, log lines skipped): every command prints those, not only the home screen.

import type { Collection } from '../app/collection.js';
import { openCollection } from '../app/open.js';
import type { Deck } from '../core/model.js';
import { oneLine } from '../core/sanitize.js';
import type { Store } from '../store/store.js';
import { type Context, UsageError } from './context.js';
import { matchDeck } from './did-you-mean.js';

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

/** One deck id as typed, resolved as `resolveDecks` describes. */
function resolveDeck(ids: readonly string[], typed: string): string {
  const m = matchDeck(typed, ids);
  if (m.kind === 'found') return m.id;
  const name = oneLine(typed);
  if (m.kind === 'ambiguous')
    throw new UsageError(
      `deck '${name}' matches ${m.matches.length} decks: ${m.matches.join(', ')}. Type more of the id.`,
    );
  if (m.suggestion !== null)
    throw new UsageError(`unknown deck '${name}' (did you mean ${m.suggestion}?)`);
  throw new UsageError(
    `unknown deck '${name}'. Known decks: ${ids.join(', ') || '(none)'} (see hyperrecall decks)`,
  );
}

/**
 * The deck ids given on the command line, each resolved to a loaded deck: an exact id, or a
 * unique prefix or part (`ch04`). A typo is a usage error that suggests the closest id, not
 * an empty session; an ambiguous part lists the decks it matches.
 */
export function resolveDecks(decks: readonly Deck[], typed: readonly string[]): string[] {
  const ids = decks.map((d) => d.id);
  return [...new Set(typed.map((t) => resolveDeck(ids, t)))];
}

/**
 * For a caller that uses the typed ids as they are: each must be an exact id. A prefix or
 * part is refused with the id it stands for as the suggestion.
 */
export function requireDecks(decks: readonly Deck[], typed: readonly string[]): void {
  const ids = decks.map((d) => d.id);
  for (const t of typed) {
    const id = resolveDeck(ids, t);
    if (id !== t) throw new UsageError(`unknown deck '${oneLine(t)}' (did you mean ${id}?)`);
  }
}
