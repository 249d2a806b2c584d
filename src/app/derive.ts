// `derive`: a Markdown notes file -> a deck file, keeping the ids of the deck it replaces
// (decks/markdown/ids.ts). Where the deck goes:
//   -o FILE   that file;   -o -   standard output;
//   nothing   <data-dir>/decks/notes-<name>.yaml, where hyperrecall loads it at once, as
//             `import` does for Anki decks.
import { basename, resolve } from 'node:path';
import type { Deck } from '../core/model.js';
import { DERIVED_MARK, deriveDeck } from '../decks/markdown/derive-deck.js';
import { asciiSlug } from '../decks/markdown/ids.js';
import { parseDeck } from '../decks/parse.js';
import { readTextFile } from '../decks/read-file.js';
import { pathExists, writeFileDurably } from '../store/durable-file.js';
import { readUserDeckFile, userDeckDir, writeUserDeckFiles } from '../store/user-deck-files.js';

export type DeriveTarget =
  | { kind: 'file'; path: string }
  | { kind: 'stdout' }
  | { kind: 'user-decks'; dataDir: string };

export interface DeriveOutcome {
  /** Where the deck was written (null for stdout or when nothing was written). */
  written: string | null;
  /** The YAML text, when the deck was derived. */
  yaml: string | null;
  cards: number;
  /** Cards whose id was already in the deck file this replaces. */
  kept: number;
  /** `notes.md:12: why`, for lines that could not be used; not escaped yet. */
  lines: { file: string; line: number; message: string }[];
  /** Why nothing was written; the previous deck file, if any, is untouched. */
  error: string | null;
}

/** The file name in <data-dir>/decks/ for a notes file. */
export function userDeckName(notesPath: string): string {
  const base = basename(notesPath).replace(/\.(md|markdown|txt)$/i, '');
  return `notes-${asciiSlug(base) || 'deck'}.yaml`;
}

function failure(error: string, lines: DeriveOutcome['lines'] = []): DeriveOutcome {
  return { written: null, yaml: null, cards: 0, kept: 0, lines, error };
}

/** The deck this run replaces: null when there is none; an error when it cannot be read. */
function previousDeck(
  target: DeriveTarget,
  notesPath: string,
): { deck: Deck | null; path: string | null } | { error: string } {
  let path: string | null = null;
  let text: string | null = null;
  if (target.kind === 'file') {
    path = resolve(target.path);
    if (!pathExists(path)) return { deck: null, path };
    const r = readTextFile(path, 'deck');
    if ('error' in r) return { error: `${path}: ${r.error}` };
    text = r.text;
  } else if (target.kind === 'user-decks') {
    const name = userDeckName(notesPath);
    path = resolve(userDeckDir(target.dataDir), name);
    text = readUserDeckFile(target.dataDir, name);
  }
  if (text === null) return { deck: null, path };
  const parsed = parseDeck(path ?? 'deck', text);
  if (!parsed.deck)
    return {
      error: `${path}: the deck there does not load, so its card ids cannot be kept; fix it (hyperrecall lint) or remove it`,
    };
  // A deck someone wrote by hand (or imported) is never replaced by derived cards.
  if (!parsed.deck.description?.endsWith(DERIVED_MARK))
    return {
      error: `${path} is not a deck derive wrote, so it is left alone; give another -o FILE or move it away`,
    };
  if (target.kind === 'user-decks' && parsed.deck.source !== resolve(notesPath))
    return {
      error: `${path} was derived from ${parsed.deck.source ?? 'something else'}, not ${resolve(notesPath)}; write this deck elsewhere with -o FILE`,
    };
  return { deck: parsed.deck, path };
}

/** Derives once. Writes nothing when the notes cannot be read or give no card. */
export function deriveNotes(notesPath: string, target: DeriveTarget): DeriveOutcome {
  const read = readTextFile(notesPath, 'notes');
  if ('error' in read) return failure(`${notesPath}: ${read.error}`);
  const prev = previousDeck(target, notesPath);
  if ('error' in prev) return failure(prev.error);
  const r = deriveDeck({
    name: notesPath,
    text: read.text,
    previous: prev.deck,
    source: resolve(notesPath),
  });
  const lines = r.problems.map((p) => ({ file: notesPath, line: p.line, message: p.message }));
  if (!r.deck || r.yaml === null)
    return failure(
      `${notesPath}: no card found; write cards as Question::Answer, ==cloze== or Question / ? / Answer (README, "Your own notes")`,
      lines,
    );
  const before = new Set(prev.deck?.entries.map((e) => e.id) ?? []);
  const kept = r.deck.cards.filter((c) => before.has(c.id)).length;
  let written: string | null = null;
  if (target.kind === 'file') {
    written = prev.path;
    writeFileDurably(written ?? resolve(target.path), r.yaml, undefined, false);
  } else if (target.kind === 'user-decks') {
    writeUserDeckFiles(target.dataDir, [{ name: userDeckName(notesPath), text: r.yaml }]);
    written = prev.path;
  }
  return { written, yaml: r.yaml, cards: r.deck.cards.length, kept, lines, error: null };
}
