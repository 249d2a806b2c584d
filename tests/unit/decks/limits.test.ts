// Whatever a deck file holds, and whatever sits at a deck path, loading reports a located
// problem and goes on: no throw, no hang, no crash.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  deckFingerprint,
  findDeckFiles,
  loadDeckFile,
  loadDecks,
} from '../../../src/decks/load.js';
import { formatProblem, parseDeck } from '../../../src/decks/parse.js';
import { MAX_FILE_BYTES } from '../../../src/decks/read-file.js';
import { DeckSchema } from '../../../src/decks/schema.js';

const good = 'id: good\ntitle: Good\ncards:\n  - {id: a, type: basic, front: F, back: B}\n';

function lines(text: string): string[] {
  return parseDeck('deck.yaml', text).problems.map(formatProblem);
}

/** The classic "billion laughs": nine levels of nine aliases each. */
function aliasBomb(): string {
  const out = ['id: bomb', 'title: Bomb', 'l0: &l0 "lol"'];
  for (let i = 1; i <= 9; i++)
    out.push(`l${i}: &l${i} [${Array.from({ length: 9 }, () => `*l${i - 1}`).join(', ')}]`);
  out.push('cards: [*l9]', '');
  return out.join('\n');
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'hr-limits-'));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('YAML resource limits', () => {
  it('reports an alias bomb at the alias that sets it off', () => {
    const r = parseDeck('deck.yaml', aliasBomb());
    expect(r.deck).toBeNull();
    expect(r.problems.map(formatProblem)).toEqual([
      'deck.yaml:13:9 error: too many YAML aliases: together they would expand the data more than 100-fold (an "alias bomb"); write the text out instead of aliasing it',
    ]);
  });

  it('refuses more than 100 aliases in one file, at the first one too many', () => {
    const cards = Array.from(
      { length: 101 },
      (_, i) => `  - {id: c${i}, type: basic, front: *f, back: B}\n`,
    );
    const text = `id: d\ntitle: T\nx: &f shared\ncards:\n${cards.join('')}`;
    expect(lines(text)).toEqual([
      'deck.yaml:105:36 error: too many YAML aliases: 101, at most 100 in one file; write the text out instead of aliasing it',
    ]);
    // 100 are fine (as far as aliases go: `x` is still an unknown field).
    expect(lines(text.replace(/ {2}- \{id: c100.*\n/, ''))).toEqual([
      "deck.yaml:3:1 error: unknown field 'x'",
    ]);
  });

  it('reports an alias with no anchor, and one inside its own anchor', () => {
    expect(lines(`${good}  - {id: b, type: basic, front: *nope, back: B}\n`)).toEqual([
      "deck.yaml:5:33 error: YAML alias '*nope' has no anchor '&nope' before it",
    ]);
    expect(lines(`${good}  - &e {id: b, type: basic, front: F, back: B, x: *e}\n`)).toEqual([
      "deck.yaml:5:51 error: YAML alias '*e' is inside the node it refers to",
    ]);
  });

  it('reports nesting too deep for the parser without overflowing the stack', () => {
    for (const text of ['['.repeat(20000) + ']'.repeat(20000), `a:${'\n - '.repeat(5000)}x\n`]) {
      const r = parseDeck('deck.yaml', text);
      expect(r.deck).toBeNull();
      expect(formatProblem(r.problems[0]!)).toMatch(/^deck\.yaml:\d+:\d+ error: /);
    }
  });

  it('turns any exception inside parsing into an error at 1:1', () => {
    vi.spyOn(DeckSchema, 'safeParse').mockImplementation(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    expect(lines(good)).toEqual([
      'deck.yaml:1:1 error: could not parse: RangeError: Maximum call stack size exceeded',
    ]);
  });

  it('reports a duplicate key at the second one', () => {
    expect(lines('id: d\ntitle: T\ntitle: U\ncards: []\n')).toEqual([
      'deck.yaml:3:1 error: YAML DUPLICATE_KEY: Map keys must be unique',
    ]);
    expect(lines(`${good}  - {id: b, type: basic, front: F, back: B, front: G}\n`)).toEqual([
      'deck.yaml:5:45 error: YAML DUPLICATE_KEY: Map keys must be unique',
    ]);
  });

  it('checks the keys of a huge mapping in one pass', () => {
    // The yaml library's own check compares each key with all before it: minutes here.
    const keys = Array.from({ length: 30000 }, (_, i) => `k${i}: v`).join('\n');
    expect(lines(`${keys}\nk7: again\n`)).toEqual([
      'deck.yaml:30001:1 error: YAML DUPLICATE_KEY: Map keys must be unique',
    ]);
  });

  it('refuses text over the size limit without parsing it', () => {
    const r = parseDeck('deck.yaml', `#${' '.repeat(MAX_FILE_BYTES)}`);
    expect(r.problems.map(formatProblem)).toEqual([
      'deck.yaml:1:1 error: file is over the 32 MiB limit for a deck file; split it',
    ]);
  });

  it('never throws, whatever the text', () => {
    const token = fc.constantFrom(
      ...['&a ', '*a', '*b', '&b ', '[', ']', '{', '}', ': ', '- ', '\n', '  ', '"', "'", '|'],
      ...['>', '!!str ', '!x ', '%YAML 1.2\n', '---\n', '...\n', '? ', ',', '#', '\\e', '\u001b'],
      ...['id: d\n', 'title: T\n', 'cards:\n', 'type: basic', 'front: F', '\u0000', '\ufeff'],
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), fc.string(), (tokens, noise) => {
        for (const text of [tokens.join(''), noise, tokens.join('') + noise]) {
          const r = parseDeck('deck.yaml', text);
          for (const p of r.problems) expect(p.line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('loading whatever sits at a deck path', () => {
  it('reports a directory named like a deck and still loads the others', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), good);
    mkdirSync(join(dir, 'b.yaml'));
    const r = await loadDecks([dir]);
    expect(r.decks.map((d) => d.deck.id)).toEqual(['good']);
    expect(r.problems.map((p) => `${p.line}:${p.col} ${p.message}`)).toEqual([
      '1:1 is a directory, not a deck file; rename it or move it elsewhere',
    ]);
    expect(r.brokenFiles.map((f) => f.split('/').pop())).toEqual(['b.yaml']);
  });

  it.skipIf(process.platform === 'win32')(
    'reports a named pipe without waiting on it',
    async () => {
      const dir = tempDir();
      execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
      writeFileSync(join(dir, 'z.yaml'), good);
      const r = await loadDecks([dir]);
      expect(r.decks.map((d) => d.deck.id)).toEqual(['good']);
      expect(r.problems.map((p) => p.message)).toEqual([
        'is a named pipe, not a deck file; rename it or move it elsewhere',
      ]);
    },
  );

  it('reports a file over the size limit without reading it', async () => {
    const file = join(tempDir(), 'huge.yaml');
    writeFileSync(file, '');
    truncateSync(file, MAX_FILE_BYTES + 1); // sparse: no disk space, no time
    const r = await loadDeckFile(file);
    expect(r.deck).toBeNull();
    expect(r.problems.map((p) => `${p.line}:${p.col} ${p.message}`)).toEqual([
      '1:1 file is 32.0 MiB, over the 32 MiB limit for a deck file; split it',
    ]);
  });

  it('reports a dangling link and binary junk', async () => {
    const dir = tempDir();
    symlinkSync(join(dir, 'missing'), join(dir, 'a.yaml'));
    writeFileSync(
      join(dir, 'b.yaml'),
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
    );
    const r = await loadDecks([dir]);
    expect(r.decks).toEqual([]);
    expect(r.problems[0]?.message).toBe('cannot read file: ENOENT');
    expect(r.problems.length).toBeGreaterThan(1);
    expect(r.brokenFiles.map((f) => f.split('/').pop())).toEqual(['a.yaml', 'b.yaml']);
  });

  it.skipIf(process.getuid?.() === 0 || process.platform === 'win32')(
    'reports an unreadable file and directory',
    async () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'a.yaml'), good);
      chmodSync(join(dir, 'a.yaml'), 0);
      const locked = join(dir, 'locked');
      mkdirSync(locked);
      chmodSync(locked, 0);
      const problems: { message: string }[] = [];
      const files = findDeckFiles([dir, locked], problems as never);
      expect(problems.map((p) => p.message)).toEqual(['cannot read directory: EACCES']);
      const r = await loadDeckFile(files[0]!);
      expect(r.problems[0]?.message).toBe('cannot read file: EACCES');
    },
  );

  it('reports a path it cannot look at and never throws while fingerprinting', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'f.yaml'), good);
    const problems: { message: string }[] = [];
    expect(
      findDeckFiles([join(dir, 'f.yaml', 'sub'), join(dir, 'none')], problems as never),
    ).toEqual([]);
    expect(problems.map((p) => p.message)).toEqual([
      'cannot read: ENOTDIR',
      'no such file or directory',
    ]);
    expect(deckFingerprint([dir, join(dir, 'f.yaml', 'sub'), join(dir, 'none')])).toMatch(
      /f\.yaml:\d+:/,
    );
  });
});
