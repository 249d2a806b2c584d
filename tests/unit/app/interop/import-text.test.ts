import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../../../../src/app/interop/import-text.js';
import { reportText } from '../../../../src/cli/commands/import-output.js';
import { resolveSettings } from '../../../../src/core/settings.js';
import { parseDelimited } from '../../../../src/decks/anki/delimited.js';
import { loadDecks } from '../../../../src/decks/load.js';
import { dataDir } from '../../../helpers/anki-import.js';

function target(dir: string, dryRun = false) {
  return {
    dataDir: dir,
    settings: resolveSettings({}),
    decks: [],
    recordIds: () => new Set<string>(),
    writeLog: dryRun ? null : () => {},
  };
}

function fileWith(name: string, text: string): string {
  const file = join(dataDir(), name);
  writeFileSync(file, text);
  return file;
}

async function decksIn(dir: string) {
  const loaded = await loadDecks([join(dir, 'decks')], {});
  expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return loaded.decks.map((d) => d.deck);
}

// As Anki 2.1.55+ writes it with every column option on (File > Export > Notes in Plain Text).
const ANKI_TEXT = [
  '#separator:tab',
  '#html:true',
  '#guid column:1',
  '#notetype column:2',
  '#deck column:3',
  '#tags column:6',
  'b1\tBasic\tSpanish::Verbs\t<b>hablar</b>\tto speak\tverb',
  'r1\tBasic (and reversed card)\tSpanish\tperro\tdog &amp; co\t',
  'c1\tCloze\tSpanish\t{{c1::Madrid}} is in Spain\t"extra ""quoted""\nline two"\tgeo',
  't1\tBasic (type in the answer)\tSpanish\tcat?\tgato\t',
  'o1\tVocabulary\tSpanish\tcasa\thouse\tnoun',
  '',
].join('\n');

describe('import of text files', () => {
  it("reads Anki's plain-text export with its header lines", async () => {
    const dir = dataDir();
    const r = importText(fileWith('notes.txt', ANKI_TEXT), target(dir));
    expect(r.format).toBe('anki-text');
    expect(r.entries).toEqual({ basic: 1, reverse: 1, cloze: 1, typed: 1, other: 1 });
    expect(r.cards).toBe(6);
    const decks = await decksIn(dir);
    const spanish = decks.find((d) => d.id === 'anki-spanish')!;
    expect(spanish.title).toBe('Spanish');
    expect(spanish.entries.map((e) => e.type)).toEqual(['basic', 'cloze', 'typed', 'basic']);
    expect(spanish.entries[3]).toMatchObject({ front: 'casa', back: 'house', tags: ['noun'] });
    expect(spanish.entries[0]).toMatchObject({ id: 'n-7231', back: 'dog & co', reverse: true });
    expect(spanish.entries[1]).toMatchObject({
      explanation: 'extra "quoted"\nline two',
      tags: ['geo'],
    });
    expect(decks.find((d) => d.id === 'anki-spanish-verbs')!.entries[0]).toMatchObject({
      id: 'n-6231',
      front: 'hablar',
      tags: ['verb'],
    });
  });

  it('reads a CSV with a header row naming front and back, and an extra column', async () => {
    const dir = dataDir();
    const csv =
      'Question,Answer,Extra,Tags\n"What is 2+2?",4,"basic, arithmetic",math easy\nCapital of France,Paris,,\n';
    const r = importText(fileWith('My Quiz.csv', csv), target(dir));
    expect(r.format).toBe('csv');
    const [deck] = await decksIn(dir);
    expect(deck?.id).toBe('my-quiz');
    expect(deck?.entries[0]).toMatchObject({
      front: 'What is 2+2?',
      back: '4',
      explanation: 'basic, arithmetic',
      tags: ['math', 'easy'],
    });
    expect(deck?.entries[1]).toMatchObject({ front: 'Capital of France', back: 'Paris' });
    expect(deck?.description).toBe('Imported from My Quiz.csv.');
    const text = reportText(r);
    expect(text).toContain('(CSV)');
    expect(text).not.toMatch(/reviews:|marks:/);
  });

  it('reads a TSV, and a second import adds nothing', async () => {
    const dir = dataDir();
    const file = fileWith('words.tsv', 'front\tback\nuno\tone\ndos\ttwo\n');
    expect(importText(file, target(dir)).decks[0]).toMatchObject({ entries: 2, added: 2 });
    const text = readFileSync(join(dir, 'decks', 'words.yaml'), 'utf8');
    expect(importText(file, target(dir)).decks[0]).toMatchObject({ entries: 2, added: 0 });
    expect(readFileSync(join(dir, 'decks', 'words.yaml'), 'utf8')).toBe(text);
  });

  it('refuses a CSV whose header names no front/back column, naming the recognised names', () => {
    expect(() => importText(fileWith('x.csv', 'foo,bar\n1,2\n'), target(dataDir()))).toThrow(
      /x\.csv: the header row needs a front and a back column \(front: front\/question/,
    );
  });

  it('--dry-run writes nothing', () => {
    const dir = dataDir();
    const r = importText(fileWith('w.csv', 'front,back\na,b\n'), target(dir, true));
    expect(r.decks[0]?.added).toBe(1);
    expect(() => readFileSync(join(dir, 'decks', 'w.yaml'))).toThrow();
  });
});

describe('parseDelimited', () => {
  it('handles quotes, doubled quotes, separators and line breaks inside quotes, CRLF', () => {
    expect(parseDelimited('a,"b,c","d""e"\r\n"x\ny",z\n\n', ',')).toEqual([
      ['a', 'b,c', 'd"e'],
      ['x\ny', 'z'],
    ]);
  });
});

describe('deck id collisions', () => {
  it('refuses a deck whose id another deck file already has, writing nothing', async () => {
    const dir = dataDir();
    const loaded = await loadDecks([join(import.meta.dirname, '../../../fixtures/decks')], {});
    const taken = loaded.decks[0]!.deck;
    const t = { ...target(dir), decks: loaded.decks.map((d) => d.deck) };
    expect(() => importText(fileWith(`${taken.id}.csv`, 'front,back\na,b\n'), t)).toThrow(
      new RegExp(`deck id ${taken.id} is taken by .*; rename the deck`),
    );
    expect(() => readFileSync(join(dir, 'decks', `${taken.id}.yaml`))).toThrow();
  });
});
