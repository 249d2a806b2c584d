// Parsed decks keyed by a hash of their text. YAML parsing and validation dominate
// start-up, so the build parses the shipped decks once (dist/deck-cache.json) and every
// command reuses the result while a file's text is unchanged.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ParseResult } from './parse.js';

/** Stands in for the file name inside cached results; replaced on load. */
export const FILE_TOKEN = '\u0000file';

export type DeckCache = Record<string, ParseResult>;

export function textHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

export function readDeckCache(file: string): DeckCache {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as DeckCache;
  } catch {
    // No cache (a source checkout before the first build): decks are parsed instead.
    return {};
  }
}

/** A cached result with the real file name put back. */
export function reviveCached(r: ParseResult, file: string): ParseResult {
  return {
    ...r,
    problems: r.problems.map((p) => ({ ...p, file })),
    deck: r.deck && {
      ...r.deck,
      file,
      entries: r.deck.entries.map((e) => ({ ...e, pos: { ...e.pos, file } })),
    },
  };
}
