// Records moved by a sync, counted as lines the review logs gained between two commits.
// The logs only grow, so the new lines of a log are the bytes past its old size: they are
// counted in the working copy (which holds at least that much of the log), without asking
// git for a line diff, which takes seconds on a log of a hundred thousand lines.
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { git } from '../store/git.js';
import { LOG_RE } from '../store/review-log.js';

/** git's id of the empty tree: what a branch with no commits is compared against. */
export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
const NO_BLOB = /^0+$/;

/** Newlines in `file` between byte `from` and `to`; null when the file is shorter. */
function newlinesBetween(file: string, from: number, to: number): number | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const buf = Buffer.alloc(1024 * 1024);
    let n = 0;
    for (let pos = from; pos < to; ) {
      const got = readSync(fd, buf, 0, Math.min(buf.length, to - pos), pos);
      if (got === 0) return null;
      for (let i = buf.indexOf(0x0a); i >= 0 && i < got; i = buf.indexOf(0x0a, i + 1)) n++;
      pos += got;
    }
    return n;
  } finally {
    closeSync(fd);
  }
}

/** Lines each log gained from `from` to `to` (commits, or `--cached` for the index). */
export async function addedLines(
  dir: string,
  range: [string, string] | ['--cached'],
  env: NodeJS.ProcessEnv,
): Promise<Map<string, number>> {
  const raw = await git(dir, ['diff', '--raw', '-z', '--no-abbrev', ...range], { env });
  // -z: ":old new oldid newid status\0path\0" per changed file.
  const parts = raw.stdout.split('\0');
  const changed: { name: string; oldId: string; newId: string }[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const m = /^:\d+ \d+ ([0-9a-f]+) ([0-9a-f]+) /.exec(parts[i] ?? '');
    const name = parts[i + 1] ?? '';
    if (m && LOG_RE.test(name)) changed.push({ name, oldId: m[1]!, newId: m[2]! });
  }
  const out = new Map<string, number>();
  if (changed.length === 0) return out;
  const ids = changed.flatMap((c) => [c.oldId, c.newId]).filter((id) => !NO_BLOB.test(id));
  const sizes = new Map<string, number>();
  const check = await git(dir, ['cat-file', '--batch-check'], {
    env,
    input: Buffer.from(`${ids.join('\n')}\n`),
  });
  for (const line of check.stdout.split('\n')) {
    const m = /^([0-9a-f]+) blob (\d+)$/.exec(line);
    if (m) sizes.set(m[1]!, Number(m[2]));
  }
  for (const c of changed) {
    const from = NO_BLOB.test(c.oldId) ? 0 : (sizes.get(c.oldId) ?? 0);
    const to = NO_BLOB.test(c.newId) ? 0 : (sizes.get(c.newId) ?? 0);
    const n = to > from ? newlinesBetween(join(dir, c.name), from, to) : 0;
    out.set(c.name, n ?? (await numstatAdded(dir, range, c.name, env)));
  }
  return out;
}

/** git's own count, for a log whose working copy is not the version committed. */
async function numstatAdded(
  dir: string,
  range: string[],
  name: string,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const r = await git(dir, ['diff', '--numstat', ...range, '--', name], { env });
  return Number(/^(\d+)\t/.exec(r.stdout)?.[1] ?? 0);
}

export function total(counts: Map<string, number>): number {
  return [...counts.values()].reduce((a, b) => a + b, 0);
}
