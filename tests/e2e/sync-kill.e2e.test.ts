// kill -9 during `sync`: wherever it lands (mid-fetch, mid-push, mid-merge, at any moment),
// the next sync recovers the repository (stale git locks, an interrupted merge, a cut-off
// checkout) and every record arrives, once.
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { studyOn } from '../helpers/study-on.js';
import { CLI } from './cli.js';
import { DAY1, World } from './sync-world.js';

const T1 = Date.parse(DAY1);

async function until(what: string, ok: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function startSync(w: World, device: string): ChildProcess {
  return spawn(process.execPath, [CLI, '--data-dir', w.dir(device), 'sync'], {
    env: w.env(device),
    stdio: 'ignore',
  });
}

/** SIGKILL, unless the sync already ended (a fast machine finishes it inside the delay). */
async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

/** A script that says it started, then waits for `go` before doing `then`. */
function gate(path: string, ready: string, go: string, then: string): void {
  writeFileSync(
    path,
    `#!/bin/sh\ntouch '${ready}'\nwhile [ ! -e '${go}' ]; do sleep 0.02; done\n${then}\n`,
  );
  chmodSync(path, 0o755);
}

/** Both devices hold every record once and fold to the same progress. */
async function agree(w: World, records: number): Promise<void> {
  for (const d of ['a', 'b']) await w.sync(d);
  expect(await w.fold('b')).toEqual(await w.fold('a'));
  const remote = ['a', 'b'].map((d) => w.git(w.remote, 'show', `main:reviews-${d}.jsonl`));
  expect(remote.join('').split('\n').filter(Boolean)).toHaveLength(records);
  expect(new Set(remote.join('').split('\n').filter(Boolean)).size).toBe(records);
}

async function twoDevices(): Promise<World> {
  const w = new World();
  await w.sync('a', true);
  await w.sync('b', true);
  await studyOn(w.dir('a'), 'a', w.deckDir, 5, T1);
  await studyOn(w.dir('b'), 'b', w.deckDir, 5, T1 + 1_000);
  await w.sync('b');
  return w;
}

describe('sync: kill -9', () => {
  it('killed while the remote takes the push, and while the fetch runs', async () => {
    for (const stage of ['push', 'fetch']) {
      const w = await twoDevices();
      const ready = join(w.root, 'ready');
      const go = join(w.root, 'go');
      if (stage === 'push') gate(join(w.remote, 'hooks', 'pre-receive'), ready, go, 'exit 0');
      else {
        const wrapper = join(w.root, 'slow-upload-pack');
        gate(wrapper, ready, go, 'exec git-upload-pack "$@"');
        w.git(w.dir('a'), 'config', 'remote.origin.uploadpack', wrapper);
      }
      const child = startSync(w, 'a');
      await until(`the ${stage} to start`, () => existsSync(ready));
      await kill(child);
      // The orphaned git finishes (or not) on its own; the next sync waits for it.
      writeFileSync(go, '');
      await agree(w, 10);
    }
  }, 300_000);

  it('killed at any moment: a range of timings, each recovered by the next sync', async () => {
    const w = await twoDevices();
    let answers = 10;
    for (const delay of [0, 30, 80, 150, 250, 400, 700]) {
      await studyOn(w.dir('a'), 'a', w.deckDir, 1, T1 + 600_000 + delay * 1000);
      await studyOn(w.dir('b'), 'b', w.deckDir, 1, T1 + 601_000 + delay * 1000);
      answers += 2;
      await w.sync('b');
      const child = startSync(w, 'a');
      await new Promise((r) => setTimeout(r, delay)); // where the kill lands; any place must do
      await kill(child);
      await w.sync('a');
    }
    await agree(w, answers);
  }, 300_000);

  it('finds a stale index.lock and an interrupted merge, and puts them right', async () => {
    const w = await twoDevices();
    const a = w.dir('a');
    w.git(a, 'fetch', '-q', 'origin');
    w.git(a, 'merge', '--no-commit', '--no-ff', '--allow-unrelated-histories', 'origin/main');
    expect(existsSync(join(a, '.git', 'MERGE_HEAD'))).toBe(true);
    writeFileSync(join(a, '.git', 'index.lock'), '');
    const report = await w.sync('a');
    expect(report.notices).toContain('removed 1 stale git lock file(s)');
    expect(report.notices).toContain('an interrupted merge was undone; it is done again now');
    expect(existsSync(join(a, '.git', 'MERGE_HEAD'))).toBe(false);
    await agree(w, 10);
  }, 60_000);
});
