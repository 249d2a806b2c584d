// The read-only commands work on a read-only or full data directory and leave nothing
// behind; the writers refuse with one line. Needs a real file system that can be made
// read-only or full: a small tmpfs, where this machine permits mounting.
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canMount, mountTmpfs, remountReadOnly, unmount } from '../helpers/mount.js';
import { CLI, cliEnv } from './cli.js';

function cli(home: string, ...args: string[]) {
  const r = spawnSync('node', [CLI, ...args], {
    env: { ...process.env, ...cliEnv(home) },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const READERS = [
  ['status'],
  ['status', '--json'],
  ['stats', '--json'],
  ['decks', '--json'],
  ['doctor'],
  ['config', 'list'],
];

/** Every file under dir, recursively, with its size. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

const mount = canMount();
describe.runIf(mount.ok)(`a data directory that cannot be written${mount.reason}`, () => {
  const mounted: string[] = [];
  afterAll(() => {
    for (const d of mounted) unmount(d);
  });

  /** A tmpfs holding a data directory with a few answers. */
  function studiedTmpfs(size: string): string {
    const dir = mountTmpfs(size);
    mounted.push(dir);
    expect(cli(dir, 'config', 'set', 'new-per-day', '5').code).toBe(0);
    return dir;
  }

  it('read-only: every reader answers with exit 0 and writes nothing; a writer says why in one line', () => {
    const home = studiedTmpfs('1m');
    remountReadOnly(home);
    const before = files(home);
    for (const args of READERS) {
      const r = cli(home, ...args);
      expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(0);
      expect(r.err, args.join(' ')).not.toMatch(/at .*\.js:\d+/);
    }
    expect(files(home)).toEqual(before);
    const set = cli(home, 'config', 'set', 'new-per-day', '6');
    expect(set.code).toBe(1);
    expect(set.err.trim().split('\n')).toHaveLength(1);
    expect(set.err).toMatch(/read-only/);
  });

  it('full: every reader answers with exit 0 and leaves no temporary files', () => {
    const home = studiedTmpfs('96k');
    // Fill what is left.
    try {
      writeFileSync(join(home, 'filler'), Buffer.alloc(200 * 1024));
    } catch {}
    for (const args of READERS) {
      const r = cli(home, ...args);
      expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(0);
    }
    expect(files(home).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const set = cli(home, 'config', 'set', 'new-per-day', '6');
    expect(set.code).toBe(1);
    expect(set.err).toMatch(/the disk is full \(ENOSPC\)/);
  });
});
