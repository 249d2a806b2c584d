// Nothing is thrown away silently: every file the store cannot use is set aside (never
// overwritten), named in a notice, and the state is rebuilt from the logs. Files from an
// older version are upgraded with their settings; files from a newer one are left alone.
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { studyDay } from '../../../src/core/clock.js';
import type { Grade, ReviewRecord } from '../../../src/core/model.js';
import { newMemory, Scheduler } from '../../../src/core/scheduler.js';
import { resolveSettings } from '../../../src/core/settings.js';
import { StoreError } from '../../../src/store/errors.js';
import { SNAPSHOT_VERSION } from '../../../src/store/snapshot.js';
import { Store } from '../../../src/store/store.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const sched = new Scheduler(resolveSettings({ fuzz: false }));
const tmp = () => mkdtempSync(join(tmpdir(), 'hr-recover-'));
const open = (dataDir: string, readOnly = false, device = 'dev1') =>
  Store.open({ dataDir, device, now: () => T0, readOnly });

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

/** A data directory with three answers and the settings new-per-day 7. */
async function studied(): Promise<string> {
  const dir = tmp();
  const s = await open(dir);
  s.setSettings({ newPerDay: 7, desiredRetention: 0.85 });
  for (let i = 0; i < 3; i++) s.append(review(s, `d/c${i}`, 3, T0 + i * 60_000));
  await s.close();
  return dir;
}

const listing = (dir: string) => readdirSync(dir).sort();
const snapshotOf = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'state-dev1.json'), 'utf8')) as Record<string, unknown>;

describe('snapshot versions', () => {
  it('a version-1 snapshot is upgraded, settings and progress kept, and written back as current', async () => {
    const dir = await studied();
    const v2 = snapshotOf(dir);
    // What version 0.1 wrote: no stamps, no clock, schema 1.
    const { stamps: _s, clock: _c, ...rest } = v2;
    writeFileSync(join(dir, 'state-dev1.json'), JSON.stringify({ ...rest, schema: 1 }));
    rmSync(join(dir, 'state-dev1.json.bak'), { force: true });
    const s = await open(dir);
    expect(s.notices).toEqual([]);
    expect(s.settings).toEqual({ newPerDay: 7, desiredRetention: 0.85 });
    expect(s.progress.reviews).toBe(3);
    expect(s.verify()).toEqual([]);
    await s.close();
    const after = snapshotOf(dir);
    expect(after.schema).toBe(SNAPSHOT_VERSION);
    expect(after.clock).toBe(T0 + 2 * 60_000);
    expect(listing(dir).some((f) => f.includes('corrupt'))).toBe(false);
  });

  it('a snapshot from a newer version is never overwritten: writers refuse, readers work around it', async () => {
    const dir = await studied();
    const newer = JSON.stringify({
      ...snapshotOf(dir),
      schema: SNAPSHOT_VERSION + 1,
      weights: [1],
    });
    writeFileSync(join(dir, 'state-dev1.json'), newer);
    const err = await open(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toMatch(/newer hyperrecall.*Update hyperrecall/);
    const r = await open(dir, true);
    expect(r.progress.reviews).toBe(3);
    expect(r.notices.join(' ')).toMatch(/newer hyperrecall/);
    await r.close();
    expect(readFileSync(join(dir, 'state-dev1.json'), 'utf8')).toBe(newer);
  });

  it('a damaged snapshot is set aside; settings come back from the log', async () => {
    const dir = await studied();
    const s1 = await open(dir);
    s1.setSettings({ newPerDay: 9 });
    await s1.close();
    // The backup holds new-per-day 7; the damaged current file cannot be parsed. Settings
    // are records in the log, which says new-per-day 9 (and desired-retention reset).
    writeFileSync(join(dir, 'state-dev1.json'), '{"schema":2,"cards":{');
    const s = await open(dir);
    expect(s.notices[0]).toMatch(
      /could not be used \(not valid JSON\); it was moved to .*corrupt-/,
    );
    expect(s.settings).toEqual({ newPerDay: 9 });
    expect(s.progress.reviews).toBe(3);
    await s.close();
  });

  it('settings are saved from a snapshot whose progress is damaged but whose settings are not', async () => {
    const dir = await studied();
    rmSync(join(dir, 'state-dev1.json.bak'));
    const snap = snapshotOf(dir);
    writeFileSync(
      join(dir, 'state-dev1.json'),
      JSON.stringify({ ...snap, cards: { 'd/c0': { phase: 'bogus' } } }),
    );
    const s = await open(dir);
    expect(s.notices.join(' ')).toMatch(/card state is malformed/);
    expect(s.notices.join(' ')).toMatch(/Settings were recovered/);
    expect(s.settings).toEqual({ newPerDay: 7, desiredRetention: 0.85 });
    expect(s.progress.reviews).toBe(3);
    await s.close();
  });
});

describe('the cache disagrees with the logs', () => {
  it('a log shorter than the cache remembers: the cache is kept as a copy, progress rebuilt', async () => {
    const dir = await studied();
    const log = join(dir, 'reviews-dev1.jsonl');
    const lines = readFileSync(log, 'utf8').split('\n');
    // Two setting records, then the first two of the three answers.
    writeFileSync(log, `${lines.slice(0, 4).join('\n')}\n`);
    const s = await open(dir);
    expect(s.notices.join(' ')).toMatch(
      /reviews-dev1\.jsonl is shorter than the cache remembers.*old cache kept as .*mismatch-/,
    );
    expect(s.progress.reviews).toBe(2);
    expect(s.settings).toEqual({ newPerDay: 7, desiredRetention: 0.85 });
    await s.close();
    expect(listing(dir).filter((f) => f.includes('.mismatch-'))).toHaveLength(1);
  });

  it('a log that is gone is named too; a reader says so without writing anything', async () => {
    const dir = await studied();
    rmSync(join(dir, 'reviews-dev1.jsonl'));
    const before = listing(dir);
    const r = await open(dir, true);
    expect(r.notices.join(' ')).toMatch(/reviews-dev1\.jsonl is shorter .* or gone/);
    expect(r.progress.reviews).toBe(0);
    await r.close();
    expect(listing(dir)).toEqual(before);
  });

  it("another device's copy of a log counts once", async () => {
    const dir = await studied();
    const log = readFileSync(join(dir, 'reviews-dev1.jsonl'));
    writeFileSync(join(dir, 'reviews-laptop.jsonl'), log);
    const s = await open(dir);
    expect(s.progress.reviews).toBe(3);
    expect(s.verify()).toEqual([]);
    await s.close();
  });
});

describe('log lines', () => {
  it('lines from a newer version are skipped with one notice and stay in the log', async () => {
    const dir = await studied();
    const log = join(dir, 'reviews-dev1.jsonl');
    appendFileSync(
      log,
      `${JSON.stringify({ type: 'hologram', id: 'x1', at: T0 + 9e6, key: 'k' })}\n`,
    );
    appendFileSync(
      log,
      `${JSON.stringify({ type: 'mark', id: 'x2', at: T0 + 9e6, key: 'd/c0', mark: 'pin', day: 1 })}\n`,
    );
    const s = await open(dir);
    const notices = s.notices.filter((n) => n.includes('newer hyperrecall'));
    expect(notices).toEqual([
      '2 log entries from a newer hyperrecall version were skipped (kept in the log); update hyperrecall to use them.',
    ]);
    expect(s.progress.reviews).toBe(3);
    s.append(review(s, 'd/c9', 3, T0 + 1e7));
    await s.close();
    expect(readFileSync(log, 'utf8')).toMatch(/"mark":"pin"/);
  });

  it('an unreadable line is skipped and named with its byte offset', async () => {
    const dir = await studied();
    const log = join(dir, 'reviews-dev1.jsonl');
    const size = readFileSync(log).length;
    appendFileSync(log, 'not json at all\n');
    const s = await open(dir);
    expect(s.notices.join(' ')).toContain(`an unreadable line at byte ${size} was skipped`);
    await s.close();
    // Kept beside the log, so it can still be found once the cache has moved past it.
    expect(readFileSync(join(dir, `reviews-dev1.jsonl.unreadable-${size}`), 'utf8')).toBe(
      'not json at all\n',
    );
    const again = await open(dir);
    expect(again.notices).toEqual([]);
    expect(again.setAsideFiles()).toEqual([`reviews-dev1.jsonl.unreadable-${size}`]);
    await again.close();
  });
});

describe('paths that are not what they should be', () => {
  it('a log path that is a directory gives a one-line error naming it', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'reviews-dev1.jsonl'));
    const err = await open(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toMatch(/reviews-dev1\.jsonl is a directory/);
    expect((err as Error).message).not.toContain('\n');
  });

  it('a lock path that is a file gives a one-line error naming it', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'lock-dev1'), 'x');
    const err = await open(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toMatch(/lock-dev1 is a file, not hyperrecall's lock/);
  });
});

describe('the exam in progress', () => {
  const exam = { id: 'e' };
  const valid = (x: unknown): x is { id: string } =>
    !!x && typeof x === 'object' && (x as { id?: unknown }).id === 'e';

  it('a version-1 file (no version field) still loads', async () => {
    const dir = await studied();
    writeFileSync(join(dir, 'exam-dev1.json'), JSON.stringify({ exam, savedAt: T0 }));
    const s = await open(dir);
    expect(s.loadExamInProgress(valid)).toEqual({ exam, savedAt: T0 });
    await s.close();
  });

  it('a damaged or newer file is set aside, never deleted', async () => {
    for (const [text, label] of [
      ['{"exam": tr', 'corrupt'],
      [JSON.stringify({ version: 99, exam, savedAt: T0 }), 'newer'],
      [JSON.stringify({ version: 2, exam: { id: 'other' }, savedAt: T0 }), 'corrupt'],
    ] as const) {
      const dir = await studied();
      writeFileSync(join(dir, 'exam-dev1.json'), text);
      const s = await open(dir);
      expect(s.loadExamInProgress(valid)).toBeNull();
      expect(s.notices.join(' ')).toMatch(/saved exam could not be used/);
      await s.close();
      const aside = listing(dir).filter((f) => f.startsWith(`exam-dev1.json.${label}-`));
      expect(aside).toHaveLength(1);
      expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe(text);
    }
  });

  it('saves and clears', async () => {
    const dir = await studied();
    const s = await open(dir);
    s.saveExamInProgress(exam, T0);
    expect(s.loadExamInProgress(valid)).toEqual({ exam, savedAt: T0 });
    s.clearExamInProgress();
    expect(s.loadExamInProgress(valid)).toBeNull();
    await s.close();
  });
});

describe('read-only opens write nothing', () => {
  it('even when the snapshot is damaged and the log has a torn tail', async () => {
    const dir = await studied();
    writeFileSync(join(dir, 'state-dev1.json'), '{broken');
    appendFileSync(join(dir, 'reviews-dev1.jsonl'), '{"type":"rev');
    writeFileSync(join(dir, 'exam-dev1.json'), 'junk');
    const before = listing(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
    const r = await open(dir, true);
    expect(r.progress.reviews).toBe(3);
    expect(r.loadExamInProgress((x): x is unknown => true)).toBeNull();
    expect(r.notices.length).toBeGreaterThan(0);
    await r.close();
    expect(listing(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')])).toEqual(before);
  });

  it('after a torn tail, a reader does not count the unfinished line', async () => {
    const dir = await studied();
    truncateSync(
      join(dir, 'reviews-dev1.jsonl'),
      readFileSync(join(dir, 'reviews-dev1.jsonl')).length - 3,
    );
    const r = await open(dir, true);
    expect(r.progress.reviews).toBe(2);
    await r.close();
  });
});
