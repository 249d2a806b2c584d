// Entries become studyable cards: a reverse, each cloze number and each term are siblings.
import { clozeNumbers, clozeSegments } from './cloze.js';
import type { Card, CardFace, Deck, Entry, LabEntry } from './model.js';

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

function entryCards(deck: Deck, e: Entry, out: Card[]): void {
  const key = `${deck.id}/${e.id}`;
  // Most entries add no tags of their own: share the deck's array instead of copying it.
  const tags = e.tags.length === 0 ? deck.tags : [...new Set([...deck.tags, ...e.tags])];
  // A literal with every field, no object spread: building 100,000 cards at start-up
  // costs a tenth of what spreading a shared base object does.
  const add = (cardKey: string, sibling: string, face: CardFace) => {
    out.push({
      key: cardKey,
      deckId: deck.id,
      entryId: e.id,
      entryKind: e.type,
      sibling,
      face,
      explanation: e.explanation,
      ref: e.ref,
      tags,
      pos: e.pos,
      ordinal: out.length,
    });
  };
  switch (e.type) {
    case 'basic':
      add(key, key, { kind: 'flash', front: e.front, back: e.back });
      if (e.reverse) add(`${key}::reverse`, key, { kind: 'flash', front: e.back, back: e.front });
      return;
    case 'mcq':
      add(key, key, {
        kind: 'mcq',
        question: e.question,
        choices: e.choices,
        multi: e.choices.filter((c) => c.correct).length > 1,
      });
      return;
    case 'cloze':
      for (const n of clozeNumbers(e.text))
        add(`${key}::c${n}`, key, { kind: 'cloze', text: e.text, number: n });
      return;
    case 'typed':
      add(key, key, {
        kind: 'typed',
        prompt: e.prompt,
        answer: e.answer,
        accept: e.accept,
        match: e.match,
      });
      return;
    case 'lab':
      add(key, key, labFace(e));
      return;
    case 'terms':
      e.terms.forEach((pair, i) => {
        const others = e.terms.filter((_, j) => j !== i);
        // Distractors are the neighbours in the group, so the choice set is stable per term.
        const picked = [...others.slice(i), ...others.slice(0, i)].slice(0, TERM_CHOICES - 1);
        // Each pair of a group is its own fact: its two questions are siblings of each other.
        const termKey = `${key}::${slug(pair.term)}`;
        const question = `${e.prompt}\n\n${pair.definition}`;
        add(`${termKey}::recall`, termKey, { kind: 'flash', front: question, back: pair.term });
        add(`${termKey}::choice`, termKey, {
          kind: 'mcq',
          question,
          choices: [
            { text: pair.term, correct: true },
            ...picked.map((o) => ({ text: o.term, correct: false })),
          ],
          multi: false,
        });
      });
      return;
    default: {
      const never: never = e;
      throw new Error(`unknown entry type in ${JSON.stringify(never)}`);
    }
  }
}

/** The face of a lab entry: every field of the spec, and only those. */
export function labFace(e: LabEntry): CardFace {
  return {
    kind: 'lab',
    task: e.task,
    env: e.env,
    ...(e.node === undefined ? {} : { node: e.node }),
    setup: e.setup,
    answer: e.answer,
    accept: e.accept,
    check: e.check,
  };
}

export function deckCards(deck: Deck): Card[] {
  const out: Card[] = [];
  for (const e of deck.entries) entryCards(deck, e, out);
  return out;
}

/** What the learner sees before answering: the question, with a cloze's gap left open. */
export function questionText(card: Card): string {
  const f = card.face;
  switch (f.kind) {
    case 'flash':
      return f.front;
    case 'mcq':
      return f.question;
    case 'typed':
      return f.prompt;
    case 'lab':
      return f.task;
    case 'cloze':
      return clozeSegments(f.text, f.number, false)
        .map((s) => s.text)
        .join('');
    default: {
      const never: never = f;
      return never;
    }
  }
}
