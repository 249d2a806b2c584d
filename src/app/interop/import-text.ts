// `import FILE.txt|.csv|.tsv`: Anki's plain-text notes or a CSV/TSV with a header row. No
// review history: the notes become new cards. Same all-or-nothing rule as a package: every
// row is read and every deck file checked before the first one is written.
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { clozeNumbers } from '../../core/cloze.js';
import { AnkiImportError } from '../../decks/anki/errors.js';
import { readTextFile } from '../../decks/anki/text-file.js';
import { convertTextFile } from '../../decks/anki/text-notes.js';
import type { EntryDoc } from '../../decks/anki/to-decks.js';
import { writeUserDeckFiles } from '../../store/user-deck-files.js';
import { type ImportTarget, planDeckFiles } from './import-anki.js';
import { deckRows, type ImportReport } from './import-report.js';

/** Larger than any deck file may be (decks/read-file.ts): nothing bigger could be written. */
const MAX_TEXT_BYTES = 32 * 1024 * 1024;

export const TEXT_EXTENSIONS = ['.txt', '.csv', '.tsv'];

/** Cards an entry makes: a reverse is a second card, each cloze number one. */
function studyable(e: EntryDoc): number {
  if (e.type === 'cloze') return clozeNumbers(String(e.text)).length;
  return e.type === 'basic' && e.reverse === true ? 2 : 1;
}

export function importText(path: string, target: ImportTarget): ImportReport {
  const label = basename(path);
  const ext = extname(path).toLowerCase();
  let text: string;
  try {
    if (statSync(path).size > MAX_TEXT_BYTES)
      throw new AnkiImportError(path, 'larger than 32 MiB; split it');
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof AnkiImportError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new AnkiImportError(path, code === 'ENOENT' ? 'no such file' : `cannot read (${code})`);
  }
  if (text.includes('\0')) throw new AnkiImportError(label, 'not a text file');
  const parsed = readTextFile(text, label, ext);
  const conv = convertTextFile(parsed, basename(path, extname(path)));
  if (conv.decks.length === 0) throw new AnkiImportError(label, 'no notes to import');
  const files = planDeckFiles(conv, target, label, parsed.kind === 'anki-text');
  const report: ImportReport = {
    file: path,
    format: parsed.kind === 'anki-text' ? 'anki-text' : ext.slice(1),
    dryRun: target.writeLog === null,
    decks: deckRows(conv.decks, files, target.dataDir),
    notes: conv.counts.notes,
    entries: conv.counts.byShape,
    otherNoteTypes: conv.counts.byShape.other,
    unmappedCards: 0,
    skippedNotes: conv.counts.skippedNotes,
    cutFields: conv.counts.cutFields,
    cards: conv.decks.reduce((n, d) => n + d.entries.reduce((k, e) => k + studyable(e), 0), 0),
    media: { references: conv.media.length, names: conv.media, inPackage: 0 },
    reviews: { inPackage: 0, added: 0, alreadyImported: 0, ofDeletedCards: 0 },
    withoutHistory: 0,
    marks: { suspended: 0, buried: 0, flagged: 0, leeches: 0 },
    rollover: target.settings.dayStartsAt,
    dayStartsAt: target.settings.dayStartsAt,
    fsrs: null,
  };
  if (target.writeLog)
    writeUserDeckFiles(
      target.dataDir,
      files.filter((f) => f.text !== f.before),
    );
  return report;
}
