// A deck id in two folders: the later folder's deck (the learner's copy) replaces the
// earlier one in place; two files with one id in the same folder stay an error.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run as lint } from '../../../src/cli/commands/lint.js';
import type { Context } from '../../../src/cli/context.js';
import { loadDecks } from '../../../src/decks/load.js';

const deck = (id: string, back: string) =>
  `id: ${id}\ntitle: ${id}\ncards:\n  - {id: a, type: basic, front: Front of ${id}?, back: ${back}, ref: r}\n`;

function dirs() {
  const root = mkdtempSync(join(tmpdir(), 'hr-over-'));
  const shipped = join(root, 'shipped');
  const user = join(root, 'user');
  mkdirSync(shipped);
  mkdirSync(user);
  writeFileSync(join(shipped, 'a.yaml'), deck('alpha', 'shipped'));
  writeFileSync(join(shipped, 'b.yaml'), deck('beta', 'shipped'));
  writeFileSync(join(user, 'mine.yaml'), deck('alpha', 'mine'));
  return { shipped, user };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('deck overrides', () => {
  it("the user's deck replaces the shipped one of the same id, in its place", async () => {
    const d = dirs();
    const r = await loadDecks([d.shipped, d.user]);
    expect(r.problems).toEqual([]);
    expect(r.brokenFiles).toEqual([]);
    expect(r.decks.map((x) => [x.deck.id, x.deck.file.split('/').pop()])).toEqual([
      ['alpha', 'mine.yaml'],
      ['beta', 'b.yaml'],
    ]);
    expect(r.overrides).toEqual([
      { id: 'alpha', file: join(d.user, 'mine.yaml'), replaced: join(d.shipped, 'a.yaml') },
    ]);
  });

  it('two files with one id in the same folder are still an error', async () => {
    const d = dirs();
    writeFileSync(join(d.user, 'second.yaml'), deck('alpha', 'again'));
    const r = await loadDecks([d.shipped, d.user]);
    expect(r.problems.map((p) => p.message)).toEqual([
      `duplicate deck id 'alpha' (also used by ${join(d.user, 'mine.yaml')})`,
    ]);
    expect(r.decks.find((x) => x.deck.id === 'alpha')?.deck.file).toBe(join(d.user, 'mine.yaml'));
  });

  it('lint calls an override a hint and checks only the deck that loads', async () => {
    const d = dirs();
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => out.push(String(s)) > 0);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const ctx = { deckDirs: [d.shipped, d.user], shippedDeckDir: d.shipped } as unknown as Context;
    expect(await lint(ctx, [], { strict: true })).toBe(0);
    expect(out.join('')).toBe(
      `${join(d.user, 'mine.yaml')}:1:5 hint: deck 'alpha' overrides the one in ${join(d.shipped, 'a.yaml')}, which is not loaded\n`,
    );
  });
});
