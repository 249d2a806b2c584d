import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../src/core/model.js';
import {
  type CardModel,
  type DeckModel,
  deckText,
  emitDeckYaml,
} from '../../../src/decks/emit-yaml.js';
import { parseDeck } from '../../../src/decks/parse.js';

/** Pieces that YAML quoting gets wrong when done by hand. */
const TRICKY = [
  '"',
  "'",
  ':',
  ': ',
  ' #',
  '#',
  '- ',
  '-',
  '? ',
  '|',
  '>',
  '&a',
  '*a',
  '!tag',
  '%',
  '@',
  '`',
  '{{c1::x}}',
  '[',
  ']',
  '{',
  '}',
  ',',
  '\n',
  '\n\n',
  '  ',
  '\t',
  'yes',
  'no',
  'null',
  '~',
  '0x1F',
  '1e3',
  '---',
  '...',
  'é',
  'ß',
  '日本語',
  '🙂',
  '\u00a0',
  'a',
  'b',
  'text',
  ' ',
];
const piece = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
);
/** Non-empty once trimmed, no control characters (those are covered below). */
const textArb = fc
  .array(piece, { minLength: 1, maxLength: 8 })
  .map((ps) => ps.join(''))
  .filter(
    (s) =>
      s.trim().length > 0 &&
      !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(s),
  );
const kebab = fc.stringMatching(/^[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,2}$/);
const tagsArb = fc.array(textArb, { maxLength: 3 });
const common = {
  tags: tagsArb,
  ref: fc.option(textArb, { nil: undefined }),
  explanation: fc.option(textArb, { nil: undefined }),
};

const cardArb: fc.Arbitrary<Omit<CardModel, 'id'>> = fc.oneof(
  fc.record({
    type: fc.constant('basic' as const),
    front: textArb,
    back: textArb,
    reverse: fc.boolean(),
    ...common,
  }),
  fc.record({
    type: fc.constant('mcq' as const),
    question: textArb,
    choices: fc
      .array(
        fc.record({
          text: textArb,
          correct: fc.boolean(),
          why: fc.option(textArb, { nil: undefined }),
        }),
        { minLength: 2, maxLength: 8 },
      )
      .map((cs) => cs.map((c, i) => ({ ...c, correct: c.correct || i === 0 }))),
    ...common,
    explanation: textArb,
  }),
  fc.record({
    type: fc.constant('cloze' as const),
    text: fc
      .tuple(textArb, textArb, textArb)
      // A deletion holds no line break (`.` in the cloze pattern stops at \n, \r, U+2028/9).
      .map(([a, b, c]) => `${a} {{c1::${b.replace(/[{}\n\r\u2028\u2029]/g, '')}x}} ${c}`),
    ...common,
  }),
  fc.record({
    type: fc.constant('typed' as const),
    prompt: textArb,
    answer: textArb,
    accept: fc.array(textArb, { maxLength: 3 }),
    match: fc.constantFrom('text' as const, 'exact' as const, 'command' as const),
    ...common,
  }),
  fc.record({
    type: fc.constant('terms' as const),
    prompt: textArb,
    terms: fc.array(fc.record({ term: textArb, definition: textArb }), {
      minLength: 2,
      maxLength: 5,
    }),
    ...common,
  }),
) as fc.Arbitrary<Omit<CardModel, 'id'>>;

/** Optional fields left undefined are absent after parsing, as they are after emitting. */
function clean(o: unknown): unknown {
  return JSON.parse(JSON.stringify(o));
}

const trimAll = (v: unknown): unknown =>
  typeof v === 'string'
    ? v.trim()
    : Array.isArray(v)
      ? v.map(trimAll)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, trimAll(x)]))
        : v;

const deckArb: fc.Arbitrary<DeckModel> = fc.record({
  id: kebab,
  title: textArb,
  description: fc.option(textArb, { nil: undefined }),
  source: fc.option(textArb, { nil: undefined }),
  tags: tagsArb,
  cards: fc
    .array(cardArb, { minLength: 1, maxLength: 6 })
    .map((cs) => cs.map((c, i) => ({ ...c, id: `card-${i}` }) as CardModel)),
});

const withoutPos = (e: Entry) => {
  const { pos: _pos, ...rest } = e;
  return rest;
};

describe('emitDeckYaml', () => {
  it('parses back to the same deck, with no problems, for any text', () => {
    fc.assert(
      fc.property(deckArb, (deck) => {
        const yaml = emitDeckYaml(deck);
        const r = parseDeck('deck.yaml', yaml);
        expect(r.problems).toEqual([]);
        const d = r.deck!;
        expect(
          clean({
            id: d.id,
            title: d.title,
            description: d.description,
            source: d.source,
            tags: d.tags,
          }),
        ).toEqual(
          clean(
            trimAll({
              id: deck.id,
              title: deck.title,
              description: deck.description,
              source: deck.source,
              tags: deck.tags,
            }),
          ),
        );
        expect(d.entries.map(withoutPos)).toEqual(clean(trimAll(deck.cards)));
      }),
      { numRuns: 200 },
    );
  });

  it('writes a readable deck: defaults left out, tags in flow style, a header comment', () => {
    const yaml = emitDeckYaml(
      {
        id: 'notes',
        title: 'My notes',
        tags: ['linux'],
        cards: [
          {
            id: 'a',
            type: 'basic',
            front: 'What: this?',
            back: '# not a comment',
            reverse: false,
            tags: ['x', 'y'],
          },
          {
            id: 'b',
            type: 'typed',
            prompt: 'P',
            answer: 'ls -la',
            accept: [],
            match: 'text',
            tags: [],
          },
        ],
      },
      { header: 'Derived from notes.md\nedit the notes' },
    );
    expect(yaml).toBe(
      [
        '# Derived from notes.md',
        '# edit the notes',
        '',
        'id: notes',
        'title: My notes',
        'tags: [ linux ]',
        'cards:',
        '  - id: a',
        '    type: basic',
        '    front: "What: this?"',
        '    back: "# not a comment"',
        '    tags: [ x, y ]',
        '  - id: b',
        '    type: typed',
        '    prompt: P',
        '    answer: ls -la',
        '',
      ].join('\n'),
    );
  });

  it('turns control characters into visible symbols and CRLF into LF, so the deck lints', () => {
    expect(deckText(' a\r\nb\u001b[31m ')).toBe('a\nb␛[31m');
    const yaml = emitDeckYaml({
      id: 'd',
      title: 'T\u0007',
      tags: [],
      cards: [
        {
          id: 'a',
          type: 'basic',
          front: 'F\u001b]0;pwned\u0007',
          back: 'line1\r\nline2',
          reverse: true,
          tags: [],
        },
      ],
    });
    const r = parseDeck('d.yaml', yaml);
    expect(r.problems).toEqual([]);
    expect(r.deck?.title).toBe('T␇');
    expect(r.deck?.entries[0]).toMatchObject({
      front: 'F␛]0;pwned␇',
      back: 'line1\nline2',
      reverse: true,
    });
  });

  it('refuses a model that would not load, naming the card and field', () => {
    const base = { id: 'd', title: 'T', tags: [] };
    expect(() =>
      emitDeckYaml({
        ...base,
        cards: [{ id: 'a', type: 'basic', front: '  ', back: 'B', reverse: false, tags: [] }],
      }),
    ).toThrow("deck 'd' card 'a': front: must not be empty");
    expect(() =>
      emitDeckYaml({
        ...base,
        cards: [{ id: 'Bad Id', type: 'cloze', text: '{{c1::x}}', tags: [] }],
      }),
    ).toThrow(/card 'Bad Id': id: must be kebab-case/);
    expect(() =>
      emitDeckYaml({ ...base, cards: [{ id: 'a', type: 'cloze', text: 'no deletion', tags: [] }] }),
    ).toThrow(/has no cloze deletion/);
    const c = { id: 'a', type: 'cloze' as const, text: '{{c1::x}}', tags: [] };
    expect(() => emitDeckYaml({ ...base, cards: [c, c] })).toThrow("two cards have the id 'a'");
    expect(() => emitDeckYaml({ ...base, cards: [] })).toThrow(/needs at least one card/);
  });
});
