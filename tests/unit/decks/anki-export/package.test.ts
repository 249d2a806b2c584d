// The .apkg writer, read back with sql.js as Anki would read it: zip entries, schema 11
// tables, the col row's JSON, ids that refer to each other, cards' schedules and revlog rows.
import { unzipSync } from 'fflate';
import initSqlJs, { type Database } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportApkg } from '../../../../src/app/interop/export-apkg.js';
import { dayStart, studyDay } from '../../../../src/core/clock.js';
import type { CardMarks, Deck, LogRecord, Memory } from '../../../../src/core/model.js';
import { cramRecord, markRecord, reviewRecord, undoRecord } from '../../../../src/core/records.js';
import { resolveSettings } from '../../../../src/core/settings.js';
import { parseDeck } from '../../../../src/decks/parse.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const DAY = 86_400_000;
const T1 = Date.parse('2026-03-01T12:00:00Z');
const settings = resolveSettings({});
const dayOf = (ms: number) => studyDay(ms, settings.dayStartsAt);

const YAML = `id: demo
title: Demo::Sub
description: A <test> deck.
tags: [t1]
cards:
  - id: plain
    type: basic
    front: "What is <b> & co?"
    back: "Tags\\nand lines"
  - id: both
    type: basic
    front: vmx
    back: Intel VT-x flag
    reverse: true
  - id: flags
    type: cloze
    text: Intel is {{c1::vmx}}, AMD is {{c2::svm}}.
    explanation: From /proc/cpuinfo.
  - id: pick
    type: mcq
    question: Which one?
    choices:
      - text: Right
        correct: true
      - text: Wrong
    explanation: Because.
  - id: cmd
    type: typed
    prompt: List all domains
    answer: virsh list --all
    tags: [cli]
  - id: kinds
    type: terms
    prompt: Which kind?
    terms:
      - term: Para
        definition: Modified guest.
      - term: Full
        definition: Unmodified guest.
`;

function deck(): Deck {
  const r = parseDeck('demo.yaml', YAML);
  if (!r.deck || r.problems.length > 0) throw new Error(JSON.stringify(r.problems));
  return r.deck;
}

const mem = (over: Partial<Memory>): Memory => ({
  phase: 'review',
  due: T1 + 3 * DAY,
  stability: 3.5,
  difficulty: 5.25,
  scheduledDays: 3,
  learningSteps: 0,
  reps: 1,
  lapses: 0,
  lastReview: T1,
  ...over,
});

// demo/plain: learnt (Good), then reviewed 3 days later (Again), an undone answer in between.
const learnt = mem({ phase: 'review', due: T1 + 3 * DAY, scheduledDays: 3 });
const lapsed = mem({
  phase: 'relearning',
  due: NOW + 10 * 60_000,
  scheduledDays: 0,
  reps: 2,
  lapses: 1,
  lastReview: NOW,
});
const r1 = reviewRecord({
  id: 'a-1',
  key: 'demo/plain',
  at: T1,
  rating: 3,
  mode: 'study',
  tookMs: 4200,
  before: null,
  after: learnt,
  day: dayOf(T1),
});
const undone = reviewRecord({
  id: 'a-2',
  key: 'demo/plain',
  at: T1 + 1000,
  rating: 4,
  mode: 'study',
  tookMs: 1,
  before: learnt,
  after: learnt,
  day: dayOf(T1),
});
const r2 = reviewRecord({
  id: 'a-3',
  key: 'demo/plain',
  at: NOW,
  rating: 1,
  mode: 'study',
  tookMs: 2500,
  before: learnt,
  after: lapsed,
  day: dayOf(NOW),
});
const records: LogRecord[] = [
  r1,
  undone,
  undoRecord('a-u', T1 + 2000, undone),
  cramRecord({
    id: 'a-c',
    key: 'demo/plain',
    at: T1 + DAY,
    rating: 3,
    tookMs: 900,
    day: dayOf(T1 + DAY),
  }),
  r2,
  markRecord('a-f', 'demo/cmd', 'forget', T1 + 5 * DAY, dayOf(T1 + 5 * DAY)),
];
const cards: Record<string, Memory> = {
  'demo/plain': lapsed,
  'demo/both': mem({ due: NOW + 5 * DAY, scheduledDays: 8 }),
  'demo/both::reverse': mem({
    phase: 'learning',
    due: NOW + 60_000,
    learningSteps: 1,
    scheduledDays: 0,
  }),
};
const marks: Record<string, CardMarks> = {
  'demo/both': { flagged: true },
  'demo/flags::c2': { suspended: true },
  'demo/pick': { leech: true, buriedDay: dayOf(NOW) },
};

let db: Database;
let files: Record<string, Uint8Array>;
let counts: { notes: number; cards: number; revlog: number };

beforeAll(async () => {
  const result = await exportApkg({ decks: [deck()], settings, cards, marks, records }, NOW);
  counts = result;
  files = unzipSync(result.bytes);
  const SQL = await initSqlJs();
  db = new SQL.Database(files['collection.anki2']);
});

const rows = (sql: string) => {
  const r = db.exec(sql)[0];
  return r ? r.values.map((v) => Object.fromEntries(r.columns.map((c, i) => [c, v[i]]))) : [];
};

describe('export --apkg package', () => {
  it('is a zip of collection.anki2 and an empty media map', () => {
    expect(Object.keys(files).sort()).toEqual(['collection.anki2', 'media']);
    expect(new TextDecoder().decode(files.media)).toBe('{}');
  });

  it('is an intact schema 11 collection with the tables Anki reads', () => {
    expect(db.exec('PRAGMA integrity_check')[0]?.values).toEqual([['ok']]);
    const tables = rows("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").map(
      (r) => r.name,
    );
    expect(tables).toEqual(['cards', 'col', 'graves', 'notes', 'revlog']);
    const [col] = rows('SELECT * FROM col');
    expect(col?.ver).toBe(11);
    expect(col?.crt).toBe(dayStart(dayOf(T1), settings.dayStartsAt) / 1000);
    for (const c of ['conf', 'models', 'decks', 'dconf', 'tags'])
      expect(() => JSON.parse(String(col?.[c]))).not.toThrow();
  });

  it('has one note per entry (one per derived question for mcq and terms) and one card per hyperrecall card', () => {
    // plain, both, flags, pick, cmd, and 2 terms x (recall, choice)
    expect(counts.notes).toBe(9);
    expect(counts.cards).toBe(11);
    expect(rows('SELECT count(*) AS n FROM cards')[0]?.n).toBe(11);
  });

  it('note types match notes.mid and every card ord has a template (cloze: a deletion)', () => {
    const [col] = rows('SELECT models, decks FROM col');
    const models = JSON.parse(String(col?.models)) as Record<
      string,
      { id: number; name: string; type: number; tmpls: unknown[]; flds: { name: string }[] }
    >;
    const decks = JSON.parse(String(col?.decks)) as Record<string, { name: string; desc: string }>;
    for (const [id, m] of Object.entries(models)) expect(String(m.id)).toBe(id);
    const cardsRows = rows(
      'SELECT c.ord, c.did, n.mid, n.flds FROM cards c JOIN notes n ON n.id = c.nid',
    );
    for (const c of cardsRows) {
      const m = models[String(c.mid)];
      expect(m).toBeDefined();
      expect(String(c.flds).split('\x1f')).toHaveLength(m?.flds.length ?? -1);
      if (m?.type === 1) expect(String(c.flds)).toContain(`{{c${Number(c.ord) + 1}::`);
      else expect(Number(c.ord)).toBeLessThan(m?.tmpls.length ?? 0);
      expect(decks[String(c.did)]?.name).toBe('Demo::Sub');
      expect(decks[String(c.did)]?.desc).toBe('A &lt;test&gt; deck.');
    }
    const names = new Set(
      rows('SELECT DISTINCT mid FROM notes').map((r) => models[String(r.mid)]?.name),
    );
    expect(names).toEqual(
      new Set(['Basic', 'Basic (and reversed card)', 'Cloze', 'Basic (type in the answer)']),
    );
  });

  it('escapes HTML, lists choices on the front and carries tags (leech too)', () => {
    const notes = rows('SELECT flds, tags, sfld FROM notes ORDER BY id');
    expect(notes[0]?.flds).toBe('What is &lt;b&gt; &amp; co?\x1fTags<br>and lines');
    expect(notes[0]?.sfld).toBe('What is <b> & co?');
    expect(notes[0]?.tags).toBe(' t1 ');
    expect(notes[3]?.flds).toBe(
      'Which one?<br><br>A. Right<br>B. Wrong\x1fA. Right<br><br>Because.',
    );
    expect(String(notes[3]?.tags).trim().split(' ').sort()).toEqual(['leech', 't1']);
    expect(notes[4]?.tags).toBe(' t1 cli ');
  });

  it("cards' type, queue, due and ivl follow the schedule and the marks", () => {
    const cs = rows(
      'SELECT c.ord, c.type, c.queue, c.due, c.ivl, c.left, c.flags, c.reps, c.lapses, c.data, n.sfld FROM cards c JOIN notes n ON n.id = c.nid ORDER BY c.id',
    );
    const crtDay = dayOf(T1);
    // demo/plain: relearning, due in 10 minutes today -> queue 1, due in epoch seconds
    expect(cs[0]).toMatchObject({
      type: 3,
      queue: 1,
      due: Math.floor((NOW + 600_000) / 1000),
      reps: 2,
      lapses: 1,
      left: 1,
    });
    expect(JSON.parse(String(cs[0]?.data))).toEqual({ s: 3.5, d: 5.25, dr: 0.9, lrt: NOW / 1000 });
    // demo/both: review, flagged -> due as days from crt
    expect(cs[1]).toMatchObject({
      ord: 0,
      type: 2,
      queue: 2,
      due: dayOf(NOW + 5 * DAY) - crtDay,
      ivl: 8,
      flags: 1,
    });
    // demo/both::reverse: learning step 1 of 2 -> one step left
    expect(cs[2]).toMatchObject({ ord: 1, type: 1, queue: 1, ivl: 0, left: 1 });
    // cloze c1 new, c2 suspended
    expect(cs[3]).toMatchObject({ ord: 0, type: 0, queue: 0, data: '' });
    expect(cs[4]).toMatchObject({ ord: 1, type: 0, queue: -1 });
    // mcq: buried today
    expect(cs[5]).toMatchObject({ queue: -3 });
  });

  it('writes the history as revlog rows: learn, review, cram as filtered, forget as manual, undone left out', () => {
    const rl = rows('SELECT * FROM revlog ORDER BY id');
    const ids = new Map(
      rows('SELECT c.id, n.sfld, c.ord FROM cards c JOIN notes n ON n.id = c.nid').map((r) => [
        r.id,
        `${r.sfld}/${r.ord}`,
      ]),
    );
    expect(rl.map((r) => ({ ...r, cid: ids.get(r.cid as number) }))).toEqual([
      {
        id: T1,
        cid: 'What is <b> & co?/0',
        usn: -1,
        ease: 3,
        ivl: 3,
        lastIvl: 0,
        factor: 2500,
        time: 4200,
        type: 0,
      },
      {
        id: T1 + DAY,
        cid: 'What is <b> & co?/0',
        usn: -1,
        ease: 3,
        ivl: 0,
        lastIvl: 0,
        factor: 0,
        time: 900,
        type: 3,
      },
      {
        id: T1 + 5 * DAY,
        cid: 'List all domains/0',
        usn: -1,
        ease: 0,
        ivl: 0,
        lastIvl: 0,
        factor: 0,
        time: 0,
        type: 4,
      },
      {
        id: NOW,
        cid: 'What is <b> & co?/0',
        usn: -1,
        ease: 1,
        ivl: -600,
        lastIvl: 3,
        factor: 2500,
        time: 2500,
        type: 1,
      },
    ]);
  });
});
