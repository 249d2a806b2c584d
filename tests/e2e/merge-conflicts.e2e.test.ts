// Two data directories as two devices (HYPERRECALL_DEVICE=a / b), through the built CLI: a
// setting made on A is seen on B once A's log is in B's directory; `merge` adds A's records
// to B once; `doctor` reports a sync tool's conflict copies and `doctor --fix` folds them in.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { line, review, T0 } from '../helpers/records.js';
import { CLI, cliEnv } from './cli.js';

const NOW = '2026-03-02T12:00:00Z';

function run(home: string, device: string, ...args: string[]) {
  const r = spawnSync('node', [CLI, ...args], {
    env: { ...process.env, ...cliEnv(home, NOW), HYPERRECALL_DEVICE: device },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const cli = (home: string, device: string, ...args: string[]) =>
  execFileSync('node', [CLI, ...args], {
    env: { ...process.env, ...cliEnv(home, NOW), HYPERRECALL_DEVICE: device },
    encoding: 'utf8',
  });

const rec = (device: string, i: number) => ({
  ...review(i),
  id: `${device}-${(T0 + i * 60_000).toString(36)}-0000000${i % 10}`,
});

/** A data directory where `device` answered cards `from`..`to`. */
async function studied(device: string, from: number, to: number): Promise<string> {
  const home = mkdtempSync(join(tmpdir(), `hr-e2e-${device}-`));
  const s = await Store.open({ dataDir: home, device, now: () => T0, readOnly: false });
  for (let i = from; i < to; i++) s.append(rec(device, i));
  await s.close();
  return home;
}

const reviews = (home: string, device: string) =>
  Number(/reviews: (\d+)/.exec(run(home, device, 'doctor').out)?.[1]);

describe('the device name from the CLI', () => {
  it('is chosen once, renamed with config set device, and HYPERRECALL_DEVICE is not overridden', async () => {
    const home = mkdtempSync(join(tmpdir(), 'hr-e2e-name-'));
    const env = { ...process.env, ...cliEnv(home, NOW) } as Record<string, string | undefined>;
    delete env.HYPERRECALL_DEVICE;
    const plain = (...args: string[]) =>
      spawnSync('node', [CLI, ...args], { env: env as NodeJS.ProcessEnv, encoding: 'utf8' });
    // Nothing written yet: no name is kept, so none is claimed.
    expect(plain('config', 'get', 'device').stdout).toMatch(
      /^none yet: .*config set device NAME\n$/,
    );
    expect(plain('config', 'set', 'new-per-day', '9').status).toBe(0);
    const first = plain('config', 'get', 'device').stdout.trim();
    expect(first).toMatch(/-[0-9a-f]{4}$/);
    expect(plain('config', 'get', 'device').stdout.trim()).toBe(first);
    expect(plain('config', 'set', 'device', 'desk').stdout).toBe(`device = desk (was ${first})\n`);
    expect(plain('config', 'get', 'device').stdout.trim()).toBe('desk');
    expect(plain('config', 'get', 'new-per-day').stdout.trim()).toBe('9');
    expect(readdirSync(home).filter((n) => n.startsWith('reviews-'))).toEqual([
      'reviews-desk.jsonl',
    ]);
    const bad = plain('config', 'set', 'device', 'No Spaces');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/not a device name/);
    const pinned = run(home, 'pinned', 'config', 'set', 'device', 'other');
    expect(pinned.code).toBe(2);
    expect(pinned.err).toMatch(/HYPERRECALL_DEVICE names this device/);
  });
});

describe('two devices, one learner', () => {
  it('config set on device A is seen on device B once A’s log is in B’s directory', async () => {
    const a = await studied('a', 0, 3);
    const b = await studied('b', 3, 5);
    expect(cli(a, 'a', 'config', 'set', 'new-per-day', '7')).toMatch(/new-per-day = 7/);
    expect(cli(b, 'b', 'config', 'get', 'new-per-day').trim()).toBe('20');
    copyFileSync(join(a, 'reviews-a.jsonl'), join(b, 'reviews-a.jsonl'));
    expect(cli(b, 'b', 'config', 'get', 'new-per-day').trim()).toBe('7');
    expect(cli(b, 'b', 'config', 'get', 'device').trim()).toBe('b');
    expect(reviews(b, 'b')).toBe(5);
  });

  it('merge adds the other directory’s records once, and refuses what is not a data directory', async () => {
    const a = await studied('a', 0, 4);
    const b = await studied('b', 4, 6);
    expect(cli(b, 'b', 'merge', a)).toMatch(
      /merged .*: 4 record\(s\) added .*reviews-b\.jsonl, 0 already here/,
    );
    expect(JSON.parse(cli(b, 'b', 'merge', a, '--json'))).toEqual({
      added: 0,
      present: 4,
      logs: 1,
    });
    expect(reviews(b, 'b')).toBe(6);
    const empty = mkdtempSync(join(tmpdir(), 'hr-e2e-empty-'));
    const refused = run(b, 'b', 'merge', empty);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/not a hyperrecall data directory/);
    expect(run(b, 'b', 'doctor').code).toBe(0);
  });

  it('doctor lists conflict copies; doctor --fix folds the log copies in and removes them all', async () => {
    const b = await studied('b', 0, 3);
    // A second machine also writing as b: Syncthing kept its version of the log aside.
    writeFileSync(
      join(b, 'reviews-b.sync-conflict-20261202-101010-ABC.jsonl'),
      [0, 1, 7, 8].map((i) => line(rec('b', i))).join(''),
    );
    writeFileSync(join(b, 'state-b (conflicted copy).json'), '{}');
    const before = run(b, 'b', 'doctor');
    expect(before.code).toBe(1);
    expect(before.out).toMatch(
      /two machines write as device b; run `hyperrecall config set device NEW`/,
    );
    expect(before.out).toMatch(
      /conflict copy \(ignored; doctor --fix removes it\): state-b \(conflicted copy\)\.json/,
    );
    expect(before.out).toMatch(/reviews: 5/);
    const fixed = run(b, 'b', 'doctor', '--fix');
    expect(fixed.out).toMatch(/folded 2 record\(s\) from 1 conflict copy\(ies\)/);
    expect(readdirSync(b).filter((n) => n.includes('conflict'))).toEqual([]);
    const after = run(b, 'b', 'doctor');
    expect(after.out).toMatch(/reviews: 5/);
    expect(after.code).toBe(0);
  });
});

describe('config set device on a data directory not made yet', () => {
  it('makes it and keeps the name, claiming no former one', () => {
    const home = join(mkdtempSync(join(tmpdir(), 'hr-e2e-name-')), 'data');
    const env = { ...process.env, ...cliEnv(home, NOW) } as Record<string, string | undefined>;
    delete env.HYPERRECALL_DEVICE;
    const plain = (...args: string[]) =>
      spawnSync('node', [CLI, ...args], { env: env as NodeJS.ProcessEnv, encoding: 'utf8' });
    const set = plain('config', 'set', 'device', 'laptop');
    expect(set.stderr).toBe('');
    expect(set.stdout).toBe('device = laptop\n');
    expect(plain('config', 'get', 'device').stdout).toBe('laptop\n');
  });
});
