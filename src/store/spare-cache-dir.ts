// Where a read-only command keeps its cache while the data directory does not exist yet.
// `status` must not create the data directory (a reader writes nothing to the user's data),
// yet without a cache a shell prompt pays for parsing every deck on every command: 1.4 s
// for a 5,000-card deck of one's own. So the cache goes to a folder of this user's in the
// system's temporary directory, one per data directory. It is only a cache: a folder that
// is not a directory of this user's, closed to others, is not used, and nothing is read
// from it or written to it.
import { lstatSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** FNV-1a of the path: a folder name per data directory, without loading node:crypto. */
function pathHash(path: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 16777619);
  return `${(h >>> 0).toString(36)}-${path.length.toString(36)}`;
}

/** A folder only this user can write to: not a link, owned by us, no access for others. */
function isPrivateDir(path: string, uid: number): boolean {
  try {
    const st = lstatSync(path);
    return st.isDirectory() && st.uid === uid && (st.mode & 0o077) === 0;
  } catch {
    return false;
  }
}

/** This user's private folder in the temporary directory, or null when it cannot be trusted. */
export function privateCacheRoot(create: boolean): string | null {
  const uid = process.getuid?.();
  if (uid === undefined) return null;
  const root = join(tmpdir(), `hyperrecall-${uid}`);
  return privateDir(root, uid, create) ? root : null;
}

function privateDir(path: string, uid: number, create: boolean): boolean {
  if (create)
    try {
      mkdirSync(path, { mode: 0o700 });
    } catch {
      // There already, or not possible: the check decides.
    }
  return isPrivateDir(path, uid);
}

/**
 * The cache folder for `dataDir` while it does not exist, or null when there is none this
 * user can trust (or, with `create`, make). Not on systems without user ids.
 */
export function spareCacheDir(dataDir: string, create: boolean): string | null {
  const root = privateCacheRoot(create);
  if (root === null) return null;
  const dir = join(root, pathHash(dataDir));
  return privateDir(dir, process.getuid?.() ?? -1, create) ? dir : null;
}
