// An imported deck as deck-file text. A deck file from an earlier import is merged, not
// replaced: its entries stay as they are (the learner may have edited them since) and only
// entries with new ids are added, so importing the same package again changes nothing.
import { stringify } from 'yaml';
import { formatProblem, parseDeck } from '../parse.js';
import { readYaml } from '../yaml-limits.js';
import type { EntryDoc, ImportedDeck } from './to-decks.js';

export interface DeckText {
  text: string;
  /** Entries this import adds (all of them for a new file). */
  added: number;
  /** Entries already in the existing file, kept as they were. */
  kept: number;
}

/**
 * The file's new text, or null when an existing file already has every entry. Throws a
 * one-line Error when the existing file is not a deck, or the result would not pass lint.
 */
export function deckText(
  deck: ImportedDeck,
  file: string,
  existing: string | null,
  source: string,
): DeckText | null {
  let doc: Record<string, unknown> = {
    id: deck.id,
    title: deck.title,
    description: `Imported from the Anki deck ${deck.title}.`,
    source: `Anki: ${source}`,
    cards: [] as EntryDoc[],
  };
  let kept = 0;
  if (existing !== null) {
    const y = readYaml(existing);
    const old = y.ok ? (y.data as Record<string, unknown> | null) : null;
    if (!old || typeof old !== 'object' || !Array.isArray(old.cards) || old.id !== deck.id)
      throw new Error(
        `${file} exists and is not the deck ${deck.id} from an earlier import; move it away and import again`,
      );
    doc = old;
    kept = (old.cards as unknown[]).length;
  }
  const cards = doc.cards as Record<string, unknown>[];
  const have = new Set(cards.map((c) => c?.id));
  const fresh = deck.entries.filter((e) => !have.has(e.id));
  if (existing !== null && fresh.length === 0) return null;
  cards.push(...fresh);
  const text = stringify(doc, { lineWidth: 0 });
  const parsed = parseDeck(file, text);
  const error = parsed.problems.find((p) => p.severity === 'error');
  if (error || !parsed.deck) throw new Error(error ? formatProblem(error) : `${file}: not a deck`);
  return { text, added: fresh.length, kept };
}
