// Loads decks and opens the store: the start of every command that shows progress.
import { join } from 'node:path';
import { readDeckCache } from '../../decks/cache.js';
import { loadDecks } from '../../decks/load.js';
import { Store } from '../../store/store.js';
import type { Context } from '../context.js';
import { Collection } from './collection.js';

export async function openCollection(
  ctx: Context,
  readOnly: boolean,
): Promise<{ collection: Collection; store: Store }> {
  const cache = readDeckCache(join(ctx.root, 'dist', 'deck-cache.json'));
  const load = () => loadDecks(ctx.deckDirs, cache);
  const loaded = await load();
  const store = await Store.open({
    dataDir: ctx.dataDir,
    device: ctx.device,
    now: ctx.now,
    readOnly,
  });
  return { collection: new Collection(loaded, store, ctx.device, load), store };
}
