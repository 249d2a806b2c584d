// Markdown notes (+ the deck derived from them last time) -> a deck and its YAML text.
// Pure apart from hashing: reading and writing files is the app layer's (app/derive.ts).
import type { Deck } from '../../core/model.js';
import { oneLine } from '../../core/sanitize.js';
import { type CardModel, cardProblem, type DeckModel, emitDeckYaml } from '../emit-yaml.js';
import { type NoteProblem, readNotes } from './blocks.js';
import { type NoteCard, notesCards } from './cards.js';
import { asciiSlug, assignIds, type Unnamed } from './ids.js';

/** How a derived deck's description ends: derive replaces only decks that carry it. */
export const DERIVED_MARK = 'by hyperrecall derive.';

export interface DeriveInput {
  /** The notes file's name as the learner gave it: used in refs, titles and messages. */
  name: string;
  text: string;
  /** The deck this output file held before, so its ids are kept (ids.ts). */
  previous?: Deck | null;
  /** The deck's `source` (the notes' full path, so a later run can tell whose deck it is). */
  source?: string;
}

export interface DeriveResult {
  /** null when no card could be derived (a deck needs at least one). */
  deck: DeckModel | null;
  yaml: string | null;
  /** Lines that could not be used, by line number; messages are safe to print. */
  problems: NoteProblem[];
}

/** Tag form of a heading: lowercase words joined by `-`, any script (`Größe` stays). */
export function headingTag(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

function baseName(name: string): string {
  const file = name.split(/[\\/]/).pop() ?? name;
  return file.replace(/\.(md|markdown|txt)$/i, '');
}

function unnamed(c: NoteCard, name: string): Unnamed {
  const where = c.path.length > 0 ? `${name} § ${c.path.join(' > ')}` : name;
  const tags = [...new Set([...c.path.map(headingTag), ...c.tags].filter((t) => t.length > 0))];
  const base = { ref: where, tags };
  switch (c.kind) {
    case 'basic':
      return { ...base, type: 'basic', front: c.front, back: c.back, reverse: c.reverse };
    case 'cloze':
      return { ...base, type: 'cloze', text: c.text };
    case 'terms': {
      const heading = c.path.at(-1);
      const prompt = heading ? `${heading}: which term is this?` : 'Which term is this?';
      return { ...base, type: 'terms', prompt, terms: c.terms };
    }
    default: {
      const never: never = c;
      return never;
    }
  }
}

function previousCards(deck: Deck | null | undefined): CardModel[] {
  return (deck?.entries ?? []).map(({ pos: _pos, ...card }) => card as CardModel);
}

export function deriveDeck(input: DeriveInput): DeriveResult {
  const notes = readNotes(input.text);
  const problems = [...notes.problems];
  const found = notesCards(notes.blocks, problems);
  const name = baseName(input.name);
  const cards: Unnamed[] = [];
  for (const c of found) {
    const card = unnamed(c, input.name.split(/[\\/]/).pop() ?? input.name);
    const why = cardProblem({ ...card, id: 'x' } as CardModel);
    if (why) problems.push({ line: c.line, message: `this ${c.kind} card would not load: ${why}` });
    else cards.push(card);
  }
  problems.sort((a, b) => a.line - b.line);
  for (const p of problems) p.message = oneLine(p.message);
  if (cards.length === 0) return { deck: null, yaml: null, problems };
  const ids = assignIds(cards, previousCards(input.previous));
  const deck: DeckModel = {
    id: input.previous?.id ?? `notes-${asciiSlug(name) || 'deck'}`,
    title: notes.front.title ?? notes.h1 ?? name,
    description: `Derived from ${input.name.split(/[\\/]/).pop() ?? input.name} ${DERIVED_MARK}`,
    ...(input.source ? { source: input.source } : {}),
    tags: notes.front.tags,
    cards: cards.map((c, i) => ({ ...c, id: ids[i] ?? '' }) as CardModel),
  };
  const header = [
    `Derived from ${input.name} by \`hyperrecall derive\`. Edit the notes and derive again:`,
    'changes made here are overwritten. Card ids are kept across runs (see README, "Your own notes").',
  ].join('\n');
  return { deck, yaml: emitDeckYaml(deck, { header }), problems };
}
