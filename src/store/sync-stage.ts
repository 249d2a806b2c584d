// Staging the review logs for a sync commit. A running session may be appending to this
// device's log while sync reads it, so a log is staged only up to its last newline: the
// blob is written from that prefix (`hash-object --stdin` + `update-index --cacheinfo`),
// never from the file as git would read it. A log is only ever staged as an extension of
// what was last committed; a log that shrank or was rewritten is left out and reported,
// because committing it would remove records from every other device too.
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { git } from './git.js';
import { LOG_RE, listLogFiles } from './review-log.js';

/** Offset just past the last newline of `file` (0 when it has none or is missing). */
export function completeEnd(file: string): number {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return 0;
  }
  try {
    const buf = Buffer.alloc(64 * 1024);
    let pos = fstatSync(fd).size;
    while (pos > 0) {
      const start = Math.max(0, pos - buf.length);
      const n = readSync(fd, buf, 0, pos - start, start);
      const i = buf.subarray(0, n).lastIndexOf(0x0a);
      if (i >= 0) return start + i + 1;
      pos = start;
    }
    return 0;
  } finally {
    closeSync(fd);
  }
}

/** git's blob id of the first `length` bytes of `file`, read as a stream. */
export async function blobId(file: string, length: number): Promise<string> {
  const h = createHash('sha1');
  h.update(`blob ${length}\0`);
  if (length > 0)
    for await (const chunk of createReadStream(file, { end: length - 1 }))
      h.update(chunk as Buffer);
  return h.digest('hex');
}

export interface TreeEntry {
  id: string;
  size: number;
}

/** The review logs in a commit (`HEAD`, `origin/main`), by name; empty when it has none. */
export async function logsIn(
  dir: string,
  rev: string,
  env: NodeJS.ProcessEnv,
): Promise<Map<string, TreeEntry>> {
  const out = new Map<string, TreeEntry>();
  // The top level only: every log lives there (ls-tree takes no glob pathspecs).
  const r = await git(dir, ['ls-tree', '-l', '-z', rev], {
    env,
    okCodes: [128],
  });
  if (r.code !== 0) return out;
  for (const entry of r.stdout.split('\0')) {
    const m = /^\d+ blob ([0-9a-f]+)\s+(\d+)\t(.+)$/.exec(entry);
    if (m && LOG_RE.test(m[3]!)) out.set(m[3]!, { id: m[1]!, size: Number(m[2]) });
  }
  return out;
}

export interface StageResult {
  /** Logs staged with new records. */
  staged: string[];
  /** Logs left out, with why (one line each, for the user). */
  refused: string[];
  /** This device's logs under a former name (`config set device`), removed from the repository. */
  retired: string[];
}

/**
 * Whether a committed log is this device's own log under a name it had before a rename:
 * the rename keeps every byte, so the own log starts with that log's committed content.
 */
export async function isFormerOwnLog(dir: string, entry: TreeEntry, ownLog: string) {
  const own = join(dir, ownLog);
  // An empty log says nothing about whose it was.
  return (
    entry.size > 0 && completeEnd(own) >= entry.size && (await blobId(own, entry.size)) === entry.id
  );
}

/**
 * Stages every review log that grew since HEAD, up to its last complete line, and the
 * removal of this device's logs under a former name (their records live on in `ownLog`).
 */
export async function stageLogs(
  dir: string,
  ownLog: string,
  env: NodeJS.ProcessEnv,
): Promise<StageResult> {
  const head = await logsIn(dir, 'HEAD', env);
  const result: StageResult = { staged: [], refused: [], retired: [] };
  const present = new Set(listLogFiles(dir));
  for (const [name, was] of head) {
    if (present.has(name) || name === ownLog || !(await isFormerOwnLog(dir, was, ownLog))) continue;
    await git(dir, ['update-index', '--remove', '--', name], { env });
    result.retired.push(name);
  }
  // Conflict copies of a synced folder are read with the logs but never committed:
  // `doctor --fix` folds them into this device's log, which is.
  for (const name of [...present].filter((n) => LOG_RE.test(n))) {
    const file = join(dir, name);
    const end = completeEnd(file);
    const was = head.get(name);
    if (was) {
      if (end === was.size && (await blobId(file, end)) === was.id) continue;
      if (end < was.size || (await blobId(file, was.size)) !== was.id) {
        result.refused.push(
          `${name} is not an extension of its last synced version (shortened or rewritten); it was not synced. Run hyperrecall doctor.`,
        );
        continue;
      }
    } else if (end === 0) continue;
    const input = end > 0 ? createReadStream(file, { end: end - 1 }) : Buffer.alloc(0);
    const id = (await git(dir, ['hash-object', '-w', '--stdin'], { env, input })).stdout.trim();
    await git(dir, ['update-index', '--add', '--cacheinfo', `100644,${id},${name}`], { env });
    result.staged.push(name);
  }
  return result;
}

/** Newlines in each named blob (`rev:path`), read in one `cat-file --batch`; 0 when missing. */
export async function lineCounts(
  dir: string,
  specs: string[],
  env: NodeJS.ProcessEnv,
): Promise<number[]> {
  if (specs.length === 0) return [];
  const r = await git(dir, ['cat-file', '--batch'], {
    env,
    input: Buffer.from(`${specs.join('\n')}\n`),
  });
  const buf = r.raw;
  const counts: number[] = [];
  let pos = 0;
  for (let i = 0; i < specs.length; i++) {
    const nl = buf.indexOf(0x0a, pos);
    const header = buf.toString('utf8', pos, nl);
    pos = nl + 1;
    const m = / blob (\d+)$/.exec(header);
    if (!m) {
      counts.push(0);
      continue;
    }
    const size = Number(m[1]);
    let n = 0;
    for (let j = buf.indexOf(0x0a, pos); j >= 0 && j < pos + size; j = buf.indexOf(0x0a, j + 1))
      n++;
    counts.push(n);
    pos += size + 1;
  }
  return counts;
}
