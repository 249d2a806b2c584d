// Conflict copies that file-sync tools leave when two machines changed one file:
//   Syncthing  reviews-laptop.sync-conflict-20261202-101010-ABC1234.jsonl
//   Dropbox    reviews-laptop (conflicted copy).jsonl
//              reviews-laptop (host's conflicted copy 2026-12-02).jsonl
//   Nextcloud  reviews-laptop (conflicted copy 2026-12-02 101010).jsonl
// Each device writes only its own files, so a copy means two machines write as one device.
// A copy of a log is read with the logs (records merged by id, so nothing counts twice);
// `doctor --fix` folds its records into this device's log and removes it. A copy of a cache,
// an exam file or a device file is ignored: doctor offers to remove it.
import { join } from 'node:path';
import { errnoCode } from './errors.js';
import type { Io } from './io.js';

const SYNCTHING = /^(.+)\.sync-conflict-\d{8}-\d{6}-[A-Za-z0-9]+(\.[A-Za-z0-9]+)?$/;
const DROPBOX = /^(.+?) \((?:[^()]*'s )?conflicted copy(?: [^()]*)?\)(\.[A-Za-z0-9]+)?$/;

/** The file a conflict copy is a copy of (`reviews-laptop.jsonl`), or null for any other name. */
export function conflictBase(name: string): string | null {
  const m = SYNCTHING.exec(name) ?? DROPBOX.exec(name);
  return m ? `${m[1]}${m[2] ?? ''}` : null;
}

export function isConflictCopy(name: string): boolean {
  return conflictBase(name) !== null;
}

function names(dir: string, io: Io): string[] {
  try {
    return io.readdirSync(dir);
  } catch (err) {
    if (errnoCode(err) === 'ENOENT' || errnoCode(err) === 'ENOTDIR') return [];
    throw err;
  }
}

/**
 * Conflict copies of anything but a review log: caches, exam files, device files, and what
 * `cache/` holds. Paths relative to the data directory.
 */
export function otherConflictCopies(dir: string, io: Io, isLog: (base: string) => boolean) {
  const top = names(dir, io).filter((n) => {
    const base = conflictBase(n);
    return base !== null && !isLog(base);
  });
  const cache = names(join(dir, 'cache'), io)
    .filter(isConflictCopy)
    .map((n) => join('cache', n));
  return [...top, ...cache].sort();
}
