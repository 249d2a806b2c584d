import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type LockLostError,
  type LockOwner,
  NotALockError,
  StoreLockedError,
} from '../../../src/store/errors.js';
import { type Io, realIo } from '../../../src/store/io.js';
import { acquireLock, type Lock, lockPath } from '../../../src/store/lock.js';
import { bundle, Child, poll } from '../../helpers/child.js';
import { T0 } from '../../helpers/records.js';

const held: Lock[] = [];
const children: Child[] = [];

afterEach(async () => {
  for (const l of held.splice(0)) l.release();
  for (const c of children.splice(0)) await c.kill();
});

function dataDir(): string {
  return mkdtempSync(join(tmpdir(), 'hr-lock-'));
}

function take(dir: string, opts: Parameters<typeof acquireLock>[2] = {}): Lock {
  const lock = acquireLock(dir, 'dev1', { now: () => T0, ...opts });
  held.push(lock);
  return lock;
}

function refusal(dir: string, opts: Parameters<typeof acquireLock>[2] = {}): StoreLockedError {
  try {
    take(dir, opts);
  } catch (err) {
    if (err instanceof StoreLockedError) return err;
    throw err;
  }
  throw new Error('the lock was taken');
}

function owner(dir: string): LockOwner {
  return JSON.parse(readFileSync(join(lockPath(dir, 'dev1'), 'owner.json'), 'utf8'));
}

function writeOwner(dir: string, o: Partial<LockOwner>, ageMs = 0): void {
  const path = lockPath(dir, 'dev1');
  mkdirSync(path, { recursive: true });
  const full = { pid: 1, host: hostname(), startTicks: null, token: 'theirs', since: T0, ...o };
  writeFileSync(join(path, 'owner.json'), JSON.stringify(full));
  age(join(path, 'owner.json'), ageMs);
}

function age(path: string, ms: number): void {
  const t = new Date(Date.now() - ms);
  utimesSync(path, t, t);
}

/** A pid that no process has now: one that just exited and was reaped. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(r.stdout);
}

describe('acquireLock in one process', () => {
  it('takes the lock as a directory holding its owner', () => {
    const dir = dataDir();
    const lock = take(dir);
    expect(statSync(lockPath(dir, 'dev1')).isDirectory()).toBe(true);
    const o = owner(dir);
    expect(o).toEqual(lock.owner);
    expect(o).toMatchObject({ pid: process.pid, host: hostname(), since: T0 });
    expect(o.token).toMatch(/^[0-9a-f]{24}$/);
    if (process.platform === 'linux') expect(o.startTicks).toBeGreaterThan(0);
    expect(lock.verify()).toBe(true);
    expect(lock.lost).toBe(false);
  });

  it('refuses a second writer while the first holds it, naming the owner', () => {
    const dir = dataDir();
    take(dir);
    const err = refusal(dir);
    expect(err.owner?.pid).toBe(process.pid);
    expect(err.message).toBe(
      `Another hyperrecall session (pid ${process.pid} on ${hostname()}, since 2026-03-02T10:00:00.000Z) is using ${dir}. Quit that session first.`,
    );
    expect(err.path).toBe(lockPath(dir, 'dev1'));
  });

  it('release removes the lock only once and only if it is still ours', () => {
    const dir = dataDir();
    const lock = take(dir);
    lock.release();
    lock.release();
    expect(existsSync(lockPath(dir, 'dev1'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
    expect(lock.verify()).toBe(false);
    const again = take(dir);
    lock.release();
    expect(again.verify()).toBe(true);
  });

  it('a lock taken away is detected by verify, onLost fires once, and release leaves it', () => {
    const dir = dataDir();
    const lost: LockLostError[] = [];
    const lock = take(dir, { onLost: (e) => lost.push(e) });
    writeOwner(dir, { pid: deadPid(), token: 'other' });
    expect(lock.verify()).toBe(false);
    expect(lock.verify()).toBe(false);
    expect(lock.lost).toBe(true);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.message).toBe(
      `Another hyperrecall session took over ${dir}; this one stopped writing. Everything answered so far is saved.`,
    );
    lock.release();
    expect(owner(dir).token).toBe('other');
  });

  it('release leaves a lock that was taken away before the holder noticed', () => {
    const dir = dataDir();
    const lock = take(dir);
    writeOwner(dir, { token: 'other' });
    lock.release();
    expect(owner(dir).token).toBe('other');
  });

  it('a lock broken by another process while we waited for the guard is not broken again', () => {
    const dir = dataDir();
    writeOwner(dir, { pid: deadPid() });
    // Just as we take the guard, another process has already replaced the dead owner.
    const io: Io = {
      ...realIo,
      mkdirSync: (path, opts) => {
        realIo.mkdirSync(path, opts);
        if (path.endsWith('.break')) writeOwner(dir, { pid: process.pid, token: 'winner' });
      },
    };
    const err = refusal(dir, { io });
    expect(err.owner?.token).toBe('winner');
    expect(owner(dir).token).toBe('winner');
    expect(readdirSync(dir)).toEqual(['lock-dev1']);
  });

  it('the refresh timer notices a lost lock by itself', async () => {
    const dir = dataDir();
    let lost = 0;
    const lock = take(dir, { refreshMs: 30, onLost: () => lost++ });
    writeOwner(dir, { token: 'other' });
    expect(await poll(() => lost > 0)).toBe(true);
    expect(lock.lost).toBe(true);
    expect(lost).toBe(1);
  });

  it('the refresh keeps the owner file and the directory fresh', async () => {
    const dir = dataDir();
    take(dir, { refreshMs: 30 });
    const path = lockPath(dir, 'dev1');
    age(path, 60_000);
    age(join(path, 'owner.json'), 60_000);
    const fresh = () =>
      Date.now() - statSync(path).mtimeMs < 5_000 &&
      Date.now() - statSync(join(path, 'owner.json')).mtimeMs < 5_000;
    expect(await poll(fresh)).toBe(true);
  });

  it('a regular file at the lock path is a clear error', () => {
    const dir = dataDir();
    writeFileSync(lockPath(dir, 'dev1'), 'not a lock');
    const err = (() => {
      try {
        take(dir);
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err).toBeInstanceOf(NotALockError);
    expect(err?.message).toBe(
      `${lockPath(dir, 'dev1')} is a file, not hyperrecall's lock; if no hyperrecall is running, remove it.`,
    );
  });

  it('an old-style lock (no owner.json) is refused while fresh and taken once stale', () => {
    const dir = dataDir();
    mkdirSync(lockPath(dir, 'dev1'));
    expect(refusal(dir).owner).toBeNull();
    expect(refusal(dir).message).toContain('if none is running, try again in 10 seconds');
    age(lockPath(dir, 'dev1'), 9_000);
    refusal(dir);
    age(lockPath(dir, 'dev1'), 11_000);
    expect(take(dir).verify()).toBe(true);
  });

  it('an unreadable owner.json counts as an old-style lock', () => {
    const dir = dataDir();
    mkdirSync(lockPath(dir, 'dev1'));
    writeFileSync(join(lockPath(dir, 'dev1'), 'owner.json'), '{"pid":');
    refusal(dir);
    age(lockPath(dir, 'dev1'), 11_000);
    take(dir);
  });

  it("another host's lock goes stale only when its refresh stops", () => {
    const dir = dataDir();
    writeOwner(dir, { host: 'elsewhere', pid: process.pid }, 20_000);
    const err = refusal(dir);
    expect(err.owner?.host).toBe('elsewhere');
    expect(err.message).toContain(`on elsewhere, since`);
    writeOwner(dir, { host: 'elsewhere' }, 31_000);
    expect(take(dir).owner.host).toBe(hostname());
  });

  it('a dead owner on this host loses the lock at once, however fresh', () => {
    const dir = dataDir();
    writeOwner(dir, { pid: deadPid() });
    take(dir);
    expect(owner(dir).pid).toBe(process.pid);
  });

  it.runIf(process.platform === 'linux')('a reused pid is not the owner', () => {
    const dir = dataDir();
    writeOwner(dir, { pid: process.pid, startTicks: 1 });
    take(dir);
    expect(owner(dir).token).not.toBe('theirs');
  });

  it.runIf(process.platform === 'linux')('a zombie owner is dead', async () => {
    const dir = dataDir();
    // `sleep 0` exits, and its new parent (`sleep 30`, exec'd by the shell) never reaps it.
    const sh = new Child('/bin/sh', ['-c', 'sleep 0 & echo $!; exec sleep 30'], null);
    children.push(sh);
    const pid = Number(await sh.waitFor(/^\d+$/));
    const state = () => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
    expect(await poll(() => state() === 'Z')).toBe(true);
    writeOwner(dir, { pid });
    take(dir);
    expect(owner(dir).pid).toBe(process.pid);
  });

  it('an owner that is alive keeps the lock, however old its owner file', () => {
    const dir = dataDir();
    writeOwner(dir, { pid: process.pid, startTicks: null }, 3_600_000);
    refusal(dir, { staleMs: 1 });
  });

  it('a fresh break guard means someone else is breaking the lock: refused', () => {
    const dir = dataDir();
    writeOwner(dir, { pid: deadPid() });
    mkdirSync(`${lockPath(dir, 'dev1')}.break`);
    refusal(dir);
    age(`${lockPath(dir, 'dev1')}.break`, 6_000);
    take(dir);
    expect(readdirSync(dir)).toEqual(['lock-dev1']);
  });
});

describe('acquireLock across processes', () => {
  let holder: string;

  beforeAll(async () => {
    holder = await bundle(join(import.meta.dirname, '../../helpers/lock-holder.ts'));
  });

  function start(dir: string, staleMs = 1500, refreshMs = 300, goFile = '-', mode = ''): Child {
    const c = new Child(holder, [dir, 'dev1', String(staleMs), String(refreshMs), goFile, mode]);
    children.push(c);
    return c;
  }

  it('refuses while the holder runs, and takes it at once after SIGKILL', async () => {
    const dir = dataDir();
    const c = start(dir);
    await c.waitFor(/^locked /);
    expect(refusal(dir).owner?.pid).toBe(c.pid);
    await c.kill();
    expect(take(dir).verify()).toBe(true);
  });

  it('refuses while the holder is stopped (SIGSTOP) past the stale time', async () => {
    const dir = dataDir();
    const c = start(dir, 1500, 300);
    await c.waitFor(/^locked /);
    process.kill(c.pid, 'SIGSTOP');
    const ownerFile = join(lockPath(dir, 'dev1'), 'owner.json');
    const stale = await poll(() => Date.now() - statSync(ownerFile).mtimeMs > 1500);
    expect(stale).toBe(true);
    expect(refusal(dir, { staleMs: 1500 }).owner?.pid).toBe(c.pid);
    process.kill(c.pid, 'SIGCONT');
    c.send('verify');
    expect(await c.waitFor(/^verify /)).toBe('verify true');
  });

  it('a holder whose lock was taken away finds out: onLost fires, verify is false', async () => {
    const dir = dataDir();
    const c = start(dir, 1500, 100);
    await c.waitFor(/^locked /);
    // As a user would after a crash: remove the lock; then another session takes it.
    rmSync(lockPath(dir, 'dev1'), { recursive: true });
    take(dir);
    await c.waitFor(/^lost$/);
    c.send('verify');
    expect(await c.waitFor(/^verify /)).toBe('verify false');
    c.send('release');
    await c.waitFor(/^released$/);
    expect(owner(dir).pid).toBe(process.pid);
  });

  it('a holder that exits cleanly removes its lock', async () => {
    const dir = dataDir();
    const c = start(dir);
    await c.waitFor(/^locked /);
    c.proc.stdin.end();
    expect(await poll(() => c.exited)).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('the refresh timer does not keep a process alive, and the exit hook removes the lock', async () => {
    const dir = dataDir();
    const c = start(dir, 1500, 300, '-', 'once');
    await c.waitFor(/^locked /);
    expect(await poll(() => c.exited)).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('of several processes breaking a stale lock at once, exactly one gets it', async () => {
    const dir = dataDir();
    mkdirSync(lockPath(dir, 'dev1'));
    age(lockPath(dir, 'dev1'), 60_000);
    const go = join(dir, 'go');
    const racers = [1, 2, 3, 4].map(() => start(dir, 1500, 300, go));
    // All of them wait for the signal, so they try at the same moment.
    await Promise.all(racers.map((c) => c.waitFor(/^ready$/)));
    writeFileSync(go, '');
    const results = await Promise.all(racers.map((c) => c.waitFor(/^(locked|refused) /)));
    expect(results.filter((r) => r.startsWith('locked'))).toHaveLength(1);
    for (const r of results.filter((x) => x.startsWith('refused')))
      expect(r).toMatch(/^refused StoreLockedError: Another hyperrecall session/);
    const winner = racers[results.findIndex((r) => r.startsWith('locked'))]!;
    expect(owner(dir).pid).toBe(winner.pid);
    expect(readdirSync(dir).sort()).toEqual(['go', 'lock-dev1']);
  });
});
