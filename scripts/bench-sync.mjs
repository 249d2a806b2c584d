// Sync benchmark: `hyperrecall sync` over a local bare repository, two devices, a log of
// --records answers (default 10,000). Times are p50 of --rounds runs, shown with bare
// `node -e 0` and `git --version` taken in the same run as the baselines.
// Usage: npm run build && node scripts/bench-sync.mjs [--records 100000] [--rounds 3]
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const RECORDS = arg('records', 10_000);
const ROUNDS = arg('rounds', 3);
const CLI = join(import.meta.dirname, '..', 'dist/cli.js');
const work = mkdtempSync(join(tmpdir(), 'hr-sync-bench-'));
const remote = join(work, 'remote.git');
const DAY = 86_400_000;
const NOW = Date.parse('2026-06-01T10:00:00Z');
const gitEnv = {
  GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'bench@example.invalid',
  GIT_COMMITTER_NAME: 'bench',
  GIT_COMMITTER_EMAIL: 'bench@example.invalid',
  GIT_CONFIG_GLOBAL: join(work, 'gitconfig'),
};
writeFileSync(gitEnv.GIT_CONFIG_GLOBAL, '[init]\n\tdefaultBranch = main\n');
execFileSync('git', ['init', '-q', '--bare', remote], { env: { ...process.env, ...gitEnv } });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (cmd, args, env) => {
  const t = performance.now();
  const r = spawnSync(cmd, args, { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return performance.now() - t;
};

function device(name) {
  const dir = join(work, name);
  mkdirSync(dir);
  const env = {
    ...process.env,
    ...gitEnv,
    HYPERRECALL_HOME: dir,
    HYPERRECALL_DEVICE: name,
    HYPERRECALL_NOW: new Date(NOW).toISOString(),
  };
  return { dir, env, run: (...args) => time('node', [CLI, ...args], env) };
}

let serial = 0;
/** `n` answers of a shipped card, as the store writes them, appended to the device's log. */
function answer(dev, n) {
  let lines = '';
  for (let i = 0; i < n; i++, serial++) {
    const at = NOW - DAY + serial * 1000;
    const after = {
      phase: 'review',
      due: at + DAY,
      stability: 1,
      difficulty: 5,
      scheduledDays: 1,
      learningSteps: 0,
      reps: 1,
      lapses: 0,
      lastReview: at,
    };
    const rec = {
      type: 'review',
      id: `${dev.env.HYPERRECALL_DEVICE}-${at.toString(36)}-${serial.toString(16).padStart(8, '0')}`,
      key: `bench/c${serial % 5000}`,
      at,
      rating: 3,
      mode: 'study',
      tookMs: 4000,
      before: null,
      after,
      day: Math.floor(at / DAY),
    };
    lines += `${JSON.stringify(rec)}\n`;
  }
  appendFileSync(join(dev.dir, `reviews-${dev.env.HYPERRECALL_DEVICE}.jsonl`), lines);
}

const a = device('a');
const b = device('b');
answer(a, RECORDS);
const rows = [];
const node = median(Array.from({ length: 5 }, () => time('node', ['-e', '0'], process.env)));
const git = median(Array.from({ length: 5 }, () => time('git', ['--version'], process.env)));
rows.push(['`node -e 0` (baseline)', node], ['`git --version` (baseline)', git]);
rows.push([
  `first push of ${RECORDS.toLocaleString('en')} records (\`sync --init\`)`,
  a.run('sync', '--init', remote),
]);
rows.push([
  'second device joins and receives them (`sync --init`)',
  b.run('sync', '--init', remote),
]);
const push = [];
const pull = [];
for (let r = 0; r < ROUNDS; r++) {
  answer(a, 10);
  push.push(a.run('sync'));
  pull.push(b.run('sync'));
}
rows.push(
  ['send 10 new records (`sync`)', median(push)],
  ['receive 10 records (`sync`)', median(pull)],
);
rows.push(['nothing to do (`sync`)', median(Array.from({ length: ROUNDS }, () => a.run('sync')))]);
rows.push([
  '`sync --status`',
  median(Array.from({ length: ROUNDS }, () => a.run('sync', '--status'))),
]);

console.log(`sync, ${RECORDS.toLocaleString('en')} records, p50 of ${ROUNDS}`);
console.log('| measurement | time | x node -e 0 |\n|---|---|---|');
for (const [what, ms] of rows)
  console.log(`| ${what} | ${Math.round(ms)} ms | ${(ms / node).toFixed(1)}x |`);
rmSync(work, { recursive: true, force: true });
