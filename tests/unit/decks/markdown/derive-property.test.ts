import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveDeck } from '../../../../src/decks/markdown/derive-deck.js';
import { parseDeck } from '../../../../src/decks/parse.js';

/** Lines in every syntax derive reads, broken ones, and text that only looks like syntax. */
const LINES = [
  '# Heading',
  '## Sub #tag',
  '### ',
  'Q::A',
  'Q:::A',
  '::',
  'Q::',
  ':::A',
  'a::b::c',
  '?',
  '??',
  'The ==x== is ==y==',
  '==open',
  '{{c1::x}} and {{c2::y::hint}}',
  '{{c1::',
  '- **T**: d',
  '- **U:** e',
  '* **V**: f',
  'Term',
  ': definition',
  '```',
  '~~~',
  '`a::b` code',
  '<!--SR:!2024-01-01,1,250-->',
  '---',
  'tags: [x]',
  '- [ ] task',
  '1. item::answer',
  '> quote::x',
  '| a | b::c |',
  '#flashcards',
  'C# is #1 #',
  'é::日本語',
  '🙂::🙃',
  '"quoted": yes',
  "it's: 'single'",
  '- - -',
  '&anchor *alias',
  'line with trailing spaces::x   ',
  'Q\u001b[31m::A\u0007',
  '==\u009bx==',
  '\tindented::tab',
  '==',
  '====',
  '^[hint]',
  'x ^block-id',
];
const line = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...LINES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constant('') },
);
const notes = fc.array(line, { maxLength: 40 }).map((ls) => ls.join('\n'));

describe('deriveDeck on any notes', () => {
  it('never throws; whatever it derives loads with no problem, unique ids, and re-derives to the same ids', () => {
    fc.assert(
      fc.property(notes, (text) => {
        const r = deriveDeck({ name: 'n.md', text });
        for (const p of r.problems) {
          expect(p.line).toBeGreaterThan(0);
          expect(p.message).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
        }
        if (r.yaml === null) return;
        const parsed = parseDeck('n.yaml', r.yaml);
        expect(parsed.problems).toEqual([]);
        const deck = parsed.deck!;
        expect(deck.entries).toHaveLength(r.deck?.cards.length ?? -1);
        const again = deriveDeck({ name: 'n.md', text, previous: deck });
        expect(again.deck?.cards.map((c) => c.id)).toEqual(deck.entries.map((e) => e.id));
        expect(again.yaml).toBe(r.yaml);
      }),
      { numRuns: 300 },
    );
  });
});
