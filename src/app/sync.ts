// `hyperrecall sync`: commit this device's new records, take the other devices' (fetch and
// merge, never rebase: every device appends to its own log, so a merge never conflicts),
// push, and try again when another device pushed in between. The study lock is never held:
// the logs are read at line boundaries, so a session can keep answering while this runs.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { StoreLockedError } from '../store/errors.js';
import { GitError, git, gitEnv, NETWORK_TIMEOUT_MS } from '../store/git.js';
import { acquireLock, type Lock } from '../store/lock.js';
import { logDevice, logFileName } from '../store/review-log.js';
import {
  currentBranch,
  ensureIdentity,
  initRepo,
  isSyncRepo,
  markDone,
  markRunning,
  readMeta,
  recover,
  remoteUrl,
  revision,
  type SyncMeta,
  setRemote,
  waitForGit,
  writeGitignore,
  writeMeta,
} from '../store/sync-repo.js';
import { stageLogs } from '../store/sync-stage.js';
import { addedLines, EMPTY_TREE, total } from './sync-counts.js';
import { mergeRemote } from './sync-merge.js';

export interface SyncOptions {
  dataDir: string;
  device: string;
  env: NodeJS.ProcessEnv;
  now: () => number;
  /** Run by the TUI on start or quit: shorter network time-out, never a prompt. */
  auto?: boolean;
}

export interface SyncReport {
  /** Records this device committed in this sync. */
  committed: number;
  /** Records the remote received from here. */
  sent: number;
  /** Records merged in from other devices, and which devices they came from. */
  received: number;
  from: string[];
  /** What recovery or staging had to say, one line each. */
  notices: string[];
}

const PUSH_ATTEMPTS = 5;
const AUTO_TIMEOUT_MS = 20_000;

export function notInitialised(dir: string): GitError {
  return new GitError(
    'not-initialised',
    'this data directory does not sync yet: run hyperrecall sync --init REMOTE',
    dir,
  );
}

/** Makes the data directory a repository that syncs with `remote`, then syncs. */
export async function initSync(
  opts: SyncOptions,
  remote: string,
  cwd: string,
): Promise<SyncReport> {
  const dir = opts.dataDir;
  mkdirSync(dir, { recursive: true });
  const env = gitEnv(opts.env, opts.auto === true);
  await initRepo(dir, env);
  writeGitignore(dir);
  await setRemote(dir, remoteUrl(remote, cwd), env);
  await ensureIdentity(dir, opts.device, env);
  const branch = await currentBranch(dir, env);
  await git(dir, ['config', `branch.${branch}.remote`, 'origin'], { env });
  await git(dir, ['config', `branch.${branch}.merge`, `refs/heads/${branch}`], { env });
  const meta: SyncMeta = { branch, lastSync: readMeta(dir)?.lastSync ?? null };
  writeMeta(dir, meta);
  return syncNow(opts, true);
}

/** One sync. Throws GitError with a one-line message; whatever happens, nothing is lost. */
export async function syncNow(opts: SyncOptions, allowUnrelated = false): Promise<SyncReport> {
  const dir = opts.dataDir;
  if (!isSyncRepo(dir)) throw notInitialised(dir);
  const env = gitEnv(opts.env, opts.auto === true);
  const lock = takeSyncLock(dir);
  const meta = readMeta(dir) ?? { branch: 'main', lastSync: null };
  const report: SyncReport = { committed: 0, sent: 0, received: 0, from: [], notices: [] };
  try {
    const interrupted = markRunning(dir);
    const busy = await waitForGit(dir, 10_000);
    if (busy.length > 0)
      throw new GitError(
        'failed',
        `git (pid ${busy.join(', ')}) is still working in ${dir}; run sync again when it has finished`,
        dir,
      );
    report.notices.push(...(await recover(dir, opts.device, interrupted, env)));
    writeGitignore(dir);
    report.committed = await commitLocal(dir, opts.device, env, report.notices);
    await exchange(dir, meta.branch, opts, env, allowUnrelated, report);
    markDone(dir);
    writeMeta(dir, {
      ...meta,
      lastSync: { at: opts.now(), ok: true, ...counts(report), message: '' },
    });
    return report;
  } catch (err) {
    // A sync that failed cleanly is finished: only a killed one leaves the mark for recovery.
    markDone(dir);
    const message = err instanceof Error ? err.message : String(err);
    writeMeta(dir, {
      ...meta,
      lastSync: { at: opts.now(), ok: false, ...counts(report), message },
    });
    throw err;
  } finally {
    lock.release();
  }
}

function counts(r: SyncReport): { sent: number; received: number } {
  return { sent: r.sent, received: r.received };
}

function takeSyncLock(dir: string): Lock {
  try {
    return acquireLock(join(dir, '.git'), 'hyperrecall-sync');
  } catch (err) {
    if (err instanceof StoreLockedError)
      throw new GitError(
        'failed',
        `another sync is running in ${dir}${err.owner ? ` (pid ${err.owner.pid})` : ''}; let it finish`,
        dir,
      );
    throw err;
  }
}

/** Commits every log's new complete lines, the user's decks and .gitignore; the record count. */
async function commitLocal(
  dir: string,
  device: string,
  env: NodeJS.ProcessEnv,
  notices: string[],
): Promise<number> {
  const staged = await stageLogs(dir, logFileName(device), env);
  notices.push(...staged.refused);
  // -A: a deck deleted here is deleted for every device, as a deck added here is added.
  const paths = ['.gitignore'];
  if (existsSync(join(dir, 'decks'))) paths.push('decks');
  else if ((await git(dir, ['ls-files', '--', 'decks'], { env })).stdout.trim() !== '')
    paths.push('decks');
  await git(dir, ['add', '-A', '--', ...paths], { env });
  const diff = await git(dir, ['diff', '--cached', '--quiet'], { env, okCodes: [1] });
  if (diff.code === 0) return 0;
  const n = total(await addedLines(dir, ['--cached'], env));
  await git(
    dir,
    [
      '-c',
      'commit.gpgsign=false',
      'commit',
      '-q',
      '--no-verify',
      '-m',
      `${device}: ${n} record${n === 1 ? '' : 's'}`,
    ],
    { env },
  );
  return n;
}

/** Fetch, merge, push; again when the push lost a race with another device. */
async function exchange(
  dir: string,
  branch: string,
  opts: SyncOptions,
  env: NodeJS.ProcessEnv,
  allowUnrelated: boolean,
  report: SyncReport,
): Promise<void> {
  const timeoutMs = opts.auto ? AUTO_TIMEOUT_MS : NETWORK_TIMEOUT_MS;
  const remoteRef = `refs/remotes/origin/${branch}`;
  const from = new Set<string>();
  for (let attempt = 1; ; attempt++) {
    await git(dir, ['fetch', '--quiet', '--no-tags', 'origin'], { env, timeoutMs });
    const got = await mergeRemote(dir, remoteRef, opts.device, allowUnrelated, env);
    for (const [name, n] of got) {
      report.received += n;
      if (n > 0) from.add(logDevice(name));
    }
    const before = await revision(dir, remoteRef, env);
    const head = await revision(dir, 'HEAD', env);
    if (head === null || head === before) break;
    try {
      await git(dir, ['push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`], {
        env,
        timeoutMs,
      });
    } catch (err) {
      if (err instanceof GitError && err.kind === 'non-fast-forward' && attempt < PUSH_ATTEMPTS)
        continue;
      throw err;
    }
    report.sent = total(await addedLines(dir, [before ?? EMPTY_TREE, 'HEAD'], env));
    break;
  }
  report.from = [...from].sort();
}
