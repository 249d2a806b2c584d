// Every command a shipped typed card accepts is one its program's table fully knows: no
// unknown option or subcommand, no option after the subcommand where the program refuses
// it, no option missing its value. An answer the table cannot read would still match
// itself word for word, but none of its other spellings would: add the option to the table.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deckCards } from '../../../../src/core/cards.js';
import { normalise } from '../../../../src/core/commands/normalise.js';
import { parseLine } from '../../../../src/core/commands/parse.js';
import { tableFor } from '../../../../src/core/commands/tables/index.js';
import { findDeckFiles, loadDeckFile } from '../../../../src/decks/load.js';

const ROOT = join(import.meta.dirname, '../../../..');
const decks = (await Promise.all(findDeckFiles([join(ROOT, 'decks')]).map((f) => loadDeckFile(f))))
  .map((r) => r.deck!)
  .filter(Boolean);
const commands = decks.flatMap((d) =>
  deckCards(d).flatMap((c) =>
    c.face.kind === 'typed' && c.face.match === 'command'
      ? [c.face.answer, ...c.face.accept].map((a) => [c.key, a] as const)
      : [],
  ),
);

describe('shipped command answers and their tables', () => {
  it('there are command answers to check', () => {
    expect(commands.length).toBeGreaterThan(100);
  });
  it.each(commands)('%s: %s', (_, answer) => {
    const words = parseLine(answer).words;
    const table = tableFor(words[0] ?? '');
    if (!table) return;
    const f = normalise(words, table);
    expect({
      unknown: f.unknown,
      unknownSubcommand: f.unknownSubcommand,
      misplaced: f.misplaced,
      valueMissing: f.valueMissing,
    }).toEqual({ unknown: [], unknownSubcommand: undefined, misplaced: [], valueMissing: [] });
  });
});
