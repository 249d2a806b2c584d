// Merging the other devices' records. Each device appends only to its own log, so a merge
// cannot conflict by construction; when one does anyway (two machines that call themselves
// the same, or a deck edited on two machines), the merge is undone, the user is told which
// file and why, and nothing is lost: the local commit stays, the remote is untouched.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { oneLine } from '../core/sanitize.js';
import { firstErrorLine, GitError, git } from '../store/git.js';
import { LOG_RE, logDevice } from '../store/review-log.js';
import { revision } from '../store/sync-repo.js';
import { addedLines, EMPTY_TREE } from './sync-counts.js';

/** Merges `remoteRef` into HEAD; the lines each log gained. */
export async function mergeRemote(
  dir: string,
  remoteRef: string,
  device: string,
  allowUnrelated: boolean,
  env: NodeJS.ProcessEnv,
): Promise<Map<string, number>> {
  const theirs = await revision(dir, remoteRef, env);
  if (theirs === null) return new Map();
  const ours = await revision(dir, 'HEAD', env);
  if (ours !== null) {
    const r = await git(dir, ['merge-base', '--is-ancestor', theirs, ours], { env, okCodes: [1] });
    if (r.code === 0) return new Map();
  }
  const args = ['-c', 'commit.gpgsign=false', 'merge', '--no-edit', '--no-verify', '-q'];
  args.push('-m', `${device}: takes the other devices' records`);
  if (allowUnrelated) args.push('--allow-unrelated-histories');
  const r = await git(dir, [...args, theirs], { env, okCodes: [1, 2, 128] });
  if (r.code !== 0) throw await undoMerge(dir, device, `${r.stdout}\n${r.stderr}`, env);
  return addedLines(dir, [ours ?? EMPTY_TREE, 'HEAD'], env);
}

/** Files git listed as in the way, or left conflicted; then the merge is undone. */
async function undoMerge(
  dir: string,
  device: string,
  text: string,
  env: NodeJS.ProcessEnv,
): Promise<GitError> {
  if (/refusing to merge unrelated histories/i.test(text))
    return new GitError(
      'unrelated',
      "the remote's history is not this data directory's; if it is the right remote, run hyperrecall sync --init REMOTE again",
      dir,
      firstErrorLine(text),
    );
  const files = new Set<string>();
  for (const line of text.split('\n')) {
    const listed = /^\t(.+)$/.exec(line);
    if (listed) files.add(listed[1]!.trim());
    const conflict = /^CONFLICT \([^)]*\): .* in (.+)$/.exec(line);
    if (conflict) files.add(conflict[1]!.trim());
  }
  if (existsSync(join(dir, '.git', 'MERGE_HEAD'))) {
    const u = await git(dir, ['diff', '--name-only', '--diff-filter=U'], { env });
    for (const f of u.stdout.split('\n').filter(Boolean)) files.add(f);
    await git(dir, ['merge', '--abort'], { env });
  }
  return conflictError(dir, device, [...files].sort(), firstErrorLine(text));
}

function conflictError(dir: string, device: string, files: string[], line: string): GitError {
  const kept =
    "The merge was undone and nothing is lost: this device's records stay committed here and the remote is unchanged.";
  const logs = files.filter((f) => LOG_RE.test(f));
  if (logs.length > 0) {
    const names = logs.map(logDevice);
    const same = names.includes(device) ? device : names[0];
    return new GitError(
      'failed',
      `${logs.join(', ')} was written on two machines that both call themselves '${oneLine(same ?? '')}'. On one of them run hyperrecall config set device NEW-NAME, then sync again. ${kept}`,
      dir,
      line,
    );
  }
  if (files.length > 0)
    return new GitError(
      'failed',
      `${files.map(oneLine).join(', ')} changed on two machines in different ways. ${kept} Keep one version by hand (git -C ${oneLine(dir)} merge origin), then sync again.`,
      dir,
      line,
    );
  return new GitError('failed', `the merge failed (${line}). ${kept}`, dir, line);
}
