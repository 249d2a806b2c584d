// Everything a command needs from the environment, resolved once.
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deviceId, resolveDataDir } from '../store/paths.js';

export interface GlobalOptions {
  dataDir?: string;
  decks?: string[];
  color?: boolean;
}

export interface Context {
  /** The installed package: shipped decks and the build's deck cache live here. */
  root: string;
  dataDir: string;
  device: string;
  deckDirs: string[];
  now: () => number;
  color: boolean;
  env: NodeJS.ProcessEnv;
  version: string;
}

export class UsageError extends Error {}

/** The package root: the folder above the bundle (dist/) or above src/cli/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'decks'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

export function packageVersion(root: string): string {
  try {
    return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return '0.0.0';
  }
}

/**
 * HYPERRECALL_NOW starts the clock at a given instant; it then runs at normal speed, so
 * answer times and learning steps still behave as in real use.
 */
export function makeClock(env: NodeJS.ProcessEnv): () => number {
  const fixed = env.HYPERRECALL_NOW;
  if (!fixed) return () => Date.now();
  const at = Date.parse(fixed);
  if (Number.isNaN(at))
    throw new UsageError(
      `HYPERRECALL_NOW is not an ISO-8601 instant: '${fixed}' (example: 2026-03-01T09:00:00Z)`,
    );
  const started = performance.now();
  return () => at + Math.round(performance.now() - started);
}

export function makeContext(opts: GlobalOptions, env: NodeJS.ProcessEnv): Context {
  const root = packageRoot();
  const dataDir = resolveDataDir(opts.dataDir, env);
  const builtIn = env.HYPERRECALL_BUILTIN_DECKS ?? join(root, 'decks');
  const extra = [
    ...(opts.decks ?? []),
    ...(env.HYPERRECALL_DECKS ? env.HYPERRECALL_DECKS.split(delimiter).filter(Boolean) : []),
  ].map((d) => resolve(d));
  const deckDirs = [...(builtIn ? [resolve(builtIn)] : []), ...extra, join(dataDir, 'decks')];
  return {
    root,
    dataDir,
    device: deviceId(env),
    deckDirs: [...new Set(deckDirs)],
    now: makeClock(env),
    color: opts.color !== false && !env.NO_COLOR,
    env,
    version: packageVersion(root),
  };
}
