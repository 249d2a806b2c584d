// Scale benchmark: 100,000 cards and 1,000,000 reviews (DESIGN §6).
// Usage: npm run bench:scale [-- --cards 100000 --reviews 1000000 --answers 500 --keep]
//   [--limited-answers 200 --opens 7] [--stats-only]
// --stats-only: the same data, but only the Stats screen's opening work and `stats --json`.
// Builds a throwaway data directory, then measures `status`, opening a session, the time
// from an answer to the next card (p50 to max over many answers), one durable review, and
// memory. Then the same session with and without per-deck limits, in the same process on
// the same data, compared as ratios (the deck-limits rows).
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
const ANSWERS = arg('answers', 500);
const LIMITED_ANSWERS = arg('limited-answers', 200);
const OPENS = arg('opens', 7);
const STATS_ONLY = process.argv.includes('--stats-only');
/** Decks given their own limits in the deck-limits case: a fifth of them. */
const LIMITED_DECKS = 10;
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

// The first writer parses every deck and folds the whole log into the cache; `doctor` alone
// is read-only now, so `--fix` is what writes the caches.
const setup = runCli('doctor', '--fix');
// Every card has history, so a session is all reviews: lift the daily cap (200) so that one
// session answers enough cards for a meaningful p99.
runCli('config', 'set', 'reviews-per-day', String(ANSWERS + 2 * LIMITED_ANSWERS + 100));
const bare = median(
  Array.from({ length: 7 }, () => {
    const t = performance.now();
    spawnSync('node', ['-e', '0']);
    return performance.now() - t;
  }),
);
// `status` keeps its last answer in a cache while the data is unchanged: remove it before
// each run to time the full computation, then time the cached answer too.
const statusCache = join(dataDir, 'cache', 'status-bench.json');
const status = STATS_ONLY
  ? 0
  : median(
      Array.from({ length: 5 }, () => {
        rmSync(statusCache, { force: true });
        return runCli('status');
      }),
    );
if (!STATS_ONLY) runCli('status');
const statusCached = STATS_ONLY ? 0 : median(Array.from({ length: 5 }, () => runCli('status')));

// ---- a session in its own process: open, answer cards, time each step ----
const runner = join(work, 'session-runner.mjs');
await build({
  stdin: {
    contents: `
      import { readFileSync } from 'node:fs';
      import { join } from 'node:path';
      import { Collection } from './src/app/collection.ts';
      import { loadDecks } from './src/decks/load.ts';
      import { readUserDeckCache } from './src/store/deck-cache-file.ts';
      import { snapshotProblem } from './src/store/snapshot.ts';
      import { Store } from './src/store/store.ts';
      import { ALL } from './src/core/ports.ts';
      import { statsRows } from './src/ui/screens/stats-rows.ts';
      const [deckDir, dataDir, start, answers, limitedAnswers, opens, limitedDecks, statsOnly] =
        process.argv.slice(2);
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
      const nexts = [];
      const rest = [];
      for (let i = 0; i < Number(answers) && card; i++) {
        const a = performance.now();
        const r = col.answer({ card, grade: 3, now, tookMs: 1000, shown: col.memory(card.key) });
        if (!r.ok || r.value.modified) throw new Error('answer not saved: ' + JSON.stringify(r));
        const b = performance.now();
        now += 1000;
        card = col.next(ALL, now, i);
        const c = performance.now();
        if (card) {
          col.preview(card, now);
          col.counts(ALL, now);
        }
        const d = performance.now();
        appends.push(b - a);
        nexts.push(c - b);
        rest.push(d - c);
        steps.push(d - a);
      }
      const rss = process.memoryUsage().rss / 2 ** 20;
      // Per-deck limits against none, on the same data in the same process: opening the
      // study queue (a new collection, its first card, preview and counts) and answering.
      const openQueue = () => {
        const a = performance.now();
        const c = new Collection(loaded, store, 'bench', async () => loaded);
        const first = c.next(ALL, now, 0);
        if (first) c.preview(first, now);
        c.counts(ALL, now);
        return { ms: performance.now() - a, c, first };
      };
      const timedSession = () => {
        const opened = [];
        for (let i = 0; i < Number(opens); i++) opened.push(openQueue().ms);
        let { c, first: next } = openQueue();
        const stepsOf = [];
        const queueOf = [];
        for (let i = 0; i < Number(limitedAnswers) && next; i++) {
          const a = performance.now();
          const r = c.answer({ card: next, grade: 3, now, tookMs: 1000, shown: c.memory(next.key) });
          if (!r.ok || r.value.modified) throw new Error('answer not saved: ' + JSON.stringify(r));
          const b = performance.now();
          now += 1000;
          next = c.next(ALL, now, i);
          if (next) {
            c.preview(next, now);
            c.counts(ALL, now);
          }
          stepsOf.push(performance.now() - a);
          queueOf.push(performance.now() - b);
        }
        // What ending the session costs: the summary's next due and tomorrow, what the limits
        // hold back, then the home screen's deck rows.
        const timed = (f) => {
          const a = performance.now();
          f();
          return performance.now() - a;
        };
        const end = { nextDue: [], dayEnd: [], beyond: [], home: [] };
        for (let i = 0; i < 5; i++) {
          end.nextDue.push(timed(() => c.nextDue(ALL, now)));
          end.dayEnd.push(timed(() => c.dayEnd(ALL, now)));
          end.beyond.push(timed(() => c.beyondLimits(ALL, now)));
          end.home.push(timed(() => c.home(now)));
        }
        return { opened, steps: stepsOf, queue: queueOf, end };
      };
      const only = statsOnly === 'true';
      const plain = only ? null : timedSession();
      const deckLimits = {};
      for (let d = 0; d < Number(limitedDecks); d++)
        deckLimits['scale-' + d] = { newPerDay: 10, reviewsPerDay: 20 + d };
      if (!only) store.setSettings({ ...store.settings, deckLimits });
      const limited = only ? null : timedSession();
      // The Stats screen's work when it opens (every series and its rows). The first time
      // builds the answer cache (cache/answers.bin) from the log; later opens read it.
      const statsOpen = [];
      for (let i = 0; i < 4; i++) {
        const a = performance.now();
        statsRows(col.stats(now), { width: 79, year: false, accent: {}, muted: {}, bold: {} });
        statsOpen.push(performance.now() - a);
      }
      await store.close();
      // What checking every card memory of the cache costs when it is read.
      const snapshot = JSON.parse(readFileSync(join(dataDir, 'state-bench.json'), 'utf8'));
      const v = performance.now();
      if (snapshotProblem(snapshot) !== null) throw new Error('the benchmark cache is invalid');
      const validate = performance.now() - v;
      console.log(JSON.stringify({ firstCard, steps, appends, nexts, rest, rss, validate, plain, limited, statsOpen }));`,
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
const runnerArgs = [
  NOW,
  STATS_ONLY ? 0 : ANSWERS,
  LIMITED_ANSWERS,
  OPENS,
  LIMITED_DECKS,
  STATS_ONLY,
].map(String);
const session = spawnSync('node', [runner, deckDir, dataDir, ...runnerArgs], {
  encoding: 'utf8',
  maxBuffer: 1 << 26,
});
if (session.status !== 0) throw new Error(session.stderr);
const { firstCard, steps, appends, nexts, rest, rss, validate, plain, limited, statsOpen } =
  JSON.parse(session.stdout);
// `stats --json` as a user runs it, the answer cache kept by the runs before.
const statsJson = median(Array.from({ length: 3 }, () => runCli('stats', '--json')));
if (process.argv.includes('--keep')) console.log(`kept ${work}`);
else rmSync(work, { recursive: true, force: true });

const ms = (x) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
const spread = (xs) =>
  [median(xs), pct(xs, 0.95), pct(xs, 0.99), Math.max(...xs)].map(ms).join(' / ');
console.log(
  `Machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}`,
);
console.log(
  `Data: ${CARDS} cards in ${DECKS} decks, ${written} reviews (first open: ${ms(setup)}); ${steps.length} answers`,
);
console.log('| measurement | result | target |');
console.log('|---|---|---|');
console.log(`| \`node -e 0\` (baseline) | ${ms(bare)} | |`);
if (!STATS_ONLY) printSession();
function printSession() {
  console.log(
    `| \`hyperrecall status\`, full computation | ${ms(status)} (${(status / bare).toFixed(1)}x) | < 500 ms |`,
  );
  console.log(`| of which: validating the cache (every card memory) | ${ms(validate)} | |`);
  console.log(
    `| \`hyperrecall status\`, cached answer | ${ms(statusCached)} (${(statusCached / bare).toFixed(1)}x) | |`,
  );
  console.log(`| open the collection and show the first card | ${ms(firstCard)} | < 1 s |`);
  console.log(
    `| answer to next card (answer, next, preview, counts): p50 / p95 / p99 / max | ${spread(steps)} | p99 < 16 ms |`,
  );
  console.log(`| of which: next card: p50 / p95 / p99 / max | ${spread(nexts)} | |`);
  console.log(`| of which: preview and counts: p50 / p95 / p99 / max | ${spread(rest)} | |`);
  console.log(
    `| one review durable on disk (answer: append + fdatasync): p50 / p95 / p99 / max | ${spread(appends)} | < 20 ms |`,
  );
  console.log(`| memory (RSS) with the session open | ${rss.toFixed(0)} MB | < 500 MB |`);
  // Per-deck limits: the same measurement with and without them, and their ratio.
  const ratio = (xs, ys, p) => `${(pct(xs, p) / pct(ys, p)).toFixed(1)}x`;
  const p5099 = (xs) => [median(xs), pct(xs, 0.99)].map(ms).join(' / ');
  console.log(
    `| per-deck limits on ${LIMITED_DECKS} of ${DECKS} decks: open the study queue p50 / p99 (${OPENS} opens) | ${p5099(limited.opened)}, without: ${p5099(plain.opened)} (${ratio(limited.opened, plain.opened, 0.5)} / ${ratio(limited.opened, plain.opened, 0.99)}) | |`,
  );
  console.log(
    `| per-deck limits on ${LIMITED_DECKS} of ${DECKS} decks: answer to next card p50 / p99 (${limited.steps.length} answers) | ${p5099(limited.steps)}, without: ${p5099(plain.steps)} (${ratio(limited.steps, plain.steps, 0.5)} / ${ratio(limited.steps, plain.steps, 0.99)}) | p99 < 16 ms |`,
  );
  console.log(
    `| of which the queue (next, preview, counts; not the durable append) p50 / p99 | ${p5099(limited.queue)}, without: ${p5099(plain.queue)} (${ratio(limited.queue, plain.queue, 0.5)} / ${ratio(limited.queue, plain.queue, 0.99)}) | |`,
  );
  const endOf = (x) =>
    [x.end.nextDue, x.end.dayEnd, x.end.beyond, x.end.home].map((xs) => ms(median(xs))).join(' / ');
  console.log(
    `| end of a session (p50 of 5): next due / tomorrow / held back by limits / home deck rows | with per-deck limits: ${endOf(limited)}; without: ${endOf(plain)} | |`,
  );
}
console.log(
  `| Stats screen opens (every series and its rows): first, building the answer cache / then p50 of 3 | ${ms(statsOpen[0])} / ${ms(median(statsOpen.slice(1)))} | < 1 s |`,
);
console.log(
  `| \`hyperrecall stats --json\`, answer cache kept: p50 of 3 | ${ms(statsJson)} (${(statsJson / bare).toFixed(1)}x) | < 2 s |`,
);

// Issue 12: importing a 50,000-note Anki package (scripts/bench-anki-import.mjs).
if (!STATS_ONLY) {
  const { benchAnkiImport, printAnkiImportRow } = await import('./bench-anki-import.mjs');
  printAnkiImportRow(await benchAnkiImport());
}
