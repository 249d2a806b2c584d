// Parsed user decks, kept in the data directory so a large collection starts without
// parsing YAML. Keyed by the text hash: an edited file simply misses and is parsed again.
// The file is versioned (DECK_CACHE_VERSION); one of another version is ignored here and
// replaced at the next write.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DeckCache, deckCacheFromText, deckCacheToJson } from '../decks/cache.js';
import { writeFileDurably } from './durable-file.js';

function cacheFile(dataDir: string): string {
  return join(dataDir, 'cache', 'decks.json');
}

export function readUserDeckCache(dataDir: string): DeckCache {
  try {
    return deckCacheFromText(readFileSync(cacheFile(dataDir), 'utf8'));
  } catch {
    // Missing or damaged: it is only a cache, the decks are parsed again.
    return {};
  }
}

/**
 * Keeps exactly the entries for the deck files read this time. Best effort: a read-only
 * or full data directory only costs the next start a parse, so nothing is thrown.
 */
export function writeUserDeckCache(
  dataDir: string,
  cache: DeckCache,
  keep: readonly string[],
): void {
  const out: DeckCache = {};
  for (const h of keep) if (cache[h]) out[h] = cache[h];
  const file = cacheFile(dataDir);
  try {
    if (!existsSync(dataDir)) return;
    mkdirSync(join(dataDir, 'cache'), { recursive: true });
    writeFileDurably(file, deckCacheToJson(out));
  } catch {
    // writeFileDurably removes its temporary file when it fails; nothing is left to undo.
  }
}
