// Lab cards name files next to their deck (a test-driver node XML): `lint` checks that
// they are there, since a missing one only shows when a learner runs the lab.
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Deck } from '../core/model.js';
import type { Problem } from './problem.js';

/** Where a lab's node XML is: relative to the deck file. */
export function labNodePath(deckFile: string, node: string): string {
  return resolve(dirname(deckFile), node);
}

export function labFileProblems(decks: readonly Deck[]): Problem[] {
  const out: Problem[] = [];
  for (const deck of decks)
    for (const e of deck.entries) {
      if (e.type !== 'lab' || e.node === undefined) continue;
      let isFile = false;
      try {
        isFile = statSync(labNodePath(deck.file, e.node)).isFile();
      } catch {
        isFile = false;
      }
      if (!isFile)
        out.push({
          file: e.pos.file,
          line: e.pos.line,
          col: e.pos.col,
          severity: 'error',
          message: `'${e.id}': node file '${e.node}' does not exist (relative to the deck file)`,
        });
    }
  return out;
}
