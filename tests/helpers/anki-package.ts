// Builds Anki packages for tests, with sql.js and Anki's documented schemas: schema 11
// (rslib/src/storage/schema11.sql: col with note types and decks as JSON; notes, cards,
// revlog, graves) for collection.anki2 / .anki21, and schema 18 (notetypes, fields,
// templates, decks, config tables with protobuf configs) for the zstd-compressed
// collection.anki21b, compressed with the zstd CLI (installed by .ci/run).
import { execFileSync } from 'node:child_process';
import { zipSync } from 'fflate';
import initSqlJs from 'sql.js';
import { createSchema18 } from './anki-package-v18.js';

export type FixtureShape = 'basic' | 'reverse' | 'cloze' | 'typed' | 'other';

export interface FixtureCard {
  ord: number;
  type?: number;
  queue?: number;
  flags?: number;
  /** cards.data: Anki's FSRS memory state, e.g. {"s":12.3,"d":5.1}. */
  data?: string;
  /** A deck other than the note's (cards of one note may sit in different decks). */
  deck?: string;
}

export interface FixtureNote {
  guid: string;
  shape: FixtureShape;
  fields: string[];
  deck: string;
  tags?: string[];
  /** Default: the cards the note type makes (cloze: one per number). */
  cards?: FixtureCard[];
}

export interface FixtureReview {
  /** Index into notes, and card ordinal. */
  note: number;
  ord: number;
  at: number;
  ease: number;
  type?: number;
  factor?: number;
  timeMs?: number;
}

export interface FixturePackage {
  format: 'anki2' | 'anki21' | 'anki21b';
  notes: FixtureNote[];
  reviews?: FixtureReview[];
  rollover?: number;
  /** Media map (zip entry number -> name); files are written as a few bytes each. */
  media?: string[];
  /** Leave out a table, to make a damaged collection. */
  dropTable?: string;
  /** anki21b only: leave out the dummy collection.anki2 Anki puts beside it. */
  noDummy?: boolean;
}

export const NOTETYPES: Record<
  FixtureShape,
  { id: number; name: string; cloze: boolean; fields: string[]; tmpls: [string, string][] }
> = {
  basic: {
    id: 1001,
    name: 'Basic',
    cloze: false,
    fields: ['Front', 'Back'],
    tmpls: [['{{Front}}', '{{FrontSide}}<hr id=answer>{{Back}}']],
  },
  reverse: {
    id: 1002,
    name: 'Basic (and reversed card)',
    cloze: false,
    fields: ['Front', 'Back'],
    tmpls: [
      ['{{Front}}', '{{FrontSide}}<hr id=answer>{{Back}}'],
      ['{{Back}}', '{{FrontSide}}<hr id=answer>{{Front}}'],
    ],
  },
  cloze: {
    id: 1003,
    name: 'Cloze',
    cloze: true,
    fields: ['Text', 'Back Extra'],
    tmpls: [['{{cloze:Text}}', '{{cloze:Text}}<br>{{Back Extra}}']],
  },
  typed: {
    id: 1004,
    name: 'Basic (type in the answer)',
    cloze: false,
    fields: ['Front', 'Back'],
    tmpls: [['{{Front}}\n\n{{type:Back}}', '{{Front}}<hr id=answer>{{type:Back}}']],
  },
  other: {
    id: 1005,
    name: 'Vocabulary',
    cloze: false,
    fields: ['Word', 'Meaning', 'Example'],
    tmpls: [
      ['{{Word}}', '{{Meaning}}<br>{{Example}}'],
      ['{{Meaning}}', '{{Word}}'],
    ],
  },
};

export const noteId = (i: number) => 1_700_000_000_000 + i;
export const cardId = (i: number, ord: number) => 1_600_000_000_000 + i * 10 + ord;

export function deckIdOf(decks: string[], name: string): number {
  return name === 'Default' ? 1 : 1_500_000_000_000 + decks.indexOf(name);
}

export function defaultCards(n: FixtureNote): FixtureCard[] {
  if (n.cards) return n.cards;
  if (n.shape === 'reverse' || n.shape === 'other') return [{ ord: 0 }, { ord: 1 }];
  if (n.shape === 'cloze') {
    const nums = [
      ...new Set([...(n.fields[0] ?? '').matchAll(/\{\{c(\d+)::/g)].map((m) => Number(m[1]))),
    ];
    return nums.map((k) => ({ ord: k - 1 }));
  }
  return [{ ord: 0 }];
}

const SCHEMA11 = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null, dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
`;

type Db = InstanceType<Awaited<ReturnType<typeof initSqlJs>>['Database']>;

function deckNames(p: FixturePackage): string[] {
  const names = new Set<string>(['Default']);
  for (const n of p.notes) {
    names.add(n.deck);
    for (const c of n.cards ?? []) if (c.deck) names.add(c.deck);
  }
  // Anki keeps every parent of a nested deck as a deck of its own.
  for (const name of [...names]) {
    const parts = name.split('::');
    for (let i = 1; i < parts.length; i++) names.add(parts.slice(0, i).join('::'));
  }
  return [...names].sort();
}

function fillCommon(db: Db, p: FixturePackage, decks: string[]): void {
  p.notes.forEach((n, i) => {
    const nt = NOTETYPES[n.shape];
    db.run('INSERT INTO notes VALUES (?,?,?,?,?,?,?,?,?,?,?)', [
      noteId(i),
      n.guid,
      nt.id,
      1_700_000_000,
      -1,
      n.tags?.length ? ` ${n.tags.join(' ')} ` : '',
      n.fields.join('\x1f'),
      n.fields[0] ?? '',
      0,
      0,
      '',
    ]);
    for (const c of defaultCards(n))
      db.run('INSERT INTO cards VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)', [
        cardId(i, c.ord),
        noteId(i),
        deckIdOf(decks, c.deck ?? n.deck),
        c.ord,
        1_700_000_000,
        -1,
        c.type ?? 0,
        c.queue ?? 0,
        i,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        c.flags ?? 0,
        c.data ?? '',
      ]);
  });
  for (const r of p.reviews ?? [])
    db.run('INSERT INTO revlog VALUES (?,?,?,?,?,?,?,?,?)', [
      r.at,
      cardId(r.note, r.ord),
      -1,
      r.ease,
      1,
      0,
      r.factor ?? 2500,
      r.timeMs ?? 5000,
      r.type ?? 1,
    ]);
}

function schema11Json(p: FixturePackage, decks: string[]) {
  const models: Record<string, unknown> = {};
  for (const nt of Object.values(NOTETYPES))
    models[String(nt.id)] = {
      id: nt.id,
      name: nt.name,
      type: nt.cloze ? 1 : 0,
      flds: nt.fields.map((name, ord) => ({ name, ord })),
      tmpls: nt.tmpls.map(([qfmt, afmt], ord) => ({ name: `Card ${ord + 1}`, ord, qfmt, afmt })),
    };
  const deckJson: Record<string, unknown> = {};
  for (const name of decks)
    deckJson[String(deckIdOf(decks, name))] = { id: deckIdOf(decks, name), name };
  return { models, decks: deckJson, conf: { rollover: p.rollover ?? 4 } };
}

let sql: Awaited<ReturnType<typeof initSqlJs>> | null = null;

export async function buildCollection(p: FixturePackage): Promise<Uint8Array> {
  sql ??= await initSqlJs();
  const db = new sql.Database();
  const decks = deckNames(p);
  if (p.format === 'anki21b') createSchema18(db, p, decks);
  else {
    db.run(SCHEMA11);
    const j = schema11Json(p, decks);
    db.run('INSERT INTO col VALUES (1,0,0,0,11,0,0,0,?,?,?,?,?)', [
      JSON.stringify(j.conf),
      JSON.stringify(j.models),
      JSON.stringify(j.decks),
      '{}',
      '{}',
    ]);
  }
  fillCommon(db, p, decks);
  if (p.dropTable) db.run(`DROP TABLE ${p.dropTable}`);
  const bytes = db.export();
  db.close();
  return bytes;
}

/** The note Anki 23.10+ leaves in collection.anki2 beside the real collection.anki21b. */
export async function dummyCollection(): Promise<Uint8Array> {
  return buildCollection({
    format: 'anki2',
    notes: [
      {
        guid: 'dummy',
        shape: 'basic',
        deck: 'Default',
        fields: [
          'Please update to the latest Anki version, then import the .colpkg/.apkg file again.',
          '',
        ],
      },
    ],
  });
}

export function zstd(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(execFileSync('zstd', ['-q', '-c', '-3'], { input: bytes }));
}

export async function buildPackage(p: FixturePackage): Promise<Uint8Array> {
  const collection = await buildCollection(p);
  const files: Record<string, Uint8Array> = {};
  const media = p.media ?? [];
  media.forEach((_, i) => {
    files[String(i)] = new Uint8Array([1, 2, 3]);
  });
  if (p.format === 'anki21b') {
    files['collection.anki21b'] = zstd(collection);
    if (!p.noDummy) files['collection.anki2'] = await dummyCollection();
    // The new media map is a zstd protobuf; an import does not need it.
    files.media = zstd(new Uint8Array());
  } else {
    files[`collection.${p.format}`] = collection;
    files.media = new TextEncoder().encode(
      JSON.stringify(Object.fromEntries(media.map((m, i) => [String(i), m]))),
    );
  }
  return zipSync(files);
}
