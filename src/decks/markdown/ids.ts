// Stable card ids for decks derived from notes. Progress is keyed by deckId/cardId, so the
// rule is what lets a learner keep editing the notes:
//
// 1. A card's own id comes from its content alone (kind, question and answer; for a terms
//    group, its heading path): `<slug of the question>-<8 hex of a hash>`. Text around the
//    card, cards added or removed elsewhere, moving it to another heading: none of these
//    change it.
// 2. Re-deriving into an existing deck, a card whose content is unchanged keeps the id it
//    has there (whatever rule gave it that id).
// 3. A changed card keeps the id of the card that was at the same place: same heading path
//    (the `ref`, `notes.md § Heading > Subheading`) and same position among that heading's
//    cards, when that card has the same kind and no unchanged card took its id.
// 4. Otherwise the card gets its own id (1); `-2`, `-3` is added when two cards would share
//    one (the same question written twice).
import { createHash } from 'node:crypto';
import { type CardModel, deckText } from '../emit-yaml.js';

/** A card without its id yet. */
export type Unnamed = CardModel extends infer C
  ? C extends CardModel
    ? Omit<C, 'id'>
    : never
  : never;

/** ASCII kebab-case: `Größe der Welt?` -> `grosse-der-welt`; '' when nothing is left. */
export function asciiSlug(text: string, max = 40): string {
  const s = text
    .normalize('NFKD')
    .replace(/ß/g, 'ss')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.slice(0, max).replace(/-+$/, '');
}

/** What identifies the card's content (rule 1), in deck-file form so both runs agree. */
function contentKey(c: Unnamed): string {
  switch (c.type) {
    case 'basic':
      return ['basic', deckText(c.front), deckText(c.back)].join('\u0000');
    case 'cloze':
      return ['cloze', deckText(c.text)].join('\u0000');
    case 'terms':
      return ['terms', slotPath(c.ref)].join('\u0000');
    case 'mcq':
      return ['mcq', deckText(c.question)].join('\u0000');
    case 'typed':
      return ['typed', deckText(c.prompt), deckText(c.answer)].join('\u0000');
    case 'lab':
      return ['lab', deckText(c.task), c.answer].join('\u0000');
    default: {
      const never: never = c;
      return never;
    }
  }
}

/** The heading path part of a ref (`notes.md § A > B` -> `A > B`): a renamed file keeps it. */
function slotPath(ref: string | undefined): string {
  const r = deckText(ref ?? '');
  const at = r.indexOf(' § ');
  return at >= 0 ? r.slice(at + 3) : '';
}

function label(c: Unnamed): string {
  switch (c.type) {
    case 'basic':
      return c.front;
    case 'cloze':
      return c.text.replace(/\{\{c\d+::([^}]*?)(::[^}]*)?\}\}/g, '$1');
    case 'terms':
      return `terms ${slotPath(c.ref)}`;
    case 'mcq':
      return c.question;
    case 'typed':
      return c.prompt;
    case 'lab':
      return c.task;
    default: {
      const never: never = c;
      return never;
    }
  }
}

export function ownId(c: Unnamed): string {
  const hash = createHash('sha256').update(contentKey(c)).digest('hex').slice(0, 8);
  const slug = asciiSlug(label(c));
  return slug ? `${slug}-${hash}` : `card-${hash}`;
}

/** Slot keys (heading path + position in it) of cards in deck order: rule 3. */
function slots(cards: readonly Unnamed[]): string[] {
  const seen = new Map<string, number>();
  return cards.map((c) => {
    const path = slotPath(c.ref);
    const n = seen.get(path) ?? 0;
    seen.set(path, n + 1);
    return `${path}\u0000${n}`;
  });
}

/** Ids for `cards` (in notes order), keeping those of `previous` (the deck file's cards). */
export function assignIds(cards: readonly Unnamed[], previous: readonly CardModel[]): string[] {
  const byContent = new Map<string, string>();
  for (const p of previous) if (!byContent.has(contentKey(p))) byContent.set(contentKey(p), p.id);
  const prevSlots = slots(previous);
  const bySlot = new Map(previous.map((p, i) => [prevSlots[i] ?? '', p]));
  const used = new Set<string>();
  const ids: (string | null)[] = cards.map((c) => {
    const id = byContent.get(contentKey(c));
    if (id === undefined || used.has(id)) return null;
    used.add(id);
    return id;
  });
  const mySlots = slots(cards);
  cards.forEach((c, i) => {
    if (ids[i] !== null) return;
    const before = bySlot.get(mySlots[i] ?? '');
    if (before && before.type === c.type && !used.has(before.id)) {
      ids[i] = before.id;
      used.add(before.id);
    }
  });
  // Rule 4 last, so a fresh id never takes one that rules 2 and 3 keep.
  const taken = new Set([...used, ...previous.map((p) => p.id)]);
  return cards.map((c, i) => {
    const kept = ids[i];
    if (kept) return kept;
    const base = ownId(c);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  });
}
