// The last `status` answer, so a shell prompt that runs `hyperrecall status` on every
// command does not rebuild the collection each time. The answer depends only on the data
// files, the deck files and the study day, so a fingerprint of those says when it is stale.
// It is only a cache: writing it is best-effort, and on a read-only or full data directory
// it is skipped without a word and without leaving anything behind. Before the data
// directory exists it is kept in a spare folder (spare-cache-dir.ts), never by creating it.
import { join } from 'node:path';
import { writeFileDurably } from './durable-file.js';
import { errnoCode } from './errors.js';
import { type Io, quietly, realIo } from './io.js';
import { spareCacheDir } from './spare-cache-dir.js';

/** Bumped when the entry's meaning changes; an entry of another version is ignored. */
export const STATUS_CACHE_VERSION = 1;

export interface StatusCacheEntry {
  version: number;
  key: string;
  day: number;
  dayStartsAt: number;
  status: unknown;
}

/** The files progress is read from. */
const PROGRESS_FILES = /^(reviews-.*\.jsonl|state-.*\.json)$/;
/** The home screen also shows the exam a device paused (`exam-<device>.json`). */
const HOME_FILES = /^(reviews-.*\.jsonl|state-.*\.json|exam-.*\.json)$/;

/** Names, sizes and modification times of the files progress is read from. */
export function dataFingerprint(dataDir: string, io: Io = realIo, files = PROGRESS_FILES): string {
  let names: string[];
  try {
    names = io.readdirSync(dataDir).filter((n) => files.test(n));
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

/** The data directory's cache folder, or a spare one while the data directory is missing. */
function cacheDir(dataDir: string, io: Io, create = false): { dir: string; spare: boolean } | null {
  try {
    io.statSync(dataDir);
    return { dir: join(dataDir, 'cache'), spare: false };
  } catch {
    const dir = spareCacheDir(dataDir, create);
    return dir === null ? null : { dir, spare: true };
  }
}

/** Where an entry is (or would be) kept; null when there is nowhere to keep it. */
export function cacheFile(
  dataDir: string,
  device: string,
  kind: 'status' | 'home' = 'status',
  io: Io = realIo,
  create = false,
): string | null {
  const at = cacheDir(dataDir, io, create);
  return at && join(at.dir, `${kind}-${device}.json`);
}

export function readStatusCache(
  dataDir: string,
  device: string,
  io: Io = realIo,
): StatusCacheEntry | null {
  const e = readCacheEntry(cacheFile(dataDir, device, 'status', io), io);
  return e && typeof e.day === 'number' && e.status !== undefined
    ? (e as unknown as StatusCacheEntry)
    : null;
}

/** An entry of this version with a key and the hour its study days start, or null. */
function readCacheEntry(file: string | null, io: Io): Record<string, unknown> | null {
  if (file === null) return null;
  try {
    const e = JSON.parse(io.readFileSync(file).toString('utf8')) as Record<string, unknown>;
    const ok =
      !!e &&
      e.version === STATUS_CACHE_VERSION &&
      typeof e.key === 'string' &&
      typeof e.dayStartsAt === 'number';
    return ok ? e : null;
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
  writeCacheEntry(dataDir, device, 'status', { ...entry, version: STATUS_CACHE_VERSION }, io);
}

/**
 * The home screen's first frame as the TUI drew it, so the next start can show it before
 * the UI has loaded. `key` holds everything the frames were drawn from besides the study
 * day (see cli/first-frame.ts); `frames` maps a study day to the text the UI writes on it,
 * escapes included (today's, and tomorrow's as drawn when the user quit).
 */
export interface HomeFrameEntry {
  version: number;
  key: string;
  dayStartsAt: number;
  frames: Record<string, string>;
}

/** The home frame depends on the paused exam too, not only on the progress files. */
export function homeDataFingerprint(dataDir: string, io: Io = realIo): string {
  return dataFingerprint(dataDir, io, HOME_FILES);
}

export function readHomeFrame(
  dataDir: string,
  device: string,
  io: Io = realIo,
): HomeFrameEntry | null {
  const e = readCacheEntry(cacheFile(dataDir, device, 'home', io), io);
  const frames = e?.frames;
  const ok =
    !!frames &&
    typeof frames === 'object' &&
    Object.values(frames).every((f) => typeof f === 'string');
  return ok ? (e as unknown as HomeFrameEntry) : null;
}

/** Best-effort, as `writeStatusCache`. */
export function writeHomeFrame(
  dataDir: string,
  device: string,
  entry: Omit<HomeFrameEntry, 'version'>,
  io: Io = realIo,
): void {
  writeCacheEntry(dataDir, device, 'home', { ...entry, version: STATUS_CACHE_VERSION }, io);
}

/**
 * Another instance holds this device's lock (store/lock.ts, `lockPath`): a start now is
 * about to be refused, so it must not look as if it had opened.
 */
export function storeInUse(dataDir: string, device: string, io: Io = realIo): boolean {
  try {
    io.statSync(join(dataDir, `lock-${device}`));
    return true;
  } catch {
    return false;
  }
}

function writeCacheEntry(
  dataDir: string,
  device: string,
  kind: 'status' | 'home',
  entry: object,
  io: Io,
): void {
  const at = cacheDir(dataDir, io, true);
  if (at === null) return;
  let madeDir = false;
  if (!at.spare)
    try {
      // Not recursive: the data directory is there; its cache folder may not be.
      io.mkdirSync(at.dir);
      madeDir = true;
    } catch (err) {
      if (errnoCode(err) !== 'EEXIST') return;
    }
  try {
    writeFileDurably(join(at.dir, `${kind}-${device}.json`), JSON.stringify(entry), io, false);
  } catch {
    if (madeDir) quietly(() => io.rmdirSync(at.dir));
  }
}
