// Deck model -> YAML text in the deck format (DESIGN §3), for the tools that write decks
// (`derive` from Markdown notes, `import` from Anki). The text is checked against the same
// schema `parseDeck` uses before it is returned, so whatever this emits loads and lints;
// a model that could not (an empty front, an id that is not kebab-case, two cards with one
// id) is refused with a one-line error instead of producing a deck that fails later.
import { Document, isPair, isScalar, isSeq, visit } from 'yaml';
import type { Entry } from '../core/model.js';
import { hasControl, oneLine, visible } from '../core/sanitize.js';
import { DeckSchema, EntrySchema } from './schema.js';

/** A card as the deck file holds it: an `Entry` without its source position. */
export type CardModel = Entry extends infer E ? (E extends Entry ? Omit<E, 'pos'> : never) : never;

/** A deck as the deck file holds it. Optional fields left out are not written. */
export interface DeckModel {
  id: string;
  title: string;
  description?: string;
  source?: string;
  tags: readonly string[];
  cards: readonly CardModel[];
}

export interface EmitOptions {
  /** Comment lines written above the deck (e.g. where it was derived from). */
  header?: string;
}

/**
 * Text as a deck file may hold it. CRLF and lone CR become LF (a CR is a control character
 * a deck may not hold), other control characters become visible symbols (`␛`): imported
 * text is untrusted, and a deck holding them would fail `lint` with the card skipped.
 * Surrounding whitespace is trimmed because the parser trims it anyway.
 */
export function deckText(s: string): string {
  const lf = s.replace(/\r\n?/g, '\n');
  return (hasControl(lf) ? visible(lf) : lf).trim();
}

type Plain = Record<string, unknown>;

function cardData(c: CardModel): Plain {
  const out: Plain = { id: c.id, type: c.type };
  switch (c.type) {
    case 'basic':
      out.front = deckText(c.front);
      out.back = deckText(c.back);
      if (c.reverse) out.reverse = true;
      break;
    case 'mcq':
      out.question = deckText(c.question);
      out.choices = c.choices.map((ch) => ({
        text: deckText(ch.text),
        ...(ch.correct ? { correct: true } : {}),
        ...(ch.why === undefined ? {} : { why: deckText(ch.why) }),
      }));
      break;
    case 'cloze':
      out.text = deckText(c.text);
      break;
    case 'typed':
      out.prompt = deckText(c.prompt);
      out.answer = deckText(c.answer);
      if (c.accept.length > 0) out.accept = c.accept.map(deckText);
      if (c.match !== 'text') out.match = c.match;
      break;
    case 'lab':
      out.task = deckText(c.task);
      out.env = c.env;
      if (c.node !== undefined) out.node = c.node;
      if (c.setup.length > 0) out.setup = c.setup;
      out.answer = c.answer;
      if (c.accept.length > 0) out.accept = c.accept;
      out.check = { run: c.check.run, expect: c.check.expect };
      break;
    case 'terms':
      out.prompt = deckText(c.prompt);
      out.terms = c.terms.map((t) => ({
        term: deckText(t.term),
        definition: deckText(t.definition),
      }));
      break;
    default: {
      const never: never = c;
      return never;
    }
  }
  if (c.explanation !== undefined) out.explanation = deckText(c.explanation);
  if (c.ref !== undefined) out.ref = deckText(c.ref);
  if (c.tags.length > 0) out.tags = c.tags.map(deckText);
  return out;
}

function deckData(deck: DeckModel): Plain {
  return {
    id: deck.id,
    title: deckText(deck.title),
    ...(deck.description === undefined ? {} : { description: deckText(deck.description) }),
    ...(deck.source === undefined ? {} : { source: deckText(deck.source) }),
    ...(deck.tags.length > 0 ? { tags: deck.tags.map(deckText) } : {}),
    cards: deck.cards.map(cardData),
  };
}

function firstIssue(where: string, issues: readonly { path: PropertyKey[]; message: string }[]) {
  const i = issues[0];
  const path = i?.path.length ? `${i.path.map(String).join('.')}: ` : '';
  return new Error(oneLine(`${where}: ${path}${i?.message ?? 'invalid'}`));
}

/** Throws a one-line Error naming the deck/card and field when the model would not load. */
function check(data: Plain): void {
  const deckId = String(data.id);
  const top = DeckSchema.safeParse(data);
  if (!top.success) throw firstIssue(`deck '${deckId}'`, top.error.issues);
  const seen = new Set<string>();
  for (const card of data.cards as Plain[]) {
    const r = EntrySchema.safeParse(card);
    if (!r.success) throw firstIssue(`deck '${deckId}' card '${String(card.id)}'`, r.error.issues);
    if (seen.has(r.data.id))
      throw new Error(oneLine(`deck '${deckId}': two cards have the id '${r.data.id}'`));
    seen.add(r.data.id);
  }
}

/** Why one card would not load (`front: must not be empty`...), or null when it would. */
export function cardProblem(card: CardModel): string | null {
  const r = EntrySchema.safeParse(cardData(card));
  if (r.success) return null;
  const i = r.error.issues[0];
  return oneLine(
    `${i?.path.length ? `${i.path.map(String).join('.')}: ` : ''}${i?.message ?? 'invalid'}`,
  );
}

/**
 * The deck as YAML text that `parseDeck` reads back to the same deck and `lint` accepts.
 * Fields at their default (`reverse: false`, `match: text`, empty `tags`/`accept`) are
 * left out; quoting, multi-line text and unicode are the yaml library's. Throws a one-line
 * Error when the model is not a valid deck (see `check`).
 */
export function emitDeckYaml(deck: DeckModel, options: EmitOptions = {}): string {
  const data = deckData(deck);
  check(data);
  const doc = new Document(data);
  // Tag lists read best on one line, as in the shipped decks...
  visit(doc, {
    Pair(_k, pair) {
      // ...unless one spans lines: the library's multi-line scalars in a flow sequence do not read back.
      if (
        isPair(pair) &&
        isScalar(pair.key) &&
        pair.key.value === 'tags' &&
        isSeq(pair.value) &&
        pair.value.items.every((t) => isScalar(t) && !String(t.value).includes('\n'))
      )
        pair.value.flow = true;
    },
  });
  if (options.header)
    doc.commentBefore = options.header
      .split('\n')
      .map((l) => ` ${oneLine(l)}`)
      .join('\n');
  // lineWidth 0: no folding, so a long line in the notes stays one line in the deck.
  return doc.toString({ lineWidth: 0 });
}
