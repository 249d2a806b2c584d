// Real small file systems for the tests that fill a disk or make it read-only. Mounting
// needs root (or a user namespace); where it is not permitted the tests say so and skip.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface MountProbe {
  ok: boolean;
  /** Why mounting is not possible here, for the skipped test's name. */
  reason: string;
}

let probed: MountProbe | null = null;

function run(cmd: string, args: string[]): { ok: boolean; err: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  const err = r.error ? r.error.message : (r.stderr || '').trim();
  return { ok: r.status === 0, err };
}

/** Whether this process may mount a tmpfs; probed once (mount a 64k tmpfs, unmount it). */
export function canMount(): MountProbe {
  if (probed) return probed;
  if (process.platform !== 'linux') {
    probed = { ok: false, reason: `mount -t tmpfs needs Linux, this is ${process.platform}` };
    return probed;
  }
  const dir = mkdtempSync(join(tmpdir(), 'hr-mount-probe-'));
  const m = run('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]);
  if (m.ok) run('umount', [dir]);
  rmdirSync(dir);
  probed = m.ok
    ? { ok: true, reason: '' }
    : { ok: false, reason: `mount is not permitted here (${m.err || 'no reason given'})` };
  return probed;
}

/** A fresh directory with a tmpfs of `size` (e.g. '64k') mounted on it. */
export function mountTmpfs(size: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'hr-tmpfs-'));
  const m = run('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  if (!m.ok) throw new Error(`mount tmpfs on ${dir} failed: ${m.err}`);
  return dir;
}

export function remountReadOnly(dir: string): void {
  const m = run('mount', ['-o', 'remount,ro', dir]);
  if (!m.ok) throw new Error(`remount,ro ${dir} failed: ${m.err}`);
}

/** Unmounts (lazily if busy) and removes the mount point; never throws. */
export function unmount(dir: string): void {
  if (!run('umount', [dir]).ok) run('umount', ['-l', dir]);
  try {
    rmdirSync(dir);
  } catch {
    // Still mounted or already gone: the test temp folder is removed at the end anyway.
  }
}
