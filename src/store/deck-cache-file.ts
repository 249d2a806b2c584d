// Parsed user decks, kept in the data directory so a large collection starts without
// parsing YAML. Keyed by the text hash: an edited file simply misses and is parsed again.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeckCache } from '../decks/cache.js';
import { writeFileDurably } from './durable-file.js';

function cacheFile(dataDir: string): string {
  return join(dataDir, 'cache', 'decks.json');
}

export function readUserDeckCache(dataDir: string): DeckCache {
  try {
    return JSON.parse(readFileSync(cacheFile(dataDir), 'utf8')) as DeckCache;
  } catch {
    // Missing or damaged: it is only a cache, the decks are parsed again.
    return {};
  }
}

/** Keeps exactly the entries for the deck files read this time. */
export function writeUserDeckCache(
  dataDir: string,
  cache: DeckCache,
  keep: readonly string[],
): void {
  const out: DeckCache = {};
  for (const h of keep) if (cache[h]) out[h] = cache[h];
  if (!existsSync(dataDir)) return;
  mkdirSync(join(dataDir, 'cache'), { recursive: true });
  writeFileDurably(cacheFile(dataDir), JSON.stringify(out));
}
