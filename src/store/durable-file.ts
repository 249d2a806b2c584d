// Whole-file writes that survive crashes and full disks: write a temp file in full, fsync
// it, keep the previous version as .bak (a hard link, so no bytes are copied), rename over
// the target, fsync the directory. A failure leaves the target and .bak as they were and
// no temp file behind. A file that cannot be parsed is never overwritten: it is set aside
// and the caller is told.
import { basename, dirname, join } from 'node:path';
import { errnoCode, WriteFailedError } from './errors.js';
import { fsyncDir, type Io, quietly, realIo, writeAll } from './io.js';

let tempSeq = 0;

/** A hidden name next to `file` that no other writer (process or call) uses. */
function tempName(file: string, role: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}-${tempSeq++}.${role}.tmp`);
}

export function pathExists(path: string, io: Io = realIo): boolean {
  try {
    io.lstatSync(path);
    return true;
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return false;
    throw err;
  }
}

/** Copies `from` to the new name `to` and fsyncs the copy; false when `from` does not exist. */
function copyDurably(from: string, to: string, io: Io): boolean {
  try {
    io.copyFileSync(from, to, 1 /* COPYFILE_EXCL */);
  } catch (err) {
    if (errnoCode(err) === 'ENOENT' && !pathExists(from, io)) return false;
    throw err;
  }
  const fd = io.openSync(to, 'r+');
  try {
    io.fsyncSync(fd);
  } finally {
    io.closeSync(fd);
  }
  return true;
}

/**
 * Gives the current content of `file` a second name without copying it; where the file
 * system has no hard links, copies it. False when there is no current file.
 */
function linkOrCopy(file: string, to: string, io: Io): boolean {
  try {
    io.linkSync(file, to);
    return true;
  } catch (err) {
    if (errnoCode(err) === 'ENOENT' && !pathExists(file, io)) return false;
    // EPERM, ENOTSUP, EMLINK...: no links here, so pay for a copy.
    quietly(() => io.unlinkSync(to));
    return copyDurably(file, to, io);
  }
}

/**
 * Replaces `file` with `text`, all or nothing. With `keepBackup`, the version it replaces
 * becomes `<file>.bak`. Throws WriteFailedError; then the target and .bak are unchanged.
 */
export function writeFileDurably(
  file: string,
  text: string | Uint8Array,
  io: Io = realIo,
  keepBackup = true,
): void {
  const data = typeof text === 'string' ? Buffer.from(text) : text;
  const tmp = tempName(file, 'new');
  const bakTmp = tempName(file, 'bak');
  let fd: number | null = null;
  let backedUp = false;
  try {
    fd = io.openSync(tmp, 'w', 0o666);
    writeAll(io, fd, data, 0);
    io.fsyncSync(fd);
    const open = fd;
    fd = null;
    io.closeSync(open);
    if (keepBackup) backedUp = linkOrCopy(file, bakTmp, io);
    io.renameSync(tmp, file);
  } catch (err) {
    const open = fd;
    if (open !== null) quietly(() => io.closeSync(open));
    quietly(() => io.unlinkSync(tmp));
    quietly(() => io.unlinkSync(bakTmp));
    throw new WriteFailedError(file, err);
  }
  // The new content is in place. Moving the old one to .bak comes after, so a failure
  // before this point cannot have replaced the previous .bak; if this rename fails, the
  // .bak is one version older, which is still a good previous version.
  if (backedUp && !quietly(() => io.renameSync(bakTmp, `${file}.bak`)))
    quietly(() => io.unlinkSync(bakTmp));
  try {
    fsyncDir(dirname(file), io);
  } catch (err) {
    // The new content is visible but may not survive a power cut: say so, so the caller
    // does not report it saved. Writing the same content again is harmless.
    throw new WriteFailedError(file, err);
  }
}

/** Creates the new file `path` with `data`, fsynced; removes it again if any step fails. */
export function createFileDurably(path: string, data: Uint8Array, io: Io = realIo): void {
  let fd: number | null = null;
  let created = false;
  try {
    fd = io.openSync(path, 'wx', 0o666);
    created = true;
    writeAll(io, fd, data, 0);
    io.fsyncSync(fd);
    const open = fd;
    fd = null;
    io.closeSync(open);
    fsyncDir(dirname(path), io);
  } catch (err) {
    const open = fd;
    if (open !== null) quietly(() => io.closeSync(open));
    // Never remove a file that was there before: 'wx' failing means someone else's.
    if (created) quietly(() => io.unlinkSync(path));
    throw err;
  }
}

/** A label becomes part of a file name: keep it a plain word. */
function checkLabel(label: string): void {
  if (!/^[a-z][a-z0-9-]*$/.test(label)) throw new Error(`bad set-aside label: ${label}`);
}

/** `<file>.<label>-<time>`, with a counter when that name is taken. */
function asideName(file: string, label: string, now: number, io: Io): string {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  let target = `${file}.${label}-${stamp}`;
  for (let i = 1; pathExists(target, io); i++) target = `${file}.${label}-${stamp}-${i}`;
  return target;
}

/** Renames a bad file to `<file>.<label>-<time>` and returns the new name. */
export function setAside(file: string, now: number, io: Io = realIo, label = 'corrupt'): string {
  checkLabel(label);
  const target = asideName(file, label, now, io);
  io.renameSync(file, target);
  return target;
}

/**
 * Keeps a copy of a file that must stay where it is (a cache found to disagree with the
 * log) as `<file>.<label>-<time>`, and returns the copy's name. Throws WriteFailedError.
 */
export function setAsideCopy(file: string, now: number, label: string, io: Io = realIo): string {
  checkLabel(label);
  const tmp = tempName(file, 'aside');
  const target = asideName(file, label, now, io);
  try {
    if (!copyDurably(file, tmp, io))
      throw Object.assign(new Error(`${file} does not exist`), { code: 'ENOENT' });
    io.renameSync(tmp, target);
    fsyncDir(dirname(file), io);
  } catch (err) {
    quietly(() => io.unlinkSync(tmp));
    throw new WriteFailedError(target, err);
  }
  return target;
}
