// Start-up benchmarks, as ratios against bare `node -e 0` measured in the same run.
// Usage: npm run bench [-- --runs N]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;
const CLI = join(import.meta.dirname, '../dist/cli.js');
const home = mkdtempSync(join(tmpdir(), 'hr-bench-'));
const env = { ...process.env, HYPERRECALL_HOME: home, HYPERRECALL_DEVICE: 'bench' };

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median wall time of RUNS runs of `node args`; `before` runs untimed ahead of each. */
function timeProcess(args, before = () => {}) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    before();
    const t = performance.now();
    const r = spawnSync('node', args, { env, stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
    times.push(performance.now() - t);
  }
  return median(times);
}

/** Time until the home screen is on a real terminal (tmux), polled every 5 ms. */
function timeFirstFrame() {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const sock = `hr-bench-${process.pid}-${i}`;
    const tmux = (...a) => execFileSync('tmux', ['-L', sock, ...a], { encoding: 'utf8' });
    tmux('new-session', '-d', '-s', 'b', '-x', '80', '-y', '24', 'sleep 30');
    const t = performance.now();
    tmux(
      'respawn-pane',
      '-k',
      '-t',
      'b',
      `env HYPERRECALL_HOME=${home} HYPERRECALL_DEVICE=bench${i} node ${CLI}`,
    );
    while (!tmux('capture-pane', '-p', '-t', 'b').includes('All decks')) {
      if (performance.now() - t > 10_000) throw new Error('no first frame within 10 s');
      execFileSync('sleep', ['0.005']);
    }
    times.push(performance.now() - t);
    tmux('kill-server');
  }
  return median(times);
}

const bare = timeProcess(['-e', '0']);
const status = timeProcess([CLI, 'status']);
// Without its cache `status` loads the decks and the store and computes the counts, as it
// does after every change to the data.
const statusCache = join(home, 'cache', 'status-bench.json');
const statusFull = timeProcess([CLI, 'status'], () => rmSync(statusCache, { force: true }));
const decks = timeProcess([CLI, 'decks', '--json']);
// Re-measure the baseline for the tmux path: it includes tmux's own start-up.
const bareTmux = (() => {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const sock = `hr-bench-bare-${process.pid}-${i}`;
    const tmux = (...a) => execFileSync('tmux', ['-L', sock, ...a], { encoding: 'utf8' });
    tmux('new-session', '-d', '-s', 'b', '-x', '80', '-y', '24', 'sleep 30');
    const t = performance.now();
    tmux('respawn-pane', '-k', '-t', 'b', `node -e "console.log('ready')"; sleep 30`);
    while (!tmux('capture-pane', '-p', '-t', 'b').includes('ready'))
      execFileSync('sleep', ['0.005']);
    times.push(performance.now() - t);
    tmux('kill-server');
  }
  return median(times);
})();
const frame = timeFirstFrame();

const row = (name, ms, base) => `| ${name} | ${ms.toFixed(0)} ms | ${(ms / base).toFixed(2)}x |`;
console.log(
  `Machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; median of ${RUNS} runs; ${new Date().toISOString().slice(0, 10)}`,
);
console.log('| measurement | median | vs baseline |');
console.log('|---|---|---|');
console.log(row('`node -e 0` (baseline)', bare, bare));
console.log(row('`hyperrecall status` (shipped decks, answer cached)', status, bare));
console.log(row('`hyperrecall status` (full computation, cache removed)', statusFull, bare));
console.log(row('`hyperrecall decks --json`', decks, bare));
console.log(row('`node -e` printing one line, in tmux (baseline for the TUI)', bareTmux, bareTmux));
console.log(row('first TUI frame (home screen) in tmux', frame, bareTmux));
