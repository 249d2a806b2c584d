// Records moved by a sync, counted as lines added to the review logs between two trees:
// the logs only grow, so added lines are exactly the records that arrived.
import { git } from '../store/git.js';

/** git's id of the empty tree: what a branch with no commits is compared against. */
export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/** Lines added per log by `git diff --numstat <args>`, e.g. `[from, to]` or `['--cached']`. */
export async function addedLines(
  dir: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<Map<string, number>> {
  const r = await git(dir, ['diff', '--numstat', ...args, '--', ':(glob)reviews-*.jsonl'], { env });
  const out = new Map<string, number>();
  for (const line of r.stdout.split('\n')) {
    const m = /^(\d+)\t\d+\t(.+)$/.exec(line);
    if (m) out.set(m[2]!, (out.get(m[2]!) ?? 0) + Number(m[1]));
  }
  return out;
}
