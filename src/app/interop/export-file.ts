// Writing an export (package, CSV, backup) where the user asked: all or nothing (a temp file
// beside the target, fsynced, then put in place), never over an existing file unless they
// said --force, and never inside the data directory, whose files only the store writes.
import * as fs from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { oneLine } from '../../core/sanitize.js';

/** A one-line problem with an export or a restore; `path` and `hint` as the store's errors. */
export class InteropError extends Error {
  readonly path: string;
  readonly hint: string;
  constructor(message: string, path: string, hint = '') {
    super(message);
    this.name = 'InteropError';
    this.path = path;
    this.hint = hint;
  }
}

const errno = (err: unknown): string =>
  (err as { code?: unknown } | null)?.code?.toString() ?? String(err);

function isInside(dir: string, path: string): boolean {
  const rel = relative(resolve(dir), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith('/'));
}

/** Why `file` may not be written, or null. */
export function outputProblem(file: string, dataDir: string, force: boolean): string | null {
  const shown = oneLine(file);
  if (isInside(dataDir, file))
    return `${shown} is inside the data directory (${oneLine(dataDir)}); write the export somewhere else`;
  let st: fs.Stats | null = null;
  try {
    st = fs.statSync(file);
  } catch (err) {
    if (errno(err) !== 'ENOENT') return `cannot check ${shown} (${errno(err)})`;
  }
  if (st?.isDirectory()) return `${shown} is a directory; give a file name`;
  if (st && !force) return `${shown} exists; add --force to replace it`;
  try {
    if (!fs.statSync(dirname(resolve(file))).isDirectory())
      return `${oneLine(dirname(file))} is not a directory`;
  } catch {
    return `the folder ${oneLine(dirname(file))} does not exist; create it first`;
  }
  return null;
}

/**
 * Puts `data` at `file` atomically. Without `force` the final step is a hard link, which
 * fails if a file appeared there meanwhile, so nothing is ever overwritten by accident.
 */
export function writeExportFile(
  file: string,
  data: Uint8Array,
  opts: { dataDir: string; force: boolean },
): void {
  const problem = outputProblem(file, opts.dataDir, opts.force);
  if (problem) throw new InteropError(problem, file);
  const target = resolve(file);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.export.tmp`);
  try {
    const fd = fs.openSync(tmp, 'wx', 0o666);
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (opts.force) fs.renameSync(tmp, target);
    else {
      fs.linkSync(tmp, target);
      fs.unlinkSync(tmp);
    }
  } catch (err) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // already gone
    }
    if (errno(err) === 'EEXIST')
      throw new InteropError(`${oneLine(file)} exists; add --force to replace it`, file);
    throw new InteropError(`cannot write ${oneLine(file)} (${errno(err)})`, file);
  }
}
