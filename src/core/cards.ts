// Entries become studyable cards: a reverse, each cloze number and each term are siblings.
import { clozeNumbers } from './cloze.js';
import type { Card, Deck, Entry } from './model.js';

export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'term'
  );
}

/** How many distractors a derived term question gets at most (4 choices in all). */
const TERM_CHOICES = 4;

function entryCards(deck: Deck, e: Entry): Omit<Card, 'ordinal'>[] {
  const key = `${deck.id}/${e.id}`;
  const base = {
    sibling: key,
    deckId: deck.id,
    entryId: e.id,
    entryKind: e.type,
    tags: [...new Set([...deck.tags, ...e.tags])],
    pos: e.pos,
    ...(e.ref === undefined ? {} : { ref: e.ref }),
    ...(e.explanation === undefined ? {} : { explanation: e.explanation }),
  };
  switch (e.type) {
    case 'basic': {
      const cards = [
        { ...base, key, face: { kind: 'flash' as const, front: e.front, back: e.back } },
      ];
      if (e.reverse)
        cards.push({
          ...base,
          key: `${key}::reverse`,
          face: { kind: 'flash', front: e.back, back: e.front },
        });
      return cards;
    }
    case 'mcq':
      return [
        {
          ...base,
          key,
          face: {
            kind: 'mcq',
            question: e.question,
            choices: e.choices,
            multi: e.choices.filter((c) => c.correct).length > 1,
          },
        },
      ];
    case 'cloze':
      return clozeNumbers(e.text).map((n) => ({
        ...base,
        key: `${key}::c${n}`,
        face: { kind: 'cloze' as const, text: e.text, number: n },
      }));
    case 'typed':
      return [
        {
          ...base,
          key,
          face: {
            kind: 'typed',
            prompt: e.prompt,
            answer: e.answer,
            accept: e.accept,
            match: e.match,
          },
        },
      ];
    case 'terms':
      return e.terms.flatMap((pair, i) => {
        const others = e.terms.filter((_, j) => j !== i);
        // Distractors are the neighbours in the group, so the choice set is stable per term.
        const picked = [...others.slice(i), ...others.slice(0, i)].slice(0, TERM_CHOICES - 1);
        const termKey = `${key}::${slug(pair.term)}`;
        // Each pair of a group is its own fact: its two questions are siblings of each other.
        return [
          {
            ...base,
            sibling: termKey,
            key: `${termKey}::recall`,
            face: {
              kind: 'flash' as const,
              front: `${e.prompt}\n\n${pair.definition}`,
              back: pair.term,
            },
          },
          {
            ...base,
            sibling: termKey,
            key: `${termKey}::choice`,
            face: {
              kind: 'mcq' as const,
              question: `${e.prompt}\n\n${pair.definition}`,
              choices: [
                { text: pair.term, correct: true },
                ...picked.map((o) => ({ text: o.term, correct: false })),
              ],
              multi: false,
            },
          },
        ];
      });
    default: {
      const never: never = e;
      return never;
    }
  }
}

export function deckCards(deck: Deck): Card[] {
  return deck.entries.flatMap((e) => entryCards(deck, e)).map((c, ordinal) => ({ ...c, ordinal }));
}
