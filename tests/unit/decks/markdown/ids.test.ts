import { describe, expect, it } from 'vitest';
import type { Deck } from '../../../../src/core/model.js';
import { deriveDeck } from '../../../../src/decks/markdown/derive-deck.js';
import { asciiSlug } from '../../../../src/decks/markdown/ids.js';
import { parseDeck } from '../../../../src/decks/parse.js';

function derive(text: string, previous?: Deck | null): Deck {
  const r = deriveDeck({ name: 'notes.md', text, previous: previous ?? null });
  const parsed = parseDeck('notes.yaml', r.yaml!);
  expect(parsed.problems).toEqual([]);
  return parsed.deck!;
}

/** front/text/first term -> id */
function ids(deck: Deck): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of deck.entries) {
    const k =
      e.type === 'basic'
        ? e.front
        : e.type === 'cloze'
          ? e.text
          : e.type === 'terms'
            ? e.prompt
            : e.id;
    out[k] = e.id;
  }
  return out;
}

const V1 = `# Net
Intro prose.

Q1::A1
Q2::A2

## Modes
- **nat**: masquerading
- **route**: routing without NAT
- **open**: no firewall rules

# CPU
The ==vmx== flag means VT-x.
`;

describe('stable ids', () => {
  it('an unchanged card keeps its id when unrelated text around it changes, with or without the old deck', () => {
    const first = derive(V1);
    const edited = `# Net
A longer intro, rewritten.
With a second line.

New card::new answer
Q1::A1

More prose between.

Q2::A2

## Modes
- **nat**: masquerading
- **route**: routing without NAT
- **open**: no firewall rules
- **bridge**: guests on the LAN

# CPU
The ==vmx== flag means VT-x.
`;
    for (const prev of [null, first]) {
      const second = ids(derive(edited, prev));
      const before = ids(first);
      expect(second.Q1).toBe(before.Q1);
      expect(second.Q2).toBe(before.Q2);
      expect(second['The {{c1::vmx}} flag means VT-x.']).toBe(
        before['The {{c1::vmx}} flag means VT-x.'],
      );
      // The terms group is its heading: adding a term keeps its id.
      expect(second['Modes: which term is this?']).toBe(before['Modes: which term is this?']);
      expect(Object.values(second)).toHaveLength(5);
    }
    expect(ids(first).Q1).toMatch(/^q1-[0-9a-f]{8}$/);
  });

  it('a changed card keeps its id when its heading path and position match', () => {
    const first = derive(V1);
    const before = ids(first);
    const second = ids(
      derive(
        V1.replace('Q2::A2', 'Q2, reworded::A2 fixed').replace('==vmx==', '==vmx== CPU'),
        first,
      ),
    );
    expect(second['Q2, reworded']).toBe(before.Q2);
    expect(second.Q1).toBe(before.Q1);
    // Third run, nothing changed: still the kept ids.
    const third = ids(
      derive(
        V1.replace('Q2::A2', 'Q2, reworded::A2 fixed'),
        derive(V1.replace('Q2::A2', 'Q2, reworded::A2 fixed'), first),
      ),
    );
    expect(third['Q2, reworded']).toBe(before.Q2);
  });

  it('a changed card under another heading, or at another position, gets its own id', () => {
    const first = derive(V1);
    const before = ids(first);
    const moved = ids(
      derive(V1.replace('Q2::A2\n', '').replace('# CPU\n', '# CPU\nQ2 changed::A2\n'), first),
    );
    expect(moved['Q2 changed']).not.toBe(before.Q2);
    const swapped = ids(
      derive(V1.replace('Q1::A1\nQ2::A2', 'Q2 changed::A2\nQ1 changed::A1'), first),
    );
    // Same position as Q1 was: Q2-changed takes Q1's slot, by the documented rule.
    expect(swapped['Q2 changed']).toBe(before.Q1);
    expect(swapped['Q1 changed']).toBe(before.Q2);
  });

  it('a card of another kind at the same place does not take the old id', () => {
    const first = derive(V1);
    const second = ids(derive(V1.replace('Q1::A1', 'The ==Q1== card is now a cloze.'), first));
    expect(Object.values(second)).not.toContain(ids(first).Q1);
  });

  it('the same question twice gets -2, never a duplicate id', () => {
    const d = derive('Same::one\nSame::one\n');
    expect(d.entries.map((e) => e.id)).toEqual([d.entries[0]?.id, `${d.entries[0]?.id}-2`]);
  });

  it('keeps the deck id of the previous deck', () => {
    const first = derive(V1);
    const prev = { ...first, id: 'my-own-id' };
    expect(derive(V1, prev).id).toBe('my-own-id');
  });

  it('slugs to ASCII kebab-case', () => {
    expect(asciiSlug('Größe der Welt?')).toBe('grosse-der-welt');
    expect(asciiSlug('日本語')).toBe('');
    expect(asciiSlug(`${'word '.repeat(20)}`)).toHaveLength(39);
  });
});
