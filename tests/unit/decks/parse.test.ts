import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDecks } from '../../../src/decks/load.js';
import { formatProblem, parseDeck } from '../../../src/decks/parse.js';

const head = `id: test-deck\ntitle: Test\ncards:\n`;

function problemsOf(text: string): string[] {
  return parseDeck('deck.yaml', text).problems.map(formatProblem);
}

describe('parseDeck', () => {
  it('loads every kind of entry', () => {
    const r = parseDeck(
      'deck.yaml',
      `${head}  - id: a
    type: basic
    front: F
    back: B
    reverse: true
  - id: b
    type: mcq
    question: Q
    choices: [{text: x, correct: true}, {text: y, why: because}]
    explanation: E
  - id: c
    type: cloze
    text: "one {{c1::two}} three {{c2::four::hint}}"
  - id: d
    type: typed
    prompt: P
    answer: virsh list --all
    match: command
  - id: e
    type: terms
    prompt: Which?
    terms: [{term: t1, definition: d1}, {term: t2, definition: d2}]
`,
    );
    expect(r.problems).toEqual([]);
    expect(r.entryCount).toBe(5);
    expect(r.deck?.entries.map((e) => e.type)).toEqual(['basic', 'mcq', 'cloze', 'typed', 'terms']);
    expect(r.deck?.entries[0]?.pos).toEqual({ file: 'deck.yaml', line: 4, col: 5 });
    const typed = r.deck?.entries[3];
    expect(typed?.type === 'typed' && typed.match).toBe('command');
  });

  it('reports YAML syntax errors with their position', () => {
    expect(problemsOf(`${head}  - id: a\n    front: [unclosed\n`)[0]).toMatch(
      /^deck\.yaml:\d+:\d+ error: YAML /,
    );
  });

  it('reports an unknown field at the field name', () => {
    expect(
      problemsOf(`${head}  - id: a\n    type: basic\n    front: F\n    back: B\n    colour: red\n`),
    ).toEqual(["deck.yaml:8:5 error: cards.0: unknown field 'colour'"]);
  });

  it('reports a missing field at its entry', () => {
    expect(problemsOf(`${head}  - id: a\n    type: basic\n    front: F\n`)).toEqual([
      "deck.yaml:4:5 error: missing field 'back'",
    ]);
  });

  it('reports a wrong type at the value', () => {
    const p = problemsOf(
      `${head}  - id: a\n    type: basic\n    front: F\n    back: B\n    reverse: maybe\n`,
    );
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^deck\.yaml:8:14 error: cards\.0\.reverse: /);
  });

  it('reports an unknown card type', () => {
    expect(problemsOf(`${head}  - id: a\n    type: essay\n`)[0]).toBe(
      'deck.yaml:5:11 error: cards.0.type: type must be one of basic, mcq, cloze, typed, terms, lab',
    );
  });

  it('reports a duplicate card id at the second one and keeps the first', () => {
    const r = parseDeck(
      'deck.yaml',
      `${head}  - {id: a, type: basic, front: F, back: B}\n  - {id: a, type: basic, front: G, back: C}\n`,
    );
    expect(r.problems.map(formatProblem)).toEqual([
      "deck.yaml:5:10 error: duplicate card id 'a' (first used at line 4)",
    ]);
    expect(r.deck?.entries).toHaveLength(1);
  });

  it('reports an mcq with no correct choice', () => {
    const p = problemsOf(
      `${head}  - id: a\n    type: mcq\n    question: Q\n    explanation: E\n    choices:\n      - text: x\n      - text: y\n`,
    );
    expect(p).toEqual([
      'deck.yaml:9:7 error: cards.0.choices: no choice is marked `correct: true`',
    ]);
  });

  it('reports a cloze with no deletion', () => {
    expect(
      problemsOf(`${head}  - id: a\n    type: cloze\n    text: nothing hidden here\n`),
    ).toEqual(['deck.yaml:6:11 error: cards.0.text: has no cloze deletion like {{c1::answer}}']);
  });

  it('reports a bad id and a missing deck title', () => {
    expect(
      problemsOf('id: Not_Kebab\ncards:\n  - {id: a, type: basic, front: F, back: B}\n'),
    ).toEqual([
      'deck.yaml:1:5 error: id: must be kebab-case (lowercase letters, digits, hyphens)',
      "deck.yaml:1:1 error: missing field 'title'",
    ]);
  });

  it('skips a broken entry but keeps the rest of the deck', () => {
    const r = parseDeck(
      'deck.yaml',
      `${head}  - {id: a, type: basic, front: F}\n  - {id: b, type: basic, front: G, back: C}\n`,
    );
    expect(r.problems).toHaveLength(1);
    expect(r.deck?.entries.map((e) => e.id)).toEqual(['b']);
  });
});

describe('loadDecks', () => {
  it('loads good decks beside a broken one and rejects a duplicate deck id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hr-decks-'));
    writeFileSync(join(dir, 'a.yaml'), `${head}  - {id: x, type: basic, front: F, back: B}\n`);
    writeFileSync(join(dir, 'b.yaml'), `${head}  - {id: y, type: basic, front: F, back: B}\n`);
    writeFileSync(join(dir, 'c.yaml'), 'id: broken\ntitle: [oops\n');
    writeFileSync(
      join(dir, 'd.yaml'),
      `id: other\ntitle: Other\ncards:\n  - {id: z, type: basic, front: F, back: B}\n`,
    );
    const r = await loadDecks([dir]);
    expect(r.decks.map((d) => d.deck.id)).toEqual(['test-deck', 'other']);
    expect(r.brokenFiles.map((f) => f.split('/').pop())).toEqual(['b.yaml', 'c.yaml']);
    const dup = r.problems.find((p) => p.message.startsWith('duplicate deck id'));
    expect(dup && formatProblem(dup)).toMatch(
      /b\.yaml:1:5 error: duplicate deck id 'test-deck' \(also used by .*a\.yaml\)/,
    );
  });
});
