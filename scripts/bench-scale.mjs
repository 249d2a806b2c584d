// Scale benchmark: 100,000 cards and 1,000,000 reviews (DESIGN §6).
// Usage: npm run bench:scale [-- --cards 100000 --reviews 1000000]
// Builds a throwaway data directory, then measures `status`, opening a session, the time
// from an answer to the next card, one durable review, and memory.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const CARDS = arg('cards', 100_000);
const REVIEWS = arg('reviews', 1_000_000);
const DECKS = 50;
const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist/cli.js');
const work = mkdtempSync(join(tmpdir(), 'hr-scale-'));
const deckDir = join(work, 'decks');
const dataDir = join(work, 'data');
mkdirSync(deckDir);
mkdirSync(dataDir);
const DAY = 86_400_000;
const NOW = Date.parse('2026-06-01T10:00:00Z');

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function pct(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))];
}

// ---- decks: DECKS files of basic cards ----
const perDeck = Math.ceil(CARDS / DECKS);
for (let d = 0; d < DECKS; d++) {
  const lines = [`id: scale-${d}`, `title: Scale deck ${d}`, 'cards:'];
  for (let i = 0; i < perDeck && d * perDeck + i < CARDS; i++)
    lines.push(
      `  - {id: c${i}, type: basic, front: "Question ${d}-${i}?", back: "Answer ${d}-${i}", ref: bench}`,
    );
  const fd = openSync(join(deckDir, `scale-${String(d).padStart(2, '0')}.yaml`), 'w');
  writeSync(fd, `${lines.join('\n')}\n`);
  closeSync(fd);
}

// ---- review log: REVIEWS answers spread over the cards and 300 days ----
const perCard = Math.max(1, Math.floor(REVIEWS / CARDS));
const fd = openSync(join(dataDir, 'reviews-bench.jsonl'), 'w');
let buf = '';
let written = 0;
for (let c = 0; c < CARDS && written < REVIEWS; c++) {
  const key = `scale-${Math.floor(c / perDeck)}/c${c % perDeck}`;
  let before = null;
  let t = NOW - 300 * DAY + (c % 1000) * 60_000;
  for (let r = 0; r < perCard && written < REVIEWS; r++) {
    const interval = Math.min(120, 2 ** r) * DAY;
    const after = {
      phase: 'review',
      due: t + interval,
      stability: 2 ** r,
      difficulty: 5,
      scheduledDays: interval / DAY,
      learningSteps: 0,
      reps: r + 1,
      lapses: 0,
      lastReview: t,
    };
    buf += `${JSON.stringify({ type: 'review', id: `b-${c}-${r}`, key, at: t, rating: 3, mode: 'study', tookMs: 4000, before, after, day: Math.floor(t / DAY) })}\n`;
    written++;
    before = after;
    t += Math.max(DAY, Math.floor(interval / 4));
    if (t > NOW - DAY) break;
  }
  if (buf.length > 1 << 20) {
    writeSync(fd, buf);
    buf = '';
  }
}
writeSync(fd, buf);
closeSync(fd);

const env = {
  ...process.env,
  HYPERRECALL_HOME: dataDir,
  HYPERRECALL_BUILTIN_DECKS: deckDir,
  HYPERRECALL_DEVICE: 'bench',
  HYPERRECALL_NOW: new Date(NOW).toISOString(),
};
const runCli = (...args) => {
  const t = performance.now();
  const r = spawnSync('node', [CLI, ...args], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return performance.now() - t;
};

// First run parses every deck and folds the whole log into the cache (doctor is a writer).
const setup = runCli('doctor');
const bare = median(
  Array.from({ length: 7 }, () => {
    const t = performance.now();
    spawnSync('node', ['-e', '0']);
    return performance.now() - t;
  }),
);
const status = median(Array.from({ length: 5 }, () => runCli('status')));

// ---- a session in its own process: open, answer cards, time each step ----
const runner = join(work, 'session-runner.mjs');
await build({
  stdin: {
    contents: `
      import { Collection } from './src/cli/services/collection.ts';
      import { loadDecks } from './src/decks/load.ts';
      import { readUserDeckCache } from './src/store/deck-cache-file.ts';
      import { Store } from './src/store/store.ts';
      import { ALL } from './src/core/ports.ts';
      const [deckDir, dataDir, start] = process.argv.slice(2);
      let now = Number(start);
      const t0 = performance.now();
      const loaded = await loadDecks([deckDir], readUserDeckCache(dataDir));
      const store = await Store.open({ dataDir, device: 'bench', now: () => now, readOnly: false });
      const col = new Collection(loaded, store, 'bench', async () => loaded);
      let card = col.next(ALL, now, 0);
      col.preview(card, now);
      col.counts(ALL, now);
      const firstCard = performance.now() - t0;
      const steps = [];
      const appends = [];
      for (let i = 0; i < 200 && card; i++) {
        const a = performance.now();
        col.answer({ card, grade: 3, now, tookMs: 1000 });
        appends.push(performance.now() - a);
        now += 1000;
        card = col.next(ALL, now, i);
        if (card) {
          col.preview(card, now);
          col.counts(ALL, now);
        }
        steps.push(performance.now() - a);
      }
      const rss = process.memoryUsage().rss / 2 ** 20;
      await store.close();
      console.log(JSON.stringify({ firstCard, steps, appends, rss }));`,
    resolveDir: ROOT,
    loader: 'ts',
  },
  outfile: runner,
  bundle: true,
  format: 'esm',
  platform: 'node',
  logLevel: 'warning',
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
});
const session = spawnSync('node', [runner, deckDir, dataDir, String(NOW)], { encoding: 'utf8' });
if (session.status !== 0) throw new Error(session.stderr);
const { firstCard, steps, appends, rss } = JSON.parse(session.stdout);
if (process.argv.includes('--keep')) console.log(`kept ${work}`);
else rmSync(work, { recursive: true, force: true });

const ms = (x) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
console.log(
  `Machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}`,
);
console.log(
  `Data: ${CARDS} cards in ${DECKS} decks, ${written} reviews (first open: ${ms(setup)})`,
);
console.log('| measurement | result | target |');
console.log('|---|---|---|');
console.log(`| \`node -e 0\` (baseline) | ${ms(bare)} | |`);
console.log(
  `| \`hyperrecall status\` | ${ms(status)} (${(status / bare).toFixed(1)}x) | < 500 ms |`,
);
console.log(`| open the collection and show the first card | ${ms(firstCard)} | < 1 s |`);
console.log(
  `| answer to next card (answer, next, preview, counts): median / p95 / max | ${ms(median(steps))} / ${ms(pct(steps, 0.95))} / ${ms(Math.max(...steps))} | < 16 ms |`,
);
console.log(
  `| one review durable on disk (append + fdatasync): median / p95 | ${ms(median(appends))} / ${ms(pct(appends, 0.95))} | < 20 ms |`,
);
console.log(`| memory (RSS) with the session open | ${rss.toFixed(0)} MB | < 500 MB |`);
