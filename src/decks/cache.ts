// Parsed decks keyed by a hash of their text. YAML parsing and validation dominate
// start-up, so the build parses the shipped decks once (dist/deck-cache.json) and every
// command reuses the result while a file's text is unchanged.
import { readFileSync } from 'node:fs';
import type { ParseResult } from './parse.js';

/** Stands in for the file name inside cached results; replaced on load. */
export const FILE_TOKEN = '\u0000file';

export type DeckCache = Record<string, ParseResult>;

/**
 * Two 32-bit FNV-1a hashes and the length: plenty to tell deck texts apart, and it spares
 * start-up the cost of loading node:crypto.
 */
export function textHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 16777619);
    b = Math.imul(b ^ c, 2246822519);
  }
  return `${text.length.toString(36)}-${(a >>> 0).toString(36)}-${(b >>> 0).toString(36)}`;
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
