// An Anki package (.apkg) in the legacy schema 11 layout, which Anki 2.1.50+ and current
// Anki import: `collection.anki2` (SQLite, written with sql.js) and a `media` file holding
// "{}" (no media), zipped with fflate.
import { strToU8, zipSync } from 'fflate';
import type { Database } from 'sql.js';
import type { CardMarks, Deck, Memory } from '../../core/model.js';
import type { HistoryEntry } from './answers.js';
import {
  confJson,
  dconfJson,
  decksJson,
  type ExportSettings,
  MODEL_IDS,
  modelsJson,
} from './collection-json.js';
import { type AnkiNoteDraft, deckNotes, escapeHtml } from './notes.js';
import { cardSchedule, type DayClock, revlogRows } from './schedule.js';
import { SCHEMA11_INDEXES_SQL, SCHEMA11_SQL } from './schema.js';
import { checksum, sortField } from './sort-field.js';

export interface PackageInput {
  decks: readonly Deck[];
  memory(key: string): Memory | null;
  marks(key: string): CardMarks | undefined;
  history: ReadonlyMap<string, HistoryEntry[]>;
  clock: DayClock & { crtSec: number };
  settings: ExportSettings;
  /** Export time, ms: note and card ids count up from it, as Anki's do. */
  now: number;
}

export interface PackageResult {
  bytes: Uint8Array;
  notes: number;
  cards: number;
  revlog: number;
}

type SqlJs = Awaited<ReturnType<typeof import('sql.js')['default']>>;
let loading: Promise<SqlJs> | null = null;
/** sql.js and its wasm load on first use only: no other command pays for them. */
export function sqlJs(): Promise<SqlJs> {
  loading ??= import('sql.js').then((m) => m.default());
  return loading;
}

/** Deck names must be unique in Anki; a repeated title gets its deck id. */
function ankiDecks(decks: readonly Deck[]) {
  const seen = new Set<string>();
  return decks.map((d, i) => {
    const title = d.title.replace(/\p{Cc}/gu, ' ').trim() || d.id;
    const name = seen.has(title) ? `${title} (${d.id})` : title;
    seen.add(name);
    return { id: d.id, ankiId: 1_733_100_000_001 + i, name, desc: escapeHtml(d.description ?? '') };
  });
}

function tagsText(tags: readonly string[]): string {
  const clean = [...new Set(tags.map((t) => t.replace(/\s+/g, '_')).filter(Boolean))];
  return clean.length === 0 ? '' : ` ${clean.join(' ')} `;
}

/**
 * Revlog rows, the bulk of a large export, go in a thousand at a time as one statement:
 * a prepared statement per row costs a dozen calls into the WebAssembly module each.
 * Every value is a whole number this module computed, so the SQL text holds only digits.
 */
function revlogWriter(db: Database) {
  let batch: string[] = [];
  const flush = () => {
    if (batch.length > 0) db.run(`INSERT INTO revlog VALUES ${batch.join(',')}`);
    batch = [];
  };
  return {
    add(values: number[]) {
      batch.push(`(${values.map((v) => String(Math.trunc(v))).join(',')})`);
      if (batch.length >= 1000) flush();
    },
    flush,
  };
}

function insertNotes(
  db: Database,
  input: PackageInput,
  notes: AnkiNoteDraft[],
  deckIds: Map<string, number>,
) {
  const note = db.prepare('INSERT INTO notes VALUES (?,?,?,?,?,?,?,?,?,?,?)');
  const card = db.prepare('INSERT INTO cards VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)');
  const rev = revlogWriter(db);
  const mod = Math.floor(input.now / 1000);
  const taken = new Set<number>();
  let cardId = input.now + notes.length;
  let position = 0;
  let cards = 0;
  let revlog = 0;
  const learn = input.settings.learningMinutes.length;
  const relearn = input.settings.relearningMinutes.length;
  try {
    notes.forEach((n, i) => {
      const nid = input.now + i;
      const leech = n.cards.some((c) => input.marks(c.key)?.leech);
      const tags = tagsText(leech ? [...n.tags, 'leech'] : n.tags);
      const sfld = sortField(n.fields[0] ?? '');
      note.run([
        nid,
        n.guid,
        MODEL_IDS[n.kind],
        mod,
        -1,
        tags,
        n.fields.join('\x1f'),
        sfld,
        checksum(sfld),
        0,
        '',
      ]);
      position++;
      for (const c of n.cards) {
        const cid = cardId++;
        const s = cardSchedule(input.memory(c.key), input.marks(c.key), {
          clock: input.clock,
          position,
          steps: { learn, relearn },
          desiredRetention: input.settings.desiredRetention,
        });
        const did = deckIds.get(n.deckId) ?? 1;
        card.run([
          cid,
          nid,
          did,
          c.ord,
          mod,
          -1,
          s.type,
          s.queue,
          s.due,
          s.ivl,
          s.factor,
          s.reps,
          s.lapses,
          s.left,
          0,
          0,
          s.flags,
          s.data,
        ]);
        cards++;
        for (const r of revlogRows(input.history.get(c.key) ?? [], taken)) {
          rev.add([r.id, cid, -1, r.ease, r.ivl, r.lastIvl, r.factor, r.time, r.type]);
          revlog++;
        }
      }
    });
  } finally {
    note.free();
    card.free();
  }
  rev.flush();
  return { cards, revlog, nextPos: position + 1 };
}

export async function buildApkg(input: PackageInput): Promise<PackageResult> {
  const SQL = await sqlJs();
  const db = new SQL.Database();
  try {
    // In memory only until exported: no journal to keep.
    db.run('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;');
    db.run(SCHEMA11_SQL);
    const decks = ankiDecks(input.decks);
    const deckIds = new Map(decks.map((d) => [d.id, d.ankiId]));
    const notes = deckNotes(input.decks);
    db.run('BEGIN');
    const counts = insertNotes(db, input, notes, deckIds);
    const mod = Math.floor(input.now / 1000);
    const kinds = new Set(notes.map((n) => n.kind));
    kinds.add('basic');
    db.run('INSERT INTO col VALUES (1,?,?,?,11,0,0,0,?,?,?,?,?)', [
      input.clock.crtSec,
      input.now,
      input.now,
      confJson(input.settings, { basicModel: MODEL_IDS.basic, nextPos: counts.nextPos }),
      modelsJson(kinds, mod, decks[0]?.ankiId ?? 1),
      decksJson(decks, mod),
      dconfJson(input.settings, mod),
      '{}',
    ]);
    db.run(SCHEMA11_INDEXES_SQL);
    db.run('COMMIT');
    const sqlite = db.export();
    const bytes = zipSync(
      { 'collection.anki2': sqlite, media: strToU8('{}') },
      // The fastest deflate level: a third of the time of the default, a few percent larger.
      { level: 1 },
    );
    return { bytes, notes: notes.length, cards: counts.cards, revlog: counts.revlog };
  } finally {
    db.close();
  }
}
