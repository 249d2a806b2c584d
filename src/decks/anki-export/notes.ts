// hyperrecall entries as Anki notes. Each note names the card keys of its card ordinals, so
// the scheduling and the history of each hyperrecall card land on the matching Anki card.
// - basic -> Basic; basic with reverse -> "Basic (and reversed card)" (ord 1 is the reverse);
// - cloze -> Cloze (ord n-1 is c{n}), the explanation in Back Extra;
// - typed -> "Basic (type in the answer)", answer in Back;
// - mcq, and each question derived from a term group -> a Basic note of its own, with the
//   choices listed on the front and the right ones on the back (Anki has no choice cards).
// Text is HTML-escaped (deck text is plain text, never markup) and line breaks become <br>.
import { createHash } from 'node:crypto';
import { deckCards } from '../../core/cards.js';
import type { Card, CardFace, Deck, Entry } from '../../core/model.js';

export type NoteKind = 'basic' | 'basicReversed' | 'typed' | 'cloze';

export interface AnkiNoteDraft {
  kind: NoteKind;
  /** Stable across exports: from the hyperrecall key of the entry or card. */
  guid: string;
  deckId: string;
  fields: string[];
  tags: string[];
  /** Card key of each template ordinal (cloze: ord n-1 for c{n}). */
  cards: { ord: number; key: string }[];
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r?\n/g, '<br>');
}

/** Anki's guids are short base91 strings; any unique text works. Ours hash the key. */
export function guidFor(key: string): string {
  return createHash('sha1').update(`hyperrecall:${key}`).digest('base64').slice(0, 12);
}

const LETTERS = 'ABCDEFGH';

function choiceSides(question: string, face: Extract<CardFace, { kind: 'mcq' }>, extra?: string) {
  const listed = face.choices.map((c, i) => `${LETTERS[i]}. ${escapeHtml(c.text)}`);
  const right = face.choices
    .map((c, i) => (c.correct ? `${LETTERS[i]}. ${escapeHtml(c.text)}` : null))
    .filter((x): x is string => x !== null);
  const front = `${escapeHtml(question)}<br><br>${listed.join('<br>')}`;
  const back = right.join('<br>') + (extra ? `<br><br>${escapeHtml(extra)}` : '');
  return [front, back];
}

/** A card asked on its own (mcq, a term's questions) as one Basic note. */
function cardNote(card: Card): AnkiNoteDraft {
  const f = card.face;
  let fields: string[];
  if (f.kind === 'mcq') fields = choiceSides(f.question, f, card.explanation);
  else if (f.kind === 'flash') fields = [escapeHtml(f.front), escapeHtml(f.back)];
  else if (f.kind === 'typed') fields = [escapeHtml(f.prompt), escapeHtml(f.answer)];
  else if (f.kind === 'lab') fields = [escapeHtml(f.task), escapeHtml(f.answer)];
  else fields = [escapeHtml(f.text), ''];
  return {
    kind: 'basic',
    guid: guidFor(card.key),
    deckId: card.deckId,
    fields,
    tags: card.tags,
    cards: [{ ord: 0, key: card.key }],
  };
}

function entryNotes(entry: Entry, cards: Card[]): AnkiNoteDraft[] {
  const first = cards[0];
  if (!first) return [];
  const base = {
    guid: guidFor(`${first.deckId}/${entry.id}`),
    deckId: first.deckId,
    tags: first.tags,
  };
  switch (entry.type) {
    case 'basic':
      return [
        {
          ...base,
          kind: entry.reverse ? 'basicReversed' : 'basic',
          fields: [escapeHtml(entry.front), escapeHtml(entry.back)],
          cards: cards.map((c, i) => ({ ord: i, key: c.key })),
        },
      ];
    case 'cloze':
      return [
        {
          ...base,
          kind: 'cloze',
          fields: [escapeHtml(entry.text), escapeHtml(entry.explanation ?? '')],
          cards: cards.map((c) => ({
            ord: (c.face.kind === 'cloze' ? c.face.number : 1) - 1,
            key: c.key,
          })),
        },
      ];
    case 'typed':
      return [
        {
          ...base,
          kind: 'typed',
          fields: [escapeHtml(entry.prompt), escapeHtml(entry.answer)],
          cards: [{ ord: 0, key: first.key }],
        },
      ];
    // Anki cannot run a lab: it goes as a typed note, the task and the reference command.
    case 'lab':
      return [
        {
          ...base,
          kind: 'typed',
          fields: [escapeHtml(entry.task), escapeHtml(entry.answer)],
          cards: [{ ord: 0, key: first.key }],
        },
      ];
    case 'mcq':
    case 'terms':
      return cards.map(cardNote);
    default: {
      const never: never = entry;
      return never;
    }
  }
}

/** Every note of the decks, in deck order. */
export function deckNotes(decks: readonly Deck[]): AnkiNoteDraft[] {
  const out: AnkiNoteDraft[] = [];
  for (const deck of decks) {
    const byEntry = new Map<string, Card[]>();
    for (const c of deckCards(deck)) {
      const list = byEntry.get(c.entryId);
      if (list) list.push(c);
      else byEntry.set(c.entryId, [c]);
    }
    for (const e of deck.entries) out.push(...entryNotes(e, byEntry.get(e.id) ?? []));
  }
  return out;
}
