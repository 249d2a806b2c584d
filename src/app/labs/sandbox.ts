// The fresh directory a lab runs in, and the environment its processes get: nothing of the
// learner's own environment but PATH, and every place a program may write (home, XDG
// dirs, temp) inside the sandbox, so nothing is left behind once it is removed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_URI } from '../../core/labs/argv-rules.js';

export function sandboxEnv(
  dir: string,
  path = process.env.PATH ?? '/usr/bin:/bin',
): NodeJS.ProcessEnv {
  return {
    PATH: path,
    LANG: 'C',
    LC_ALL: 'C',
    HOME: dir,
    TMPDIR: dir,
    XDG_CONFIG_HOME: join(dir, '.config'),
    XDG_CACHE_HOME: join(dir, '.cache'),
    XDG_DATA_HOME: join(dir, '.local', 'share'),
    XDG_STATE_HOME: join(dir, '.local', 'state'),
    XDG_RUNTIME_DIR: dir,
    LIBVIRT_DEFAULT_URI: TEST_URI,
  };
}

/** Runs `fn` in a new temp dir, removed afterwards whatever happens. */
export async function withSandbox<T>(
  fn: (dir: string) => Promise<T>,
  root: string = tmpdir(),
): Promise<T> {
  const dir = mkdtempSync(join(root, 'hyperrecall-lab-'));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
