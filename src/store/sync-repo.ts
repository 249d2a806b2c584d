// The data directory as a git repository: what is tracked, where sync keeps its own notes
// (inside .git, so they are never synced), and putting a repository right after a sync was
// killed (a stale index.lock, an interrupted merge, a checkout cut short).
import {
  existsSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { git } from './git.js';
import { logFileName } from './review-log.js';
import { isFormerOwnLog, logsIn } from './sync-stage.js';

/** Only what every device shares is tracked: the review logs and the user's decks. */
export const GITIGNORE = `# hyperrecall sync: only what every device shares is tracked.
# Caches, locks, exam state and set-aside files stay on their device.
/*
!/.gitignore
!/reviews-*.jsonl
!/decks/
/reviews-*.sync-conflict-*
/reviews-*conflicted copy*
*.tmp
*.swp
*~
`;

export interface SyncMeta {
  branch: string;
  lastSync: {
    at: number;
    ok: boolean;
    sent: number;
    received: number;
    message: string;
  } | null;
}

const metaFile = (dir: string) => join(dir, '.git', 'hyperrecall-sync.json');
const runningFile = (dir: string) => join(dir, '.git', 'hyperrecall-sync-running');

export function isSyncRepo(dir: string): boolean {
  return existsSync(metaFile(dir));
}

export function readMeta(dir: string): SyncMeta | null {
  try {
    const m = JSON.parse(readFileSync(metaFile(dir), 'utf8')) as SyncMeta;
    return typeof m.branch === 'string' ? m : null;
  } catch {
    return null;
  }
}

export function writeMeta(dir: string, meta: SyncMeta): void {
  const tmp = `${metaFile(dir)}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(meta, null, 2)}\n`);
  renameSync(tmp, metaFile(dir));
}

/** Marks a sync as under way; true when the last one never finished (it was killed). */
export function markRunning(dir: string): boolean {
  const was = existsSync(runningFile(dir));
  writeFileSync(runningFile(dir), `${process.pid}\n`);
  return was;
}

export function markDone(dir: string): void {
  rmSync(runningFile(dir), { force: true });
}

/** Pids of git processes working in `dir` (Linux /proc; elsewhere none are seen). */
function gitProcessesIn(dir: string): number[] {
  let real: string;
  let pids: string[];
  try {
    real = realpathSync(dir);
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return [];
  }
  const found: number[] = [];
  for (const p of pids) {
    try {
      if (!readFileSync(`/proc/${p}/comm`, 'utf8').startsWith('git')) continue;
      const cwd = readlinkSync(`/proc/${p}/cwd`);
      if (cwd === real || cwd.startsWith(`${real}/`)) found.push(Number(p));
    } catch {}
  }
  return found;
}

/** Waits (polling) until no git process works in `dir`; the pids still running after `ms`. */
export async function waitForGit(dir: string, ms: number): Promise<number[]> {
  const until = Date.now() + ms;
  for (;;) {
    const pids = gitProcessesIn(dir);
    if (pids.length === 0 || Date.now() >= until) return pids;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Lock files a killed git leaves behind: safe to remove once no git runs here. */
function staleLocks(gitDir: string): string[] {
  const out: string[] = [];
  for (const n of ['index.lock', 'HEAD.lock', 'ORIG_HEAD.lock', 'config.lock', 'packed-refs.lock'])
    if (existsSync(join(gitDir, n))) out.push(join(gitDir, n));
  const walk = (d: string): void => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(d, n);
      if (n.endsWith('.lock')) out.push(p);
      else if (statSync(p).isDirectory()) walk(p);
    }
  };
  walk(join(gitDir, 'refs'));
  return out;
}

/**
 * After a sync was killed: git's stale locks go, an interrupted merge is undone (the next
 * merge redoes it), and other devices' logs that only git writes are put back as committed
 * (a checkout cut short can leave them half written). This device's log is never touched.
 * Returns what was done, one line each.
 */
export async function recover(
  dir: string,
  device: string,
  interrupted: boolean,
  env: NodeJS.ProcessEnv,
): Promise<string[]> {
  const done: string[] = [];
  const gitDir = join(dir, '.git');
  const locks = staleLocks(gitDir);
  for (const f of locks) rmSync(f, { force: true });
  if (locks.length > 0) done.push(`removed ${locks.length} stale git lock file(s)`);
  if (existsSync(join(gitDir, 'MERGE_HEAD'))) {
    const r = await git(dir, ['merge', '--abort'], { env, okCodes: [128, 1] });
    if (r.code !== 0) await git(dir, ['reset', '--merge'], { env });
    done.push('an interrupted merge was undone; it is done again now');
  }
  if (!interrupted) return done;
  const own = logFileName(device);
  const head = await logsIn(dir, 'HEAD', env);
  const others: string[] = [];
  // A log this device had under a former name stays gone: its records are in the own log.
  for (const [name, entry] of head)
    if (name !== own && !(await isFormerOwnLog(dir, entry, own))) others.push(name);
  if (others.length === 0) return done;
  const changed = await git(dir, ['diff', '--name-only', '-z', 'HEAD', '--', ...others], { env });
  const names = changed.stdout.split('\0').filter(Boolean);
  if (names.length > 0) {
    await git(dir, ['checkout', 'HEAD', '--', ...names], { env });
    done.push(`${names.length} log(s) of other devices put back as last merged`);
  }
  return done;
}

/** `git init` with branch `main` unless the directory already is a repository. */
export async function initRepo(dir: string, env: NodeJS.ProcessEnv): Promise<void> {
  if (existsSync(join(dir, '.git'))) return;
  await git(dir, ['init', '-q'], { env });
  await git(dir, ['symbolic-ref', 'HEAD', 'refs/heads/main'], { env });
}

export function writeGitignore(dir: string): void {
  const file = join(dir, '.gitignore');
  try {
    if (readFileSync(file, 'utf8') === GITIGNORE) return;
  } catch {}
  writeFileSync(file, GITIGNORE);
}

/** A path as git should see it from the data directory: local paths made absolute. */
export function remoteUrl(remote: string, cwd: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(remote)) return remote;
  if (/^[^/]*:/.test(remote) && !existsSync(remote)) return remote; // user@host:path
  return join(remote.startsWith('/') ? '' : cwd, remote);
}

export async function setRemote(dir: string, url: string, env: NodeJS.ProcessEnv): Promise<void> {
  const r = await git(dir, ['remote', 'get-url', 'origin'], { env, okCodes: [2, 128] });
  if (r.code === 0) await git(dir, ['remote', 'set-url', 'origin', url], { env });
  else await git(dir, ['remote', 'add', 'origin', url], { env });
}

/** Commits need a name: the user's own, or one naming the device when git has none. */
export async function ensureIdentity(
  dir: string,
  device: string,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const r = await git(dir, ['config', '--get', 'user.email'], { env, okCodes: [1] });
  if (r.code === 0 || env.GIT_AUTHOR_EMAIL) return;
  await git(dir, ['config', 'user.name', `hyperrecall on ${device}`], { env });
  await git(dir, ['config', 'user.email', `${device}@hyperrecall.invalid`], { env });
}

export async function currentBranch(dir: string, env: NodeJS.ProcessEnv): Promise<string> {
  const r = await git(dir, ['symbolic-ref', '--short', 'HEAD'], { env, okCodes: [128] });
  return r.code === 0 ? r.stdout.trim() : 'main';
}

/** The commit a ref names, or null when it does not exist (an unborn branch). */
export async function revision(
  dir: string,
  ref: string,
  env: NodeJS.ProcessEnv,
): Promise<string | null> {
  const r = await git(dir, ['rev-parse', '--verify', '-q', `${ref}^{commit}`], {
    env,
    okCodes: [1, 128],
  });
  return r.code === 0 ? r.stdout.trim() : null;
}
