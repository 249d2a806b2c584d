import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CompileCacheApi, enableCompileCache } from '../../../src/cli/compile-cache.js';

const uid = process.getuid?.() ?? 0;
let savedTmp: string | undefined;
let temp: string;

beforeEach(() => {
  savedTmp = process.env.TMPDIR;
  temp = mkdtempSync(join(tmpdir(), 'hr-v8-'));
  process.env.TMPDIR = temp;
});
afterEach(() => {
  process.env.TMPDIR = savedTmp;
});

/** Stands in for Node's `module`, recording the folder it was given. */
function fakeNode(status = 1) {
  const dirs: (string | undefined)[] = [];
  const api: CompileCacheApi = {
    enableCompileCache: (dir) => {
      dirs.push(dir);
      return { status, directory: dir };
    },
  };
  return { api, dirs };
}

describe.runIf(process.getuid !== undefined)('the compile cache', () => {
  it('on a Node without one, nothing happens and no folder is made', () => {
    expect(enableCompileCache({}, 'b1')).toBe('unavailable');
    expect(readdirSync(temp)).toEqual([]);
  });

  it("goes to the user's private folder, one per build", () => {
    const { api, dirs } = fakeNode();
    expect(enableCompileCache(api, '1112-1796196090227')).toBe('enabled');
    expect(enableCompileCache(api, '1113-1796196099999')).toBe('enabled');
    const root = join(temp, `hyperrecall-${uid}`);
    expect(dirs).toEqual([
      join(root, 'v8-1112-1796196090227'),
      join(root, 'v8-1113-1796196099999'),
    ]);
    expect(statSync(root).mode & 0o777).toBe(0o700);
  });

  it('is not turned on in a folder others can write to', () => {
    const { api, dirs } = fakeNode();
    enableCompileCache(api, 'b1');
    chmodSync(join(temp, `hyperrecall-${uid}`), 0o777);
    expect(enableCompileCache(api, 'b1')).toBe('no-folder');
    expect(dirs).toHaveLength(1);
  });

  it('a cache Node cannot open, or an error, is no error for the program', () => {
    expect(enableCompileCache(fakeNode(0).api, 'b1')).toBe('failed');
    const throwing: CompileCacheApi = {
      enableCompileCache: () => {
        throw new Error('EACCES');
      },
    };
    expect(enableCompileCache(throwing, 'b1')).toBe('failed');
  });

  // Needs Node 22.1 or later; this machine's Node 20 has no compile cache for ES modules.
  const real = (module as unknown as CompileCacheApi).enableCompileCache;
  it.runIf(typeof real === 'function')('the built CLI fills it and runs from it', () => {
    const cli = join(import.meta.dirname, '../../../dist/cli.js');
    const env = { ...process.env, HYPERRECALL_HOME: join(temp, 'data'), TMPDIR: temp };
    for (let i = 0; i < 2; i++)
      expect(spawnSync('node', [cli, '--version'], { env }).status).toBe(0);
    const root = join(temp, `hyperrecall-${uid}`);
    const [build] = readdirSync(root).filter((d) => d.startsWith('v8-'));
    expect(existsSync(join(root, build!))).toBe(true);
    expect(readdirSync(join(root, build!), { recursive: true }).length).toBeGreaterThan(0);
  });
});
