// The store's promise across devices, with real files: two or three devices answer, mark,
// undo and finish exams in their own data directories while a sync tool copies their logs
// about in pieces (a line may arrive half), a log is duplicated under another name, and the
// clock steps back now and then. Whenever a device opens its data directory, its progress
// equals a fold of every log it holds, computed here independently of the store.
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { studyDay } from '../../../src/core/clock.js';
import { type DeviceLog, foldLogs } from '../../../src/core/fold.js';
import type { Grade, LogRecord, MarkKind } from '../../../src/core/model.js';
import type { Progress } from '../../../src/core/progress.js';
import { examRecord, markRecord, reviewRecord, undoRecord } from '../../../src/core/records.js';
import { newMemory, Scheduler } from '../../../src/core/scheduler.js';
import { storedSettingsOf } from '../../../src/core/setting-records.js';
import { resolveSettings } from '../../../src/core/settings.js';
import { type Io, realIo } from '../../../src/store/io.js';
import { LOG_RE, logDevice, logFileName } from '../../../src/store/review-log.js';
import { Store } from '../../../src/store/store.js';
import { examSummary, T0 } from '../../helpers/records.js';

const sched = new Scheduler(resolveSettings({ fuzz: false }));
const MIN = 60_000;
// Durability is not what this test is about: skipping fsync makes it ten times faster.
const io: Io = { ...realIo, fsyncSync: () => {}, fdatasyncSync: () => {} };

type Op =
  | { kind: 'answer'; dev: number; card: number; rating: Grade; step: number }
  | { kind: 'mark'; dev: number; card: number; mark: MarkKind; step: number }
  | { kind: 'undo'; dev: number; step: number }
  | { kind: 'exam'; dev: number; step: number }
  | { kind: 'setting'; dev: number; value: number | null; step: number }
  | { kind: 'sync'; from: number; to: number; lines: number; torn: boolean }
  | { kind: 'copy'; dev: number; from: number }
  | { kind: 'reopen'; dev: number };

const dev = fc.nat(2);
// Mostly forward in time; sometimes the clock steps back, by up to two hours.
const step = fc.integer({ min: -120, max: 600 });
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('answer' as const),
      dev,
      card: fc.nat(3),
      rating: fc.constantFrom<Grade>(1, 2, 3, 4),
      step,
    }),
    weight: 6,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('mark' as const),
      dev,
      card: fc.nat(3),
      mark: fc.constantFrom<MarkKind>('flag', 'suspend', 'unsuspend', 'bury', 'leech'),
      step,
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('undo' as const), dev, step }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('exam' as const), dev, step }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('setting' as const),
      dev,
      value: fc.option(fc.integer({ min: 0, max: 30 })),
      step,
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('sync' as const),
      from: dev,
      to: dev,
      lines: fc.nat(12),
      torn: fc.boolean(),
    }),
    weight: 4,
  },
  { arbitrary: fc.record({ kind: fc.constant('copy' as const), dev, from: dev }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('reopen' as const), dev }), weight: 3 },
);

/** The complete lines of every log in `dir`, parsed here without the store's reader. */
function logsIn(dir: string): DeviceLog[] {
  return readdirSync(dir)
    .filter((n) => LOG_RE.test(n) || /^reviews-dev\d\.sync-conflict-[\d-]+ABC\.jsonl$/.test(n))
    .sort()
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      const complete = text.slice(0, text.lastIndexOf('\n') + 1);
      const records = complete
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as LogRecord);
      return { device: logDevice(name), records };
    });
}

function progressOf(p: Progress): Progress {
  const { cards, marks, days, reviews, lastAnswer, exams, stamps, settingRecords } = p;
  return structuredClone({
    cards,
    marks,
    days,
    reviews,
    lastAnswer,
    exams,
    stamps,
    settingRecords,
  });
}

class World {
  readonly dirs: string[];
  readonly stores: (Store | null)[];
  now = T0;
  private seq = 0;

  constructor(readonly devices: number) {
    const root = mkdtempSync(join(tmpdir(), 'hr-sync-'));
    this.dirs = Array.from({ length: devices }, (_, d) => join(root, `dev${d}`));
    this.stores = this.dirs.map(() => null);
  }

  async store(d: number): Promise<Store> {
    const open = this.stores[d];
    if (open) return open;
    const s = await Store.open({
      dataDir: this.dirs[d]!,
      device: `dev${d}`,
      now: () => this.now,
      readOnly: false,
      io,
    });
    this.stores[d] = s;
    return s;
  }

  /** Opens device d afresh and checks its progress against an independent fold. */
  async reopen(d: number): Promise<void> {
    await this.stores[d]?.close();
    this.stores[d] = null;
    const dir = this.dirs[d]!;
    const reader = await Store.open({
      dataDir: dir,
      device: `dev${d}`,
      now: () => this.now,
      readOnly: true,
      io,
    });
    const expected = progressOf(foldLogs(logsIn(dir), `dev${d}`));
    expect(progressOf(reader.progress)).toEqual(expected);
    expect(reader.settings).toEqual(storedSettingsOf(expected.settingRecords));
    await reader.close();
    const s = await this.store(d);
    expect(progressOf(s.progress)).toEqual(expected);
  }

  async apply(o: Op): Promise<void> {
    if (o.kind === 'reopen') return this.reopen(o.dev % this.devices);
    if (o.kind === 'sync')
      return this.sync(o.from % this.devices, o.to % this.devices, o.lines, o.torn);
    if (o.kind === 'copy') return this.copy(o.dev % this.devices, o.from % this.devices);
    const d = o.dev % this.devices;
    const s = await this.store(d);
    this.now += o.step * MIN;
    const id = `dev${d}-${this.seq++}`;
    const day = studyDay(this.now, 4);
    if (o.kind === 'answer') {
      const key = `deck/c${o.card}`;
      const at = s.recordTime(key, this.now);
      const before = s.progress.cards[key] ?? null;
      const after = sched.answer(before ?? newMemory(at), at, o.rating, key);
      s.append(
        reviewRecord({
          id,
          key,
          at,
          rating: o.rating,
          mode: 'study',
          tookMs: 1000,
          before,
          after,
          day,
        }),
      );
    } else if (o.kind === 'mark') {
      const key = `deck/c${o.card}`;
      s.append(markRecord(id, key, o.mark, s.recordTime(key, this.now), day));
    } else if (o.kind === 'undo') {
      const last = s.progress.lastAnswer;
      if (last) s.append(undoRecord(id, s.recordTime(last.key, this.now), last));
    } else if (o.kind === 'setting') {
      // Settings are records too: the last writer of new-per-day wins on every device.
      s.setSettings({ ...s.settings, newPerDay: o.value ?? undefined });
    } else {
      s.append(examRecord(examSummary(id, s.recordTime(null, this.now))));
    }
  }

  /** A sync tool copies the first `lines` lines of a device's own log (maybe half of one more). */
  sync(from: number, to: number, lines: number, torn: boolean): void {
    if (from === to) return;
    const name = logFileName(`dev${from}`);
    const source = join(this.dirs[from]!, name);
    if (!existsSync(source) || !existsSync(this.dirs[to]!)) return;
    const all = readFileSync(source, 'utf8').split('\n').filter(Boolean);
    const part = all.slice(0, lines);
    let text = part.map((l) => `${l}\n`).join('');
    const next = all[lines];
    if (torn && next) text += next.slice(0, Math.floor(next.length / 2));
    writeFileSync(join(this.dirs[to]!, name), text);
  }

  /** A log duplicated under another device's name (a backup restored in the wrong place). */
  copy(d: number, from: number): void {
    const name = logFileName(`dev${from}`);
    const source = join(this.dirs[d]!, name);
    // Half the time as a sync tool's conflict copy, which is read with the logs too.
    const copy =
      from % 2 === 0
        ? `reviews-copy${from}.jsonl`
        : `reviews-dev${from}.sync-conflict-20261202-101010-ABC.jsonl`;
    if (existsSync(source)) copyFileSync(source, join(this.dirs[d]!, copy));
  }

  /** Each device's records are strictly later than the one before, whatever the clock did. */
  checkOwnOrder(): void {
    for (let d = 0; d < this.devices; d++) {
      const own = join(this.dirs[d]!, logFileName(`dev${d}`));
      if (!existsSync(own)) continue;
      const times = logsIn(this.dirs[d]!)
        .find((l) => l.device === `dev${d}`)!
        .records.map((r) => r.at);
      for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThan(times[i - 1]!);
    }
  }

  async close(): Promise<void> {
    for (const s of this.stores) await s?.close();
  }
}

describe('catching up across devices (property, real files)', () => {
  it('every open gives what a fold of all logs gives', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 3 }),
        fc.array(op, { minLength: 5, maxLength: 30 }),
        async (devices, ops) => {
          const world = new World(devices);
          try {
            for (let d = 0; d < devices; d++) await world.store(d);
            for (const o of ops) await world.apply(o);
            for (let d = 0; d < devices; d++) await world.reopen(d);
            world.checkOwnOrder();
          } finally {
            await world.close();
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});
