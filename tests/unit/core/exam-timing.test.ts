// Defect 11: an exam keeps, per question, when its answer last changed and how long it was
// on screen, so the log can date each answer and say how long it took. Actions without a
// time (older callers) keep no timing.
import { describe, expect, it } from 'vitest';
import {
  type ExamAction,
  examReducer,
  isExamState,
  resumeExam,
} from '../../../src/core/exam-state.js';
import { examOf, MIN, T0 } from './exam-fixtures.js';

const SEC = 1000;

/** Applies each action at the time given with it. */
const at = (s = examOf(3, { viewSince: T0 }), ...steps: [number, ExamAction][]) =>
  steps.reduce((st, [t, a]) => examReducer(st, { ...a, now: t }), s);

describe('defect 11: exam answers are timed', () => {
  it('defect 11: the last change of each answer is kept, and the time each question was on screen', () => {
    const s = at(
      undefined,
      [T0 + 10 * SEC, { type: 'choose', index: 0, multi: false }],
      [T0 + 20 * SEC, { type: 'choose', index: 1, multi: false }],
      [T0 + 30 * SEC, { type: 'next' }],
      [T0 + 45 * SEC, { type: 'next' }],
      [T0 + 50 * SEC, { type: 'type', text: 'v' }],
      [T0 + 51 * SEC, { type: 'type', text: 'i' }],
      [T0 + 60 * SEC, { type: 'prev' }],
      [T0 + 70 * SEC, { type: 'overview' }],
      [T0 + 90 * SEC, { type: 'askSubmit' }],
      [T0 + 95 * SEC, { type: 'confirmSubmit', now: T0 + 95 * SEC }],
    );
    expect(s.answeredAt).toEqual([T0 + 20 * SEC, null, T0 + 51 * SEC]);
    // q0: 0-30 s; q1: 30-45 s and 60-70 s; q2: 45-60 s. Overview and confirm count for none.
    expect(s.spentMs).toEqual([30 * SEC, 25 * SEC, 15 * SEC]);
    expect(isExamState(s)).toBe(true);
  });

  it('defect 11: time running out closes the question on screen at the deadline', () => {
    const s = at(examOf(2, { viewSince: T0, durationMs: MIN }), [
      T0 + 5 * MIN,
      { type: 'tick', now: T0 + 5 * MIN },
    ]);
    expect(s).toMatchObject({ view: 'submitted', submittedAt: T0 + MIN, spentMs: [MIN, 0] });
  });

  it('time away between sittings counts for no question', () => {
    const s = at(undefined, [T0 + 10 * SEC, { type: 'choose', index: 0, multi: false }]);
    const back = resumeExam(s, T0 + 20 * SEC, T0 + 3_600_000);
    const done = at(back, [T0 + 3_600_000 + 5 * SEC, { type: 'next' }]);
    // 20 s on screen up to the quit, and 5 s after resuming; not the hour between.
    expect(back.spentMs).toEqual([20 * SEC, 0, 0]);
    expect(done.spentMs).toEqual([25 * SEC, 0, 0]);
  });

  it('an action without a time, or one that changes nothing, keeps the timing as it was', () => {
    const s = examOf(2, { viewSince: T0 });
    expect(examReducer(s, { type: 'next' }).spentMs).toBeUndefined();
    const same = examReducer(s, { type: 'tick', now: T0 + SEC });
    expect(same).toBe(s);
  });

  it('an exam saved with malformed timing is not trusted', () => {
    expect(isExamState(examOf(2, { answeredAt: [T0] }))).toBe(false);
    expect(isExamState(examOf(2, { spentMs: [1, Number.NaN] }))).toBe(false);
    expect(isExamState(examOf(2, { predicted: [0.5] }))).toBe(false);
    expect(
      isExamState(examOf(2, { answeredAt: [T0, null], spentMs: [1, 2], predicted: [0.2, 1] })),
    ).toBe(true);
  });
});
