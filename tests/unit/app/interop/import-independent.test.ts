// Import of packages we did not write: anki-apkg-export (npm) fills Anki's own schema 11
// template collection with sql.js, as Anki's exporter did before 2.1.50, and names its note
// type after the deck, so only the structure tells a Basic note type. Its public API makes
// one deck of notes with tags and media, and takes the card template's question and answer
// formats: so Basic and "type in the answer" are covered here. It has no cloze note type
// and no second template (no reversed cards); those come from tests/helpers/anki-package.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportApkg } from '../../../../src/app/interop/export-apkg.js';
import { deckCards } from '../../../../src/core/cards.js';
import type { Card, Deck } from '../../../../src/core/model.js';
import { resolveSettings } from '../../../../src/core/settings.js';
import { loadDecks } from '../../../../src/decks/load.js';
import {
  independentPackageFile,
  loadIndependentExporter,
} from '../../../helpers/anki-apkg-export.js';
import { dataDir, openStore, runImport } from '../../../helpers/anki-import.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');

beforeAll(() => {
  loadIndependentExporter();
});

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'hr-independent-'));
}

const capitals = {
  name: 'Geo::Capitals',
  media: { 'flag-peru.png': PNG },
  notes: [
    { front: 'Capital of <b>Spain</b>?', back: 'Madrid<br>on the Manzanares', tags: ['europe'] },
    {
      front: 'Capital of Peru? <img src="flag-peru.png">',
      back: '<div>Lima</div> [sound:lima.mp3]',
      tags: ['south america', 'andes'],
    },
    { front: 'Capital of Chad?', back: 'N&#39;Djamena &amp; not Abéché' },
  ],
};

async function loaded(dir: string) {
  const r = await loadDecks([join(dir, 'decks')], {});
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.decks.map((d) => d.deck);
}

describe('import of a package written by anki-apkg-export', () => {
  it('gives one deck titled with the Anki deck name, basic cards with the HTML as text, and the tags', async () => {
    const dir = dataDir();
    const file = await independentPackageFile(tmp(), capitals);
    const r = await runImport(file, dir, NOW);

    expect(r.format).toBe('anki2');
    expect(r.notes).toBe(3);
    expect(r.cards).toBe(3);
    // The note type is named "Geo::Capitals", not "Basic": its structure decides.
    expect(r.entries).toEqual({ basic: 3, reverse: 0, cloze: 0, typed: 0, other: 0 });
    expect(r.otherNoteTypes).toBe(0);
    expect(r.decks.map((d) => [d.title, d.entries, d.added])).toEqual([['Geo::Capitals', 3, 3]]);
    expect(r.reviews.inPackage).toBe(0);
    expect(r.withoutHistory).toBe(0);

    const decks = await loaded(dir);
    expect(decks).toHaveLength(1);
    const deck = decks[0]!;
    expect(deck.title).toBe('Geo::Capitals');
    expect(deck.entries.map((e) => e.type)).toEqual(['basic', 'basic', 'basic']);
    expect(deck.entries[0]).toMatchObject({
      front: 'Capital of Spain?',
      back: 'Madrid\non the Manzanares',
      tags: ['europe'],
    });
    // anki-apkg-export writes a tag's spaces as underscores, as Anki does; a <div> is a block.
    expect(deck.entries[1]).toMatchObject({
      front: 'Capital of Peru? [image flag-peru.png]',
      back: 'Lima\n[sound lima.mp3]',
      tags: ['south_america', 'andes'],
    });
    expect(deck.entries[2]).toMatchObject({ front: 'Capital of Chad?' });
    expect((deck.entries[2] as { back: string }).back).toBe("N'Djamena & not Abéché");
    expect(deckCards(deck)).toHaveLength(3);
  });

  it('counts the media references and the files the package carries', async () => {
    const r = await runImport(await independentPackageFile(tmp(), capitals), dataDir(), NOW);
    expect(r.media).toEqual({
      references: 2,
      names: ['flag-peru.png', 'lima.mp3'],
      inPackage: 1,
    });
  });

  it('adds nothing when the same package is imported again', async () => {
    const dir = dataDir();
    const file = await independentPackageFile(tmp(), capitals);
    await runImport(file, dir, NOW);
    const deckFile = join(dir, 'decks', readdirSync(join(dir, 'decks'))[0]!);
    const before = readFileSync(deckFile, 'utf8');

    const again = await runImport(file, dir, NOW);
    expect(again.decks.map((d) => d.added)).toEqual([0]);
    expect(readFileSync(deckFile, 'utf8')).toBe(before);
    expect(readdirSync(join(dir, 'decks'))).toHaveLength(1);
    const store = await openStore(dir, NOW);
    try {
      expect(Object.keys(store.progress.cards)).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('keeps the ids when the package is written again (guids from its content), so a newer export adds only new notes', async () => {
    const dir = dataDir();
    await runImport(await independentPackageFile(tmp(), capitals), dir, NOW);
    const ids = (await loaded(dir))[0]!.entries.map((e) => e.id);

    const more = {
      ...capitals,
      notes: [...capitals.notes, { front: 'Capital of Mali?', back: 'Bamako' }],
    };
    const r = await runImport(await independentPackageFile(tmp(), more), dir, NOW);
    expect(r.decks.map((d) => [d.entries, d.added])).toEqual([[4, 1]]);
    const after = (await loaded(dir))[0]!.entries.map((e) => e.id);
    expect(after.slice(0, 3)).toEqual(ids);
    expect(after).toHaveLength(4);
  });

  it('maps a "type in the answer" template, given through its questionFormat, to typed', async () => {
    const file = await independentPackageFile(tmp(), {
      name: 'Shell',
      template: {
        questionFormat: '{{Front}}\n\n{{type:Back}}',
        answerFormat: '{{Front}}\n\n<hr id="answer">\n\n{{type:Back}}',
      },
      notes: [{ front: 'List <i>all</i> domains', back: 'virsh list --all', tags: ['kvm'] }],
    });
    const dir = dataDir();
    const r = await runImport(file, dir, NOW);
    expect(r.entries).toEqual({ basic: 0, reverse: 0, cloze: 0, typed: 1, other: 0 });
    const [deck] = await loaded(dir);
    expect(deck?.title).toBe('Shell');
    expect(deck?.entries[0]).toMatchObject({
      type: 'typed',
      prompt: 'List all domains',
      answer: 'virsh list --all',
      tags: ['kvm'],
    });
  });

  it('takes a template that asks for the Back field as another note type: front from the first field, counted', async () => {
    const file = await independentPackageFile(tmp(), {
      name: 'Backwards',
      template: {
        questionFormat: '{{Back}}',
        answerFormat: '{{FrontSide}}<hr id=answer>{{Front}}',
      },
      notes: [{ front: 'perro', back: 'dog' }],
    });
    const dir = dataDir();
    const r = await runImport(file, dir, NOW);
    expect(r.entries.other).toBe(1);
    expect(r.otherNoteTypes).toBe(1);
    const [deck] = await loaded(dir);
    expect(deck?.entries[0]).toMatchObject({ type: 'basic', front: 'perro', back: 'dog' });
  });
});

/** What must survive a round trip: kind, both sides and tags, not the ids. */
function cardShape(c: Card): string {
  const f = c.face;
  const sides =
    f.kind === 'flash'
      ? [f.front, f.back]
      : f.kind === 'typed'
        ? [f.prompt, f.answer]
        : f.kind === 'cloze'
          ? [f.text, String(f.number)]
          : f.kind === 'mcq'
            ? [f.question]
            : [f.task];
  return JSON.stringify([f.kind, ...sides, [...c.tags].sort()]);
}

async function exportTo(dir: string, decks: Deck[], file: string): Promise<void> {
  const store = await openStore(dir, NOW);
  try {
    const pkg = await exportApkg(
      {
        decks,
        settings: resolveSettings(store.settings),
        cards: store.progress.cards,
        marks: store.progress.marks,
        records: store.readAllRecords(),
      },
      NOW,
    );
    writeFileSync(file, pkg.bytes);
  } finally {
    await store.close();
  }
}

describe('round trip through the independent exporter', () => {
  it('anki-apkg-export -> import -> export --apkg -> import into a fresh data directory: the same cards', async () => {
    const work = tmp();
    const a = dataDir();
    await runImport(await independentPackageFile(work, capitals), a, NOW);
    const typed = await independentPackageFile(
      work,
      {
        name: 'Shell',
        template: { questionFormat: '{{Front}}<br>{{type:Back}}' },
        notes: [{ front: 'List domains', back: 'virsh list --all', tags: ['kvm'] }],
      },
      'shell.apkg',
    );
    await runImport(typed, a, NOW);
    const first = await loaded(a);

    const again = join(work, 'again.apkg');
    await exportTo(a, first, again);
    // The package we wrote passes the independent reader too.
    const checker = join(import.meta.dirname, '../../../helpers/anki-schema11-check.py');
    const py = spawnSync('python3', [checker, again], { encoding: 'utf8' });
    expect(py.status, py.stderr).toBe(0);
    expect(JSON.parse(py.stdout).problems).toEqual([]);

    const b = dataDir();
    const r = await runImport(again, b, NOW);
    expect(r.entries).toEqual({ basic: 3, reverse: 0, cloze: 0, typed: 1, other: 0 });
    const second = await loaded(b);
    expect(second.map((d) => d.title).sort()).toEqual(['Geo::Capitals', 'Shell']);
    const shapes = (decks: Deck[]) => decks.flatMap(deckCards).map(cardShape).sort();
    expect(shapes(second)).toEqual(shapes(first));
    expect(shapes(second)).toHaveLength(4);
  });
});
