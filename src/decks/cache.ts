// Parsed decks keyed by a hash of their text. YAML parsing and validation dominate
// start-up, so the build parses the shipped decks once (dist/deck-cache.json) and every
// command reuses the result while a file's text is unchanged.
import { readFileSync } from 'node:fs';
import { isParseResult, jsonMaySpellControl } from './cache-shape.js';
import type { ParseResult } from './parse.js';

/** Stands in for the file name inside cached results; replaced on load. */
export const FILE_TOKEN = '\u0000file';

export type DeckCache = Record<string, ParseResult>;

/**
 * The format of both cache files (the build's and the data directory's). Bump it whenever
 * `parseDeck` can return something else for the same text. A file of another version is
 * ignored and rewritten: a cache needs no migration, everything in it can be parsed again.
 */
export const DECK_CACHE_VERSION = 2;

const HASH = /^[0-9a-z]+-[0-9a-z]+-[0-9a-z]+$/;

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

/**
 * The results a cache file's JSON holds, each checked: a file of another version or shape
 * gives none, and a result that does not check is dropped (its deck is parsed again).
 * `textIsClean`: the JSON text was scanned and cannot hold a control character.
 */
export function deckCacheFromJson(data: unknown, textIsClean = false): DeckCache {
  const out: DeckCache = {};
  if (data === null || typeof data !== 'object') return out;
  const { version, decks } = data as { version?: unknown; decks?: unknown };
  if (version !== DECK_CACHE_VERSION || decks === null || typeof decks !== 'object') return out;
  for (const [hash, result] of Object.entries(decks))
    if (HASH.test(hash) && isParseResult(result, textIsClean)) out[hash] = result;
  return out;
}

/** As `deckCacheFromJson`, from the file's text; throws when it is not JSON. */
export function deckCacheFromText(json: string): DeckCache {
  return deckCacheFromJson(JSON.parse(json), !jsonMaySpellControl(json));
}

export function deckCacheToJson(cache: DeckCache): string {
  return JSON.stringify({ version: DECK_CACHE_VERSION, decks: cache });
}

export function readDeckCache(file: string): DeckCache {
  try {
    return deckCacheFromText(readFileSync(file, 'utf8'));
  } catch {
    // No cache (a source checkout before the first build) or not JSON: decks are parsed.
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
