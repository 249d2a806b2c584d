// The learner's own deck files in <data-dir>/decks/, written by commands such as `import`.
// Each file is replaced durably (temp file, fsync, rename). A batch is all or nothing: when
// one file fails, the files already written go back to what they were.
import { join } from 'node:path';
import { writeFileDurably } from './durable-file.js';
import { type Io, quietly, realIo } from './io.js';

export interface DeckFileWrite {
  /** File name inside <data-dir>/decks/, e.g. `anki-spanish.yaml`. */
  name: string;
  text: string;
}

export function userDeckDir(dataDir: string): string {
  return join(dataDir, 'decks');
}

/** The text of a deck file in <data-dir>/decks/, or null when there is none. */
export function readUserDeckFile(dataDir: string, name: string, io: Io = realIo): string | null {
  try {
    return io.readFileSync(join(userDeckDir(dataDir), name), 'utf8') as string;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Writes every file or, when one fails, none: throws after restoring the earlier ones. */
export function writeUserDeckFiles(
  dataDir: string,
  files: readonly DeckFileWrite[],
  io: Io = realIo,
): void {
  const dir = userDeckDir(dataDir);
  io.mkdirSync(dir, { recursive: true });
  const done: { path: string; before: string | null }[] = [];
  try {
    for (const f of files) {
      const path = join(dir, f.name);
      const before = readUserDeckFile(dataDir, f.name, io);
      // No .bak: a second .yaml-like file in the deck folder would load as a second deck.
      writeFileDurably(path, f.text, io, false);
      done.push({ path, before });
    }
  } catch (err) {
    for (const d of done.reverse())
      quietly(() =>
        d.before === null ? io.unlinkSync(d.path) : writeFileDurably(d.path, d.before, io, false),
      );
    throw err;
  }
}

/** Takes back a batch written by writeUserDeckFiles: used when the records then fail. */
export function restoreUserDeckFiles(
  dataDir: string,
  previous: readonly { name: string; text: string | null }[],
  io: Io = realIo,
): void {
  for (const p of previous) {
    const path = join(userDeckDir(dataDir), p.name);
    quietly(() =>
      p.text === null ? io.unlinkSync(path) : writeFileDurably(path, p.text, io, false),
    );
  }
}
