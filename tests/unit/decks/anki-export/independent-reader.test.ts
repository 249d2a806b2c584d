// export --apkg read by a reader we did not write: tests/helpers/anki-schema11-check.py opens
// the package with Python's zipfile, sqlite3 and json and checks every column, JSON key and
// type Anki's importers read (the list, with the Anki source file each comes from, is at
// the top of that script). A real Anki is not available here; this is the next best thing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportApkg } from '../../../../src/app/interop/export-apkg.js';
import { deckCards } from '../../../../src/core/cards.js';
import { rebuildProgress } from '../../../../src/core/fold.js';
import type { Card, CardMarks, Deck, LogRecord } from '../../../../src/core/model.js';
import { resolveSettings } from '../../../../src/core/settings.js';
import { parseDeck } from '../../../../src/decks/parse.js';
import { simulateLog } from '../../../helpers/simulate.js';

const CHECKER = join(import.meta.dirname, '../../../helpers/anki-schema11-check.py');
const START = Date.parse('2026-01-05T08:00:00Z');
const NOW = Date.parse('2026-02-25T12:00:00Z');
// Weights as `optimize` would set them: FSRS-6's 21 defaults, slightly moved.
const WEIGHTS = [
  0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
  0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
];

function deckOf(id: string, title: string, lines: string[]): Deck {
  const parsed = parseDeck(
    `${id}.yaml`,
    [`id: ${id}`, `title: "${title}"`, 'cards:', ...lines].join('\n'),
  );
  if (!parsed.deck) throw new Error(JSON.stringify(parsed.problems));
  return parsed.deck;
}

function decks(): Deck[] {
  const a: string[] = [];
  for (let i = 0; i < 12; i++)
    a.push(`  - {id: b${i}, type: basic, front: "Q ${i} <b>&</b>\\nline two", back: "A ${i}"}`);
  for (let i = 0; i < 6; i++)
    a.push(`  - {id: r${i}, type: basic, front: "Word ${i}", back: "Mot ${i}", reverse: true}`);
  for (let i = 0; i < 6; i++)
    a.push(
      `  - {id: z${i}, type: cloze, text: "A {{c1::one ${i}}} and {{c2::two}}.", explanation: "x"}`,
    );
  for (let i = 0; i < 4; i++)
    a.push(
      `  - {id: t${i}, type: typed, prompt: "Type ${i}", answer: "ans ${i}", tags: [cli, "two words"]}`,
    );
  a.push(
    '  - {id: m0, type: mcq, question: "Pick", choices: [{text: "Yes", correct: true}, {text: "No"}]}',
  );
  const b = ['  - {id: only, type: basic, front: "  spaced  ", back: "Sub deck"}'];
  return [deckOf('mixed', 'Mixed::Chapter 1', a), deckOf('sub', 'Mixed', b)];
}

function history(cards: Card[]): LogRecord[] {
  const recs = simulateLog({ seed: 7, days: 45, newPerDay: 3, deck: 'sim', start: START });
  const keyOf = (k: string) => cards[Number(k.slice('sim/c'.length))]?.key ?? k;
  return recs.map((r) => (r.type === 'review' ? { ...r, key: keyOf(r.key) } : r));
}

interface Checked {
  problems: string[];
  counts: {
    notes: number;
    cards: number;
    revlog: number;
    models: string[];
    decks: string[];
    presets: Record<string, string>;
    deckPresets: string[];
  };
}

function check(bytes: Uint8Array): Checked {
  const file = join(mkdtempSync(join(tmpdir(), 'hr-apkg-check-')), 'out.apkg');
  writeFileSync(file, bytes);
  const r = spawnSync('python3', [CHECKER, file], { encoding: 'utf8' });
  if (r.error || r.status !== 0)
    throw new Error(`python3 ${CHECKER} failed (is python3 installed?): ${r.error ?? r.stderr}`);
  return JSON.parse(r.stdout) as Checked;
}

/** The package with its collection changed by `sql` (values in its JSON edited with SQLite's json functions). */
async function tampered(bytes: Uint8Array, sql: string): Promise<Uint8Array> {
  const files = unzipSync(bytes);
  const SQL = await initSqlJs();
  const db = new SQL.Database(files['collection.anki2']);
  db.run(sql);
  const out = zipSync({ 'collection.anki2': db.export(), media: strToU8('{}') });
  db.close();
  return out;
}

let pkg: Uint8Array;
let result: { notes: number; cards: number; revlog: number };

beforeAll(async () => {
  const all = decks();
  const cards = all.flatMap(deckCards);
  const records = history(cards);
  const progress = rebuildProgress(records);
  const settings = { ...resolveSettings({}), weights: WEIGHTS, dayStartsAt: 5 };
  const marks: Record<string, CardMarks> = {
    [cards[0]!.key]: { suspended: true },
    [cards[1]!.key]: { flagged: true, leech: true },
    [cards[2]!.key]: { buriedDay: 1_000_000 },
  };
  const out = await exportApkg(
    { decks: all, settings, cards: progress.cards, marks, records },
    NOW,
  );
  pkg = out.bytes;
  result = out;
});

describe('export --apkg read by Python (zipfile, sqlite3, json): what Anki reads', () => {
  it('has every column, key and type Anki reads, and nothing it would refuse', () => {
    const r = check(pkg);
    expect(r.problems).toEqual([]);
    expect(r.counts).toMatchObject({
      notes: result.notes,
      cards: result.cards,
      revlog: result.revlog,
    });
    expect(r.counts.revlog).toBeGreaterThan(50);
    expect(r.counts.models).toEqual([
      'Basic',
      'Basic (and reversed card)',
      'Basic (type in the answer)',
      'Cloze',
    ]);
    expect(r.counts.decks).toEqual(['Default', 'Mixed', 'Mixed::Chapter 1']);
  });

  it("puts the decks on a preset of their own (not id 1, which Anki's importers never take)", () => {
    const r = check(pkg);
    expect(r.counts.deckPresets).toHaveLength(1);
    const own = r.counts.deckPresets[0]!;
    expect(own).not.toBe('1');
    expect(r.counts.presets[own]).toBe('hyperrecall');
    expect(r.counts.presets['1']).toBe('Default');
  });

  it.each([
    [
      'a model without css',
      "UPDATE col SET models = json_remove(models, '$.1733000000001.css')",
      'missing css',
    ],
    [
      'a field without sticky',
      "UPDATE col SET models = json_remove(models, '$.1733000000001.flds[0].sticky')",
      'missing sticky',
    ],
    [
      'a deck without conf',
      `UPDATE col SET decks = (SELECT json_remove(decks, '$.' || key || '.conf') FROM json_each(decks) WHERE key != '1')`,
      'missing conf',
    ],
    [
      'a preset without lapse.leechFails',
      "UPDATE col SET dconf = (SELECT json_remove(dconf, '$.' || key || '.lapse.leechFails') FROM json_each(dconf) WHERE key != '1')",
      'missing leechFails',
    ],
    ['the v1 scheduler', "UPDATE col SET conf = json_set(conf, '$.schedVer', 1)", 'schedVer'],
    ['a wrong checksum', 'UPDATE notes SET csum = csum + 1', 'csum'],
    [
      'a note with a field too few',
      'UPDATE notes SET flds = substr(flds, 1, instr(flds, char(31)) - 1) WHERE id = (SELECT min(id) FROM notes)',
      'fields, its model has',
    ],
    [
      'a revlog row of no card',
      'UPDATE revlog SET cid = 1 WHERE id = (SELECT min(id) FROM revlog)',
      'is missing',
    ],
  ])('finds %s (the checker can fail)', async (_what, sql, expected) => {
    const r = check(await tampered(pkg, sql));
    expect(r.problems.join('\n')).toContain(expected);
  });
});
