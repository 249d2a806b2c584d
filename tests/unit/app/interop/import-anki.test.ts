import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDecks } from '../../../../src/decks/load.js';
import { dataDir, openStore, packageFile, runImport } from '../../../helpers/anki-import.js';
import type { FixturePackage } from '../../../helpers/anki-package.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const DAY = 86_400_000;
const T = NOW - 30 * DAY;

function sample(format: FixturePackage['format']): FixturePackage {
  return {
    format,
    rollover: 5,
    media: ['cat.jpg', 'meow.mp3'],
    notes: [
      {
        guid: 'b1',
        shape: 'basic',
        deck: 'Spanish::Verbs',
        fields: ['<b>hablar</b>', 'to speak'],
        tags: ['verb', 'leech'],
      },
      {
        guid: 'r1',
        shape: 'reverse',
        deck: 'Spanish',
        fields: ['perro', 'dog <img src="cat.jpg">'],
      },
      {
        guid: 'c1',
        shape: 'cloze',
        deck: 'Spanish',
        fields: ['{{c1::Madrid}} is the capital of {{c2::Spain}}', 'geo'],
      },
      { guid: 't1', shape: 'typed', deck: 'Spanish', fields: ['cat?', 'gato [sound:meow.mp3]'] },
      { guid: 'o1', shape: 'other', deck: 'Spanish', fields: ['casa', 'house', 'mi casa'] },
    ],
  };
}

function withHistory(format: FixturePackage['format']): FixturePackage {
  const p = sample(format);
  p.notes[0]!.cards = [{ ord: 0, type: 2, queue: -1, flags: 2, data: '{"s":5.5,"d":6.1}' }];
  p.notes[1]!.cards = [
    { ord: 0, type: 2, queue: 2 },
    { ord: 1, queue: -2 },
  ];
  p.reviews = [
    { note: 0, ord: 0, at: T, ease: 3, type: 0 },
    { note: 0, ord: 0, at: T + 2 * DAY, ease: 3 },
    { note: 0, ord: 0, at: T + 9 * DAY, ease: 1 },
    { note: 1, ord: 0, at: T + DAY, ease: 4, type: 0 },
    // A review of a card the collection no longer has.
    { note: 9, ord: 0, at: T + DAY + 1, ease: 3 },
  ];
  return p;
}

describe.each(['anki2', 'anki21', 'anki21b'] as const)(
  'import of a collection.%s package',
  (format) => {
    it('makes one deck file per Anki deck, each passing the deck parser', async () => {
      const dir = dataDir();
      const r = await runImport(await packageFile(sample(format)), dir, NOW);
      expect(r.format).toBe(format);
      expect(r.decks.map((d) => d.title)).toEqual(['Spanish', 'Spanish::Verbs']);
      const files = readdirSync(join(dir, 'decks')).sort();
      expect(files).toEqual(['anki-spanish-verbs.yaml', 'anki-spanish.yaml']);
      const loaded = await loadDecks([join(dir, 'decks')], {});
      expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
      const spanish = loaded.decks.find((d) => d.deck.id === 'anki-spanish')!.deck;
      const kinds = spanish.entries.map((e) => e.type);
      expect(kinds).toEqual(['basic', 'cloze', 'typed', 'basic']);
      const rev = spanish.entries[0]!;
      expect(rev).toMatchObject({
        type: 'basic',
        front: 'perro',
        back: 'dog [image cat.jpg]',
        reverse: true,
      });
      expect(spanish.entries[2]).toMatchObject({
        type: 'typed',
        prompt: 'cat?',
        answer: 'gato [sound meow.mp3]',
      });
      expect(spanish.entries[3]).toMatchObject({ front: 'casa', back: 'house\n\nmi casa' });
      const verbs = loaded.decks.find((d) => d.deck.id === 'anki-spanish-verbs')!.deck;
      expect(verbs.title).toBe('Spanish::Verbs');
      expect(verbs.entries[0]).toMatchObject({
        front: 'hablar',
        back: 'to speak',
        tags: ['verb', 'leech'],
      });
      expect(r.entries).toEqual({ basic: 1, reverse: 1, cloze: 1, typed: 1, other: 1 });
      expect(r.otherNoteTypes).toBe(1);
      expect(r.unmappedCards).toBe(1);
      expect(r.media.names).toEqual(['cat.jpg', 'meow.mp3']);
    });

    it('turns the revlog into review records with replayed memory, and carries marks over', async () => {
      const dir = dataDir();
      const r = await runImport(await packageFile(withHistory(format)), dir, NOW);
      expect(r.reviews).toEqual({ inPackage: 4, added: 4, alreadyImported: 0, ofDeletedCards: 1 });
      expect(r.marks).toEqual({ suspended: 1, buried: 1, flagged: 1, leeches: 1 });
      expect(r.fsrs?.cards).toBe(1);
      const store = await openStore(dir, NOW);
      try {
        const key = 'anki-spanish-verbs/n-6231';
        const m = store.progress.cards[key]!;
        expect(m.reps).toBe(3);
        expect(m.lapses).toBe(1);
        expect(m.lastReview).toBe(T + 9 * DAY);
        expect(store.progress.marks[key]).toMatchObject({
          suspended: true,
          flagged: true,
          leech: true,
        });
        expect(store.progress.marks['anki-spanish/n-7231::reverse']?.buriedDay).toBeDefined();
        const reviews = store.readAllRecords().filter((x) => x.type === 'review');
        expect(reviews.map((x) => x.type === 'review' && x.rating)).toEqual([3, 4, 3, 1]);
        expect(r.fsrs!.stability).toBeCloseTo(Math.abs(m.stability - 5.5), 6);
        // The history is a log of its own, not this device's answers: `u` cannot take one back.
        expect(store.progress.lastAnswer).toBeNull();
        expect(readdirSync(dir).filter((f) => f.startsWith('reviews-import-'))).toHaveLength(1);
      } finally {
        await store.close();
      }
    });
  },
);
