// The round trip: export --apkg, then import the package into a fresh data
// directory: the same cards (kinds, texts, reverses, cloze deletions) and the same memory
// states, recomputed there by replaying the exported revlog with FSRS.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportApkg } from '../../../../src/app/interop/export-apkg.js';
import { deckCards, questionText } from '../../../../src/core/cards.js';
import { rebuildProgress } from '../../../../src/core/fold.js';
import type { Card, LogRecord, Memory } from '../../../../src/core/model.js';
import { resolveSettings } from '../../../../src/core/settings.js';
import { loadDecks } from '../../../../src/decks/load.js';
import { parseDeck } from '../../../../src/decks/parse.js';
import { dataDir, openStore, runImport } from '../../../helpers/anki-import.js';
import { simulateLog } from '../../../helpers/simulate.js';

const START = Date.parse('2026-01-05T08:00:00Z');
const NOW = Date.parse('2026-02-25T12:00:00Z');

function deckYaml(): string {
  const out = ['id: mixed', 'title: Mixed::Chapter 1', 'cards:'];
  for (let i = 0; i < 20; i++)
    out.push(`  - {id: b${i}, type: basic, front: "Front ${i} <x>", back: "Back ${i}"}`);
  for (let i = 0; i < 10; i++)
    out.push(`  - {id: r${i}, type: basic, front: "Word ${i}", back: "Mot ${i}", reverse: true}`);
  for (let i = 0; i < 10; i++)
    out.push(`  - {id: z${i}, type: cloze, text: "Fact {{c1::one ${i}}} and {{c2::two ${i}}}."}`);
  for (let i = 0; i < 6; i++)
    out.push(`  - {id: t${i}, type: typed, prompt: "Type ${i}", answer: "ans ${i}"}`);
  return `${out.join('\n')}\n`;
}

/** Simulated study on the deck's cards: simulate's `sim/c{i}` becomes the i-th card. */
function history(cards: Card[]): LogRecord[] {
  const recs = simulateLog({ seed: 12, days: 40, newPerDay: 2, deck: 'sim', start: START });
  const keyOf = (k: string) => cards[Number(k.slice('sim/c'.length))]?.key ?? k;
  return recs.map((r) => (r.type === 'review' ? { ...r, key: keyOf(r.key) } : r));
}

/** What must survive: the memory, apart from the fuzzed due date's exact instant. */
const memoryShape = (m: Memory) => ({
  phase: m.phase,
  stability: m.stability.toFixed(3),
  difficulty: m.difficulty.toFixed(3),
  reps: m.reps,
  lapses: m.lapses,
  lastReview: m.lastReview,
});

describe('export --apkg then import', () => {
  it('gives the same cards and the same memory states in a fresh data directory', async () => {
    const parsed = parseDeck('mixed.yaml', deckYaml());
    if (!parsed.deck) throw new Error(JSON.stringify(parsed.problems));
    const deck = parsed.deck;
    const cards = deckCards(deck);
    const records = history(cards);
    const progress = rebuildProgress(records);
    const settings = resolveSettings({});
    const marks = { [cards[0]!.key]: { suspended: true }, [cards[1]!.key]: { flagged: true } };
    const pkg = await exportApkg(
      { decks: [deck], settings, cards: progress.cards, marks, records },
      NOW,
    );
    const file = join(mkdtempSync(join(tmpdir(), 'hr-rt-')), 'mixed.apkg');
    writeFileSync(file, pkg.bytes);

    const dir = dataDir();
    await runImport(file, dir, NOW);
    const loaded = await loadDecks([join(dir, 'decks')], {});
    const imported = loaded.decks.flatMap((d) => deckCards(d.deck));
    const store = await openStore(dir, NOW);
    const after = store.progress.cards;
    const afterMarks = store.progress.marks;
    await store.close();

    // Same cards: kinds and questions (HTML escaping undone by the import).
    const cardShape = (c: Card) => `${c.face.kind}: ${questionText(c)}`;
    expect(imported.map(cardShape).sort()).toEqual(cards.map(cardShape).sort());
    expect(loaded.decks.map((d) => d.deck.title)).toEqual(['Mixed::Chapter 1']);
    // Same memory states, card by card (matched by question).
    const byQuestion = new Map(imported.map((c) => [cardShape(c), after[c.key]]));
    let studied = 0;
    for (const c of cards) {
      const mine = progress.cards[c.key];
      const theirs = byQuestion.get(cardShape(c));
      if (!mine || mine.phase === 'new') {
        expect(theirs?.phase ?? 'new', cardShape(c)).toBe('new');
        continue;
      }
      studied++;
      expect(theirs && memoryShape(theirs), cardShape(c)).toEqual(memoryShape(mine));
    }
    expect(studied).toBeGreaterThan(50);
    // Suspended and flagged cards stay so.
    const keyOf = (c: Card) => imported.find((i) => cardShape(i) === cardShape(c))?.key ?? '';
    expect(afterMarks[keyOf(cards[0]!)]?.suspended).toBe(true);
    expect(afterMarks[keyOf(cards[1]!)]?.flagged).toBe(true);
    expect(afterMarks[keyOf(cards[2]!)]?.suspended).toBeFalsy();
  });
});
