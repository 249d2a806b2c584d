// The store's promises under a full disk and a lost lock: an answer that could not be
// written is not applied and not acknowledged; the cache waits; a session whose lock was
// taken stops writing.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { studyDay } from '../../../src/core/clock.js';
import type { Grade, ReviewRecord } from '../../../src/core/model.js';
import { newMemory, Scheduler } from '../../../src/core/scheduler.js';
import { resolveSettings } from '../../../src/core/settings.js';
import { LockLostError, WriteFailedError } from '../../../src/store/errors.js';
import { realIo } from '../../../src/store/io.js';
import { lockPath } from '../../../src/store/lock.js';
import { Store } from '../../../src/store/store.js';
import { type FaultPlan, faultyIo } from '../../helpers/faulty-io.js';
import { canMount, mountTmpfs, unmount } from '../../helpers/mount.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const sched = new Scheduler(resolveSettings({ fuzz: false }));

let seq = 0;
function review(store: Store, key: string, rating: Grade, at: number): ReviewRecord {
  const before = store.progress.cards[key] ?? null;
  return {
    type: 'review',
    id: `dev1-${seq++}`,
    key,
    at,
    rating,
    mode: 'study',
    tookMs: 1000,
    before,
    after: sched.answer(before ?? newMemory(at), at, rating, key),
    day: studyDay(at, 4),
  };
}

const logLines = (dir: string) =>
  readFileSync(join(dir, 'reviews-dev1.jsonl'), 'utf8').split('\n').filter(Boolean);

describe('a full disk (injected)', () => {
  it('an answer that cannot be written is refused and not applied; a retry after space is freed saves it once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hr-full-'));
    const plan: FaultPlan = {};
    const s = await Store.open({
      dataDir: dir,
      device: 'dev1',
      now: () => T0,
      readOnly: false,
      io: faultyIo(realIo, plan),
    });
    s.append(review(s, 'd/a', 3, T0));
    const version = s.version;
    const rec = review(s, 'd/b', 3, T0 + 1000);
    plan.spaceLeft = 40;
    expect(() => s.append(rec)).toThrow(WriteFailedError);
    expect(() => s.append(rec)).toThrow(/the disk is full \(ENOSPC\).*nothing was half-written/);
    expect(s.progress.cards['d/b']).toBeUndefined();
    expect(s.progress.reviews).toBe(1);
    expect(s.version).toBe(version);
    expect(logLines(dir)).toHaveLength(1);
    plan.spaceLeft = undefined;
    s.append(rec);
    expect(s.progress.reviews).toBe(2);
    await s.close();
    expect(logLines(dir).map((l) => (JSON.parse(l) as { id: string }).id)).toEqual([
      'dev1-0',
      rec.id,
    ]);
  });

  it('a cache that cannot be rewritten is reported, not fatal; the log still has everything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hr-full-'));
    const plan: FaultPlan = {};
    const s = await Store.open({
      dataDir: dir,
      device: 'dev1',
      now: () => T0,
      readOnly: false,
      io: faultyIo(realIo, plan),
    });
    s.append(review(s, 'd/a', 3, T0));
    plan.fail = { renameSync: 'ENOSPC', linkSync: 'ENOSPC', copyFileSync: 'ENOSPC' };
    await s.close();
    expect(s.notices.join(' ')).toMatch(/cache could not be updated .*rebuilt from the review log/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const again = await Store.open({ dataDir: dir, device: 'dev1', now: () => T0, readOnly: true });
    expect(again.progress.reviews).toBe(1);
    await again.close();
  });

  it('settings that cannot be saved are not applied', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hr-full-'));
    const plan: FaultPlan = {};
    const s = await Store.open({
      dataDir: dir,
      device: 'dev1',
      now: () => T0,
      readOnly: false,
      io: faultyIo(realIo, plan),
    });
    s.setSettings({ newPerDay: 5 });
    plan.spaceLeft = 0;
    expect(() => s.setSettings({ newPerDay: 6 })).toThrow(WriteFailedError);
    expect(s.settings).toEqual({ newPerDay: 5 });
    plan.spaceLeft = undefined;
    await s.close();
  });
});

const mount = canMount();
describe.runIf(mount.ok)('a full disk (a real 64 KiB tmpfs)', () => {
  const mounted: string[] = [];
  afterAll(() => {
    for (const d of mounted) unmount(d);
  });

  it('every answer acknowledged before the disk filled is there after a restart; none is half there', async () => {
    const dir = mountTmpfs('64k');
    mounted.push(dir);
    writeFileSync(join(dir, 'filler'), Buffer.alloc(16 * 1024));
    const s = await Store.open({ dataDir: dir, device: 'dev1', now: () => T0, readOnly: false });
    const acked: string[] = [];
    let failed: unknown = null;
    for (let i = 0; i < 1000 && !failed; i++) {
      const rec = review(s, `d/c${i % 50}`, 3, T0 + i * 1000);
      try {
        s.append(rec);
        acked.push(rec.id);
      } catch (err) {
        failed = err;
      }
    }
    expect(failed).toBeInstanceOf(WriteFailedError);
    expect(acked.length).toBeGreaterThan(10);
    rmSync(join(dir, 'filler'));
    const last = review(s, 'd/after', 3, T0 + 2_000_000);
    s.append(last);
    await s.close();
    const ids = logLines(dir).map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toEqual([...acked, last.id]);
    const r = await Store.open({ dataDir: dir, device: 'dev1', now: () => T0, readOnly: true });
    expect(r.progress.reviews).toBe(acked.length + 1);
    expect(r.notices).toEqual([]);
    await r.close();
  });
});

describe('the lock', () => {
  it('a session whose lock was taken over stops writing and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hr-lock-'));
    const s = await Store.open({ dataDir: dir, device: 'dev1', now: () => T0, readOnly: false });
    s.append(review(s, 'd/a', 3, T0));
    // Another process broke the lock and took it (e.g. after this one was stopped).
    const owner = join(lockPath(dir, 'dev1'), 'owner.json');
    const o = JSON.parse(readFileSync(owner, 'utf8')) as Record<string, unknown>;
    writeFileSync(owner, JSON.stringify({ ...o, pid: o.pid, token: 'someone-else' }));
    expect(() => s.append(review(s, 'd/b', 3, T0 + 1000))).toThrow(LockLostError);
    expect(s.lockLost).toBe(true);
    expect(() => s.setSettings({ newPerDay: 1 })).toThrow(LockLostError);
    await s.close();
    expect(logLines(dir)).toHaveLength(1);
    // The other session's lock is left alone.
    expect(JSON.parse(readFileSync(owner, 'utf8'))).toMatchObject({ token: 'someone-else' });
  });
});
