// Exam answers in the fold: one that did not feed the schedule (`fed: false`) changes no
// memory and no daily count; one that fed it counts as before; logs written before `fed`
// existed fold as they always did. The new marks: unleech, introduce, unintroduce.
import { describe, expect, it } from 'vitest';
import { rebuildProgress } from '../../../src/core/fold.js';
import type { Memory } from '../../../src/core/model.js';
import { classifyRecord, markRecord, reviewRecord, undoRecord } from '../../../src/core/records.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const DAY = 20_514;

const mem = (phase: Memory['phase'], at: number): Memory => ({
  phase,
  due: at + 600_000,
  stability: 2,
  difficulty: 5,
  scheduledDays: 0,
  learningSteps: 0,
  reps: 1,
  lapses: phase === 'relearning' ? 1 : 0,
  lastReview: at,
});

const studied = reviewRecord({
  id: 's',
  key: 'd/x',
  at: T0,
  rating: 3,
  mode: 'study',
  tookMs: 1000,
  before: null,
  after: mem('review', T0),
  day: DAY,
});

const exam = (id: string, fed: boolean | undefined, at = T0 + 10) =>
  reviewRecord({
    id,
    key: 'd/x',
    at,
    rating: 1,
    mode: 'exam',
    tookMs: 5000,
    correct: false,
    ...(fed === undefined ? {} : { fed }),
    before: mem('review', T0),
    after: fed === false ? mem('review', T0) : mem('relearning', at),
    day: DAY,
  });

describe('defect 9: an exam answer that did not feed the schedule is a measurement only', () => {
  it('defect 9: fed: false leaves the memory, the day counts and the review total as they were', () => {
    const base = rebuildProgress([studied]);
    const p = rebuildProgress([studied, exam('e', false)]);
    expect(p.cards).toEqual(base.cards);
    expect(p.days).toEqual(base.days);
    expect(p.reviews).toBe(base.reviews);
  });

  it('defect 9: fed: false on a card never studied does not make it known', () => {
    const r = reviewRecord({
      id: 'n',
      key: 'd/new',
      at: T0,
      rating: 1,
      mode: 'exam',
      tookMs: 1,
      correct: false,
      fed: false,
      before: null,
      after: { ...mem('new', T0), lastReview: null, reps: 0 },
      day: DAY,
    });
    const p = rebuildProgress([r]);
    expect(p.cards).toEqual({});
    expect(p.days).toEqual({});
  });

  it('fed: true, and an old record without the field, change the memory and count the answer', () => {
    for (const fed of [true, undefined]) {
      const p = rebuildProgress([studied, exam('e', fed)]);
      expect(p.cards['d/x']!.phase).toBe('relearning');
      expect(p.days[DAY]).toMatchObject({ reviews: 2, ms: 6000 });
    }
  });

  it('taking back an unfed answer changes nothing either', () => {
    const e = exam('e', false);
    const p = rebuildProgress([studied, e, undoRecord('u', T0 + 20, e)]);
    expect(p).toEqual({ ...rebuildProgress([studied, e]), stamps: p.stamps });
  });

  it('a malformed fed flag makes the line bad; the field is kept on the record', () => {
    expect(classifyRecord({ ...exam('e', false), fed: 'no' })).toEqual({
      kind: 'bad',
      reason: 'a malformed "fed" flag',
    });
    expect(exam('e', false).fed).toBe(false);
    expect('fed' in exam('e', undefined)).toBe(false);
  });
});

describe('marks: introduce, unintroduce, unleech', () => {
  it('introduce notes when, unintroduce and unleech take the marks back', () => {
    const intro = rebuildProgress([markRecord('i', 'd/n', 'introduce', T0, DAY)]);
    expect(intro.marks['d/n']).toEqual({ introduced: T0 });
    const back = rebuildProgress([
      markRecord('i', 'd/n', 'introduce', T0, DAY),
      markRecord('u', 'd/n', 'unintroduce', T0 + 1, DAY),
    ]);
    expect(back.marks['d/n']).toBeUndefined();
    const leech = rebuildProgress([
      markRecord('l', 'd/x', 'leech', T0, DAY),
      markRecord('f', 'd/x', 'flag', T0 + 1, DAY),
      markRecord('u', 'd/x', 'unleech', T0 + 2, DAY),
    ]);
    expect(leech.marks['d/x']).toEqual({ flagged: true });
  });

  it('a version that does not know a mark skips it as from the future', () => {
    expect(
      classifyRecord({ ...markRecord('m', 'd/x', 'leech', T0, DAY), mark: 'reposition' }),
    ).toEqual({
      kind: 'future',
      type: 'mark',
    });
  });
});
