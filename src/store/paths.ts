// Where data lives: --data-dir, then HYPERRECALL_HOME, then the platform default
// ($XDG_DATA_HOME/hyperrecall on Linux).
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import envPaths from 'env-paths';

export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  if (flag) return resolve(flag);
  if (env.HYPERRECALL_HOME) return resolve(env.HYPERRECALL_HOME);
  if (env.XDG_DATA_HOME) return resolve(env.XDG_DATA_HOME, 'hyperrecall');
  return envPaths('hyperrecall', { suffix: '' }).data;
}

/**
 * Each machine writes only its own log, cache and lock, so a data directory synced between
 * machines never has two writers on one file. The host name identifies the machine.
 */
export function deviceId(env: NodeJS.ProcessEnv): string {
  const raw = env.HYPERRECALL_DEVICE || hostname() || 'local';
  // Never empty: `raw` is not, and each run of other characters becomes one dash.
  return raw
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .slice(0, 40);
}
