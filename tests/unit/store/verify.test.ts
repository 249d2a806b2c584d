// `doctor` compares the cache with a fresh fold of the logs: each kind of difference is
// named once, in words, and the card count says how many cards differ.
import { describe, expect, it } from 'vitest';
import { emptyProgress, type Progress } from '../../../src/core/progress.js';
import { diffProgress } from '../../../src/store/verify.js';
import { examSummary, memory, review, T0 } from '../../helpers/records.js';

function progress(): Progress {
  return {
    ...emptyProgress(),
    cards: { 'd/a': memory(T0), 'd/b': memory(T0 + 1) },
    marks: { 'd/a': { flagged: true } },
    days: { 100: { reviews: 2, newCards: 2, reviewCards: 0, passed: 2, reviewPassed: 0, ms: 3 } },
    reviews: 2,
    lastAnswer: review(1),
    exams: [examSummary('e1', T0), examSummary('e2', T0 + 5)],
    stamps: { 'd/a': T0 + 9 },
  };
}

const CARDS = (n: number) => `${n} card state(s) in the cache differ from the review log`;
const DAYS = 'daily counts in the cache differ from the review log';
const MARKS = 'card marks in the cache differ from the review log';
const EXAMS = 'the exam history in the cache differs from the review log';

describe('diffProgress', () => {
  it('finds nothing when the two agree', () => {
    expect(diffProgress(progress(), progress())).toEqual([]);
    expect(diffProgress(emptyProgress(), emptyProgress())).toEqual([]);
  });

  it('counts each card that differs, is missing or is extra', () => {
    const cached = progress();
    cached.cards['d/a'] = { ...memory(T0), reps: 9 };
    expect(diffProgress(progress(), cached)).toEqual([CARDS(1)]);
    delete cached.cards['d/b'];
    cached.cards['d/extra'] = memory(T0);
    expect(diffProgress(progress(), cached)).toEqual([CARDS(3)]);
    // A card only the fresh fold has counts too.
    const fresh = progress();
    fresh.cards['d/new'] = memory(T0);
    expect(diffProgress(fresh, progress())).toEqual([CARDS(1)]);
  });

  it('names daily counts that differ, or a review total that does', () => {
    const days = progress();
    days.days[100]!.ms = 4;
    expect(diffProgress(progress(), days)).toEqual([DAYS]);
    const total = progress();
    total.reviews = 3;
    expect(diffProgress(progress(), total)).toEqual([DAYS]);
    days.reviews = 3;
    expect(diffProgress(progress(), days)).toEqual([DAYS]);
  });

  it('names marks that differ', () => {
    const cached = progress();
    cached.marks['d/b'] = { suspended: true };
    expect(diffProgress(progress(), cached)).toEqual([MARKS]);
  });

  it('names an exam history with other exams or another order, not other details', () => {
    const missing = progress();
    missing.exams.pop();
    expect(diffProgress(progress(), missing)).toEqual([EXAMS]);
    const order = progress();
    order.exams.reverse();
    expect(diffProgress(progress(), order)).toEqual([EXAMS]);
    const detail = progress();
    detail.exams[0] = { ...detail.exams[0]!, correct: 0 };
    expect(diffProgress(progress(), detail)).toEqual([]);
  });

  it('lists every kind that differs, in a fixed order', () => {
    const cached = { ...emptyProgress(), exams: [examSummary('x', T0)] };
    expect(diffProgress(progress(), cached)).toEqual([CARDS(2), DAYS, MARKS, EXAMS]);
  });

  // Found by the property test in catch-up-sync.test.ts: after a sync, catch-up applies
  // another device's older mark after this device's own, so the cache's marks hold the
  // same entries in another key order than a fresh fold; `doctor` must not call that a
  // difference.
  it('the same marks in another key order are no difference', () => {
    const fresh = progress();
    fresh.marks = { 'd/a': { flagged: true }, 'd/b': { suspended: true } };
    const cached = progress();
    cached.marks = { 'd/b': { suspended: true }, 'd/a': { flagged: true } };
    expect(diffProgress(fresh, cached)).toEqual([]);
  });
});
