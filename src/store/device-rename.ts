// `config set device NAME`: this device's files move to the new name. The order keeps every
// record readable if the process is killed at any point: the log gets its second name first
// (a hard link, or a complete copy), then the cache and the exam in progress are copied, then
// the device file switches to the new name (the commit point), and only then do the old
// names go. Before the switch the old name is still in use and the new log is a duplicate,
// which the fold counts once (records are merged by id); after it, the new name holds it all.
import { join } from 'node:path';
import { mkdirQuiet } from './data-dir.js';
import { deviceNameProblem, writeDeviceFile } from './device.js';
import { writeFileDurably } from './durable-file.js';
import { errnoCode, StoreError } from './errors.js';
import { fsyncDir, type Io, quietly, realIo } from './io.js';
import { acquireLock, type Lock } from './lock.js';
import { logFileName } from './review-log.js';

export interface RenameOptions {
  dataDir: string;
  from: string;
  to: string;
  io?: Io;
  /** The host whose device file names the device (tests). */
  host?: string;
}

const stateName = (d: string) => `state-${d}.json`;
const examName = (d: string) => `exam-${d}.json`;

function statOrNull(io: Io, file: string) {
  try {
    return io.statSync(file);
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return null;
    throw err;
  }
}

/** The new log is this log already (a rename that was cut short): same file or same bytes. */
function sameLog(io: Io, a: string, b: string): boolean {
  const sa = statOrNull(io, a);
  const sb = statOrNull(io, b);
  if (!sa || !sb) return false;
  if (sa.ino === sb.ino && sa.dev === sb.dev) return true;
  return sa.size === sb.size && io.readFileSync(a).equals(io.readFileSync(b));
}

/** Why the rename cannot be done, or null. */
function refusal(o: Required<Omit<RenameOptions, 'host'>>): string | null {
  const problem = deviceNameProblem(o.to);
  if (problem) return `'${o.to}' is not a device name: ${problem}`;
  if (o.to === o.from) return `this device is already called ${o.to}`;
  const log = join(o.dataDir, logFileName(o.to));
  if (statOrNull(o.io, log) && !sameLog(o.io, join(o.dataDir, logFileName(o.from)), log))
    return `a log named ${logFileName(o.to)} already exists: another device uses that name`;
  return null;
}

/** Gives `from` the second name `to`: a hard link, or a complete copy where there are none. */
function secondName(io: Io, from: string, to: string): void {
  if (!statOrNull(io, from)) return;
  if (sameLog(io, from, to)) return;
  quietly(() => io.unlinkSync(to));
  try {
    io.linkSync(from, to);
  } catch {
    writeFileDurably(to, io.readFileSync(from), io, false);
  }
}

/** The cache under the new name, its log positions renamed too (it is only a cache). */
function copyState(io: Io, dir: string, from: string, to: string): void {
  const file = join(dir, stateName(from));
  let text: string;
  try {
    text = io.readFileSync(file, 'utf8');
  } catch {
    return;
  }
  try {
    const snap = JSON.parse(text) as { logs?: Record<string, number> };
    if (snap.logs && logFileName(from) in snap.logs) {
      snap.logs[logFileName(to)] = snap.logs[logFileName(from)]!;
      delete snap.logs[logFileName(from)];
    }
    text = JSON.stringify(snap);
  } catch {}
  writeFileDurably(join(dir, stateName(to)), text, io, false);
}

export function renameDevice(opts: RenameOptions): void {
  const io = opts.io ?? realIo;
  const o = { dataDir: opts.dataDir, from: opts.from, to: opts.to, io };
  const why = refusal(o);
  if (why) throw new StoreError(why, opts.dataDir);
  const { dataDir: dir, from, to } = o;
  // Naming the device is a fine first act in a data directory that does not exist yet.
  mkdirQuiet(io, dir);
  const locks: Lock[] = [];
  try {
    // Refused while a session uses either name; the locks are on the real disk either way.
    locks.push(acquireLock(dir, from));
    locks.push(acquireLock(dir, to));
    secondName(io, join(dir, logFileName(from)), join(dir, logFileName(to)));
    copyState(io, dir, from, to);
    const exam = join(dir, examName(from));
    if (statOrNull(io, exam))
      writeFileDurably(join(dir, examName(to)), io.readFileSync(exam), io, false);
    fsyncDir(dir, io);
    writeDeviceFile(dir, to, io, opts.host);
    for (const name of [
      logFileName(from),
      stateName(from),
      `${stateName(from)}.bak`,
      examName(from),
    ])
      quietly(() => io.unlinkSync(join(dir, name)));
    fsyncDir(dir, io);
  } finally {
    for (const lock of locks.reverse()) lock.release();
  }
}
