import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importAnki } from '../../../../src/app/interop/import-anki.js';
import { studyDay } from '../../../../src/core/clock.js';
import { resolveSettings } from '../../../../src/core/settings.js';
import { loadDecks } from '../../../../src/decks/load.js';
import { dataDir, openStore, packageFile, runImport } from '../../../helpers/anki-import.js';
import {
  buildCollection,
  buildPackage,
  dummyCollection,
  type FixturePackage,
} from '../../../helpers/anki-package.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const DAY = 86_400_000;

const pkg = (): FixturePackage => ({
  format: 'anki21',
  rollover: 5,
  notes: [
    { guid: 'a', shape: 'basic', deck: 'Default', fields: ['one', 'uno'] },
    { guid: 'b', shape: 'cloze', deck: 'Default', fields: ['{{c1::dos}} is two', ''] },
  ],
  reviews: [
    // 04:30 UTC is before Anki's 05:00 rollover: the study day before.
    { note: 0, ord: 0, at: Date.parse('2026-03-01T04:30:00Z'), ease: 3, type: 0 },
    { note: 1, ord: 0, at: Date.parse('2026-03-02T09:00:00Z'), ease: 2, type: 0 },
  ],
});

function logLines(dir: string): number {
  return readdirSync(dir)
    .filter((f) => f.startsWith('reviews-'))
    .reduce((n, f) => n + readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean).length, 0);
}

async function fileWith(bytes: Uint8Array, name = 'bad.apkg'): Promise<string> {
  const file = join(dataDir(), name);
  writeFileSync(file, bytes);
  return file;
}

describe('import edges', () => {
  it('a second import of the same package adds nothing', async () => {
    const dir = dataDir();
    const file = await packageFile(pkg());
    const first = await runImport(file, dir, NOW);
    expect(first.reviews.added).toBe(2);
    const deckFile = join(dir, 'decks', 'anki-default.yaml');
    const text = readFileSync(deckFile, 'utf8');
    const lines = logLines(dir);
    const second = await runImport(file, dir, NOW + DAY);
    expect(second.decks[0]?.added).toBe(0);
    expect(second.reviews).toMatchObject({ added: 0, alreadyImported: 2 });
    expect(readFileSync(deckFile, 'utf8')).toBe(text);
    expect(logLines(dir)).toBe(lines);
  });

  it('a later package adds only its new notes and keeps the learner edits', async () => {
    const dir = dataDir();
    await runImport(await packageFile(pkg()), dir, NOW);
    const deckFile = join(dir, 'decks', 'anki-default.yaml');
    writeFileSync(deckFile, readFileSync(deckFile, 'utf8').replace('uno', 'UNO (edited)'));
    const more = pkg();
    more.notes.push({ guid: 'c', shape: 'basic', deck: 'Default', fields: ['three', 'tres'] });
    const r = await runImport(await packageFile(more), dir, NOW);
    expect(r.decks[0]).toMatchObject({ entries: 3, added: 1 });
    const text = readFileSync(deckFile, 'utf8');
    expect(text).toContain('UNO (edited)');
    expect(text).toContain('tres');
  });

  it('study days follow Anki rollover hour', async () => {
    const dir = dataDir();
    await runImport(await packageFile(pkg()), dir, NOW);
    const store = await openStore(dir, NOW);
    try {
      const [first] = store.readAllRecords().filter((r) => r.type === 'review');
      expect(first?.type === 'review' && first.day).toBe(
        studyDay(Date.parse('2026-03-01T04:30:00Z'), 5),
      );
      expect(first?.type === 'review' && first.day).toBe(
        studyDay(Date.parse('2026-02-28T12:00:00Z'), 4),
      );
    } finally {
      await store.close();
    }
  });

  it('--dry-run reports the same and writes nothing', async () => {
    const dir = dataDir();
    const r = await runImport(await packageFile(pkg()), dir, NOW, { dryRun: true });
    expect(r.dryRun).toBe(true);
    expect(r.decks[0]).toMatchObject({ entries: 2, added: 2 });
    expect(r.reviews.added).toBe(2);
    expect(existsSync(join(dir, 'decks'))).toBe(false);
    expect(logLines(dir)).toBe(0);
  });

  it('when the records cannot be written, the deck files go back', async () => {
    const dir = dataDir();
    const target = {
      dataDir: dir,
      settings: resolveSettings({}),
      decks: [],
      recordIds: () => new Set<string>(),
      writeLog: () => {
        throw new Error('disk full');
      },
    };
    await expect(importAnki(await packageFile(pkg()), target, NOW)).rejects.toThrow('disk full');
    expect(readdirSync(join(dir, 'decks'))).toEqual([]);
  });

  it('reads the real collection.anki21b beside Anki 23.10+ dummy collection.anki2', async () => {
    const r = await runImport(await packageFile({ ...pkg(), format: 'anki21b' }), dataDir(), NOW);
    expect(r.format).toBe('anki21b');
    expect(r.notes).toBe(2);
  });

  const refused: [string, () => Promise<Uint8Array>, RegExp][] = [
    [
      'a truncated zip',
      async () => (await buildPackage(pkg())).slice(0, 400),
      /not a readable zip file/,
    ],
    [
      'a file that is not a zip',
      async () => new TextEncoder().encode('front,back\n'),
      /not an Anki package/,
    ],
    [
      'a zip without a collection',
      async () => zipSync({ 'notes.txt': new Uint8Array([1]) }),
      /no Anki collection inside/,
    ],
    [
      'a collection that is not SQLite',
      async () => zipSync({ 'collection.anki21': new Uint8Array(4096).fill(7) }),
      /not an SQLite database/,
    ],
    [
      'a collection without the revlog table',
      async () =>
        zipSync({ 'collection.anki21': await buildCollection({ ...pkg(), dropTable: 'revlog' }) }),
      /no revlog table/,
    ],
    [
      'an anki21b collection without its templates table',
      async () => buildPackage({ ...pkg(), format: 'anki21b', dropTable: 'templates' }),
      /no templates table/,
    ],
    [
      'only the dummy collection of a newer Anki',
      async () => zipSync({ 'collection.anki2': await dummyCollection() }),
      /collection\.anki21b is missing/,
    ],
    [
      'anki21b that is not zstd',
      async () => zipSync({ 'collection.anki21b': new Uint8Array([1, 2, 3]) }),
      /not valid zstd data/,
    ],
  ];
  it.each(refused)(
    'refuses %s with one clear error and writes nothing',
    async (_, make, message) => {
      const dir = dataDir();
      const file = await fileWith(await make());
      const err = await runImport(file, dir, NOW).catch((e: Error) => e);
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).name).toBe('AnkiImportError');
      expect((err as Error).message).toMatch(message);
      expect((err as Error).message).not.toContain('\n');
      expect((err as Error).message).toContain('bad.apkg');
      expect(existsSync(join(dir, 'decks'))).toBe(false);
      expect(logLines(dir)).toBe(0);
    },
  );

  it('reads a .colpkg, and a reversed note type without its second card has no reverse', async () => {
    const p = pkg();
    p.format = 'anki21b';
    p.notes.push({
      guid: 'opt',
      shape: 'reverse',
      deck: 'Default',
      fields: ['uno', 'one'],
      cards: [{ ord: 0 }],
    });
    const dir = dataDir();
    const r = await runImport(await packageFile(p, 'collection.colpkg'), dir, NOW);
    expect(r.format).toBe('anki21b');
    expect(r.cards).toBe(3);
    const loaded = await loadDecks([join(dir, 'decks')], {});
    const entry = loaded.decks[0]?.deck.entries.find((e) => e.id === 'n-6f7074');
    expect(entry).toMatchObject({ type: 'basic', reverse: false });
  });

  it('shows control characters in fields as symbols, so the deck still lints', async () => {
    const p = pkg();
    p.notes.push({
      guid: 'esc',
      shape: 'basic',
      deck: 'Default',
      fields: ['red \x1b[31mtext\r\nnext', 'bell\x07'],
    });
    const dir = dataDir();
    await runImport(await packageFile(p), dir, NOW);
    const loaded = await loadDecks([join(dir, 'decks')], {});
    expect(loaded.problems.filter((x) => x.severity === 'error')).toEqual([]);
    const entry = loaded.decks[0]?.deck.entries.find((e) => e.id === 'n-657363');
    expect(entry).toMatchObject({ front: 'red ␛[31mtext\nnext', back: 'bell␇' });
  });

  it('survives an HTML bomb: a field nested 100,000 elements deep', async () => {
    const bomb = `${'<div>'.repeat(100_000)}deep${'</div>'.repeat(100_000)}`;
    const p = pkg();
    p.notes.push({
      guid: 'bomb',
      shape: 'basic',
      deck: 'Default',
      fields: [`front <i>x</i>`, bomb],
    });
    const dir = dataDir();
    const r = await runImport(await packageFile(p), dir, NOW);
    expect(r.cutFields).toBe(1);
    const text = readFileSync(join(dir, 'decks', 'anki-default.yaml'), 'utf8');
    expect(text).toContain('front x');
    expect(text.length).toBeLessThan(10_000);
  });
});
