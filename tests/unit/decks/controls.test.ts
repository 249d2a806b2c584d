import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Deck } from '../../../src/core/model.js';
import { hasControl } from '../../../src/core/sanitize.js';
import { formatProblem, parseDeck } from '../../../src/decks/parse.js';

const head = 'id: test-deck\ntitle: Test\ncards:\n';
const good = '  - {id: ok, type: basic, front: F, back: B}\n';
const ESC_MSG =
  'contains the control character U+001B (ESC), which a terminal would act on; remove it';

function parse(text: string) {
  const r = parseDeck('deck.yaml', text);
  return { ...r, lines: r.problems.map(formatProblem) };
}

/** Every string anywhere in the deck, field names included. */
function allText(deck: Deck): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        out.push(k);
        walk(x);
      }
  };
  walk({ ...deck, file: '' });
  return out;
}

describe('control characters in a card', () => {
  // Each case: the lines of one entry, and where the control character sits (line:col).
  const cases: [string, string, string, string][] = [
    [
      'a raw ESC in a plain scalar',
      '    front: red\u001b[31m\n    back: B\n',
      '6:15',
      'cards.0.front',
    ],
    [
      'a raw ESC in a single-quoted scalar',
      "    front: 'it''s\u001b'\n    back: B\n",
      '6:18',
      'cards.0.front',
    ],
    [
      'a raw ESC in a double-quoted scalar',
      '    front: "ab\u001b"\n    back: B\n',
      '6:15',
      'cards.0.front',
    ],
    ['the escape \\e', '    front: F\n    back: "ab\\e[2J"\n', '7:14', 'cards.0.back'],
    ['the escape \\x1b', '    front: "a b \\x1b"\n    back: B\n', '6:17', 'cards.0.front'],
    ['the escape \\u001b', '    front: "\\u001b]0;title"\n    back: B\n', '6:13', 'cards.0.front'],
    ['the escape \\U0000001b', '    front: "x\\U0000001b"\n    back: B\n', '6:14', 'cards.0.front'],
    [
      'a raw ESC in a literal block',
      '    front: |\n      one\n      tw\u001bo\n    back: B\n',
      '8:9',
      'cards.0.front',
    ],
    [
      'a raw ESC in a folded block',
      '    front: >-\n      one\n      \u001btwo\n    back: B\n',
      '8:7',
      'cards.0.front',
    ],
    ['a raw ESC in a flow mapping', '    {front: "x", back: y\u001b}\n', '4:45', 'cards.0.back'],
    [
      'a raw ESC in a tag',
      '    front: F\n    back: B\n    tags: [a, "b\u001b"]\n',
      '8:17',
      'cards.0.tags.1',
    ],
    [
      'a raw ESC in the ref',
      '    front: F\n    back: B\n    ref: "man \\e"\n',
      '8:15',
      'cards.0.ref',
    ],
  ];

  it.each(cases)('locates %s', (_name, body, at, path) => {
    const entry = body.startsWith('    {')
      ? `  - {id: a, type: basic, ${body.trim().slice(1)}\n`
      : `  - id: a\n    type: basic\n${body}`;
    const r = parse(`${head}${entry}${good}`);
    expect(r.lines).toEqual([`deck.yaml:${at} error: ${path}: ${ESC_MSG}`]);
    // The entry is skipped; the rest of the deck loads.
    expect(r.deck?.entries.map((e) => e.id)).toEqual(['ok']);
    expect(r.entryCount).toBe(2);
  });

  it('names other characters and counts the rest', () => {
    const r = parse(
      `${head}  - id: a\n    type: basic\n    front: "\\a\\0\\x7f\\N\\u202e"\n    back: B\n`,
    );
    expect(r.lines).toEqual([
      'deck.yaml:6:13 error: cards.0.front: contains the control character U+0007 (BEL) (and 4 more), which a terminal would act on; remove it',
    ]);
  });

  it('checks every text field of every kind', () => {
    const e = '"\\e"';
    const entries = [
      `{id: a, type: basic, front: F, back: B, explanation: ${e}}`,
      `{id: b, type: mcq, question: Q, explanation: E, choices: [{text: x, correct: true}, {text: ${e}}]}`,
      `{id: c, type: mcq, question: Q, explanation: E, choices: [{text: x, correct: true}, {text: y, why: ${e}}]}`,
      `{id: d, type: mcq, question: ${e}, explanation: E, choices: [{text: x, correct: true}, {text: y}]}`,
      `{id: e, type: cloze, text: "{{c1::x}} \\e"}`,
      `{id: f, type: typed, prompt: ${e}, answer: A}`,
      `{id: g, type: typed, prompt: P, answer: ${e}}`,
      `{id: h, type: typed, prompt: P, answer: A, accept: [x, ${e}]}`,
      `{id: i, type: terms, prompt: ${e}, terms: [{term: t, definition: d}, {term: u, definition: v}]}`,
      `{id: j, type: terms, prompt: P, terms: [{term: t, definition: d}, {term: ${e}, definition: v}]}`,
      `{id: k, type: terms, prompt: P, terms: [{term: t, definition: d}, {term: u, definition: ${e}}]}`,
    ];
    const r = parse(`${head}${entries.map((x) => `  - ${x}\n`).join('')}${good}`);
    expect(r.problems.map((p) => p.message.split(':')[0])).toEqual([
      'cards.0.explanation',
      'cards.1.choices.1.text',
      'cards.2.choices.1.why',
      'cards.3.question',
      'cards.4.text',
      'cards.5.prompt',
      'cards.6.answer',
      'cards.7.accept.1',
      'cards.8.prompt',
      'cards.9.terms.1.term',
      'cards.10.terms.1.definition',
    ]);
    expect(r.deck?.entries.map((x) => x.id)).toEqual(['ok']);
  });

  it('reports a control character in a field name, shown harmlessly', () => {
    const r = parse(`${head}  - id: a\n    type: basic\n    "fr\\eont": F\n    back: B\n${good}`);
    expect(r.lines[0]).toBe(
      "deck.yaml:6:8 error: cards.0: the field name 'fr␛ont' contains the control character U+001B (ESC), which a terminal would act on; remove it",
    );
    expect(r.lines.join('\n')).not.toMatch(/\u001b/);
    expect(r.deck?.entries.map((x) => x.id)).toEqual(['ok']);
  });

  it('follows an alias to the anchored text and skips the card that uses it', () => {
    const r = parse(
      `id: d\ntitle: T\ndescription: &bad "x\\e"\ncards:\n  - {id: a, type: basic, front: *bad, back: B}\n${good}`,
    );
    expect(r.lines).toEqual([
      `deck.yaml:3:21 error: description: ${ESC_MSG}`,
      `deck.yaml:3:21 error: cards.0.front: ${ESC_MSG}`,
    ]);
    expect(r.deck?.entries.map((x) => x.id)).toEqual(['ok']);
  });

  it('keeps CRLF line breaks out of it and finds a lone CR', () => {
    const crlf = `${head}  - id: a\n    type: basic\n    front: |\n      one\n      two\n    back: B\n`;
    expect(parse(crlf.replace(/\n/g, '\r\n')).problems).toEqual([]);
    const r = parse(`${head}  - id: a\n    type: basic\n    front: "one\\rtwo"\n    back: B\n`);
    expect(r.lines).toEqual([
      'deck.yaml:6:16 error: cards.0.front: contains the control character U+000D (CR), which a terminal would act on; remove it',
    ]);
  });

  it('leaves tabs, newlines and ordinary Unicode alone', () => {
    const r = parse(
      `${head}  - id: a\n    type: basic\n    front: "a\\tb\\nc é 😀 ␛"\n    back: |\n      line\n      line\n`,
    );
    expect(r.problems).toEqual([]);
    expect(r.deck?.entries).toHaveLength(1);
  });
});

describe('control characters in the deck itself', () => {
  it('reports each field, still loads the deck and shows its text harmlessly', () => {
    const r = parse(
      `id: d\ntitle: "Deck \\e]0;owned\\a"\ndescription: plain\nsource: "p. \\x9b"\ntags: [ok, "x\\u202e"]\ncards:\n${good}`,
    );
    expect(r.lines).toEqual([
      'deck.yaml:2:14 error: title: contains the control character U+001B (ESC) (and 1 more), which a terminal would act on; remove it',
      'deck.yaml:4:13 error: source: contains the control character U+009B (CSI), which a terminal would act on; remove it',
      'deck.yaml:5:14 error: tags.1: contains the control character U+202E (RLO), which a terminal would act on; remove it',
    ]);
    expect(r.deck).toMatchObject({
      title: 'Deck ␛]0;owned␇',
      description: 'plain',
      source: 'p. <U+009B>',
      tags: ['ok', 'x<U+202E>'],
    });
    expect(r.deck?.entries.map((x) => x.id)).toEqual(['ok']);
  });
});

describe('no control character survives parseDeck', () => {
  // JSON strings are valid YAML double-quoted scalars, escapes included.
  const anyText = fc.string({ unit: 'binary', maxLength: 12 });
  const fields = fc.record({
    title: anyText,
    tag: anyText,
    front: anyText,
    back: anyText,
    choice: anyText,
    accept: anyText,
    definition: anyText,
  });

  it('for any text in any field', () => {
    fc.assert(
      fc.property(fields, (f) => {
        const q = (s: string) => JSON.stringify(`x${s}`);
        const text = [
          `id: d\ntitle: ${q(f.title)}\ntags: [${q(f.tag)}]\ncards:`,
          `  - {id: a, type: basic, front: ${q(f.front)}, back: ${q(f.back)}}`,
          `  - {id: b, type: mcq, question: Q, explanation: E, choices: [{text: x, correct: true}, {text: ${q(f.choice)}}]}`,
          `  - {id: c, type: typed, prompt: P, answer: A, accept: [${q(f.accept)}]}`,
          `  - {id: e, type: terms, prompt: P, terms: [{term: t, definition: ${q(f.definition)}}, {term: u, definition: v}]}`,
          '',
        ].join('\n');
        const r = parseDeck('deck.yaml', text);
        expect(r.deck).not.toBeNull();
        for (const s of allText(r.deck as Deck)) expect(hasControl(s)).toBe(false);
        for (const p of r.problems) expect(hasControl(p.message)).toBe(false);
        // A card is dropped exactly when its text held such a character.
        const dirty = {
          a: hasControl(f.front + f.back),
          b: hasControl(f.choice),
          c: hasControl(f.accept),
          e: hasControl(f.definition),
        };
        const kept = r.deck?.entries.map((x) => x.id);
        expect(kept).toEqual(Object.keys(dirty).filter((k) => !dirty[k as keyof typeof dirty]));
      }),
      { numRuns: 300 },
    );
  });
});
