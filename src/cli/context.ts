// Everything a command needs from the environment, resolved once.
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { oneLine } from '../core/sanitize.js';
import { resolveDevice } from '../store/device.js';
import { resolveDataDir } from '../store/paths.js';

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
  /** The shipped decks' folder (null when HYPERRECALL_BUILTIN_DECKS is empty): never written. */
  shippedDeckDir: string | null;
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

const NOW_EXAMPLE = 'example: 2026-03-01T09:00:00Z or 2026-03-01T10:00:00+01:00';
const MONTHS =
  'January February March April May June July August September October November December'.split(
    ' ',
  );
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/**
 * An ISO-8601 instant with a time zone, as epoch ms, or why it is not one. Stricter than
 * `Date.parse`, which rolls 2026-02-30 over to March 2 and reads a time without a zone as
 * local time: a clock set for a demo or a test must mean the same on every machine.
 */
export function parseInstant(text: string): number | string {
  const m = INSTANT.exec(text);
  if (!m) {
    if (/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(text))
      return 'has no time zone, so it would mean a different instant on each machine; add Z or an offset such as +01:00';
    return 'is not an ISO-8601 instant (YYYY-MM-DDTHH:MM[:SS[.sss]] with Z or ±HH:MM)';
  }
  const num = (i: number): number => Number(m[i] ?? 0);
  const year = num(1);
  const month = num(2);
  const day = num(3);
  const hour = num(4);
  const minute = num(5);
  const second = num(6);
  const sign = m[9];
  const [offH, offM] = [num(10), num(11)];
  if (year < 1970) return 'is before 1970, where the clock starts';
  if (month < 1 || month > 12) return `has month ${m[2]}; months run 01-12`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days)
    return `has day ${m[3]}, but ${MONTHS[month - 1]} ${year} has days 01-${days}`;
  if (hour > 23) return `has hour ${m[4]}; hours run 00-23`;
  if (minute > 59) return `has minute ${m[5]}; minutes run 00-59`;
  if (second > 59) return `has second ${m[6]}; seconds run 00-59`;
  if (offH > 23 || offM > 59) return `has the impossible offset ${sign}${m[10]}:${m[11]}`;
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const offset = sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (offH * 60 + offM);
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000;
}

/**
 * HYPERRECALL_NOW starts the clock at a given instant; it then runs at normal speed, so
 * answer times and learning steps still behave as in real use.
 */
export function makeClock(env: NodeJS.ProcessEnv): () => number {
  const fixed = env.HYPERRECALL_NOW;
  if (!fixed) return () => Date.now();
  const at = parseInstant(fixed);
  if (typeof at === 'string')
    throw new UsageError(`HYPERRECALL_NOW='${oneLine(fixed)}' ${at} (${NOW_EXAMPLE})`);
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
    device: resolveDevice(dataDir, env).name,
    deckDirs: [...new Set(deckDirs)],
    shippedDeckDir: builtIn ? resolve(builtIn) : null,
    now: makeClock(env),
    color: opts.color !== false && !env.NO_COLOR,
    env,
    version: packageVersion(root),
  };
}
