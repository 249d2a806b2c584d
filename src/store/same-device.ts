// Two machines writing as one device: the one thing the per-device files cannot survive
// unnoticed. It shows as a conflict copy of a log (a sync tool saw two writers on one file)
// or as one record id with two contents. Both are reported, with the way out.
import { deviceOfId } from '../core/setting-records.js';
import { conflictBase } from './conflict-copies.js';
import type { Io } from './io.js';
import { listLogFiles, logDevice } from './review-log.js';

const FIX = 'run `hyperrecall config set device NEW` on one of them';

/** The review logs' conflict copies in the data directory. */
export function conflictLogs(dir: string, io: Io): string[] {
  try {
    return listLogFiles(dir, io).filter((n) => conflictBase(n) !== null);
  } catch {
    return [];
  }
}

export function sameDeviceNotices(dir: string, io: Io, clashes: readonly string[]): string[] {
  const out: string[] = [];
  for (const copy of conflictLogs(dir, io))
    out.push(
      `${copy} is a sync tool's conflict copy: two machines write as device ${logDevice(copy)}; ${FIX}. \`hyperrecall doctor --fix\` folds its records in and removes it.`,
    );
  return [...out, ...clashNotices(clashes)];
}

/** One line per device whose record ids hold two different records. */
export function clashNotices(clashes: readonly string[]): string[] {
  const out: string[] = [];
  const devices = [...new Set(clashes.map(deviceOfId))].sort();
  for (const d of devices) {
    const ids = clashes.filter((id) => deviceOfId(id) === d);
    out.push(
      `two machines write as device ${d}: ${ids.length} record id(s) hold different records (${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ', …' : ''}); ${FIX}.`,
    );
  }
  return out;
}
