// One writer per device and data directory. The lock is the directory
// `<dataDir>/lock-<device>` (mkdir is atomic; older versions used proper-lockfile's
// directory at the same path, so old and new exclude each other) holding `owner.json`.
// A lock is never taken from a live owner: on the same host, the owner's pid is checked,
// so a stopped (SIGSTOP) or blocked session keeps its lock however long it stays so. Only
// where the pid cannot be checked (another host, an old-style lock) does a lock go stale.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import {
  errnoCode,
  LockLostError,
  type LockOwner,
  NotALockError,
  StoreLockedError,
  WriteFailedError,
} from './errors.js';
import { type Io, quietly, realIo, writeAll } from './io.js';

export interface LockOptions {
  /** A lock of another host goes stale when its owner file is older than this. */
  staleMs?: number;
  /** The same for a lock without owner.json (an old version's, or one being made now). */
  legacyStaleMs?: number;
  /** How often the holder touches the lock to show it is alive. */
  refreshMs?: number;
  /** Called once, synchronously, when the lock is found gone or taken. */
  onLost?: (err: LockLostError) => void;
  /** Wall time for `since`; staleness always uses the real clock, as mtimes do. */
  now?: () => number;
  io?: Io;
}

export interface Lock {
  readonly path: string;
  readonly owner: LockOwner;
  /** True once the lock was found gone or taken; it stays true. */
  readonly lost: boolean;
  /** Re-reads owner.json: false when the lock is no longer ours. */
  verify(): boolean;
  /** Removes the lock if it is still ours. Idempotent, fast, never throws. */
  release(): void;
}

const OWNER_FILE = 'owner.json';
/** A guard left by a process that died while breaking a lock. */
const GUARD_STALE_MS = 5_000;

export function lockPath(dataDir: string, device: string): string {
  return join(dataDir, `lock-${device}`);
}

/** Takes the lock or throws StoreLockedError naming its owner. */
export function acquireLock(dataDir: string, device: string, opts: LockOptions = {}): Lock {
  const io = opts.io ?? realIo;
  const path = lockPath(dataDir, device);
  const me: LockOwner = {
    pid: process.pid,
    host: hostname(),
    startTicks: procStat(process.pid, io)?.startTicks ?? null,
    token: randomBytes(12).toString('hex'),
    since: opts.now?.() ?? Date.now(),
  };
  // A lock released between our mkdir and our look at it is simply tried again.
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(path, me, io)) return new HeldLock(dataDir, path, me, opts, io);
    const seen = judge(path, opts, io);
    if (seen.gone) continue;
    if (!seen.stale) throw new StoreLockedError(dataDir, path, seen.owner);
    breakStale(dataDir, path, me, opts, io);
    return new HeldLock(dataDir, path, me, opts, io);
  }
  throw new StoreLockedError(dataDir, path, null);
}

/** mkdir and owner.json; false when something is already at the lock path. */
function tryCreate(path: string, me: LockOwner, io: Io): boolean {
  try {
    io.mkdirSync(path);
  } catch (err) {
    if (errnoCode(err) === 'EEXIST') return false;
    throw new WriteFailedError(path, err);
  }
  const file = join(path, OWNER_FILE);
  const tmp = `${file}.${me.token}.tmp`;
  try {
    // Written aside and renamed in, so a reader never sees half an owner.
    const fd = io.openSync(tmp, 'wx', 0o644);
    try {
      writeAll(io, fd, Buffer.from(JSON.stringify(me)), 0);
    } finally {
      io.closeSync(fd);
    }
    io.renameSync(tmp, file);
  } catch (err) {
    quietly(() => io.rmTreeSync(path));
    throw new WriteFailedError(file, err);
  }
  return true;
}

interface Judgement {
  /** The lock vanished while we looked. */
  gone: boolean;
  stale: boolean;
  owner: LockOwner | null;
}

function judge(path: string, opts: LockOptions, io: Io): Judgement {
  let dirMtime: number;
  try {
    const st = io.lstatSync(path);
    if (!st.isDirectory()) throw new NotALockError(path);
    dirMtime = st.mtimeMs;
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return { gone: true, stale: true, owner: null };
    throw err;
  }
  const found = readOwner(path, io);
  if (found && found.owner.host === hostname())
    return { gone: false, stale: !isAlive(found.owner, io), owner: found.owner };
  const age = Date.now() - (found ? found.mtimeMs : dirMtime);
  const limit = found ? (opts.staleMs ?? 30_000) : (opts.legacyStaleMs ?? 10_000);
  return { gone: false, stale: age > limit, owner: found?.owner ?? null };
}

/**
 * Replaces a stale lock with ours. Two processes may find the same lock stale at once, so
 * this runs under a guard directory, and the lock is judged again under it: the second
 * one then finds the first one's fresh lock and is refused.
 */
function breakStale(dataDir: string, path: string, me: LockOwner, opts: LockOptions, io: Io) {
  const guard = `${path}.break`;
  if (!takeGuard(guard, io)) throw new StoreLockedError(dataDir, path, null);
  try {
    const again = judge(path, opts, io);
    if (!again.stale) throw new StoreLockedError(dataDir, path, again.owner);
    if (!again.gone) {
      // Renamed away first, so nobody sees a half-removed lock.
      const trash = `${path}.stale-${me.token}`;
      io.renameSync(path, trash);
      quietly(() => io.rmTreeSync(trash));
    }
    if (!tryCreate(path, me, io))
      throw new StoreLockedError(dataDir, path, readOwner(path, io)?.owner ?? null);
  } finally {
    quietly(() => io.rmdirSync(guard));
  }
}

function takeGuard(guard: string, io: Io): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      io.mkdirSync(guard);
      return true;
    } catch (err) {
      if (errnoCode(err) !== 'EEXIST') throw new WriteFailedError(guard, err);
    }
    let mtime: number;
    try {
      mtime = io.statSync(guard).mtimeMs;
    } catch {
      continue; // dropped while we looked
    }
    if (Date.now() - mtime < GUARD_STALE_MS) return false;
    quietly(() => io.rmdirSync(guard));
  }
  return false;
}

function parseOwner(x: unknown): LockOwner | null {
  if (!x || typeof x !== 'object') return null;
  const o = x as Record<string, unknown>;
  // pid 0 or a negative pid would make process.kill signal whole process groups.
  if (!Number.isInteger(o.pid) || (o.pid as number) <= 0) return null;
  if (typeof o.host !== 'string' || typeof o.token !== 'string' || o.token === '') return null;
  if (o.startTicks !== null && !Number.isInteger(o.startTicks)) return null;
  if (typeof o.since !== 'number') return null;
  return {
    pid: o.pid as number,
    host: o.host,
    startTicks: o.startTicks as number | null,
    token: o.token,
    since: o.since,
  };
}

/** owner.json and its mtime; null when it is missing or not an owner. */
function readOwner(path: string, io: Io): { owner: LockOwner; mtimeMs: number } | null {
  const file = join(path, OWNER_FILE);
  try {
    const mtimeMs = io.statSync(file).mtimeMs;
    const owner = parseOwner(JSON.parse(io.readFileSync(file).toString('utf8')));
    return owner ? { owner, mtimeMs } : null;
  } catch {
    return null;
  }
}

/** Field 3 (state) and field 22 (start time in clock ticks) of /proc/<pid>/stat. */
function procStat(pid: number, io: Io): { state: string; startTicks: number } | null {
  if (process.platform !== 'linux') return null;
  try {
    const text = io.readFileSync(`/proc/${pid}/stat`).toString('latin1');
    // The command name (field 2) is in parentheses and may hold spaces and parentheses.
    const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const startTicks = Number(rest[19]);
    return Number.isInteger(startTicks) ? { state: rest[0] ?? '', startTicks } : null;
  } catch {
    return null;
  }
}

/** Whether a process on this host still holds the lock: stopped counts as alive. */
function isAlive(owner: LockOwner, io: Io): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (err) {
    // EPERM: it exists but belongs to another user.
    if (errnoCode(err) !== 'EPERM') return false;
  }
  const now = procStat(owner.pid, io);
  if (!now) return true;
  if (now.state === 'Z' || now.state === 'X') return false;
  // A different start time means the pid was reused by another process.
  return owner.startTicks === null || now.startTicks === owner.startTicks;
}

const held = new Set<HeldLock>();
let exitHooked = false;

/** A lock left behind by a clean exit would block the next start for nothing. */
function releaseOnExit(lock: HeldLock): void {
  held.add(lock);
  if (exitHooked) return;
  exitHooked = true;
  process.on('exit', () => {
    for (const l of [...held]) l.release();
  });
}

class HeldLock implements Lock {
  private timer: NodeJS.Timeout | null;
  private isLost = false;
  private released = false;

  constructor(
    private readonly dataDir: string,
    readonly path: string,
    readonly owner: LockOwner,
    private readonly opts: LockOptions,
    private readonly io: Io,
  ) {
    this.timer = setInterval(() => this.refresh(), opts.refreshMs ?? 10_000);
    this.timer.unref();
    releaseOnExit(this);
  }

  get lost(): boolean {
    return this.isLost;
  }

  verify(): boolean {
    if (this.isLost || this.released) return false;
    if (readOwner(this.path, this.io)?.owner.token === this.owner.token) return true;
    this.isLost = true;
    this.stop();
    this.opts.onLost?.(new LockLostError(this.dataDir, this.path));
    return false;
  }

  private refresh(): void {
    if (!this.verify()) return;
    const t = new Date();
    quietly(() => this.io.utimesSync(join(this.path, OWNER_FILE), t, t));
    // Old versions judge the lock by the directory's mtime.
    quietly(() => this.io.utimesSync(this.path, t, t));
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    held.delete(this);
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    this.stop();
    if (this.isLost) return;
    try {
      if (readOwner(this.path, this.io)?.owner.token !== this.owner.token) return;
      const trash = `${this.path}.released-${this.owner.token}`;
      this.io.renameSync(this.path, trash);
      this.io.rmTreeSync(trash);
    } catch {
      // Best-effort: a lock left behind is judged dead by the next start.
    }
  }
}
