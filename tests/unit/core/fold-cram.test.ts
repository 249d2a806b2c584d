// Cram answers in the fold: they count as answers of their day and in all (history, today's
// count), and nothing else. Property: any cram answers and cram undos, anywhere among study
// answers, undos and marks, leave every card's memory, marks (leech, suspend...), the
// undo-after-restart answer and the counts behind the daily limits and true retention
// exactly as the fold without them gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { studyDay } from '../../../src/core/clock.js';
import { applyNewer, rebuildProgress } from '../../../src/core/fold.js';
import type { Grade, LogRecord, MarkKind, Memory, ReviewRecord } from '../../../src/core/model.js';
import { emptyProgress, type Progress } from '../../../src/core/progress.js';
import {
  type cramRecord as CramFn,
  cramRecord,
  cramUndoRecord,
  isCramRecord,
  MARK_KINDS,
  markRecord,
  reviewRecord,
  undoRecord,
} from '../../../src/core/records.js';
import { newMemory, Scheduler } from '../../../src/core/scheduler.js';
import { resolveSettings } from '../../../src/core/settings.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const HOUR = 3_600_000;
const sched = new Scheduler(resolveSettings({ fuzz: false }));
const KEYS = ['d/k0', 'd/k1', 'd/k2'];

type Step =
  | { kind: 'review'; key: number; grade: Grade; gap: number }
  | { kind: 'undo'; gap: number }
  | { kind: 'mark'; key: number; mark: MarkKind; gap: number }
  | { kind: 'cram'; key: number; grade: Grade; gap: number }
  | { kind: 'cram-undo'; gap: number };

const gap = fc.integer({ min: 1, max: 30 * HOUR });
const key = fc.integer({ min: 0, max: KEYS.length - 1 });
const grade = fc.constantFrom<Grade>(1, 2, 3, 4);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('review' as const), key, grade, gap }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('undo' as const), gap }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('mark' as const),
      key,
      mark: fc.constantFrom(...MARK_KINDS),
      gap,
    }),
  },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('cram' as const), key, grade, gap }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cram-undo' as const), gap }) },
);

/** One device's log as the app writes it: strictly increasing times, unique ids. */
function log(steps: readonly Step[]): LogRecord[] {
  const memory = new Map<string, Memory>();
  const answered: ReviewRecord[] = [];
  const crammed: ReturnType<typeof CramFn>[] = [];
  const out: LogRecord[] = [];
  let t = T0;
  steps.forEach((s, i) => {
    t += s.gap;
    const id = `r${i}`;
    const day = studyDay(t, 4);
    if (s.kind === 'review') {
      const k = KEYS[s.key]!;
      const before = memory.get(k) ?? null;
      const after = sched.answer(before ?? newMemory(t), t, s.grade, k);
      const rec = reviewRecord({
        id,
        key: k,
        at: t,
        rating: s.grade,
        mode: 'study',
        tookMs: 1000,
        before,
        after,
        day,
      });
      memory.set(k, after);
      answered.push(rec);
      out.push(rec);
    } else if (s.kind === 'undo') {
      const last = answered.pop();
      if (!last) return;
      if (last.before) memory.set(last.key, last.before);
      else memory.delete(last.key);
      out.push(undoRecord(id, t, last));
    } else if (s.kind === 'mark') {
      out.push(markRecord(id, KEYS[s.key]!, s.mark, t, day));
    } else if (s.kind === 'cram') {
      const rec = cramRecord({ id, key: KEYS[s.key]!, at: t, rating: s.grade, tookMs: 700, day });
      crammed.push(rec);
      out.push(rec);
    } else {
      const last = crammed.pop();
      if (last) out.push(cramUndoRecord(id, t, last));
    }
  });
  return out;
}

/** What the schedule is made of: everything the fold gives except the answer counts. */
function schedule(p: Progress) {
  // A day with cram answers alone has a count entry of zeros here: the same as none.
  const limits = Object.fromEntries(
    Object.entries(p.days)
      .map(([d, c]) => [d, [c.newCards, c.reviewCards, c.reviewPassed]] as const)
      .filter(([, v]) => v.some((n) => n !== 0)),
  );
  return { cards: p.cards, marks: p.marks, lastAnswer: p.lastAnswer, exams: p.exams, limits };
}

const nonZero = (p: Progress) =>
  Object.entries(p.days).filter(([, c]) => Object.values(c).some((v) => v !== 0));

describe('cram answers in the fold', () => {
  it('any sequence of them leaves the schedule identical to the fold without them', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const all = log(steps);
        const withCram = rebuildProgress(all);
        const without = rebuildProgress(all.filter((r) => !isCramRecord(r)));
        expect(schedule(withCram)).toEqual(schedule(without));
        // Each cram answer not taken back is one answer more, in all and on its day.
        const undone = new Set(all.flatMap((r) => (r.type === 'cram-undo' ? [r.cram.id] : [])));
        const kept = all.filter((r) => r.type === 'cram' && !undone.has(r.id));
        expect(withCram.reviews - without.reviews).toBe(kept.length);
        // Applied one record at a time, as a start-up catching up does, it is the same.
        const step1 = emptyProgress();
        expect(applyNewer(step1, all, true)).toBe(true);
        expect(step1).toEqual(withCram);
      }),
      { numRuns: 300 },
    );
  });

  it("counts in today's answers, passes and time; an undo takes exactly that back", () => {
    const at = T0 + HOUR;
    const day = studyDay(at, 4);
    const miss = cramRecord({ id: 'c1', key: 'd/k0', at, rating: 1, tookMs: 800, day });
    const pass = cramRecord({ id: 'c2', key: 'd/k0', at: at + 1, rating: 3, tookMs: 500, day });
    const p = rebuildProgress([miss, pass]);
    expect(p.days[day]).toEqual({
      reviews: 2,
      newCards: 0,
      reviewCards: 0,
      passed: 1,
      reviewPassed: 0,
      ms: 1300,
    });
    expect(p.reviews).toBe(2);
    expect(p.cards).toEqual({});
    const back = rebuildProgress([miss, pass, cramUndoRecord('c3', at + 2, pass)]);
    expect(back.days[day]).toMatchObject({ reviews: 1, passed: 0, ms: 800 });
    expect(back.reviews).toBe(1);
    // Every cram answer taken back: nothing is left counted at all.
    const none = rebuildProgress([miss, cramUndoRecord('c4', at + 3, miss)]);
    expect(nonZero(none)).toEqual([]);
    expect(none.reviews).toBe(0);
  });

  it('a second copy of a cram line read incrementally is refused, so nothing counts twice', () => {
    const at = T0 + HOUR;
    const rec = cramRecord({ id: 'c1', key: 'd/k1', at, rating: 3, tookMs: 500, day: 1 });
    const p = emptyProgress();
    expect(applyNewer(p, [rec], true)).toBe(true);
    expect(applyNewer(p, [rec], true)).toBe(false);
    expect(rebuildProgress([rec, rec]).reviews).toBe(1);
  });
});
