import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { studyDay } from '../../../src/core/clock.js';
import { rebuildProgress } from '../../../src/core/fold.js';
import type { Grade, ReviewRecord } from '../../../src/core/model.js';
import { newMemory, Scheduler } from '../../../src/core/scheduler.js';
import { resolveSettings } from '../../../src/core/settings.js';
import { StoreLockedError } from '../../../src/store/errors.js';
import { Store } from '../../../src/store/store.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const DAY = 86_400_000;
const sched = new Scheduler(resolveSettings({ fuzz: false }));

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'hr-store-'));
}

function open(dataDir: string, readOnly = false, device = 'dev1') {
  return Store.open({ dataDir, device, now: () => T0, readOnly });
}

let seq = 0;
function record(store: Store, key: string, rating: Grade, at: number): ReviewRecord {
  const before = store.progress.cards[key] ?? null;
  return {
    type: 'review',
    id: `t-${seq++}`,
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

async function studySome(dir: string): Promise<void> {
  const s = await open(dir);
  for (let i = 0; i < 5; i++)
    s.append(record(s, `d/c${i % 3}`, ((i % 4) + 1) as Grade, T0 + i * 60_000));
  await s.close();
}

describe('Store', () => {
  it('round-trips progress through the snapshot and the log', async () => {
    const dir = tmp();
    await studySome(dir);
    const s = await open(dir, true);
    expect(Object.keys(s.progress.cards).sort()).toEqual(['d/c0', 'd/c1', 'd/c2']);
    expect(s.progress.reviews).toBe(5);
    expect(s.progress.days[studyDay(T0, 4)]?.newCards).toBe(3);
    await s.close();
  });

  it('rebuilding from the log gives exactly the snapshot', async () => {
    const dir = tmp();
    await studySome(dir);
    const s = await open(dir, true);
    const rebuilt = rebuildProgress(s.readAllRecords());
    expect(rebuilt.cards).toEqual(s.progress.cards);
    expect(rebuilt.days).toEqual(s.progress.days);
    await s.close();
  });

  it('a review is in the log file as soon as append returns', async () => {
    const dir = tmp();
    const s = await open(dir);
    s.append(record(s, 'd/x', 3, T0));
    const log = readFileSync(join(dir, 'reviews-dev1.jsonl'), 'utf8');
    expect(log.trim().split('\n')).toHaveLength(1);
    await s.close();
  });

  it('catches up with log lines the snapshot has not seen (crash before the cache was written)', async () => {
    const dir = tmp();
    await studySome(dir);
    const other = await open(dir, false, 'dev2');
    other.append(record(other, 'd/c9', 3, T0 + DAY));
    await other.close();
    const s = await open(dir, true);
    expect(s.progress.cards['d/c9']).toBeDefined();
    expect(s.progress.reviews).toBe(6);
    await s.close();
  });

  it('sets a corrupt snapshot aside, never overwrites it, and rebuilds from the log', async () => {
    const dir = tmp();
    await studySome(dir);
    const before = (await open(dir, true)).progress.cards;
    writeFileSync(join(dir, 'state-dev1.json'), '{"schema": 1, "cards": {trunc');
    const s = await open(dir);
    expect(s.notices[0]).toMatch(
      /could not be used \(not valid JSON\); it was moved to .*corrupt-/,
    );
    expect(s.progress.cards).toEqual(before);
    await s.close();
    const aside = readdirSync(dir).filter((f) => f.includes('.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe('{"schema": 1, "cards": {trunc');
  });

  it('cuts off a torn last log line but keeps its bytes', async () => {
    const dir = tmp();
    await studySome(dir);
    appendFileSync(join(dir, 'reviews-dev1.jsonl'), '{"type":"review","id":"half');
    const s = await open(dir);
    expect(s.progress.reviews).toBe(5);
    expect(s.notices.join(' ')).toMatch(/unfinished log line was cut off/);
    s.append(record(s, 'd/c0', 3, T0 + DAY));
    await s.close();
    const r = await open(dir, true);
    expect(r.progress.reviews).toBe(6);
    expect(readdirSync(dir).some((f) => f.includes('.torn-'))).toBe(true);
    await r.close();
  });

  it('refuses a second writer but lets a reader in', async () => {
    const dir = tmp();
    const first = await open(dir);
    await expect(open(dir)).rejects.toBeInstanceOf(StoreLockedError);
    const reader = await open(dir, true);
    await reader.close();
    await first.close();
    const again = await open(dir);
    await again.close();
  });

  it('a read-only open of an empty directory creates nothing', async () => {
    const dir = join(tmp(), 'none');
    const s = await open(dir, true);
    expect(s.progress.reviews).toBe(0);
    await s.close();
    expect(existsSync(dir)).toBe(false);
  });
});
