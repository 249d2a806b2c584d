// The fold's rules one at a time: what each record does to the day counts, the card's
// memory, the undo target, the marks and the record times kept per card.
import { describe, expect, it } from 'vitest';
import { applyNewer, applyRecord, foldLogs, rebuildProgress } from '../../../src/core/fold.js';
import type { Grade, Memory, ReviewMode, ReviewRecord } from '../../../src/core/model.js';
import {
  emptyDay,
  emptyProgress,
  isHidden,
  isNewer,
  lastAt,
  streak,
} from '../../../src/core/progress.js';
import { examRecord, markRecord, reviewRecord, undoRecord } from '../../../src/core/records.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const DAY = 20_514;

const mem = (phase: Memory['phase'], at: number | null, reps = 1): Memory => ({
  phase,
  due: (at ?? T0) + 600_000,
  stability: 2,
  difficulty: 5,
  scheduledDays: 0,
  learningSteps: 0,
  reps,
  lapses: 0,
  lastReview: at,
});

function review(
  id: string,
  at: number,
  before: Memory | null,
  rating: Grade = 3,
  mode: ReviewMode = 'study',
  key = 'd/x',
): ReviewRecord {
  return reviewRecord({
    id,
    key,
    at,
    rating,
    mode,
    tookMs: 1000,
    before,
    after: mem(rating === 1 ? 'relearning' : 'review', at, (before?.reps ?? 0) + 1),
    day: DAY,
  });
}

const counts = (recs: ReviewRecord[]) => {
  const p = emptyProgress();
  for (const r of recs) applyRecord(p, r);
  return p.days[DAY];
};

describe('day counts', () => {
  it('a card answered for the first time counts as new, whether it had no state or a new one', () => {
    expect(counts([review('a', T0, null)])).toMatchObject({ newCards: 1, reviewCards: 0 });
    expect(counts([review('a', T0, mem('new', null, 0))])).toMatchObject({
      newCards: 1,
      reviewCards: 0,
    });
  });

  it('a review-phase card counts against reviews-per-day, and towards retention when passed', () => {
    const before = mem('review', T0 - 86_400_000, 3);
    expect(counts([review('a', T0, before, 3)])).toEqual({
      ...emptyDay(),
      reviews: 1,
      reviewCards: 1,
      reviewPassed: 1,
      passed: 1,
      ms: 1000,
    });
    expect(counts([review('a', T0, before, 2)])).toMatchObject({ reviewPassed: 1, passed: 1 });
    expect(counts([review('a', T0, before, 1)])).toMatchObject({
      reviewCards: 1,
      reviewPassed: 0,
      passed: 0,
    });
  });

  it('learning and relearning answers are neither new nor reviews', () => {
    for (const phase of ['learning', 'relearning'] as const)
      expect(counts([review('a', T0, mem(phase, T0 - 60_000), 3)])).toMatchObject({
        reviews: 1,
        newCards: 0,
        reviewCards: 0,
        passed: 1,
      });
  });

  it('exam answers use up no daily limit', () => {
    expect(counts([review('a', T0, null, 3, 'exam')])).toMatchObject({
      reviews: 1,
      newCards: 0,
      passed: 1,
    });
    expect(counts([review('a', T0, mem('review', T0 - 1), 1, 'exam')])).toMatchObject({
      reviewCards: 0,
      reviewPassed: 0,
      passed: 0,
    });
  });

  it('an undo takes exactly its answer out of every count', () => {
    const before = mem('review', T0 - 86_400_000, 3);
    const r = review('a', T0, before, 4);
    const p = emptyProgress();
    applyRecord(p, review('z', T0 - 5000, null));
    applyRecord(p, r);
    applyRecord(p, undoRecord('u', T0 + 10, r));
    expect(p.days[DAY]).toEqual({ ...emptyDay(), reviews: 1, newCards: 1, passed: 1, ms: 1000 });
    expect(p.reviews).toBe(1);
  });
});

describe('memory and the undo target', () => {
  it("an answer older than the card's memory does not replace it (logs read in any order)", () => {
    const p = emptyProgress();
    const newer = review('b', T0 + 1000, null, 4);
    applyRecord(p, newer, false);
    applyRecord(p, review('a', T0, null, 1), false);
    expect(p.cards['d/x']).toEqual(newer.after);
    expect(p.reviews).toBe(2);
  });

  it('a memory with no last review is replaced by any answer', () => {
    const p = emptyProgress();
    p.cards['d/x'] = mem('new', null, 0);
    const r = review('a', T0, null);
    applyRecord(p, r);
    expect(p.cards['d/x']).toEqual(r.after);
  });

  it("only this device's study answers can be undone after a restart; the newest one", () => {
    const p = emptyProgress();
    const first = review('a', T0, null);
    const second = review('b', T0 + 1000, first.after, 3, 'study', 'd/y');
    applyRecord(p, second);
    applyRecord(p, first);
    expect(p.lastAnswer?.id).toBe('b');
    applyRecord(p, review('c', T0 + 2000, null, 3, 'exam', 'd/z'));
    expect(p.lastAnswer?.id).toBe('b');
    applyRecord(p, review('d', T0 + 3000, null, 3, 'study', 'd/w'), false);
    expect(p.lastAnswer?.id).toBe('b');
    // A record applied with no word on where it came from counts as this device's.
    applyRecord(p, review('e', T0 + 4000, null, 3, 'study', 'd/v'));
    expect(p.lastAnswer?.id).toBe('e');
  });

  it('an undo restores the state before, or forgets a card answered once, only if nothing changed since', () => {
    const r = review('a', T0, null);
    const p = emptyProgress();
    applyRecord(p, r);
    applyRecord(p, undoRecord('u', T0 + 1, r));
    expect(p.cards['d/x']).toBeUndefined();

    const before = mem('review', T0 - 86_400_000, 4);
    const r2 = review('b', T0, before);
    for (const changed of [
      { ...r2.after, lastReview: T0 + 5 },
      { ...r2.after, reps: r2.after.reps + 1 },
    ]) {
      const q = emptyProgress();
      applyRecord(q, r2);
      q.cards['d/x'] = changed;
      applyRecord(q, undoRecord('u', T0 + 10, r2));
      expect(q.cards['d/x']).toEqual(changed);
    }
    const q = emptyProgress();
    applyRecord(q, r2);
    applyRecord(q, undoRecord('u', T0 + 10, r2));
    expect(q.cards['d/x']).toEqual(before);
  });
});

describe('marks and record times', () => {
  it('a card whose every mark was taken back has no marks entry left', () => {
    const p = emptyProgress();
    applyRecord(p, markRecord('m1', 'd/x', 'flag', T0, DAY));
    applyRecord(p, markRecord('m2', 'd/x', 'unflag', T0 + 1, DAY));
    expect(p.marks).toEqual({});
  });

  it('the latest record time is kept only where the memory does not say it', () => {
    const p = emptyProgress();
    applyRecord(p, markRecord('m1', 'd/x', 'flag', T0, DAY));
    expect(p.stamps).toEqual({ 'd/x': T0 });
    const r = review('a', T0 + 1000, null);
    applyRecord(p, r);
    expect(p.stamps).toEqual({});
    expect(lastAt(p, 'd/x')).toBe(T0 + 1000);
    applyRecord(p, markRecord('m2', 'd/x', 'bury', T0 + 2000, DAY));
    expect(p.stamps).toEqual({ 'd/x': T0 + 2000 });
    expect(lastAt(p, 'd/x')).toBe(T0 + 2000);
    // A later answer makes the memory the latest again.
    applyRecord(p, review('b', T0 + 3000, r.after));
    expect(p.stamps).toEqual({});
    expect(lastAt(p, 'never-seen')).toBe(Number.NEGATIVE_INFINITY);
    // An exam summary is about no single card.
    applyRecord(p, examRecord({ ...summary('e1'), at: T0 + 9000 }));
    expect(p.stamps).toEqual({});
  });

  it("an answer that leaves the memory older than an earlier mark keeps the mark's time", () => {
    const p = emptyProgress();
    applyRecord(p, markRecord('m1', 'd/x', 'flag', T0 + 5000, DAY));
    applyRecord(p, review('a', T0, null));
    expect(p.stamps).toEqual({ 'd/x': T0 + 5000 });
  });
});

function summary(id: string) {
  return {
    id,
    at: T0,
    questions: 1,
    correct: 0,
    scorePercent: 0,
    passPercent: 70,
    passed: false,
    usedMs: 1,
    timedOut: false,
    byDeck: {},
    byTag: {},
    predictedPercent: null,
    scope: { decks: null, tag: null, blueprint: null },
  };
}

describe('order and newness', () => {
  it('exams with the same time are kept in id order', () => {
    const p = emptyProgress();
    applyRecord(p, examRecord(summary('e2')));
    applyRecord(p, examRecord(summary('e1')));
    applyRecord(p, examRecord(summary('e3')));
    expect(p.exams.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
  });

  it('records with the same time are folded in id order, whatever log they are in', () => {
    const a = review('a', T0, null, 1);
    const b = review('b', T0, null, 4);
    const folded = foldLogs(
      [
        { device: 'x', records: [b] },
        { device: 'y', records: [a] },
      ],
      'x',
    );
    // The later in id order wins the memory.
    expect(folded.cards['d/x']).toEqual(b.after);
    expect(rebuildProgress([b, a]).cards['d/x']).toEqual(b.after);
    expect(rebuildProgress([b, a]).lastAnswer?.id).toBe('b');
  });

  it('applyNewer stops at the first record that is not newer and applies nothing after it', () => {
    const p = emptyProgress();
    const r1 = review('a', T0, null, 3, 'study', 'd/x');
    const r2 = review('b', T0 + 10, null, 3, 'study', 'd/y');
    expect(applyNewer(p, [r1], true)).toBe(true);
    expect(applyNewer(p, [r1, r2], true)).toBe(false);
    expect(p.cards['d/y']).toBeUndefined();
    expect(p.reviews).toBe(1);
  });

  it('isNewer: an exam by its id, an undo by its card, anything else by its card and time', () => {
    const p = emptyProgress();
    const r = review('a', T0, null);
    applyRecord(p, r);
    applyRecord(p, examRecord(summary('e1')));
    expect(isNewer(p, examRecord(summary('e1')))).toBe(false);
    expect(isNewer(p, examRecord(summary('e2')))).toBe(true);
    expect(isNewer(p, undoRecord('u', T0, r))).toBe(false);
    expect(isNewer(p, undoRecord('u', T0 + 1, r))).toBe(true);
    expect(isNewer(p, undoRecord('u', T0 - 1, { ...r, key: 'd/other' }))).toBe(true);
    expect(isNewer(p, markRecord('m', 'd/x', 'flag', T0, DAY))).toBe(false);
    expect(isNewer(p, markRecord('m', 'd/x', 'flag', T0 + 1, DAY))).toBe(true);
  });
});

describe('hidden cards and streaks', () => {
  it('suspended always, buried until the end of its study day, flagged never', () => {
    expect(isHidden(undefined, DAY)).toBe(false);
    expect(isHidden({ suspended: true }, DAY)).toBe(true);
    expect(isHidden({ buriedDay: DAY }, DAY)).toBe(true);
    expect(isHidden({ buriedDay: DAY }, DAY + 1)).toBe(false);
    expect(isHidden({ buriedDay: DAY + 1 }, DAY)).toBe(true);
    expect(isHidden({ flagged: true, leech: true }, DAY)).toBe(false);
  });

  it('a streak ends today, or yesterday while today has no answer yet', () => {
    const d = (reviews: number) => ({ ...emptyDay(), reviews });
    expect(streak({}, DAY)).toBe(0);
    expect(streak({ [DAY]: d(1), [DAY - 1]: d(2) }, DAY)).toBe(2);
    expect(streak({ [DAY - 1]: d(2), [DAY - 2]: d(1), [DAY - 4]: d(1) }, DAY)).toBe(2);
    expect(streak({ [DAY]: d(0), [DAY - 1]: d(3) }, DAY)).toBe(1);
    // Tomorrow's answers (a clock that went back) do not count.
    expect(streak({ [DAY + 1]: d(3) }, DAY)).toBe(0);
  });
});
