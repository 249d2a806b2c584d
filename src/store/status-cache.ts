// The last `status` answer, so a shell prompt that runs `hyperrecall status` on every
// command does not rebuild the collection each time. The answer depends only on the data
// files, the deck files and the study day, so a fingerprint of those says when it is stale.
// It is only a cache: writing it is best-effort, and on a read-only or full data directory
// it is skipped without a word and without leaving anything behind.
import { join } from 'node:path';
import { writeFileDurably } from './durable-file.js';
import { errnoCode } from './errors.js';
import { type Io, quietly, realIo } from './io.js';

/** Bumped when the entry's meaning changes; an entry of another version is ignored. */
export const STATUS_CACHE_VERSION = 1;

export interface StatusCacheEntry {
  version: number;
  key: string;
  day: number;
  dayStartsAt: number;
  status: unknown;
}

/** Names, sizes and modification times of the files progress is read from. */
export function dataFingerprint(dataDir: string, io: Io = realIo): string {
  let names: string[];
  try {
    names = io.readdirSync(dataDir).filter((n) => /^(reviews-.*\.jsonl|state-.*\.json)$/.test(n));
  } catch {
    return 'none';
  }
  return names
    .sort()
    .map((n) => {
      try {
        const st = io.statSync(join(dataDir, n));
        return `${n}:${st.size}:${st.mtimeMs}:${st.ino}`;
      } catch {
        return n;
      }
    })
    .join('|');
}

function cacheDir(dataDir: string): string {
  return join(dataDir, 'cache');
}

function cacheFile(dataDir: string, device: string): string {
  return join(cacheDir(dataDir), `status-${device}.json`);
}

export function readStatusCache(
  dataDir: string,
  device: string,
  io: Io = realIo,
): StatusCacheEntry | null {
  try {
    const e = JSON.parse(io.readFileSync(cacheFile(dataDir, device)).toString('utf8')) as Record<
      string,
      unknown
    >;
    const ok =
      !!e &&
      e.version === STATUS_CACHE_VERSION &&
      typeof e.key === 'string' &&
      typeof e.day === 'number' &&
      typeof e.dayStartsAt === 'number' &&
      e.status !== undefined;
    return ok ? (e as unknown as StatusCacheEntry) : null;
  } catch {
    return null;
  }
}

/** Best-effort: never throws, and leaves nothing behind when it cannot write. */
export function writeStatusCache(
  dataDir: string,
  device: string,
  entry: Omit<StatusCacheEntry, 'version'>,
  io: Io = realIo,
): void {
  let madeDir = false;
  try {
    // Not recursive: with no data directory yet, a read-only command creates nothing.
    io.mkdirSync(cacheDir(dataDir));
    madeDir = true;
  } catch (err) {
    if (errnoCode(err) !== 'EEXIST') return;
  }
  try {
    const text = JSON.stringify({ ...entry, version: STATUS_CACHE_VERSION });
    writeFileDurably(cacheFile(dataDir, device), text, io, false);
  } catch {
    if (madeDir) quietly(() => io.rmdirSync(cacheDir(dataDir)));
  }
}
