// The lock where the file system or another process gets in the way at an awkward moment:
// a lock that vanishes while it is looked at, a stale lock replaced under our feet, a
// break guard that cannot be made or checked, owner files that are not owners, /proc that
// cannot be read; and the holder's refresh timer, which must run at the asked pace and stop
// with the lock.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StoreLockedError, WriteFailedError } from '../../../src/store/errors.js';
import { type Io, realIo } from '../../../src/store/io.js';
import { acquireLock, type Lock, type LockOptions, lockPath } from '../../../src/store/lock.js';
import { errnoError, faultyIo } from '../../helpers/faulty-io.js';
import { T0 } from '../../helpers/records.js';

const held: Lock[] = [];

afterEach(() => {
  for (const l of held.splice(0)) l.release();
  vi.useRealTimers();
});

const dataDir = () => mkdtempSync(join(tmpdir(), 'hr-lock-edges-'));

function take(dir: string, opts: LockOptions = {}): Lock {
  const lock = acquireLock(dir, 'dev1', { now: () => T0, ...opts });
  held.push(lock);
  return lock;
}

function refusal(dir: string, opts: LockOptions = {}): StoreLockedError {
  try {
    take(dir, opts);
  } catch (err) {
    if (err instanceof StoreLockedError) return err;
    throw err;
  }
  throw new Error('the lock was taken');
}

function failure(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

/** A live owner on this host (this very process), with `change` applied to its JSON. */
function writeOwner(dir: string, change: Record<string, unknown> = {}): void {
  const path = lockPath(dir, 'dev1');
  mkdirSync(path, { recursive: true });
  const owner = {
    pid: process.pid,
    host: hostname(),
    startTicks: null,
    token: 'theirs',
    since: T0,
    ...change,
  };
  writeFileSync(join(path, 'owner.json'), JSON.stringify(owner));
}

function age(path: string, ms: number): void {
  const t = new Date(Date.now() - ms);
  utimesSync(path, t, t);
}

/** realIo with some calls replaced. */
function withCalls(over: Partial<Io>): Io {
  return { ...realIo, ...over };
}

describe('acquireLock when things move underneath', () => {
  it('where /proc cannot be read, the lock is taken without a start time, and a live owner still counts', () => {
    const noProc = withCalls({
      readFileSync: ((path: string, enc?: 'utf8') => {
        if (path.startsWith('/proc/')) throw errnoError('EACCES', 'open', path);
        return enc ? realIo.readFileSync(path, enc) : realIo.readFileSync(path);
      }) as Io['readFileSync'],
    });
    const dir = dataDir();
    expect(take(dir, { io: noProc }).owner.startTicks).toBeNull();
    held.pop()?.release();
    writeOwner(dir);
    expect(refusal(dir, { io: noProc }).owner?.pid).toBe(process.pid);
  });

  it('a lock that vanishes each time it is looked at is tried three times, then refused', () => {
    const dir = dataDir();
    const io = faultyIo(realIo, { fail: { mkdirSync: 'EEXIST', lstatSync: 'ENOENT' } });
    const err = refusal(dir, { io });
    expect(err.owner).toBeNull();
    expect(io.calls.mkdirSync).toBe(3);
    expect(io.calls.lstatSync).toBe(3);
  });

  it('a live owner is named even while someone else is breaking the lock', () => {
    const dir = dataDir();
    writeOwner(dir);
    mkdirSync(`${lockPath(dir, 'dev1')}.break`);
    expect(refusal(dir).owner?.token).toBe('theirs');
  });

  it('the owner file is written aside, renamed in and closed', () => {
    const dir = dataDir();
    const io = faultyIo(realIo, {});
    take(dir, { io });
    expect(io.calls).toMatchObject({ openSync: 1, closeSync: 1, renameSync: 1 });
    expect(readdirSync(lockPath(dir, 'dev1'))).toEqual(['owner.json']);
  });

  it('when the owner file cannot be written, the half-made lock is removed', () => {
    const dir = dataDir();
    const err = failure(() =>
      take(dir, { io: faultyIo(realIo, { fail: { openSync: 'ENOSPC' } }) }),
    );
    expect(err).toBeInstanceOf(WriteFailedError);
    expect(err).toMatchObject({ code: 'ENOSPC', path: join(lockPath(dir, 'dev1'), 'owner.json') });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a stale lock that vanishes once we hold the guard is simply taken', () => {
    const dir = dataDir();
    mkdirSync(lockPath(dir, 'dev1'));
    age(lockPath(dir, 'dev1'), 60_000);
    const io = withCalls({
      mkdirSync: (path, opts) => {
        realIo.mkdirSync(path, opts);
        if (path.endsWith('.break')) rmSync(lockPath(dir, 'dev1'), { recursive: true });
      },
    });
    expect(take(dir, { io }).owner.pid).toBe(process.pid);
    expect(readdirSync(dir)).toEqual(['lock-dev1']);
  });

  it('a lock made again by another process between breaking and taking is refused, naming it', () => {
    const dir = dataDir();
    mkdirSync(lockPath(dir, 'dev1'));
    age(lockPath(dir, 'dev1'), 60_000);
    const io = withCalls({
      rmTreeSync: (path) => {
        realIo.rmTreeSync(path);
        if (path.includes('.stale-')) writeOwner(dir, { token: 'winner' });
      },
    });
    expect(refusal(dir, { io }).owner?.token).toBe('winner');
    expect(readdirSync(dir)).toEqual(['lock-dev1']);
  });

  it('a break guard that cannot be looked at is tried twice, then the lock is refused', () => {
    const dir = dataDir();
    mkdirSync(lockPath(dir, 'dev1'));
    age(lockPath(dir, 'dev1'), 60_000);
    let guardTries = 0;
    const io = withCalls({
      mkdirSync: (path, opts) => {
        if (!path.endsWith('.break')) return realIo.mkdirSync(path, opts);
        guardTries++;
        throw errnoError('EEXIST', 'mkdir', path);
      },
      statSync: (path) => {
        if (path.endsWith('.break')) throw errnoError('ENOENT', 'stat', path);
        return realIo.statSync(path);
      },
    });
    expect(refusal(dir, { io }).owner).toBeNull();
    expect(guardTries).toBe(2);
    expect(readdirSync(dir)).toEqual(['lock-dev1']);
  });

  it('a break guard that cannot be made for another reason is a write error naming it', () => {
    const dir = dataDir();
    mkdirSync(lockPath(dir, 'dev1'));
    age(lockPath(dir, 'dev1'), 60_000);
    const io = withCalls({
      mkdirSync: (path, opts) => {
        if (path.endsWith('.break')) throw errnoError('EACCES', 'mkdir', path);
        realIo.mkdirSync(path, opts);
      },
    });
    const err = failure(() => take(dir, { io }));
    expect(err).toBeInstanceOf(WriteFailedError);
    expect(err).toMatchObject({ code: 'EACCES', path: `${lockPath(dir, 'dev1')}.break` });
  });
});

describe('an owner file that is not an owner', () => {
  const bad: [string, Record<string, unknown>][] = [
    ['pid 0 (a process group)', { pid: 0 }],
    ['a negative pid', { pid: -1 }],
    ['a fractional pid', { pid: 1.5 }],
    ['a pid as text', { pid: String(process.pid) }],
    ['no host', { host: 5 }],
    ['no token', { token: 7 }],
    ['an empty token', { token: '' }],
    ['a start time as text', { startTicks: 'x' }],
    ['a fractional start time', { startTicks: 1.5 }],
    ['no time taken', { since: '2026' }],
  ];
  for (const [what, change] of bad)
    it(`${what}: judged as an old-style lock, by its age`, () => {
      const dir = dataDir();
      writeOwner(dir, change);
      expect(refusal(dir).owner).toBeNull();
      age(lockPath(dir, 'dev1'), 11_000);
      expect(take(dir).owner.pid).toBe(process.pid);
    });

  it('JSON that is not an object: the same', () => {
    for (const text of ['5', 'null', '"owner"', '[]']) {
      const dir = dataDir();
      mkdirSync(lockPath(dir, 'dev1'));
      writeFileSync(join(lockPath(dir, 'dev1'), 'owner.json'), text);
      expect(refusal(dir).owner).toBeNull();
    }
  });

  it('a well-formed owner with a start time is named', () => {
    const dir = dataDir();
    writeOwner(dir, { startTicks: null, token: 'ok' });
    expect(refusal(dir).owner).toEqual({
      pid: process.pid,
      host: hostname(),
      startTicks: null,
      token: 'ok',
      since: T0,
    });
  });
});

describe('the holder', () => {
  const fake = () =>
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });

  it('touches the lock at the asked pace', () => {
    fake();
    const io = faultyIo(realIo, {});
    take(dataDir(), { io, refreshMs: 1000 });
    vi.advanceTimersByTime(999);
    expect(io.calls.utimesSync).toBeUndefined();
    vi.advanceTimersByTime(1);
    expect(io.calls.utimesSync).toBe(2);
  });

  it('touches it every 10 s unless told otherwise', () => {
    fake();
    const io = faultyIo(realIo, {});
    take(dataDir(), { io });
    vi.advanceTimersByTime(9_999);
    expect(io.calls.utimesSync).toBeUndefined();
    vi.advanceTimersByTime(1);
    expect(io.calls.utimesSync).toBe(2);
  });

  it('stops its timer when it lets go or loses the lock', () => {
    fake();
    const a = take(dataDir());
    expect(vi.getTimerCount()).toBe(1);
    a.release();
    expect(vi.getTimerCount()).toBe(0);
    const dir = dataDir();
    const b = take(dir);
    writeOwner(dir, { token: 'other' });
    expect(b.verify()).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('finds a lock removed from under it lost, once', () => {
    const dir = dataDir();
    let lost = 0;
    const lock = take(dir, { onLost: () => lost++ });
    rmSync(lockPath(dir, 'dev1'), { recursive: true });
    expect(lock.verify()).toBe(false);
    expect(lock.verify()).toBe(false);
    expect(lock.lost).toBe(true);
    expect(lost).toBe(1);
    lock.release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('after letting go, is no longer the owner, and that is not a loss', () => {
    const dir = dataDir();
    let lost = 0;
    const lock = take(dir, { onLost: () => lost++ });
    lock.release();
    expect(lock.verify()).toBe(false);
    expect(lock.lost).toBe(false);
    expect(lost).toBe(0);
  });
});
