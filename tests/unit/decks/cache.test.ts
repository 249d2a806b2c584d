// Both deck caches (the build's dist/deck-cache.json and the data directory's
// cache/decks.json) survive any content and never let a result skip validation.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasControl } from '../../../src/core/sanitize.js';
import {
  DECK_CACHE_VERSION,
  type DeckCache,
  deckCacheFromJson,
  deckCacheFromText,
  deckCacheToJson,
  FILE_TOKEN,
  readDeckCache,
  textHash,
} from '../../../src/decks/cache.js';
import { isParseResult, jsonMaySpellControl } from '../../../src/decks/cache-shape.js';
import { loadDecks } from '../../../src/decks/load.js';
import { type ParseResult, parseDeck } from '../../../src/decks/parse.js';
import { readUserDeckCache, writeUserDeckCache } from '../../../src/store/deck-cache-file.js';

const TEXT = `id: cached
title: Cached
description: A deck of every kind
source: Chapter 1
tags: [lpic3-351.1]
cards:
  - {id: a, type: basic, front: F, back: B, reverse: true, ref: man x, tags: [t]}
  - id: b
    type: mcq
    question: Q
    explanation: E
    choices: [{text: x, correct: true}, {text: y, why: because}]
  - {id: c, type: cloze, text: "one {{c1::two}}"}
  - {id: d, type: typed, prompt: P, answer: virsh list, accept: [virsh list --all], match: command}
  - {id: e, type: terms, prompt: Which?, terms: [{term: t1, definition: d1}, {term: t2, definition: d2}]}
  - {id: f, type: basic, front: F}
`;
const HASH = textHash(TEXT);
const parsed = (): ParseResult => parseDeck(FILE_TOKEN, TEXT);
const file = (data: unknown): unknown => JSON.parse(JSON.stringify(data));
const wrap = (decks: unknown): unknown => file({ version: DECK_CACHE_VERSION, decks });
const tempDir = () => mkdtempSync(join(tmpdir(), 'hr-cache-'));

// biome-ignore lint/suspicious/noExplicitAny: the tests reach anywhere into cached JSON to damage it
type Loose = Record<string, any>;

/** The cached result for TEXT with one change made to its JSON. */
function tampered(change: (r: Loose) => void): unknown {
  const r = file(parsed()) as Loose;
  change(r);
  return wrap({ [HASH]: r });
}

describe('deck cache files', () => {
  it('round-trips what parseDeck returns, problems included', () => {
    const r = parsed();
    expect(r.problems).toHaveLength(1);
    expect(r.deck?.entries).toHaveLength(5);
    expect(isParseResult(file(r))).toBe(true);
    const back = deckCacheFromJson(JSON.parse(deckCacheToJson({ [HASH]: r })));
    expect(back).toEqual(file({ [HASH]: r }));
  });

  it.each([
    ['null', null],
    ['a number', 7],
    ['an array', [1, 2]],
    ['the unversioned format of earlier builds', { [HASH]: parsed() }],
    ['another version', { version: DECK_CACHE_VERSION + 1, decks: { [HASH]: parsed() } }],
    ['a version as text', { version: String(DECK_CACHE_VERSION), decks: { [HASH]: parsed() } }],
    ['decks that are not a mapping', { version: DECK_CACHE_VERSION, decks: 'x' }],
  ])('ignores a file holding %s', (_name, data) => {
    expect(deckCacheFromJson(file(data))).toEqual({});
  });

  it.each([
    ['a wrong entry count', (r) => (r.entryCount = -1)],
    ['problems that are not a list', (r) => (r.problems = {})],
    ['a problem at line 0', (r) => (r.problems[0].line = 0)],
    ['a problem of unknown severity', (r) => (r.problems[0].severity = 'fatal')],
    ['a problem message with ESC', (r) => (r.problems[0].message = 'x\u001b[2J')],
    ['a deck id that is not kebab-case', (r) => (r.deck.id = 'a/b')],
    ['a deck title with ESC', (r) => (r.deck.title = 'T\u001b]0;x\u0007')],
    ['an empty deck title', (r) => (r.deck.title = ' ')],
    ['a deck description that is a number', (r) => (r.deck.description = 3)],
    ['a deck tag with a bidi override', (r) => (r.deck.tags = ['\u202e'])],
    ['entries that are not a list', (r) => (r.deck.entries = null)],
    ['an entry id with a slash', (r) => (r.deck.entries[0].id = 'a/b')],
    ['two entries with one id', (r) => (r.deck.entries[1].id = 'a')],
    ['an unknown entry type', (r) => (r.deck.entries[0].type = 'essay')],
    ['a front that is a number', (r) => (r.deck.entries[0].front = 1)],
    ['a front with ESC', (r) => (r.deck.entries[0].front = 'x\u001b[31m')],
    ['a reverse that is text', (r) => (r.deck.entries[0].reverse = 'yes')],
    ['a ref with BEL', (r) => (r.deck.entries[0].ref = 'man\u0007')],
    ['tags with a number', (r) => (r.deck.entries[0].tags = [1])],
    ['no position', (r) => delete r.deck.entries[0].pos],
    ['one choice', (r) => r.deck.entries[1].choices.splice(1)],
    ['no correct choice', (r) => (r.deck.entries[1].choices[0].correct = false)],
    ['a choice with ESC in its why', (r) => (r.deck.entries[1].choices[1].why = '\u001b')],
    ['an mcq without explanation', (r) => delete r.deck.entries[1].explanation],
    ['a cloze without deletion', (r) => (r.deck.entries[2].text = 'nothing hidden')],
    ['an unknown match mode', (r) => (r.deck.entries[3].match = 'regex')],
    ['accept with CR', (r) => (r.deck.entries[3].accept = ['a\rb'])],
    ['a single term', (r) => r.deck.entries[4].terms.splice(1)],
    ['a term definition with DEL', (r) => (r.deck.entries[4].terms[0].definition = 'd\u007f')],
  ] as [string, (r: Loose) => void][])('drops a result with %s', (_name, change) => {
    const data = tampered(change);
    expect(deckCacheFromJson(data)).toEqual({});
    expect(deckCacheFromText(JSON.stringify(data))).toEqual({});
  });

  it('keeps the good results beside a dropped one, and skips keys that are no hash', () => {
    const good = file(parsed());
    const data = file({
      version: DECK_CACHE_VERSION,
      decks: { [HASH]: good, '1-a-b': { deck: 1 }, ['__proto__']: good, constructor: good },
    });
    const cache = deckCacheFromJson(data);
    expect(Object.keys(cache)).toEqual([HASH]);
    expect(Object.getPrototypeOf(cache)).toBe(Object.prototype);
  });

  it('skips the check of every string only when the JSON cannot spell a control character', () => {
    expect(jsonMaySpellControl(deckCacheToJson({ [HASH]: parsed() }))).toBe(false);
    for (const spelling of [
      '\\u001b',
      '\\u001B',
      '\\u0007',
      '\\u0000',
      '\\u007f',
      '\\u0085',
      '\\u202e',
      '\\u2066',
      '\\b',
      '\\f',
      '\\r',
      '\u007f',
      '\u009b',
      '\u202e',
      '\u2069',
    ])
      expect(jsonMaySpellControl(`{"front":"a${spelling}b"}`), spelling).toBe(true);
    // The file token is harmless only as the whole value of a `file` field.
    expect(jsonMaySpellControl('{"file":"\\u0000file"}')).toBe(false);
    expect(jsonMaySpellControl('{"front":"\\u0000file"}')).toBe(true);
    expect(jsonMaySpellControl('{"file":"\\u0000file!"}')).toBe(true);
    expect(jsonMaySpellControl('{"file":"x\\u0000file"}')).toBe(true);
    expect(jsonMaySpellControl('{"front":"tab\\tand\\nnewline \u2028 é"}')).toBe(false);
  });

  it('drops and keeps the same results with or without the per-string check', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 6 }),
      fc.constantFrom(
        '\u0000file',
        '"file":"',
        '\\',
        'u0000',
        '\u001b',
        '\u2028',
        '\u202e',
        '\u0085',
        ' ',
      ),
    );
    const text = fc.array(piece, { maxLength: 4 }).map((xs) => xs.join(''));
    const where = fc.constantFrom<(r: Loose, s: string) => void>(
      (r, s) => (r.deck.entries[0].front = s),
      (r, s) => (r.deck.title = s),
      (r, s) => (r.deck.entries[1].choices[1].why = s),
      (r, s) => (r.problems[0].message = s),
      (r, s) => (r.deck.entries[0].pos.file = s),
      (r, s) => (r.deck.entries[0].file = s),
    );
    fc.assert(
      fc.property(where, text, (put, s) => {
        const json = JSON.stringify(
          tampered((r) => put(r, s)),
          null,
          s.length % 2 === 0 ? undefined : 1,
        );
        const strict = deckCacheFromJson(JSON.parse(json));
        expect(deckCacheFromText(json)).toEqual(strict);
        if (hasControl(s) && !/^\u0000file$/.test(s)) expect(jsonMaySpellControl(json)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('reads nothing from a missing, empty or damaged file', () => {
    const dir = tempDir();
    expect(readDeckCache(join(dir, 'none.json'))).toEqual({});
    writeFileSync(join(dir, 'empty.json'), '');
    expect(readDeckCache(join(dir, 'empty.json'))).toEqual({});
    writeFileSync(join(dir, 'cut.json'), deckCacheToJson({ [HASH]: parsed() }).slice(0, 100));
    expect(readDeckCache(join(dir, 'cut.json'))).toEqual({});
    expect(readDeckCache(dir)).toEqual({});
  });
});

describe('the user deck cache', () => {
  it('writes a versioned file that reads back', () => {
    const dataDir = tempDir();
    writeUserDeckCache(dataDir, { [HASH]: parsed() }, [HASH]);
    const json = JSON.parse(readFileSync(join(dataDir, 'cache', 'decks.json'), 'utf8'));
    expect(json.version).toBe(DECK_CACHE_VERSION);
    expect(readUserDeckCache(dataDir)).toEqual(file({ [HASH]: parsed() }));
  });

  it('ignores a file of another version and replaces it at the next write', () => {
    const dataDir = tempDir();
    mkdirSync(join(dataDir, 'cache'));
    writeFileSync(join(dataDir, 'cache', 'decks.json'), JSON.stringify({ [HASH]: parsed() }));
    expect(readUserDeckCache(dataDir)).toEqual({});
    writeUserDeckCache(dataDir, { [HASH]: parsed() }, [HASH]);
    expect(readUserDeckCache(dataDir)).toEqual(file({ [HASH]: parsed() }));
  });

  it('cannot smuggle card text past the parser', async () => {
    const dataDir = tempDir();
    const deckDir = join(dataDir, 'decks');
    mkdirSync(deckDir);
    const text = 'id: d\ntitle: T\ncards:\n  - {id: a, type: basic, front: "x\\e[2J", back: B}\n';
    writeFileSync(join(deckDir, 'd.yaml'), text);
    // A cache claiming this text parsed cleanly into a card that clears the screen.
    const forged = file(parseDeck(FILE_TOKEN, text.replace('\\e', ''))) as Loose;
    forged.deck.entries[0].front = 'x\u001b[2J';
    mkdirSync(join(dataDir, 'cache'));
    writeFileSync(
      join(dataDir, 'cache', 'decks.json'),
      JSON.stringify({ version: DECK_CACHE_VERSION, decks: { [textHash(text)]: forged } }),
    );
    const r = await loadDecks([deckDir], readUserDeckCache(dataDir));
    expect(r.decks[0]?.deck.entries).toEqual([]);
    expect(r.problems[0]?.message).toMatch(/^cards\.0\.front: contains the control character/);
  });

  it('never throws and leaves no temporary file when it cannot write', () => {
    const missing = join(tempDir(), 'gone');
    expect(() => writeUserDeckCache(missing, {}, [])).not.toThrow();
    expect(existsSync(missing)).toBe(false);

    // `cache` is a file: the folder cannot be made.
    const blocked = tempDir();
    writeFileSync(join(blocked, 'cache'), 'x');
    expect(() => writeUserDeckCache(blocked, { [HASH]: parsed() }, [HASH])).not.toThrow();

    // `decks.json` is a directory: the temporary file is written but cannot replace it.
    const clash = tempDir();
    mkdirSync(join(clash, 'cache', 'decks.json'), { recursive: true });
    expect(() => writeUserDeckCache(clash, { [HASH]: parsed() }, [HASH])).not.toThrow();
    expect(readdirSync(join(clash, 'cache'))).toEqual(['decks.json']);
    expect(readUserDeckCache(clash)).toEqual({});
  });

  it('keeps exactly the entries asked for', () => {
    const dataDir = tempDir();
    const other = parseDeck(
      FILE_TOKEN,
      'id: o\ntitle: O\ncards:\n  - {id: a, type: cloze, text: "{{c1::x}}"}\n',
    );
    const cache: DeckCache = { [HASH]: parsed(), [textHash('o')]: other };
    writeUserDeckCache(dataDir, cache, [textHash('o'), 'unknown-1-2']);
    expect(Object.keys(readUserDeckCache(dataDir))).toEqual([textHash('o')]);
  });
});
