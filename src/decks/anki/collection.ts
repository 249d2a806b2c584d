// Reads an Anki collection (schema 11 or 18) into plain data. Notes, cards and revlog have
// the same columns in both; note types, decks and settings are JSON in the `col` row in
// schema 11 and tables with protobuf configs in schema 18 (collection-schema.ts).
import type { SqlValue } from 'sql.js';
import { readSchema11, readSchema18 } from './collection-schema.js';
import { AnkiImportError } from './errors.js';
import type { SqliteFile } from './sqlite.js';
import type { AnkiCard, AnkiCollection, AnkiNote, AnkiReview } from './types.js';

const COMMON_TABLES = ['notes', 'cards', 'revlog', 'col'];
const SCHEMA18_TABLES = ['notetypes', 'fields', 'templates', 'decks', 'config'];
/** The note Anki 23.10+ leaves in the dummy collection.anki2 of a package. */
const DUMMY = /update to the latest anki version/i;

const str = (v: SqlValue | undefined): string =>
  v === null || v === undefined ? '' : typeof v === 'string' ? v : String(v);
const num = (v: SqlValue | undefined): number => (typeof v === 'number' ? v : Number(v ?? 0));

export function readCollection(db: SqliteFile, format: AnkiCollection['format']): AnkiCollection {
  const tables = db.tables();
  const missing = COMMON_TABLES.filter((t) => !tables.has(t));
  if (missing.length)
    throw new AnkiImportError(
      db.label,
      `not an Anki collection: no ${missing.join(', ')} table${missing.length > 1 ? 's' : ''}`,
    );
  const v18 = tables.has('notetypes');
  const lacking = v18 ? SCHEMA18_TABLES.filter((t) => !tables.has(t)) : [];
  if (lacking.length)
    throw new AnkiImportError(db.label, `damaged Anki collection: no ${lacking.join(', ')} table`);
  const meta = v18 ? readSchema18(db) : readSchema11(db);
  const notes = readNotes(db);
  if (format !== 'anki21b' && notes.length === 1 && DUMMY.test(notes[0]?.fields.join(' ') ?? ''))
    throw new AnkiImportError(
      db.label,
      'made by Anki 23.10 or later, but its collection.anki21b is missing (export it again)',
    );
  for (const n of notes)
    if (!meta.notetypes.has(n.notetypeId))
      throw new AnkiImportError(db.label, `note ${n.id} uses a note type the collection lacks`);
  const noteIds = new Set(notes.map((n) => n.id));
  const cards = readCards(db);
  for (const c of cards)
    if (!noteIds.has(c.noteId))
      throw new AnkiImportError(db.label, `card ${c.id} belongs to no note (run Check Database)`);
  return { format, ...meta, notes, cards, reviews: readReviews(db) };
}

function readNotes(db: SqliteFile): AnkiNote[] {
  const out: AnkiNote[] = [];
  db.each('SELECT id, guid, mid, tags, flds FROM notes ORDER BY id', (r) => {
    const guid = str(r[1]);
    if (!guid) throw new AnkiImportError(db.label, `note ${str(r[0])} has no guid`);
    out.push({
      id: str(r[0]),
      guid,
      notetypeId: str(r[2]),
      tags: str(r[3])
        .split(/\s+/)
        .filter((t) => t.length > 0),
      fields: str(r[4]).split('\x1f'),
    });
  });
  return out;
}

/** Anki's FSRS memory state, kept in cards.data as JSON `{"s":..,"d":..}` since 23.10. */
function fsrsState(data: string): AnkiCard['fsrs'] {
  if (!data.includes('"s"')) return null;
  try {
    const j = JSON.parse(data) as { s?: unknown; d?: unknown };
    return typeof j.s === 'number' && typeof j.d === 'number'
      ? { stability: j.s, difficulty: j.d }
      : null;
  } catch {
    return null;
  }
}

function readCards(db: SqliteFile): AnkiCard[] {
  const out: AnkiCard[] = [];
  // A card in a filtered deck belongs to its home deck (odid) there.
  const sql =
    'SELECT id, nid, CASE WHEN odid != 0 THEN odid ELSE did END, ord, type, queue, flags, data FROM cards ORDER BY id';
  db.each(sql, (r) => {
    out.push({
      id: str(r[0]),
      noteId: str(r[1]),
      deckId: str(r[2]),
      ord: num(r[3]),
      type: num(r[4]),
      queue: num(r[5]),
      flags: num(r[6]),
      fsrs: fsrsState(str(r[7])),
    });
  });
  return out;
}

function readReviews(db: SqliteFile): AnkiReview[] {
  const out: AnkiReview[] = [];
  db.each('SELECT id, cid, ease, type, factor, time FROM revlog ORDER BY id', (r) => {
    out.push({
      at: num(r[0]),
      cardId: str(r[1]),
      ease: num(r[2]),
      kind: num(r[3]),
      factor: num(r[4]),
      tookMs: Math.max(0, num(r[5])),
    });
  });
  return out;
}
