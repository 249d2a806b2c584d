// `e` on a card of a shipped deck: the shipped file is never written (an update would
// overwrite it, and it may not be writable). The learner edits a copy in their own deck
// folder instead; it has the same deck id, so it replaces the shipped deck when decks load
// and keeps the progress, which is keyed by deck id and entry id.
import { constants, copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { oneLine } from '../core/sanitize.js';

export interface DeckFolders {
  /** Folders of shipped decks: read-only for the editor. */
  shipped: readonly string[];
  /** The learner's deck folder, where copies go (it is loaded after the shipped decks). */
  user: string;
}

export type EditTarget = { file: string; notice: string | null } | { error: string };

function inside(dir: string, file: string): boolean {
  const rel = relative(resolve(dir), resolve(file));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** A name in `dir` not taken yet: deck.yaml, then deck-copy.yaml, deck-copy-2.yaml... */
function freeName(dir: string, name: string): string {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  const candidates = [name, `${stem}-copy${ext}`];
  for (let i = 2; i < 100; i++) candidates.push(`${stem}-copy-${i}${ext}`);
  const free = candidates.find((n) => !existsSync(join(dir, n)));
  return join(dir, free ?? `${stem}-copy-${process.pid}${ext}`);
}

/**
 * The file to open for editing `file`: itself when it is the learner's, or a fresh copy in
 * their deck folder when it is shipped, with a notice saying where the copy is.
 */
export function editTarget(file: string, folders: DeckFolders): EditTarget {
  if (!folders.shipped.some((dir) => inside(dir, file))) return { file, notice: null };
  try {
    mkdirSync(folders.user, { recursive: true });
    const copy = freeName(folders.user, basename(file));
    // COPYFILE_EXCL: never replace a file of the learner's, even if one appeared meanwhile.
    copyFileSync(file, copy, constants.COPYFILE_EXCL);
    return {
      file: copy,
      notice: `Edited your own copy, ${oneLine(copy)}: it replaces the shipped deck from now on, with your progress kept.`,
    };
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code ?? String(err);
    return {
      error: `Could not copy the shipped deck to ${oneLine(folders.user)} (${why}); shipped decks are not edited in place. Check that folder's permissions.`,
    };
  }
}
