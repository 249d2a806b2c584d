// Schema 18 (collection.anki21b) for test packages: rslib/src/storage/schema11.sql upgraded by
// upgrades/schema15..18: note types, fields, templates and decks in tables whose configs are
// protobuf (Notetype.Config.kind = 1; CardTemplate.Config q_format = 1, a_format = 2), deck
// names with \x1f between the parts of a nested name, settings as JSON in `config`.
import { deckIdOf, type FixturePackage, NOTETYPES } from './anki-package.js';

const SCHEMA18 = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null, dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (oid integer not null, type integer not null, usn integer not null, primary key (oid, type)) without rowid;
CREATE TABLE deck_config (id integer primary key not null, name text not null, mtime_secs integer not null, usn integer not null, config blob not null);
CREATE TABLE config (KEY text not null primary key, usn integer not null, mtime_secs integer not null, val blob not null) without rowid;
CREATE TABLE fields (ntid integer not null, ord integer not null, name text not null collate unicase, config blob not null, primary key (ntid, ord)) without rowid;
CREATE TABLE templates (ntid integer not null, ord integer not null, name text not null collate unicase, mtime_secs integer not null, usn integer not null, config blob not null, primary key (ntid, ord)) without rowid;
CREATE TABLE notetypes (id integer not null primary key, name text not null collate unicase, mtime_secs integer not null, usn integer not null, config blob not null);
CREATE TABLE decks (id integer primary key not null, name text not null collate unicase, mtime_secs integer not null, usn integer not null, common blob not null, kind blob not null);
CREATE TABLE tags (tag text not null primary key collate unicase, usn integer not null, collapsed boolean not null, config blob null) without rowid;
`;

function varint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return out;
}

/** A protobuf message with the given varint and string fields. */
export function protoMessage(fields: [number, number | string][]): Uint8Array {
  const bytes: number[] = [];
  for (const [n, v] of fields) {
    if (typeof v === 'number') bytes.push(...varint(n * 8), ...varint(v));
    else {
      const s = new TextEncoder().encode(v);
      bytes.push(...varint(n * 8 + 2), ...varint(s.length), ...s);
    }
  }
  return new Uint8Array(bytes);
}

type Db = { run(sql: string, params?: (string | number | Uint8Array)[]): unknown };

export function createSchema18(db: Db, p: FixturePackage, decks: string[]): void {
  // sql.js has no `unicase` collation (Anki registers it); NOCASE is the same for ASCII.
  db.run(SCHEMA18.replaceAll('collate unicase', 'collate nocase'));
  db.run("INSERT INTO col VALUES (1,0,0,0,18,0,0,0,'','','','','')");
  for (const nt of Object.values(NOTETYPES)) {
    // Notetype.Config: kind (1), sort_field_idx (2), css (3).
    db.run('INSERT INTO notetypes VALUES (?,?,0,0,?)', [
      nt.id,
      nt.name,
      protoMessage([
        [1, nt.cloze ? 1 : 0],
        [2, 0],
        [3, '.card {}'],
      ]),
    ]);
    nt.fields.forEach((name, ord) => {
      db.run('INSERT INTO fields VALUES (?,?,?,?)', [
        nt.id,
        ord,
        name,
        protoMessage([[3, 'Arial']]),
      ]);
    });
    nt.tmpls.forEach(([q, a], ord) => {
      db.run('INSERT INTO templates VALUES (?,?,?,0,0,?)', [
        nt.id,
        ord,
        `Card ${ord + 1}`,
        protoMessage([
          [1, q],
          [2, a],
        ]),
      ]);
    });
  }
  for (const name of decks)
    db.run('INSERT INTO decks VALUES (?,?,0,0,?,?)', [
      deckIdOf(decks, name),
      name.replaceAll('::', '\x1f'),
      new Uint8Array(),
      new Uint8Array(),
    ]);
  db.run("INSERT INTO config VALUES ('rollover',0,0,?)", [
    new TextEncoder().encode(String(p.rollover ?? 4)),
  ]);
}
