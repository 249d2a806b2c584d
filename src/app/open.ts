// Loads decks and opens the store: the start of every command that shows progress.
import { join } from 'node:path';
import type { Deck } from '../../core/model.js';
import { readDeckCache } from '../../decks/cache.js';
import { loadDecks } from '../../decks/load.js';
import { readUserDeckCache, writeUserDeckCache } from '../../store/deck-cache-file.js';
import { Store } from '../../store/store.js';
import { type Context, UsageError } from '../context.js';
import { Collection } from './collection.js';

export async function openCollection(
  ctx: Context,
  readOnly: boolean,
): Promise<{ collection: Collection; store: Store }> {
  const shipped = readDeckCache(join(ctx.root, 'dist', 'deck-cache.json'));
  const user = readUserDeckCache(ctx.dataDir);
  const cache = { ...shipped, ...user };
  const load = async () => {
    const before = new Set(Object.keys(cache));
    const loaded = await loadDecks(ctx.deckDirs, cache);
    const userHashes = loaded.hashes.filter((h) => !(h in shipped));
    const changed =
      loaded.hashes.some((h) => !before.has(h)) || userHashes.length !== Object.keys(user).length;
    if (changed) writeUserDeckCache(ctx.dataDir, cache, userHashes);
    return loaded;
  };
  const loaded = await load();
  const store = await Store.open({
    dataDir: ctx.dataDir,
    device: ctx.device,
    now: ctx.now,
    readOnly,
  });
  return { collection: new Collection(loaded, store, ctx.device, load), store };
}

/** Deck ids given on the command line must exist: a typo is a usage error, not an empty session. */
export function requireDecks(decks: readonly Deck[], ids: readonly string[]): void {
  const known = decks.map((d) => d.id);
  const unknown = ids.find((id) => !known.includes(id));
  if (unknown !== undefined)
    throw new UsageError(`unknown deck '${unknown}'. Known decks: ${known.join(', ') || '(none)'}`);
}
