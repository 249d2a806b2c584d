// The fold is a function of the union of the logs: the order the logs are read in, a log
// read twice, and reading them a bit at a time (as start-ups do) all give the same state.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { studyDay } from '../../../src/core/clock.js';
import { applyNewer, applyRecord, type DeviceLog, foldLogs } from '../../../src/core/fold.js';
import type { Grade, LogRecord, MarkKind, Memory, ReviewRecord } from '../../../src/core/model.js';
import { emptyProgress, isNewer, lastAt } from '../../../src/core/progress.js';
import {
  examRecord,
  MARK_KINDS,
  markRecord,
  reviewRecord,
  undoRecord,
} from '../../../src/core/records.js';
import { newMemory, Scheduler } from '../../../src/core/scheduler.js';
import { resolveSettings } from '../../../src/core/settings.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const DAY = 86_400_000;
const sched = new Scheduler(resolveSettings({ fuzz: false }));
const KEYS = ['d/k0', 'd/k1', 'd/k2', 'd/k3'];

type Step =
  | { kind: 'review'; key: number; grade: Grade; gap: number }
  | { kind: 'undo'; gap: number }
  | { kind: 'mark'; key: number; mark: MarkKind; gap: number }
  | { kind: 'exam'; gap: number };

const gap = fc.integer({ min: 1, max: 3 * DAY });
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('review' as const),
      key: fc.integer({ min: 0, max: KEYS.length - 1 }),
      grade: fc.constantFrom<Grade>(1, 2, 3, 4),
      gap,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('undo' as const), gap }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('mark' as const),
      key: fc.integer({ min: 0, max: KEYS.length - 1 }),
      mark: fc.constantFrom(...MARK_KINDS),
      gap,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('exam' as const), gap }) },
);

/** One device's log, as the app writes it: strictly increasing times, unique ids. */
function deviceLog(device: string, steps: readonly Step[], start: number): DeviceLog {
  const memory = new Map<string, Memory>();
  const answered: ReviewRecord[] = [];
  const records: LogRecord[] = [];
  let t = start;
  steps.forEach((s, i) => {
    t += s.gap;
    const id = `${device}-${i}`;
    const day = studyDay(t, 4);
    if (s.kind === 'review') {
      const key = KEYS[s.key]!;
      const before = memory.get(key) ?? null;
      const after = sched.answer(before ?? newMemory(t), t, s.grade, key);
      const rec = reviewRecord({
        id,
        key,
        at: t,
        rating: s.grade,
        mode: i % 5 === 4 ? 'exam' : 'study',
        tookMs: 1000 + i,
        before,
        after,
        day,
      });
      memory.set(key, after);
      answered.push(rec);
      records.push(rec);
    } else if (s.kind === 'undo') {
      const last = answered.pop();
      if (!last) return;
      if (last.before) memory.set(last.key, last.before);
      else memory.delete(last.key);
      records.push(undoRecord(id, t, last));
    } else if (s.kind === 'mark') {
      records.push(markRecord(id, KEYS[s.key]!, s.mark, t, day));
    } else {
      records.push(
        examRecord({
          id,
          at: t,
          questions: 2,
          correct: i % 3,
          scorePercent: 50,
          passPercent: 70,
          passed: false,
          usedMs: 60_000,
          timedOut: false,
          byDeck: {},
          byTag: {},
          predictedPercent: null,
          scope: { decks: null, tag: null, blueprint: null },
        }),
      );
    }
  });
  return { device, records };
}

const history = fc
  .tuple(
    fc.array(step, { maxLength: 25 }),
    fc.array(step, { maxLength: 25 }),
    fc.array(step, { maxLength: 15 }),
    fc.integer({ min: 0, max: 2 * DAY }),
    fc.integer({ min: 0, max: 2 * DAY }),
  )
  .map(([a, b, c, ob, oc]) => [
    deviceLog('a', a, T0),
    deviceLog('b', b, T0 + ob),
    deviceLog('c', c, T0 + oc),
  ]);

describe('foldLogs', () => {
  it('reading the logs in any order gives the same state', () => {
    fc.assert(
      fc.property(history, fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), (logs, keys) => {
        const shuffled = logs
          .map((l, i) => ({ l, k: keys[i]! }))
          .sort((x, y) => x.k - y.k)
          .map((x) => x.l);
        expect(foldLogs(shuffled, 'a')).toEqual(foldLogs(logs, 'a'));
      }),
      { numRuns: 150 },
    );
  });

  it('a log read twice (a synced copy, all or part of it) counts once', () => {
    fc.assert(
      fc.property(history, fc.nat(2), fc.nat(), (logs, which, cut) => {
        const src = logs[which]!;
        const copy = {
          device: 'copy',
          records: src.records.slice(0, cut % (src.records.length + 1)),
        };
        expect(foldLogs([...logs, copy], 'a')).toEqual(foldLogs(logs, 'a'));
        expect(foldLogs([copy, ...logs, src], 'a')).toEqual(foldLogs(logs, 'a'));
      }),
      { numRuns: 150 },
    );
  });

  it('catching up a bit at a time, folding again when a record is not newer, gives the full fold', () => {
    fc.assert(
      fc.property(
        history,
        fc.array(fc.tuple(fc.nat(2), fc.nat()), { maxLength: 12 }),
        (logs, reads) => {
          const seen = logs.map(() => 0);
          let p = emptyProgress();
          const upTo = () => logs.map((l, i) => ({ ...l, records: l.records.slice(0, seen[i]) }));
          const read = (i: number, end: number) => {
            const log = logs[i]!;
            const fresh = log.records.slice(seen[i], end);
            seen[i] = end;
            if (!applyNewer(p, fresh, log.device === 'a')) p = foldLogs(upTo(), 'a');
          };
          for (const [i, n] of reads) {
            const len = logs[i]!.records.length;
            read(i, seen[i]! + (n % (len - seen[i]! + 1)));
          }
          logs.forEach((l, i) => {
            read(i, l.records.length);
          });
          expect(p).toEqual(foldLogs(logs, 'a'));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('applyRecord', () => {
  const at = T0;
  const m = sched.answer(newMemory(at), at, 3, 'd/x');
  const review = reviewRecord({
    id: 'a-1',
    key: 'd/x',
    at,
    rating: 3,
    mode: 'study',
    tookMs: 1500,
    before: null,
    after: m,
    day: studyDay(at, 4),
  });

  it('a review sets the memory, counts a new card and is what undo after a restart takes back', () => {
    const p = emptyProgress();
    applyRecord(p, review, true);
    expect(p.cards['d/x']).toEqual(m);
    expect(p.days[review.day]).toEqual({
      reviews: 1,
      newCards: 1,
      reviewCards: 0,
      passed: 1,
      reviewPassed: 0,
      ms: 1500,
    });
    expect(p.lastAnswer?.id).toBe('a-1');
    expect(lastAt(p, 'd/x')).toBe(at);
  });

  it("another device's answer is never this device's to undo", () => {
    const p = emptyProgress();
    applyRecord(p, review, false);
    expect(p.lastAnswer).toBeNull();
  });

  it('undo restores the state before and takes the answer out of the counts', () => {
    const p = emptyProgress();
    applyRecord(p, review, true);
    applyRecord(p, undoRecord('a-2', at + 5, review), true);
    expect(p.cards['d/x']).toBeUndefined();
    expect(p.days[review.day]?.reviews).toBe(0);
    expect(p.lastAnswer).toBeNull();
    // The undo is remembered as the card's latest record: a copy of the answer is not new.
    expect(isNewer(p, review)).toBe(false);
    expect(lastAt(p, 'd/x')).toBe(at + 5);
  });

  it('an undo does not restore over a newer answer from another device', () => {
    const p = emptyProgress();
    applyRecord(p, review, true);
    const other = reviewRecord({
      ...review,
      id: 'b-1',
      at: at + 10,
      before: m,
      after: sched.answer(m, at + 10, 4, 'd/x'),
    });
    applyRecord(p, other, false);
    applyRecord(p, undoRecord('a-2', at + 20, review), true);
    expect(p.cards['d/x']).toEqual(other.after);
    expect(p.reviews).toBe(1);
  });

  it('marks: the latest of each pair wins, an empty mark set is dropped', () => {
    const p = emptyProgress();
    applyRecord(p, markRecord('m1', 'd/x', 'suspend', at, 1));
    applyRecord(p, markRecord('m2', 'd/x', 'flag', at + 1, 1));
    applyRecord(p, markRecord('m3', 'd/x', 'bury', at + 2, 7));
    expect(p.marks['d/x']).toEqual({ suspended: true, flagged: true, buriedDay: 7 });
    applyRecord(p, markRecord('m4', 'd/x', 'leech', at + 3, 7));
    for (const [id, mark] of [
      ['m5', 'unsuspend'],
      ['m6', 'unflag'],
      ['m7', 'unbury'],
    ] as const)
      applyRecord(p, markRecord(id, 'd/x', mark, at + 4, 7));
    expect(p.marks['d/x']).toEqual({ leech: true });
    expect(lastAt(p, 'd/x')).toBe(at + 4);
  });

  it('an exam is kept once, in time order', () => {
    const p = emptyProgress();
    const exam = (id: string, t: number) =>
      examRecord({
        id,
        at: t,
        questions: 1,
        correct: 1,
        scorePercent: 100,
        passPercent: 70,
        passed: true,
        usedMs: 1,
        timedOut: false,
        byDeck: {},
        byTag: {},
        predictedPercent: 40,
        scope: { decks: null, tag: null, blueprint: null },
      });
    applyRecord(p, exam('e2', at + 2));
    applyRecord(p, exam('e1', at + 1));
    expect(isNewer(p, exam('e2', at + 2))).toBe(false);
    applyRecord(p, exam('e2', at + 2));
    expect(p.exams.map((e) => e.id)).toEqual(['e1', 'e2']);
  });
});
