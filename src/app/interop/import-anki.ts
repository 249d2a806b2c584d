// `import FILE` for Anki packages: read and check everything first (package, collection,
// notes, history, the deck files it would write), then write the deck files and the
// records. Nothing is written until all of it has passed, and when the records cannot be
// written the deck files go back to what they were: the import is all or nothing.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Deck, LogRecord } from '../../core/model.js';
import type { Settings } from '../../core/settings.js';
import { readCollection } from '../../decks/anki/collection.js';
import { deckFileText } from '../../decks/anki/deck-yaml.js';
import { AnkiImportError } from '../../decks/anki/errors.js';
import { readPackage } from '../../decks/anki/package.js';
import { SqliteFile } from '../../decks/anki/sqlite.js';
import { type Conversion, convertCollection } from '../../decks/anki/to-decks.js';
import type { AnkiCollection } from '../../decks/anki/types.js';
import {
  readUserDeckFile,
  restoreUserDeckFiles,
  userDeckDir,
  writeUserDeckFiles,
} from '../../store/user-deck-files.js';
import { type Replay, replayHistory } from './import-replay.js';
import { deckRows, type ImportReport } from './import-report.js';

/** What an import needs from the open store. */
export interface ImportTarget {
  dataDir: string;
  settings: Settings;
  /** Decks loaded now: an imported deck must not take the id of one from elsewhere. */
  decks: readonly Deck[];
  /** Ids of the records earlier imports wrote, so a second import adds none twice. */
  recordIds: () => ReadonlySet<string>;
  /** Writes the records as one log file, whole or not at all; null for a dry run. */
  writeLog: ((records: LogRecord[]) => void) | null;
}

export async function readAnkiFile(path: string): Promise<AnkiCollection> {
  const label = basename(path);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new AnkiImportError(path, code === 'ENOENT' ? 'no such file' : `cannot read (${code})`);
  }
  const pkg = readPackage(bytes, label);
  const db = await SqliteFile.open(pkg.sqlite, `${label} (collection.${pkg.format})`);
  try {
    return { ...readCollection(db, pkg.format), mediaFiles: pkg.mediaFiles };
  } finally {
    db.close();
  }
}

export interface PlannedFile {
  name: string;
  text: string;
  before: string | null;
  added: number;
}

export async function importAnki(
  path: string,
  target: ImportTarget,
  now: number,
): Promise<ImportReport> {
  const col = await readAnkiFile(path);
  const conv = convertCollection(col);
  const replay = replayHistory(col, conv.keys, target.settings, now);
  const files = planDeckFiles(conv, target, basename(path));
  const known = target.recordIds();
  const fresh = replay.records.filter((r) => !known.has(r.id));
  const report = reportOf(path, col, conv, replay, files, fresh, target);
  if (!target.writeLog) return report;
  writeUserDeckFiles(
    target.dataDir,
    files.filter((f) => f.text !== f.before),
  );
  try {
    if (fresh.length) target.writeLog(fresh);
  } catch (err) {
    restoreUserDeckFiles(
      target.dataDir,
      files.map((f) => ({ name: f.name, text: f.before })),
    );
    throw err;
  }
  return report;
}

/** Each deck's new file text (merged with an earlier import's), checked by the deck parser. */
export function planDeckFiles(
  conv: Pick<Conversion, 'decks'>,
  target: ImportTarget,
  source: string,
  fromAnki = true,
): PlannedFile[] {
  const dir = userDeckDir(target.dataDir);
  return conv.decks.map((d) => {
    const name = `${d.id}.yaml`;
    const file = join(dir, name);
    const other = target.decks.find((x) => x.id === d.id && x.file !== file);
    if (other)
      throw new AnkiImportError(
        source,
        `deck id ${d.id} is taken by ${other.file}; rename the deck (in Anki, or the file) and import again`,
      );
    const before = readUserDeckFile(target.dataDir, name);
    let made: ReturnType<typeof deckFileText>;
    try {
      made = deckFileText(d, file, before, source, fromAnki);
    } catch (err) {
      throw new AnkiImportError(source, err instanceof Error ? err.message : String(err));
    }
    return { name, text: made?.text ?? (before as string), before, added: made?.added ?? 0 };
  });
}

function reportOf(
  path: string,
  col: AnkiCollection,
  conv: Conversion,
  replay: Replay,
  files: PlannedFile[],
  fresh: LogRecord[],
  target: ImportTarget,
): ImportReport {
  const reviews = fresh.filter((r) => r.type === 'review').length;
  const marks = (kind: string) => fresh.filter((r) => r.type === 'mark' && r.mark === kind).length;
  return {
    file: path,
    format: col.format,
    dryRun: target.writeLog === null,
    decks: deckRows(conv.decks, files, target.dataDir),
    notes: conv.counts.notes,
    entries: conv.counts.byShape,
    otherNoteTypes: conv.counts.byShape.other,
    unmappedCards: conv.counts.unmappedCards,
    skippedNotes: conv.counts.skippedNotes,
    cutFields: conv.counts.cutFields,
    cards: conv.keys.size,
    media: { references: conv.media.length, names: conv.media, inPackage: col.mediaFiles ?? 0 },
    reviews: {
      inPackage: replay.counts.reviews,
      added: reviews,
      alreadyImported: replay.counts.reviews - reviews,
      ofDeletedCards: replay.counts.orphanReviews,
    },
    withoutHistory: replay.counts.withoutHistory,
    marks: {
      suspended: marks('suspend'),
      buried: marks('bury'),
      flagged: marks('flag'),
      leeches: marks('leech'),
    },
    rollover: col.rollover,
    dayStartsAt: target.settings.dayStartsAt,
    fsrs: replay.fsrs,
  };
}
