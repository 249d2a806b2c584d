// An imported deck as deck-file text. A deck file from an earlier import is merged, not
// replaced: its entries stay as they are (the learner may have edited them since) and only
// entries with new ids are added, so importing the same package again changes nothing.
import { stringify } from 'yaml';
import { oneLine } from '../../core/sanitize.js';
import { DeckSchema, EntrySchema } from '../schema.js';
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
export function deckFileText(
  deck: ImportedDeck,
  file: string,
  existing: string | null,
  source: string,
  fromAnki = true,
): DeckText | null {
  let doc: Record<string, unknown> = {
    id: deck.id,
    title: deck.title,
    description: fromAnki
      ? `Imported from the Anki deck ${deck.title}.`
      : `Imported from ${source}.`,
    source: fromAnki ? `Anki: ${source}` : source,
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
  check(file, doc, fresh);
  return { text: stringify(doc, { lineWidth: 0 }), added: fresh.length, kept };
}

/**
 * The deck schema `lint` applies, on the data before it becomes text (the yaml library
 * writes back what it reads): parsing 50,000 entries back took most of a large import.
 */
function check(file: string, doc: Record<string, unknown>, fresh: EntryDoc[]): void {
  const fail = (where: string, issue: { path: PropertyKey[]; message: string } | undefined) => {
    const at = issue?.path.length ? `${issue.path.map(String).join('.')}: ` : '';
    return new Error(oneLine(`${file}: ${where}${at}${issue?.message ?? 'invalid'}`));
  };
  const top = DeckSchema.safeParse(doc);
  if (!top.success) throw fail('', top.error.issues[0]);
  const seen = new Set<unknown>();
  for (const e of doc.cards as Record<string, unknown>[]) {
    if (seen.has(e?.id))
      throw new Error(oneLine(`${file}: two cards have the id ${String(e?.id)}`));
    seen.add(e?.id);
  }
  for (const e of fresh) {
    const r = EntrySchema.safeParse(e);
    if (!r.success) throw fail(`card ${e.id}: `, r.error.issues[0]);
  }
}
