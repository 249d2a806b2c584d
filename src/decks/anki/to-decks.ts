// Notes -> hyperrecall entries, grouped into one deck per Anki deck. Ids are stable across
// imports of the same collection: a deck's from its name, an entry's from the note's guid,
// a card's key from the entry and the card's ordinal (reverse, cloze number), so importing
// again finds the same keys and adds nothing twice.
import { slug } from '../../core/cards.js';
import { clozeNumbers } from '../../core/cloze.js';
import { fieldText } from './html.js';
import { noteShape, typedFields } from './notetype-kind.js';
import type { AnkiCard, AnkiCollection, AnkiNote, AnkiNotetype, NoteShape } from './types.js';

/** A deck entry as it is written to YAML. */
export type EntryDoc = Record<string, unknown> & { id: string; type: string };

export interface ImportedDeck {
  id: string;
  /** Anki's full name, `A::B` for a nested deck. */
  title: string;
  entries: EntryDoc[];
}

export interface Conversion {
  decks: ImportedDeck[];
  /** Anki card id -> hyperrecall card key, for every card that has a place. */
  keys: Map<string, string>;
  counts: {
    notes: number;
    byShape: Record<NoteShape, number>;
    /** Cards of a note type mapped as 'other' beyond its first: no hyperrecall card. */
    unmappedCards: number;
    /** Cloze notes with no deletion, which make no card in Anki either. */
    skippedNotes: number;
    /** Fields cut short (too long or nested too deep). */
    cutFields: number;
  };
  media: string[];
}

const EMPTY = '(empty)';

/** Anki guids use ASCII punctuation; hex keeps them in the kebab-case an id needs. */
export function entryIdOf(guid: string): string {
  let hex = '';
  for (const ch of new TextEncoder().encode(guid)) hex += ch.toString(16).padStart(2, '0');
  return `n-${hex}`;
}

function deckIds(names: Map<string, string>, used: Set<string>): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Map<string, number>();
  for (const name of names.values()) {
    const s = `anki-${slug(name.replaceAll('::', ' '))}`;
    taken.set(s, (taken.get(s) ?? 0) + 1);
  }
  for (const [ankiId, name] of names) {
    if (!used.has(ankiId)) continue;
    const s = `anki-${slug(name.replaceAll('::', ' '))}`;
    ids.set(ankiId, (taken.get(s) ?? 0) > 1 ? `${s}-${ankiId}` : s);
  }
  return ids;
}

export function convertCollection(col: AnkiCollection): Conversion {
  const cardsOf = new Map<string, AnkiCard[]>();
  for (const c of col.cards) {
    const list = cardsOf.get(c.noteId);
    if (list) list.push(c);
    else cardsOf.set(c.noteId, [c]);
  }
  const home = new Map<string, string>();
  for (const [noteId, cards] of cardsOf) {
    cards.sort((a, b) => a.ord - b.ord);
    home.set(noteId, (cards[0] as AnkiCard).deckId);
  }
  const names = new Map(col.decks);
  for (const d of home.values()) if (!names.has(d)) names.set(d, `Deck ${d}`);
  const ids = deckIds(names, new Set(home.values()));
  const decks = new Map<string, ImportedDeck>();
  const out: Conversion = {
    decks: [],
    keys: new Map(),
    counts: {
      notes: 0,
      byShape: { basic: 0, reverse: 0, cloze: 0, typed: 0, other: 0 },
      unmappedCards: 0,
      skippedNotes: 0,
      cutFields: 0,
    },
    media: [],
  };
  const media = new Set<string>();
  for (const note of col.notes) {
    const cards = cardsOf.get(note.id);
    const deck = cards ? home.get(note.id) : undefined;
    // A note without cards makes nothing to study in Anki either.
    if (!cards || deck === undefined) continue;
    const nt = col.notetypes.get(note.notetypeId) as AnkiNotetype;
    const texts = note.fields.map((f) => {
      const t = fieldText(f);
      for (const m of t.media) media.add(m);
      if (t.cut) out.counts.cutFields++;
      return t.text;
    });
    const made = noteEntry(note, nt, texts, cards);
    out.counts.notes++;
    if (!made) {
      out.counts.skippedNotes++;
      continue;
    }
    out.counts.byShape[made.shape]++;
    const deckId = ids.get(deck) as string;
    let target = decks.get(deck);
    if (!target) {
      target = { id: deckId, title: names.get(deck) as string, entries: [] };
      decks.set(deck, target);
    }
    target.entries.push(made.entry);
    const base = `${deckId}/${made.entry.id}`;
    for (const c of cards) {
      const suffix = made.suffix(c.ord);
      if (suffix === null) out.counts.unmappedCards++;
      else out.keys.set(c.id, base + suffix);
    }
  }
  out.decks = [...decks.values()].sort((a, b) => (a.title < b.title ? -1 : 1));
  out.media = [...media].sort();
  return out;
}

interface Made {
  shape: NoteShape;
  entry: EntryDoc;
  /** The card key suffix of a card ordinal, or null when the entry has no such card. */
  suffix: (ord: number) => string | null;
}

const or = (t: string | undefined) => (t && t.length > 0 ? t : EMPTY);
const joined = (texts: string[]) => texts.filter((t) => t.length > 0).join('\n\n');

function noteEntry(
  note: AnkiNote,
  nt: AnkiNotetype,
  texts: string[],
  cards: AnkiCard[],
): Made | null {
  const id = entryIdOf(note.guid);
  const tags = note.tags.length ? { tags: note.tags } : {};
  const shape = noteShape(nt);
  const first = (ord: number) => (ord === 0 ? '' : null);
  switch (shape) {
    case 'cloze': {
      const text = texts[0] ?? '';
      const numbers = new Set(clozeNumbers(text));
      if (numbers.size === 0) return null;
      const extra = joined(texts.slice(1));
      return {
        shape,
        entry: { id, type: 'cloze', text, ...(extra ? { explanation: extra } : {}), ...tags },
        suffix: (ord) => (numbers.has(ord + 1) ? `::c${ord + 1}` : null),
      };
    }
    case 'typed': {
      const f = typedFields(nt);
      const entry = {
        id,
        type: 'typed',
        prompt: or(joined(f.prompt.map((i) => texts[i] ?? ''))),
        answer: or(texts[f.answer]),
        ...tags,
      };
      return { shape, entry, suffix: first };
    }
    case 'reverse': {
      // The optional-reverse note type makes the second card only when asked to.
      const reverse = cards.some((c) => c.ord === 1);
      const entry = {
        id,
        type: 'basic',
        front: or(texts[0]),
        back: or(texts[1]),
        reverse,
        ...tags,
      };
      return {
        shape,
        entry,
        suffix: (ord) => (ord === 0 ? '' : ord === 1 && reverse ? '::reverse' : null),
      };
    }
    default: {
      const entry = {
        id,
        type: 'basic',
        front: or(texts[0]),
        back: or(joined(texts.slice(1))),
        ...tags,
      };
      return { shape, entry, suffix: first };
    }
  }
}
