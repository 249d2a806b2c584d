// Finds deck files and loads them all. A broken file is reported and skipped; it never
// stops the other decks from loading, and nothing at a deck path makes these throw.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Deck } from '../core/model.js';
import { type DeckCache, FILE_TOKEN, reviveCached, textHash } from './cache.js';
import type { ParseResult } from './parse.js';
import type { Problem } from './problem.js';
import { readTextFile } from './read-file.js';

const DECK_FILE = /\.ya?ml$/i;

export interface LoadedDeck {
  deck: Deck;
  entryCount: number;
}

export interface LoadResult {
  decks: LoadedDeck[];
  /** Text hashes of the deck files read, for pruning a persisted cache. */
  hashes: string[];
  problems: Problem[];
  /** Files that failed to load at all, for the one-line warning on the home screen. */
  brokenFiles: string[];
  /**
   * Decks that replace one of the same id from an earlier directory: the learner's copy of a
   * shipped deck (made by `e`), which keeps the progress since cards are keyed by deck id.
   */
  overrides: DeckOverride[];
}

export interface DeckOverride {
  id: string;
  file: string;
  replaced: string;
}

const errorCode = (err: unknown): string => (err as NodeJS.ErrnoException).code ?? String(err);

function pathProblem(file: string, message: string): Problem {
  return { file, line: 1, col: 1, severity: 'error', message };
}

/** Deck files under the given paths (files or directories), sorted, missing paths skipped. */
export function findDeckFiles(paths: readonly string[], problems: Problem[] = []): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(p);
    } catch (err) {
      const code = errorCode(err);
      problems.push(
        pathProblem(p, code === 'ENOENT' ? 'no such file or directory' : `cannot read: ${code}`),
      );
      continue;
    }
    if (!st.isDirectory()) {
      out.push(p);
      continue;
    }
    try {
      const names = readdirSync(p)
        .filter((n) => DECK_FILE.test(n))
        .sort();
      for (const n of names) out.push(join(p, n));
    } catch (err) {
      problems.push(pathProblem(p, `cannot read directory: ${errorCode(err)}`));
    }
  }
  return out;
}

export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel : file;
}

/** Parses one deck file, or takes the result from `cache` when its text is unchanged. */
export async function loadDeckFile(
  file: string,
  cache: DeckCache = {},
): Promise<ParseResult & { hash?: string }> {
  try {
    const read = readTextFile(file, 'deck');
    if ('error' in read) return failedFile(file, read.error);
    const hash = textHash(read.text);
    const hit = cache[hash];
    if (hit) return { ...reviveCached(hit, displayPath(file)), hash };
    // The parser pulls in yaml and zod: load it only when something must be parsed.
    const { parseDeck } = await import('./parse.js');
    const parsed = parseDeck(FILE_TOKEN, read.text);
    // Remember it under its hash, so the caller can keep it for the next start.
    cache[hash] = parsed;
    return { ...reviveCached(parsed, displayPath(file)), hash };
  } catch (err) {
    // parseDeck does not throw; this is for what nobody foresaw, so one file cannot stop all.
    return failedFile(file, `could not load: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function failedFile(file: string, message: string): ParseResult {
  return { deck: null, entryCount: 0, problems: [pathProblem(displayPath(file), message)] };
}

/**
 * Loads every deck under `dirs`. Directories that do not exist are skipped silently
 * (the user deck folder is optional); explicit files that fail are reported. A deck whose
 * id a later directory also has is replaced by that one (see `overrides`).
 */
export async function loadDecks(
  dirs: readonly string[],
  cache: DeckCache = {},
): Promise<LoadResult> {
  const existing = dirs.filter(exists);
  const result: LoadResult = {
    decks: [],
    problems: [],
    brokenFiles: [],
    hashes: [],
    overrides: [],
  };
  // Deck id -> where it came from. A later directory overrides an earlier one (the user's
  // deck folder comes last); two files of one directory with the same id are an error.
  const byId = new Map<string, { file: string; dir: number; at: number }>();
  // Every folder is listed before any file is read: folder problems come first.
  const files = existing.flatMap((path, dir) =>
    findDeckFiles([path], result.problems).map((file) => ({ file, dir })),
  );
  for (const { file, dir } of files) {
    const r = await loadDeckFile(file, cache);
    if (r.hash) result.hashes.push(r.hash);
    result.problems.push(...r.problems);
    const shown = displayPath(file);
    if (!r.deck) {
      result.brokenFiles.push(shown);
      continue;
    }
    const other = byId.get(r.deck.id);
    if (other !== undefined && other.dir === dir) {
      result.problems.push({
        file: shown,
        line: r.idPos?.line ?? 1,
        col: r.idPos?.col ?? 1,
        severity: 'error',
        message: `duplicate deck id '${r.deck.id}' (also used by ${other.file})`,
      });
      result.brokenFiles.push(shown);
      continue;
    }
    if (r.problems.some((p) => p.severity === 'error')) result.brokenFiles.push(shown);
    const loaded = { deck: r.deck, entryCount: r.entryCount };
    if (other !== undefined) {
      result.overrides.push({ id: r.deck.id, file: shown, replaced: other.file });
      result.decks[other.at] = loaded;
      byId.set(r.deck.id, { file: shown, dir, at: other.at });
      continue;
    }
    byId.set(r.deck.id, { file: shown, dir, at: result.decks.length });
    result.decks.push(loaded);
  }
  return result;
}

function exists(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

/** Paths, sizes and modification times of the deck files: changes when any deck does. */
export function deckFingerprint(dirs: readonly string[]): string {
  return findDeckFiles(dirs.filter(exists))
    .map((f) => {
      try {
        const st = statSync(f, { throwIfNoEntry: false });
        return st ? `${f}:${st.size}:${st.mtimeMs}` : f;
      } catch {
        return f;
      }
    })
    .join('|');
}
