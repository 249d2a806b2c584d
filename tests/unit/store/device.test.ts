// The device name: stable across runs, kept per host, chosen once; and a rename that a kill
// at any point leaves with every record readable.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAllLogs } from '../../../src/store/catch-up.js';
import { deviceFile, keepDevice, resolveDevice } from '../../../src/store/device.js';
import { renameDevice } from '../../../src/store/device-rename.js';
import { StoreError, StoreLockedError } from '../../../src/store/errors.js';
import { type Io, realIo } from '../../../src/store/io.js';
import { acquireLock } from '../../../src/store/lock.js';
import { Store } from '../../../src/store/store.js';
import { review, T0 } from '../../helpers/records.js';

const HOST = 'box';
const tmp = () => mkdtempSync(join(tmpdir(), 'hr-device-'));

describe('the device name', () => {
  it('HYPERRECALL_DEVICE wins, sanitised', () => {
    expect(resolveDevice(tmp(), { HYPERRECALL_DEVICE: 'My Laptop' }, realIo, HOST)).toEqual({
      name: 'my-laptop',
      source: 'env',
    });
  });

  it('a new host gets its name plus four hex digits, kept by the first writer only', async () => {
    const dir = tmp();
    const first = resolveDevice(dir, {}, realIo, HOST);
    expect(first.name).toMatch(/^box-[0-9a-f]{4}$/);
    expect(first.source).toBe('new');
    // A read-only run writes nothing: the next run may choose again.
    expect(existsSync(deviceFile(dir, HOST))).toBe(false);
    const chosen = resolveDevice(dir, {}, realIo, HOST).name;
    keepDevice(dir, chosen, realIo, HOST);
    expect(JSON.parse(readFileSync(deviceFile(dir, HOST), 'utf8'))).toEqual({ device: chosen });
    expect(resolveDevice(dir, {}, realIo, HOST)).toEqual({ name: chosen, source: 'file' });
    // Kept once: a later choice for this directory does not replace it.
    keepDevice(dir, 'other', realIo, HOST);
    expect(resolveDevice(dir, {}, realIo, HOST).name).toBe(chosen);
  });

  it('data from before device files keeps its name: the host name, unchanged', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'reviews-box.jsonl'), '');
    expect(resolveDevice(dir, {}, realIo, HOST)).toEqual({ name: 'box', source: 'existing-log' });
    keepDevice(dir, 'box', realIo, HOST);
    expect(resolveDevice(dir, {}, realIo, HOST)).toEqual({ name: 'box', source: 'file' });
  });

  it('each host has its own device file, so a synced folder never has two writers on one', () => {
    const dir = tmp();
    const a = resolveDevice(dir, {}, realIo, 'host-a').name;
    keepDevice(dir, a, realIo, 'host-a');
    const b = resolveDevice(dir, {}, realIo, 'host-b').name;
    keepDevice(dir, b, realIo, 'host-b');
    expect(
      readdirSync(dir)
        .filter((f) => f.startsWith('device-'))
        .sort(),
    ).toEqual(['device-host-a.json', 'device-host-b.json']);
  });
});

async function studied(device: string, n = 5): Promise<string> {
  const dir = tmp();
  const s = await Store.open({ dataDir: dir, device, now: () => T0, readOnly: false });
  for (let i = 0; i < n; i++) s.append({ ...review(i), id: `${device}-${i}-0000000${i}` });
  s.setSettings({ newPerDay: 3 });
  await s.close();
  writeFileSync(join(dir, `exam-${device}.json`), '{"version":2,"exam":{},"savedAt":1}');
  // As the first writable open keeps it.
  writeFileSync(deviceFile(dir, HOST), JSON.stringify({ device }));
  return dir;
}

const ids = (dir: string) =>
  new Set(readAllLogs(dir).logs.flatMap((l) => l.records.map((r) => r.id)));

describe('config set device: the rename', () => {
  it('moves the log, the cache and the exam in progress, and keeps the name', async () => {
    const dir = await studied('old');
    const before = ids(dir);
    renameDevice({ dataDir: dir, from: 'old', to: 'new', host: HOST });
    expect(readdirSync(dir).sort()).toEqual(
      ['device-box.json', 'exam-new.json', 'reviews-new.jsonl', 'state-new.json'].sort(),
    );
    expect(resolveDevice(dir, {}, realIo, HOST)).toEqual({ name: 'new', source: 'file' });
    expect(ids(dir)).toEqual(before);
    const s = await Store.open({ dataDir: dir, device: 'new', now: () => T0, readOnly: false });
    expect(s.notices).toEqual([]);
    expect(s.progress.reviews).toBe(5);
    expect(s.settings).toEqual({ newPerDay: 3 });
    expect(s.verify()).toEqual([]);
    await s.close();
  });

  it('is refused while a session holds the lock, for a taken name, and for a bad name', async () => {
    const dir = await studied('old');
    const lock = acquireLock(dir, 'old');
    try {
      expect(() => renameDevice({ dataDir: dir, from: 'old', to: 'new', host: HOST })).toThrow(
        StoreLockedError,
      );
    } finally {
      lock.release();
    }
    writeFileSync(join(dir, 'reviews-laptop.jsonl'), '');
    expect(() => renameDevice({ dataDir: dir, from: 'old', to: 'laptop', host: HOST })).toThrow(
      /already exists/,
    );
    expect(() => renameDevice({ dataDir: dir, from: 'old', to: 'Bad Name', host: HOST })).toThrow(
      StoreError,
    );
    expect(existsSync(join(dir, 'reviews-old.jsonl'))).toBe(true);
    expect(existsSync(join(dir, 'reviews-new.jsonl'))).toBe(false);
  });

  it('killed at any step, every record stays readable and the rename can be run again', async () => {
    class Killed extends Error {}
    const MODIFYING = [
      'openSync',
      'writeSync',
      'renameSync',
      'linkSync',
      'unlinkSync',
      'fsyncSync',
    ];
    for (let stopAt = 0; ; stopAt++) {
      const dir = await studied('old');
      const before = ids(dir);
      let calls = 0;
      const dying = { ...realIo } as Record<string, unknown>;
      for (const name of MODIFYING) {
        const real = (realIo as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!;
        dying[name] = (...args: unknown[]) => {
          const writes = name !== 'openSync' || args[1] !== 'r';
          if (writes && calls++ >= stopAt) throw new Killed(`killed before ${name}`);
          return real(...args);
        };
      }
      let finished = true;
      try {
        renameDevice({
          dataDir: dir,
          from: 'old',
          to: 'new',
          io: dying as unknown as Io,
          host: HOST,
        });
      } catch (err) {
        // The kill may surface wrapped (WriteFailedError's cause): it is still the kill.
        let e: unknown = err;
        while (e instanceof Error && !(e instanceof Killed)) e = e.cause;
        if (!(e instanceof Killed)) throw err;
        finished = false;
      }
      // Every record is still in some log, and the device opens under whatever name it has.
      expect(ids(dir)).toEqual(before);
      const name = resolveDevice(dir, {}, realIo, HOST);
      expect(['old', 'new']).toContain(name.name);
      const s = await Store.open({
        dataDir: dir,
        device: name.name,
        now: () => T0,
        readOnly: false,
      });
      expect(s.progress.reviews).toBe(5);
      expect(s.settings).toEqual({ newPerDay: 3 });
      await s.close();
      if (name.name === 'old') renameDevice({ dataDir: dir, from: 'old', to: 'new', host: HOST });
      expect(ids(dir)).toEqual(before);
      if (finished) {
        expect(stopAt).toBeGreaterThan(5);
        break;
      }
    }
  });
});
