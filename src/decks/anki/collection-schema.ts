// Note types, deck names and the rollover hour: JSON in the `col` row (schema 11: the legacy
// collection.anki2 and collection.anki21) or their own tables (schema 18: anki21b), where a
// note type's kind and a template's front/back are protobuf fields of `config`, and a
// nested deck's name separates its parts with \x1f instead of '::'.
import { AnkiImportError } from './errors.js';
import { protoFields, protoNumber, protoString } from './protobuf.js';
import type { SqliteFile } from './sqlite.js';
import type { AnkiCollection, AnkiNotetype } from './types.js';

type Meta = Pick<AnkiCollection, 'rollover' | 'decks' | 'notetypes'>;

const DEFAULT_ROLLOVER = 4;

function rolloverOf(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 23
    ? value
    : DEFAULT_ROLLOVER;
}

function json(db: SqliteFile, text: unknown, what: string): unknown {
  try {
    return JSON.parse(typeof text === 'string' && text !== '' ? text : '{}');
  } catch {
    throw new AnkiImportError(db.label, `damaged Anki collection: ${what} is not JSON`);
  }
}

interface ModelJson {
  name?: unknown;
  type?: unknown;
  flds?: { name?: unknown; ord?: unknown }[];
  tmpls?: { qfmt?: unknown; afmt?: unknown; ord?: unknown }[];
}

const byOrd = (a: { ord?: unknown }, b: { ord?: unknown }) => Number(a.ord) - Number(b.ord);

export function readSchema11(db: SqliteFile): Meta {
  const row = db.all('SELECT models, decks, conf FROM col LIMIT 1')[0];
  if (!row) throw new AnkiImportError(db.label, 'damaged Anki collection: the col table is empty');
  const models = json(db, row.models, 'the note types') as Record<string, ModelJson>;
  const decksJson = json(db, row.decks, 'the decks') as Record<string, { name?: unknown }>;
  const conf = json(db, row.conf, 'the settings') as { rollover?: unknown };
  const notetypes = new Map<string, AnkiNotetype>();
  for (const [id, m] of Object.entries(models)) {
    if (!m || !Array.isArray(m.flds) || !Array.isArray(m.tmpls))
      throw new AnkiImportError(db.label, `damaged Anki collection: note type ${id} is malformed`);
    notetypes.set(id, {
      id,
      name: String(m.name ?? ''),
      cloze: m.type === 1,
      fields: [...m.flds].sort(byOrd).map((f) => String(f.name ?? '')),
      templates: [...m.tmpls]
        .sort(byOrd)
        .map((t) => ({ qfmt: String(t.qfmt ?? ''), afmt: String(t.afmt ?? '') })),
    });
  }
  const decks = new Map<string, string>();
  for (const [id, d] of Object.entries(decksJson)) decks.set(id, String(d?.name ?? id));
  return { rollover: rolloverOf(conf.rollover), decks, notetypes };
}

function proto(db: SqliteFile, blob: unknown, what: string) {
  try {
    return protoFields(blob instanceof Uint8Array ? blob : new Uint8Array());
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new AnkiImportError(db.label, `damaged Anki collection: ${what} (${why})`);
  }
}

export function readSchema18(db: SqliteFile): Meta {
  const notetypes = new Map<string, AnkiNotetype>();
  for (const r of db.all('SELECT id, name, config FROM notetypes')) {
    const id = String(r.id);
    const config = proto(db, r.config, `note type ${id}`);
    // Notetype.Config field 1 is the kind: 0 normal, 1 cloze.
    notetypes.set(id, {
      id,
      name: String(r.name ?? ''),
      cloze: protoNumber(config, 1) === 1,
      fields: [],
      templates: [],
    });
  }
  const owner = (ntid: unknown, what: string): AnkiNotetype => {
    const nt = notetypes.get(String(ntid));
    if (!nt)
      throw new AnkiImportError(db.label, `damaged Anki collection: ${what} of no note type`);
    return nt;
  };
  for (const r of db.all('SELECT ntid, name FROM fields ORDER BY ntid, ord'))
    owner(r.ntid, 'a field').fields.push(String(r.name ?? ''));
  for (const r of db.all('SELECT ntid, config FROM templates ORDER BY ntid, ord')) {
    const config = proto(db, r.config, 'a card template');
    // CardTemplate.Config: field 1 the front (q_format), field 2 the back (a_format).
    owner(r.ntid, 'a template').templates.push({
      qfmt: protoString(config, 1),
      afmt: protoString(config, 2),
    });
  }
  const decks = new Map<string, string>();
  for (const r of db.all('SELECT id, name FROM decks'))
    decks.set(String(r.id), String(r.name ?? '').replaceAll('\x1f', '::'));
  const roll = db.all("SELECT val FROM config WHERE KEY = 'rollover'")[0];
  let rollover = DEFAULT_ROLLOVER;
  if (roll?.val instanceof Uint8Array) {
    try {
      rollover = rolloverOf(JSON.parse(new TextDecoder().decode(roll.val)));
    } catch {
      // A setting Anki itself would reset: the default is what Anki uses then.
    }
  }
  return { rollover, decks, notetypes };
}
