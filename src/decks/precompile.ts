// Build step: parse every deck in a folder and write the results keyed by text hash.
// Usage: node dist/tools/precompile.js DECK_DIR OUT_FILE
import { writeFileSync } from 'node:fs';
import { type DeckCache, deckCacheToJson, FILE_TOKEN, textHash } from './cache.js';
import { findDeckFiles } from './load.js';
import { parseDeck } from './parse.js';
import { readTextFile } from './read-file.js';

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  process.stderr.write('usage: precompile DECK_DIR OUT_FILE\n');
  process.exit(2);
}
const cache: DeckCache = {};
for (const file of findDeckFiles([dir])) {
  // Files that cannot be read are left out: the app reports them when it loads decks.
  const r = readTextFile(file, 'deck');
  if ('text' in r) cache[textHash(r.text)] = parseDeck(FILE_TOKEN, r.text);
}
writeFileSync(out, deckCacheToJson(cache));
process.stdout.write(`precompiled ${Object.keys(cache).length} deck(s) into ${out}\n`);
