// What an import did (or, with --dry-run, would do): the shape `import --json` prints.
import { join } from 'node:path';
import type { NoteShape } from '../../decks/anki/types.js';
import { userDeckDir } from '../../store/user-deck-files.js';

export interface ImportReport {
  file: string;
  format: string;
  dryRun: boolean;
  decks: { id: string; title: string; file: string; entries: number; added: number }[];
  notes: number;
  entries: Record<NoteShape, number>;
  /** Notes of other note types: first field front, the rest back. */
  otherNoteTypes: number;
  /** Cards of those note types past the first: no hyperrecall card, history left out. */
  unmappedCards: number;
  /** Cloze notes without a deletion (no card in Anki either). */
  skippedNotes: number;
  /** Fields cut short: longer than 100,000 characters or nested more than 40 deep. */
  cutFields: number;
  /** Studyable cards the notes make. */
  cards: number;
  media: { references: number; names: string[]; inPackage: number };
  reviews: { inPackage: number; added: number; alreadyImported: number; ofDeletedCards: number };
  /** Cards Anki had scheduled but whose history the package lacks: they start as new. */
  withoutHistory: number;
  marks: { suspended: number; buried: number; flagged: number; leeches: number };
  /** Anki's "next day starts at" hour (used for the imported study days). */
  rollover: number;
  /** hyperrecall's day-starts-at, for the hint when the two differ. */
  dayStartsAt: number;
  /** Mean absolute difference from Anki's FSRS state, where the package has one. */
  fsrs: { cards: number; stability: number; difficulty: number } | null;
}

/** The report's deck rows: each deck, the file it goes to and how many of its entries are new. */
export function deckRows(
  decks: readonly { id: string; title: string; entries: readonly unknown[] }[],
  files: readonly { name: string; added: number }[],
  dataDir: string,
): ImportReport['decks'] {
  return decks.map((d, i) => ({
    id: d.id,
    title: d.title,
    file: join(userDeckDir(dataDir), files[i]?.name ?? ''),
    entries: d.entries.length,
    added: files[i]?.added ?? 0,
  }));
}
