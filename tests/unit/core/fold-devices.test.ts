// The state is a function of the union of all devices' logs (issue 14): two or three devices
// answer (the same card on the same day too), undo, mark and change settings, each from its
// own view; however the logs are split, interleaved, duplicated or ordered, foldLogs gives
// the same progress, and every device's answers count in the day once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { studyDay } from '../../../src/core/clock.js';
import { type DeviceLog, foldLogs, rebuildProgress } from '../../../src/core/fold.js';
import type { Grade, LogRecord, MarkKind, ReviewRecord } from '../../../src/core/model.js';
import { markRecord, reviewRecord, undoRecord } from '../../../src/core/records.js';
import { newMemory, Scheduler } from '../../../src/core/scheduler.js';
import { settingRecord } from '../../../src/core/setting-records.js';
import { resolveSettings } from '../../../src/core/settings.js';

const sched = new Scheduler(resolveSettings({ fuzz: false }));
const T0 = Date.parse('2026-03-02T10:00:00Z');
const MIN = 60_000;
const DEVICES = ['laptop', 'desk-top', 'srv'];

type Op =
  | { kind: 'answer'; dev: number; card: number; rating: Grade; gap: number }
  | { kind: 'undo'; dev: number; gap: number }
  | { kind: 'mark'; dev: number; card: number; mark: MarkKind; gap: number }
  | { kind: 'setting'; dev: number; value: number | null; deck: boolean; gap: number }
  | { kind: 'see'; dev: number; from: number };

const opArb = (devices: number): fc.Arbitrary<Op> => {
  const dev = fc.nat(devices - 1);
  // Minutes since the device's previous record: often the same minute across devices.
  const gap = fc.integer({ min: 0, max: 90 });
  return fc.oneof(
    {
      arbitrary: fc.record({
        kind: fc.constant('answer' as const),
        dev,
        card: fc.nat(2),
        rating: fc.constantFrom<Grade>(1, 2, 3, 4),
        gap,
      }),
      weight: 6,
    },
    { arbitrary: fc.record({ kind: fc.constant('undo' as const), dev, gap }), weight: 1 },
    {
      arbitrary: fc.record({
        kind: fc.constant('mark' as const),
        dev,
        card: fc.nat(2),
        mark: fc.constantFrom<MarkKind>('flag', 'suspend', 'unsuspend', 'bury', 'unflag'),
        gap,
      }),
      weight: 2,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('setting' as const),
        dev,
        value: fc.option(fc.integer({ min: 0, max: 50 })),
        deck: fc.boolean(),
        gap,
      }),
      weight: 1,
    },
    // A device reads another's log (a sync): its later answers build on that view.
    { arbitrary: fc.record({ kind: fc.constant('see' as const), dev, from: dev }), weight: 2 },
  );
};

/** Each device's log, written as the app would from what that device has seen. */
function simulate(ops: Op[], devices: number): DeviceLog[] {
  const logs: LogRecord[][] = Array.from({ length: devices }, () => []);
  const seen: LogRecord[][] = Array.from({ length: devices }, () => []);
  const clock = Array.from({ length: devices }, () => T0);
  const lastAnswer: (ReviewRecord | null)[] = Array.from({ length: devices }, () => null);
  let n = 0;
  for (const op of ops) {
    if (op.kind === 'see') {
      seen[op.dev]!.push(...logs[op.from]!);
      continue;
    }
    const d = op.dev;
    const at = clock[d]! + op.gap * MIN + 1;
    clock[d] = at;
    const id = `${DEVICES[d]}-${at.toString(36)}-${(n++).toString(16).padStart(8, '0')}`;
    const view = rebuildProgress([...seen[d]!, ...logs[d]!]);
    let rec: LogRecord | null = null;
    if (op.kind === 'answer') {
      const key = `deck/c${op.card}`;
      const before = view.cards[key] ?? null;
      rec = reviewRecord({
        id,
        key,
        at,
        rating: op.rating,
        mode: 'study',
        tookMs: 1000,
        before,
        after: sched.answer(before ?? newMemory(at), at, op.rating, key),
        day: studyDay(at, 4),
      });
      lastAnswer[d] = rec;
    } else if (op.kind === 'undo') {
      if (lastAnswer[d]) rec = undoRecord(id, at, lastAnswer[d]!);
      lastAnswer[d] = null;
    } else if (op.kind === 'mark') {
      rec = markRecord(id, `deck/c${op.card}`, op.mark, at, studyDay(at, 4));
    } else {
      rec = settingRecord(id, at, 'newPerDay', op.value, op.deck ? 'deck' : undefined);
    }
    if (rec) logs[d]!.push(rec);
  }
  return logs.map((records, i) => ({ device: DEVICES[i]!, records }));
}

/** The logs as a sync tool may leave them: split, copied into other files, shuffled. */
const scrambleArb = fc.record({
  seed: fc.integer(),
  copies: fc.array(fc.record({ from: fc.nat(2), to: fc.nat(2), count: fc.nat(8) }), {
    maxLength: 4,
  }),
  reverse: fc.boolean(),
});

function shuffle<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

type Scrambled = {
  seed: number;
  copies: { from: number; to: number; count: number }[];
  reverse: boolean;
};

function scramble(logs: DeviceLog[], how: Scrambled): DeviceLog[] {
  const out = logs.map((l) => ({ device: l.device, records: [...l.records] }));
  for (const c of how.copies) {
    const from = out[c.from % out.length]!;
    const to = out[c.to % out.length]!;
    to.records.push(...from.records.slice(0, c.count));
  }
  const mixed = out.map((l, i) => ({
    device: l.device,
    records: shuffle(l.records, how.seed + i),
  }));
  return how.reverse ? mixed.reverse() : mixed;
}

const answersOf = (logs: DeviceLog[]) => {
  const all = logs.flatMap((l) => l.records);
  const undone = new Set(all.flatMap((r) => (r.type === 'undo' ? [r.review.id] : [])));
  return all.filter((r) => r.type === 'review' && !undone.has(r.id)).length;
};

describe('the fold over two and three devices', () => {
  for (const devices of [2, 3]) {
    it(`${devices} devices: any split, copy, interleaving or order of the logs gives the same state`, () => {
      fc.assert(
        fc.property(
          fc.array(opArb(devices), { minLength: 1, maxLength: 40 }),
          scrambleArb,
          scrambleArb,
          (ops, a, b) => {
            const logs = simulate(ops, devices);
            const self = DEVICES[0]!;
            const base = foldLogs(logs, self);
            const x = foldLogs(scramble(logs, a), self);
            const y = foldLogs(scramble(logs, b), self);
            expect(x).toEqual(base);
            expect(y).toEqual(base);
            // Idempotent: the union with itself is the union.
            expect(foldLogs([...logs, ...logs], self)).toEqual(base);
            // Every device's answers count in the days once.
            const days = Object.values(base.days).reduce((n, d) => n + d.reviews, 0);
            expect(days).toBe(answersOf(logs));
            expect(base.reviews).toBe(answersOf(logs));
          },
        ),
        { numRuns: 300 },
      );
    });
  }

  it('the same card answered on two devices on the same day counts twice in the day, once per answer', () => {
    const logs = simulate(
      [
        { kind: 'answer', dev: 0, card: 0, rating: 3, gap: 0 },
        { kind: 'answer', dev: 1, card: 0, rating: 1, gap: 5 },
      ],
      2,
    );
    const p = foldLogs([...logs, logs[0]!], 'laptop');
    const day = studyDay(T0, 4);
    expect(p.days[day]).toMatchObject({ reviews: 2, newCards: 2, passed: 1 });
    // The later answer (on the second device) decides the memory.
    expect(p.cards['deck/c0']?.lastReview).toBe(logs[1]!.records[0]!.at);
  });
});
