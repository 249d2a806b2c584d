// The last `status` answer, so a shell prompt that runs `hyperrecall status` on every
// command does not rebuild the collection each time. The answer depends only on the data
// files, the deck files and the study day, so a fingerprint of those says when it is stale.
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileDurably } from './durable-file.js';

export interface StatusCacheEntry {
  key: string;
  day: number;
  dayStartsAt: number;
  status: unknown;
}

/** Names, sizes and modification times of the files progress is read from. */
export function dataFingerprint(dataDir: string): string {
  let names: string[];
  try {
    names = readdirSync(dataDir).filter((n) => /^(reviews-.*\.jsonl|state-.*\.json)$/.test(n));
  } catch {
    return 'none';
  }
  return names
    .sort()
    .map((n) => {
      const st = statSync(join(dataDir, n), { throwIfNoEntry: false });
      return st ? `${n}:${st.size}:${st.mtimeMs}:${st.ino}` : n;
    })
    .join('|');
}

function cacheFile(dataDir: string, device: string): string {
  return join(dataDir, 'cache', `status-${device}.json`);
}

export function readStatusCache(dataDir: string, device: string): StatusCacheEntry | null {
  try {
    const e = JSON.parse(readFileSync(cacheFile(dataDir, device), 'utf8')) as StatusCacheEntry;
    return typeof e.key === 'string' && typeof e.day === 'number' ? e : null;
  } catch {
    return null;
  }
}

export function writeStatusCache(dataDir: string, device: string, entry: StatusCacheEntry): void {
  try {
    statSync(dataDir);
  } catch {
    // No data directory yet: a read-only command creates nothing.
    return;
  }
  mkdirSync(join(dataDir, 'cache'), { recursive: true });
  writeFileDurably(cacheFile(dataDir, device), JSON.stringify(entry));
}
