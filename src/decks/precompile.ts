// Build step: parse every deck in a folder and write the results keyed by text hash.
// Usage: node dist/tools/precompile.js DECK_DIR OUT_FILE
import { readFileSync, writeFileSync } from 'node:fs';
import { type DeckCache, FILE_TOKEN, textHash } from './cache.js';
import { findDeckFiles } from './load.js';
import { parseDeck } from './parse.js';

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  process.stderr.write('usage: precompile DECK_DIR OUT_FILE\n');
  process.exit(2);
}
const cache: DeckCache = {};
for (const file of findDeckFiles([dir])) {
  const text = readFileSync(file, 'utf8');
  cache[textHash(text)] = parseDeck(FILE_TOKEN, text);
}
writeFileSync(out, JSON.stringify(cache));
process.stdout.write(`precompiled ${Object.keys(cache).length} deck(s) into ${out}\n`);
