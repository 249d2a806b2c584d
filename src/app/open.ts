// Loads decks and opens the store: the start of every command that shows progress.
import { join } from 'node:path';
import type { Deck } from '../core/model.js';
import { readDeckCache } from '../decks/cache.js';
import { loadDecks } from '../decks/load.js';
import { readUserDeckCache, writeUserDeckCache } from '../store/deck-cache-file.js';
import { Store } from '../store/store.js';
import { Collection } from './collection.js';
import { withOptimizer } from './optimize-port.js';

export interface OpenContext {
  /** The installed package: its build holds the shipped decks' parse cache. */
  root: string;
  dataDir: string;
  device: string;
  deckDirs: string[];
  now: () => number;
}

export async function openCollection(
  ctx: OpenContext,
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
    // Only a cache: best-effort, and never written by a command that must write nothing.
    if (changed && !readOnly) writeUserDeckCache(ctx.dataDir, cache, userHashes);
    return loaded;
  };
  const loaded = await load();
  const store = await Store.open({
    dataDir: ctx.dataDir,
    device: ctx.device,
    now: ctx.now,
    readOnly,
  });
  const collection = new Collection(loaded, store, ctx.device, load);
  // `o` on the Stats screen: the optimizer's worker, built beside the CLI (dist/).
  return {
    collection: withOptimizer(collection, join(ctx.root, 'dist', 'optimize-worker.js'), ctx.device),
    store,
  };
}

/** Deck ids given on the command line that are not loaded, or null when all exist. */
export function unknownDeck(decks: readonly Deck[], ids: readonly string[]): string | null {
  const known = new Set(decks.map((d) => d.id));
  return ids.find((id) => !known.has(id)) ?? null;
}
