// A separate process that takes the lock, for the lock tests: bundled with esbuild and
// run with node. Arguments: dataDir device staleMs refreshMs [goFile|-] [once].
// With goFile, it waits for that file to appear before trying, so several holders race.
// With `once`, it takes the lock and does nothing more: the process must end by itself.
// Prints `ready` while it waits, then `locked <token>` or `refused <error name>: <message>`;
// then, on stdin lines, `verify` -> `verify true|false`, `release` -> `released`.
// Prints `lost` from onLost.
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { acquireLock, type Lock } from '../../src/store/lock.js';

const [dataDir = '', device = '', staleMs = '30000', refreshMs = '10000', goFile = '-', mode] =
  process.argv.slice(2);
const say = (line: string) => process.stdout.write(`${line}\n`);

if (goFile !== '-') {
  say('ready');
  const nap = new Int32Array(new SharedArrayBuffer(4));
  while (!existsSync(goFile)) Atomics.wait(nap, 0, 0, 1);
}

let lock: Lock;
try {
  lock = acquireLock(dataDir, device, {
    staleMs: Number(staleMs),
    legacyStaleMs: Number(staleMs),
    refreshMs: Number(refreshMs),
    onLost: () => say('lost'),
  });
} catch (err) {
  const e = err as Error;
  say(`refused ${e.name}: ${e.message}`);
  process.exit(0);
}
say(`locked ${lock.owner.token}`);

if (mode !== 'once') {
  const input = createInterface({ input: process.stdin });
  input.on('line', (cmd) => {
    if (cmd === 'verify') say(`verify ${lock.verify()}`);
    if (cmd === 'release') {
      lock.release();
      say('released');
    }
  });
  input.on('close', () => process.exit(0));
}
