// `sync --status`: what this data directory holds per device, and how it stands against the
// remote as of the last fetch (no network: it answers at once, offline too).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { git, hideSecrets } from '../store/git.js';
import { tallyLog } from '../store/log-tally.js';
import { LOG_RE, listLogFiles, logDevice } from '../store/review-log.js';
import { isSyncRepo, readMeta, type SyncMeta } from '../store/sync-repo.js';
import { lineCounts, logsIn } from '../store/sync-stage.js';
import { notInitialised, type SyncOptions } from './sync.js';

export interface DeviceTally {
  device: string;
  file: string;
  /** Records in this data directory. */
  records: number;
  /** Records the remote had at the last fetch. */
  remote: number;
  lastRecordAt: string | null;
}

export interface SyncStatus {
  device: string;
  remote: string;
  branch: string;
  lastSync: (Omit<NonNullable<SyncMeta['lastSync']>, 'at'> & { at: string }) | null;
  lastFetch: string | null;
  devices: DeviceTally[];
  /** Records here that the remote lacks, and records there that are not merged here. */
  ahead: number;
  behind: number;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export async function syncStatus(opts: SyncOptions): Promise<SyncStatus> {
  const dir = opts.dataDir;
  const meta = readMeta(dir);
  if (!meta || !isSyncRepo(dir)) throw notInitialised(dir);
  const env = opts.env;
  const url = await git(dir, ['remote', 'get-url', 'origin'], { env, okCodes: [2, 128] });
  const remoteRef = `refs/remotes/origin/${meta.branch}`;
  const there = await logsIn(dir, remoteRef, env);
  const here = listLogFiles(dir).filter((n) => LOG_RE.test(n));
  const names = [...new Set([...here, ...there.keys()])].sort();
  const remoteCounts = await lineCounts(
    dir,
    names.map((n) => (there.has(n) ? `${remoteRef}:${n}` : '')),
    env,
  );
  const devices: DeviceTally[] = [];
  let ahead = 0;
  let behind = 0;
  for (const [i, file] of names.entries()) {
    const here = await tallyLog(join(dir, file));
    const remote = remoteCounts[i] ?? 0;
    ahead += Math.max(0, here.records - remote);
    behind += Math.max(0, remote - here.records);
    devices.push({
      device: logDevice(file),
      file,
      records: here.records,
      remote,
      lastRecordAt: iso(here.lastAt),
    });
  }
  return {
    device: opts.device,
    remote: url.code === 0 ? hideSecrets(url.stdout.trim()) : '',
    branch: meta.branch,
    lastSync: meta.lastSync ? { ...meta.lastSync, at: iso(meta.lastSync.at) ?? '' } : null,
    lastFetch: iso(mtime(join(dir, '.git', 'FETCH_HEAD'))),
    devices,
    ahead,
    behind,
  };
}

function mtime(file: string): number | null {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
}
