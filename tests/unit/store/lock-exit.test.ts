// A clean exit releases every lock this process still holds, through one 'exit' listener
// added with the first lock. Its own file: the listener is added once per module instance.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, lockPath } from '../../../src/store/lock.js';
import { T0 } from '../../helpers/records.js';

const dataDir = () => mkdtempSync(join(tmpdir(), 'hr-lock-exit-'));

describe('releasing locks at exit', () => {
  it('one listener releases the locks still held, and leaves others alone', () => {
    const before = process.listeners('exit');
    const [a, b, c] = [dataDir(), dataDir(), dataDir()];
    acquireLock(a, 'dev1', { now: () => T0 });
    const added = process.listeners('exit').filter((l) => !before.includes(l));
    expect(added).toHaveLength(1);
    const lockB = acquireLock(b, 'dev1', { now: () => T0 });
    const lockC = acquireLock(c, 'dev1', { now: () => T0 });
    expect(process.listeners('exit')).toHaveLength(before.length + 1);
    lockC.release();
    // Another session took b's lock: it is not ours to remove.
    const ownerB = join(lockPath(b, 'dev1'), 'owner.json');
    const o = JSON.parse(readFileSync(ownerB, 'utf8')) as Record<string, unknown>;
    writeFileSync(ownerB, JSON.stringify({ ...o, token: 'other' }));
    (added[0] as () => void)();
    expect(readdirSync(a)).toEqual([]);
    expect(JSON.parse(readFileSync(ownerB, 'utf8')).token).toBe('other');
    expect(lockB.verify()).toBe(false);
    expect(readdirSync(c)).toEqual([]);
  });
});
