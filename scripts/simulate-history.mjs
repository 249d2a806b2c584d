// A data directory with a simulated learner's review log, for trying `optimize` by hand.
// Usage: node scripts/simulate-history.mjs DIR [--days 120] [--new 10] [--seed 7]
// The learner's memory follows known parameters (tests/helpers/simulate.ts, TRUE_W) that
// differ from FSRS' defaults; the log is what the app would have written, one answer a line.
// The cards are in a deck of their own (DIR/decks/sim.yaml), so study shows them too.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const dir = process.argv[2];
if (!dir || dir.startsWith('--')) {
  process.stderr.write(
    'usage: node scripts/simulate-history.mjs DIR [--days N] [--new N] [--seed N]\n',
  );
  process.exit(2);
}
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const ROOT = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'hr-sim-'));
try {
  const out = join(work, 'simulate.mjs');
  await build({
    entryPoints: [join(ROOT, 'tests/helpers/simulate.ts')],
    outfile: out,
    bundle: true,
    format: 'esm',
    platform: 'node',
    logLevel: 'warning',
  });
  const { simulateLog } = await import(pathToFileURL(out).href);
  const days = arg('days', 120);
  const start = Date.now() - days * 86_400_000;
  const records = simulateLog({
    seed: arg('seed', 7),
    days,
    newPerDay: arg('new', 10),
    deck: 'sim',
    start,
    device: 'sim',
  });
  mkdirSync(join(dir, 'decks'), { recursive: true });
  const cards = new Set(records.map((r) => r.key));
  const deck = ['id: sim', 'title: Simulated learner', 'cards:'];
  for (const key of cards) {
    const id = key.split('/')[1];
    deck.push(
      `  - {id: ${id}, type: basic, front: "Simulated question ${id}?", back: "Answer ${id}", ref: simulation}`,
    );
  }
  writeFileSync(join(dir, 'decks', 'sim.yaml'), `${deck.join('\n')}\n`);
  writeFileSync(
    join(dir, 'reviews-sim.jsonl'),
    records.map((r) => `${JSON.stringify(r)}\n`).join(''),
  );
  const last = records.at(-1);
  process.stdout.write(
    `${records.length} answers to ${cards.size} cards over ${days} days in ${dir} (last answer ${new Date(last.at).toISOString()})\n`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
