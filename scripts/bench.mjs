// Start-up benchmarks, as ratios against bare `node` measured in the same run: each timed
// run is paired with a baseline run just before it, so a change in the machine's load moves
// both. Reported: the median time, the median ratio and the spread of the per-pair ratios.
// Usage: npm run bench [-- --runs N]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;
const CLI = join(import.meta.dirname, '../dist/cli.js');
const work = mkdtempSync(join(tmpdir(), 'hr-bench-'));
const home = join(work, 'data');
mkdirSync(home);
const env = { ...process.env, HYPERRECALL_HOME: home, HYPERRECALL_DEVICE: 'bench' };

// A user's own deck of 5,000 cards, for `status` before any data directory exists.
const USER_CARDS = 5000;
const userDecks = join(work, 'user-decks');
mkdirSync(userDecks);
const yaml = ['id: bench-user', 'title: Bench user deck', 'cards:'];
for (let i = 0; i < USER_CARDS; i++)
  yaml.push(
    `  - id: c${i}`,
    '    type: basic',
    `    front: Question ${i}?`,
    `    back: Answer ${i}`,
  );
writeFileSync(join(userDecks, 'user.yaml'), `${yaml.join('\n')}\n`);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function spawnTimed(args, runEnv) {
  const t = performance.now();
  const r = spawnSync('node', args, { env: runEnv, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
  return performance.now() - t;
}

/** RUNS pairs: bare `node -e 0`, then `node args` (after `before`, untimed). */
function pairedProcess(args, { before = () => {}, runEnv = env } = {}) {
  const base = [];
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    base.push(spawnTimed(['-e', '0'], env));
    before();
    times.push(spawnTimed(args, runEnv));
  }
  return { base, times };
}

/** Starts `command` in a fresh tmux pane of 80x24 and times until `marker` is on it. */
function paneTime(command, marker, quit) {
  const sock = `hr-bench-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const tmux = (...a) => execFileSync('tmux', ['-L', sock, ...a], { encoding: 'utf8' });
  tmux('new-session', '-d', '-s', 'b', '-x', '80', '-y', '24', 'sleep 60');
  const t = performance.now();
  tmux('respawn-pane', '-k', '-t', 'b', `${command}; echo "[exit $?]"; sleep 60`);
  for (;;) {
    const screen = tmux('capture-pane', '-p', '-t', 'b');
    if (screen.includes(marker)) break;
    if (performance.now() - t > 30_000)
      throw new Error(`no '${marker}' within 30 s; the screen:\n${screen}`);
    execFileSync('sleep', ['0.005']);
  }
  const ms = performance.now() - t;
  // Quit as a user does, so the next start finds the store as a user's next start would.
  if (quit) tmux('send-keys', '-t', 'b', quit);
  const deadline = performance.now() + 10_000;
  while (quit && !tmux('capture-pane', '-p', '-t', 'b').includes('[exit '))
    if (performance.now() > deadline) throw new Error('the TUI did not quit');
  tmux('kill-server');
  return ms;
}

const bareLine = () => paneTime(`node -e "console.log('ready')"`, 'ready');
const keptFrame = join(home, 'cache', 'home-bench.json');

/** RUNS pairs in tmux: the one-line `node -e`, then the home screen's first frame. */
function pairedFrame({ withoutKeptFrame }) {
  const base = [];
  const times = [];
  paneTime(`env HYPERRECALL_HOME=${home} HYPERRECALL_DEVICE=bench node ${CLI}`, 'All decks', 'q');
  for (let i = 0; i < RUNS; i++) {
    base.push(bareLine());
    if (withoutKeptFrame) rmSync(keptFrame, { force: true });
    const cmd = `env HYPERRECALL_HOME=${home} HYPERRECALL_DEVICE=bench node ${CLI}`;
    times.push(paneTime(cmd, 'All decks', 'q'));
  }
  return { base, times };
}

function row(name, { base, times }) {
  const ratios = times.map((t, i) => t / base[i]).sort((a, b) => a - b);
  const spread = `${ratios[0].toFixed(2)}-${ratios[ratios.length - 1].toFixed(2)}x`;
  return `| ${name} | ${median(base).toFixed(0)} ms | ${median(times).toFixed(0)} ms | ${median(ratios).toFixed(2)}x | ${spread} |`;
}

const statusCache = join(home, 'cache', 'status-bench.json');
const rows = [
  row('`hyperrecall status` (shipped decks, answer cached)', pairedProcess([CLI, 'status'])),
  // Without its cache `status` loads the decks and the store and computes the counts, as it
  // does after every change to the data.
  row(
    '`hyperrecall status` (full computation, cache removed)',
    pairedProcess([CLI, 'status'], { before: () => rmSync(statusCache, { force: true }) }),
  ),
  row('`hyperrecall decks --json`', pairedProcess([CLI, 'decks', '--json'])),
  row(
    `\`hyperrecall status\`, ${USER_CARDS.toLocaleString('en')}-card user deck, no data directory yet`,
    pairedProcess([CLI, 'status'], {
      // Its answer is kept under $TMPDIR (store/spare-cache-dir.ts): here, inside `work`.
      runEnv: {
        ...env,
        HYPERRECALL_HOME: join(work, 'none'),
        HYPERRECALL_DECKS: userDecks,
        TMPDIR: work,
      },
    }),
  ),
  row(
    `\`hyperrecall status\`, ${USER_CARDS.toLocaleString('en')}-card user deck, with a data directory`,
    pairedProcess([CLI, 'status'], { runEnv: { ...env, HYPERRECALL_DECKS: userDecks } }),
  ),
  // The TUI from starting the process in a tmux pane to the home screen on that pane (polled
  // every 5 ms), against a one-line `node -e` on the same path.
  row(
    'first TUI frame (home), kept frame valid (nothing changed since the last start)',
    pairedFrame({ withoutKeptFrame: false }),
  ),
  row(
    'first TUI frame (home), no kept frame (Ink draws it)',
    pairedFrame({ withoutKeptFrame: true }),
  ),
];

console.log(
  `Machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; ${RUNS} pairs each; load average ${loadavg()[0].toFixed(1)}; ${new Date().toISOString().slice(0, 16)}`,
);
console.log('| measurement | baseline (median) | median | ratio (median) | ratio (spread) |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(r);
console.log(
  '(baseline: `node -e 0`; for the TUI rows, a one-line `node -e` in the same tmux setup)',
);
rmSync(work, { recursive: true, force: true });
