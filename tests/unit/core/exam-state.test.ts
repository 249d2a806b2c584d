// The exam reducer is the whole exam screen's logic, and `isExamState` guards an exam read
// back from disk: every action in every view, the edges of navigation and time, and every
// malformed field.
import { describe, expect, it } from 'vitest';
import { deckCards } from '../../../src/core/cards.js';
import {
  type ExamAction,
  type ExamState,
  examCounts,
  examReducer,
  isAnswered,
  isExamState,
  remainingMs,
  resumeExam,
  startExam,
  usedMs,
} from '../../../src/core/exam-state.js';
import { shuffledOrder } from '../../../src/core/grading.js';
import { deckOf } from '../helpers.js';
import { basicEntry, examOf, MIN, mcq, T0, typed } from './exam-fixtures.js';

const run = (s: ExamState, ...actions: ExamAction[]): ExamState => actions.reduce(examReducer, s);

describe('startExam', () => {
  it('starts on the first question with nothing answered, its time running from now', () => {
    const cards = deckCards(deckOf('d', [mcq('m'), typed('t'), basicEntry('b')]));
    const scope = { decks: ['d'], tag: 'x', blueprint: null };
    const s = startExam({
      id: 'exam-7',
      cards,
      minutes: 3,
      passPercent: 65,
      now: T0,
      scope,
      predictedPercent: 42,
    });
    expect(s).toEqual({
      id: 'exam-7',
      keys: ['d/m', 'd/t', 'd/b'],
      // Only a multiple-choice question has a display order, seeded by exam and card.
      orders: [shuffledOrder(3, 'exam-7:d/m'), [], []],
      answers: [null, null, null],
      flags: [false, false, false],
      index: 0,
      view: 'question',
      overviewCursor: 0,
      durationMs: 180_000,
      usedBeforeMs: 0,
      resumedAt: T0,
      passPercent: 65,
      startedAt: T0,
      submittedAt: null,
      timedOut: false,
      scope,
      predictedPercent: 42,
      answeredAt: [null, null, null],
      spentMs: [0, 0, 0],
      viewSince: T0,
    });
    expect(isExamState(s)).toBe(true);
  });
});

describe('time', () => {
  it('counts the time since the sitting began, on top of earlier sittings, up to the duration', () => {
    const s = examOf(2, { usedBeforeMs: 2 * MIN, resumedAt: T0 });
    expect(usedMs(s, T0)).toBe(2 * MIN);
    expect(usedMs(s, T0 + MIN)).toBe(3 * MIN);
    expect(remainingMs(s, T0 + MIN)).toBe(7 * MIN);
    expect(usedMs(s, T0 + 8 * MIN)).toBe(10 * MIN);
    expect(remainingMs(s, T0 + 8 * MIN)).toBe(0);
    expect(usedMs(s, T0 + 60 * MIN)).toBe(10 * MIN);
    expect(remainingMs(s, T0 + 60 * MIN)).toBe(0);
  });

  it('a clock behind the start of the sitting adds no time and takes none away', () => {
    const s = examOf(2, { usedBeforeMs: 2 * MIN, resumedAt: T0 });
    expect(usedMs(s, T0 - 5 * MIN)).toBe(2 * MIN);
    expect(remainingMs(s, T0 - 5 * MIN)).toBe(8 * MIN);
  });

  it('a submitted exam stops its clock at the submission', () => {
    const s = examOf(2, { submittedAt: T0 + 3 * MIN, view: 'submitted' });
    expect(usedMs(s, T0 + 9 * MIN)).toBe(3 * MIN);
    expect(remainingMs(s, T0 + 9 * MIN)).toBe(7 * MIN);
  });

  it('a resumed exam keeps the time used when it was quit, back on the question view', () => {
    const s = examOf(3, { view: 'overview', usedBeforeMs: MIN, resumedAt: T0 });
    const later = T0 + 86_400_000;
    const r = resumeExam(s, T0 + 4 * MIN, later);
    expect(r).toEqual({
      ...s,
      usedBeforeMs: 5 * MIN,
      resumedAt: later,
      view: 'question',
      viewSince: later,
    });
    expect(remainingMs(r, later)).toBe(5 * MIN);
    expect(remainingMs(r, later + 2 * MIN)).toBe(3 * MIN);
  });
});

describe('isAnswered and examCounts', () => {
  it('an answer is a non-empty choice list or text with more than blanks', () => {
    expect(isAnswered(null)).toBe(false);
    expect(isAnswered([])).toBe(false);
    expect(isAnswered([0])).toBe(true);
    expect(isAnswered('')).toBe(false);
    expect(isAnswered('  ')).toBe(false);
    expect(isAnswered(' a ')).toBe(true);
  });

  it('counts answered, unanswered and flagged questions', () => {
    const s = examOf(5, {
      answers: [[1], null, 'virsh', [], ' '],
      flags: [false, true, true, false, false],
    });
    expect(examCounts(s)).toEqual({ answered: 2, unanswered: 3, flagged: 2 });
  });
});

describe('examReducer: answering', () => {
  it('a single choice replaces the previous one', () => {
    const s = run(
      examOf(2),
      { type: 'choose', index: 1, multi: false },
      { type: 'choose', index: 2, multi: false },
    );
    expect(s.answers).toEqual([[2], null]);
  });

  it('multi-select toggles each choice and keeps the list sorted', () => {
    let s = run(
      examOf(2),
      { type: 'choose', index: 2, multi: true },
      { type: 'choose', index: 0, multi: true },
    );
    expect(s.answers[0]).toEqual([0, 2]);
    s = run(s, { type: 'choose', index: 1, multi: true });
    expect(s.answers[0]).toEqual([0, 1, 2]);
    s = run(s, { type: 'choose', index: 0, multi: true });
    expect(s.answers[0]).toEqual([1, 2]);
    s = run(
      s,
      { type: 'choose', index: 1, multi: true },
      { type: 'choose', index: 2, multi: true },
    );
    expect(s.answers[0]).toEqual([]);
  });

  it('choosing on a question that holds text or nothing starts a fresh choice list', () => {
    const s = examOf(2, { answers: ['ab', null] });
    expect(run(s, { type: 'choose', index: 1, multi: true }).answers[0]).toEqual([1]);
    expect(run(s, { type: 'next' }, { type: 'choose', index: 1, multi: true }).answers[1]).toEqual([
      1,
    ]);
  });

  it('answers the current question only', () => {
    const s = run(examOf(3), { type: 'next' }, { type: 'choose', index: 0, multi: false });
    expect(s.answers).toEqual([null, [0], null]);
  });

  it('typing appends to the text; erasing takes off the last character, down to no answer', () => {
    let s = run(examOf(2), { type: 'type', text: 'ab' }, { type: 'type', text: 'c' });
    expect(s.answers[0]).toBe('abc');
    s = run(s, { type: 'erase' });
    expect(s.answers[0]).toBe('ab');
    s = run(s, { type: 'erase' }, { type: 'erase' });
    expect(s.answers[0]).toBeNull();
    s = run(s, { type: 'erase' });
    expect(s.answers[0]).toBeNull();
  });

  it('typing over a choice list starts fresh text; erasing it leaves no answer', () => {
    const s = examOf(2, { answers: [[1, 2], [0]] });
    expect(run(s, { type: 'type', text: 'x' }).answers[0]).toBe('x');
    expect(run(s, { type: 'erase' }).answers[0]).toBeNull();
  });

  it('choosing, typing and erasing do nothing outside the question view', () => {
    for (const view of ['overview', 'confirm'] as const) {
      const s = examOf(2, { view, answers: ['ab', null] });
      for (const a of [
        { type: 'choose', index: 1, multi: false },
        { type: 'choose', index: 1, multi: true },
        { type: 'type', text: 'x' },
        { type: 'erase' },
      ] as const)
        expect(examReducer(s, a), `${view} ${a.type}`).toBe(s);
    }
  });
});

describe('examReducer: navigation', () => {
  it('next walks to the last question, then opens the overview on it', () => {
    let s = run(examOf(3), { type: 'next' });
    expect(s).toMatchObject({ index: 1, view: 'question' });
    s = run(s, { type: 'next' });
    expect(s).toMatchObject({ index: 2, view: 'question' });
    s = run(s, { type: 'next' });
    expect(s).toMatchObject({ index: 2, view: 'overview', overviewCursor: 2 });
  });

  it('next from the overview or the confirmation goes back to a question', () => {
    for (const view of ['overview', 'confirm'] as const)
      expect(run(examOf(3, { view }), { type: 'next' })).toMatchObject({
        index: 1,
        view: 'question',
      });
  });

  it('prev steps back and stops at the first question, always on the question view', () => {
    let s = run(examOf(3, { index: 2, view: 'overview' }), { type: 'prev' });
    expect(s).toMatchObject({ index: 1, view: 'question' });
    s = run(s, { type: 'prev' });
    expect(s).toMatchObject({ index: 0, view: 'question' });
    s = run(s, { type: 'prev' });
    expect(s).toMatchObject({ index: 0, view: 'question' });
    expect(run(examOf(3, { view: 'confirm' }), { type: 'prev' })).toMatchObject({
      index: 0,
      view: 'question',
    });
  });

  it('goto opens any question from first to last, and ignores one outside', () => {
    const s = examOf(3, { index: 1, view: 'overview', overviewCursor: 1 });
    expect(run(s, { type: 'goto', index: 0 })).toEqual({ ...s, index: 0, view: 'question' });
    expect(run(s, { type: 'goto', index: 2 })).toEqual({ ...s, index: 2, view: 'question' });
    expect(examReducer(s, { type: 'goto', index: -1 })).toBe(s);
    expect(examReducer(s, { type: 'goto', index: 3 })).toBe(s);
  });

  it('the overview opens with its cursor on the current question and moves within bounds', () => {
    let s = run(examOf(4, { index: 2 }), { type: 'overview' });
    expect(s).toMatchObject({ view: 'overview', overviewCursor: 2, index: 2 });
    s = run(s, { type: 'overviewMove', delta: 1 });
    expect(s.overviewCursor).toBe(3);
    s = run(s, { type: 'overviewMove', delta: 1 });
    expect(s.overviewCursor).toBe(3);
    s = run(s, { type: 'overviewMove', delta: -2 });
    expect(s.overviewCursor).toBe(1);
    s = run(s, { type: 'overviewMove', delta: -5 });
    expect(s.overviewCursor).toBe(0);
    s = run(s, { type: 'overviewMove', delta: 9 });
    expect(s.overviewCursor).toBe(3);
    // Moving the cursor does not change the question.
    expect(s).toMatchObject({ view: 'overview', index: 2 });
  });

  it('back returns to the question from the overview or the confirmation', () => {
    for (const view of ['overview', 'confirm'] as const) {
      const s = examOf(3, { view, index: 1, overviewCursor: 2 });
      expect(run(s, { type: 'back' })).toEqual({ ...s, view: 'question' });
    }
  });
});

describe('examReducer: flags', () => {
  it('on a question, flag toggles that question', () => {
    let s = run(examOf(3, { index: 1, overviewCursor: 2 }), { type: 'flag' });
    expect(s.flags).toEqual([false, true, false]);
    s = run(s, { type: 'flag' });
    expect(s.flags).toEqual([false, false, false]);
  });

  it('in the overview, flag toggles the question under the cursor', () => {
    const s = run(examOf(3, { index: 0, view: 'overview', overviewCursor: 2 }), { type: 'flag' });
    expect(s.flags).toEqual([false, false, true]);
    expect(s.view).toBe('overview');
  });

  it('on the confirmation, flag toggles the current question', () => {
    const s = run(examOf(3, { index: 1, view: 'confirm', overviewCursor: 2 }), { type: 'flag' });
    expect(s.flags).toEqual([false, true, false]);
  });
});

describe('examReducer: submission', () => {
  it('submits only after the confirmation is asked, at the time given', () => {
    const s = examOf(2);
    expect(examReducer(s, { type: 'confirmSubmit', now: T0 })).toBe(s);
    const asked = run(s, { type: 'askSubmit' });
    expect(asked).toEqual({ ...s, view: 'confirm' });
    expect(run(asked, { type: 'confirmSubmit', now: T0 + MIN })).toEqual({
      ...s,
      view: 'submitted',
      submittedAt: T0 + MIN,
      timedOut: false,
      viewSince: T0 + MIN,
    });
    const overview = examOf(2, { view: 'overview' });
    expect(examReducer(overview, { type: 'confirmSubmit', now: T0 })).toBe(overview);
  });

  it('a submitted exam ignores every action', () => {
    const s = examOf(3, { view: 'submitted', submittedAt: T0, index: 1 });
    const actions: ExamAction[] = [
      { type: 'choose', index: 0, multi: false },
      { type: 'type', text: 'x' },
      { type: 'erase' },
      { type: 'next' },
      { type: 'prev' },
      { type: 'goto', index: 0 },
      { type: 'flag' },
      { type: 'overview' },
      { type: 'overviewMove', delta: 1 },
      { type: 'back' },
      { type: 'askSubmit' },
      { type: 'confirmSubmit', now: T0 + MIN },
      { type: 'tick', now: T0 + 99 * MIN },
    ];
    for (const a of actions) expect(examReducer(s, a), a.type).toBe(s);
  });

  it('submits by itself at exactly the deadline, dated at the deadline', () => {
    const s = examOf(2, { durationMs: MIN });
    expect(examReducer(s, { type: 'tick', now: T0 + MIN - 1 })).toBe(s);
    expect(run(s, { type: 'tick', now: T0 + MIN })).toEqual({
      ...s,
      view: 'submitted',
      submittedAt: T0 + MIN,
      timedOut: true,
      // The minute on the first question is its answer time.
      spentMs: [MIN, 0],
      viewSince: T0 + MIN,
    });
    expect(run(s, { type: 'tick', now: T0 + 5 * MIN })).toMatchObject({
      submittedAt: T0 + MIN,
      timedOut: true,
    });
  });

  it('a resumed exam times out when its remaining time is used, dated then', () => {
    const s = examOf(2, { durationMs: 10 * MIN, usedBeforeMs: 4 * MIN, resumedAt: T0 });
    expect(examReducer(s, { type: 'tick', now: T0 + 6 * MIN - 1 })).toBe(s);
    expect(run(s, { type: 'tick', now: T0 + 7 * MIN })).toMatchObject({
      view: 'submitted',
      submittedAt: T0 + 6 * MIN,
      timedOut: true,
    });
  });
});

describe('isExamState', () => {
  const good = () =>
    examOf(2, {
      answers: [[0, 2], 'virsh'],
      flags: [true, false],
      orders: [[2, 0, 1], []],
      index: 1,
      overviewCursor: 1,
      submittedAt: T0 + MIN,
      view: 'submitted',
      timedOut: true,
      predictedPercent: 55,
      scope: { decks: ['a', 'b'], tag: 'lpic3-351.1', blueprint: 'lpic3' },
    });

  it('accepts an exam as it is saved, in every view', () => {
    expect(isExamState(good())).toBe(true);
    expect(isExamState(JSON.parse(JSON.stringify(good())))).toBe(true);
    for (const view of ['question', 'overview', 'confirm', 'submitted'] as const)
      expect(isExamState(examOf(1, { view }))).toBe(true);
    expect(isExamState(examOf(3, { index: 2, overviewCursor: 2 }))).toBe(true);
  });

  it('rejects what is not an object', () => {
    for (const x of [null, undefined, 0, 1, 'exam', true, []]) expect(isExamState(x)).toBe(false);
  });

  // Each case breaks one field of an otherwise good exam.
  const BAD: [string, Record<string, unknown>][] = [
    ['id missing', { id: undefined }],
    ['id a number', { id: 7 }],
    ['keys missing', { keys: undefined }],
    ['keys not a list', { keys: 'd/q0' }],
    ['keys empty', { keys: [], answers: [], flags: [], orders: [], index: 0, overviewCursor: 0 }],
    ['a key not a string', { keys: ['d/q0', 5] }],
    ['answers missing', { answers: undefined }],
    ['answers not a list', { answers: { 0: null, 1: null } }],
    ['too few answers', { answers: [null] }],
    ['too many answers', { answers: [null, null, null] }],
    ['an answer a number', { answers: [null, 3] }],
    ['an answer an object', { answers: [{}, null] }],
    ['a choice not an integer', { answers: [[0, 1.5], null] }],
    ['a choice a string', { answers: [['0'], null] }],
    ['flags missing', { flags: undefined }],
    ['flags not a list', { flags: true }],
    ['too few flags', { flags: [false] }],
    ['too many flags', { flags: [false, false, false] }],
    ['a flag not a boolean', { flags: [false, 0] }],
    ['orders missing', { orders: undefined }],
    ['orders not a list', { orders: 'x' }],
    ['too few orders', { orders: [[]] }],
    ['too many orders', { orders: [[], [], []] }],
    ['an order not a list', { orders: [[], 3] }],
    ['an order with a fraction', { orders: [[0, 0.5], []] }],
    ['index missing', { index: undefined }],
    ['index a fraction', { index: 0.5 }],
    ['index negative', { index: -1 }],
    ['index past the last question', { index: 2 }],
    ['overviewCursor missing', { overviewCursor: undefined }],
    ['overviewCursor a fraction', { overviewCursor: 1.5 }],
    ['overviewCursor negative', { overviewCursor: -1 }],
    ['overviewCursor past the last question', { overviewCursor: 2 }],
    ['view unknown', { view: 'results' }],
    ['view missing', { view: undefined }],
    ['durationMs missing', { durationMs: undefined }],
    ['durationMs a string', { durationMs: '600000' }],
    ['durationMs not finite', { durationMs: Number.POSITIVE_INFINITY }],
    ['usedBeforeMs NaN', { usedBeforeMs: Number.NaN }],
    ['usedBeforeMs a string', { usedBeforeMs: '0' }],
    ['resumedAt missing', { resumedAt: undefined }],
    ['resumedAt null', { resumedAt: null }],
    ['passPercent a string', { passPercent: '70' }],
    ['passPercent missing', { passPercent: undefined }],
    ['startedAt a string', { startedAt: '2026-03-02' }],
    ['startedAt missing', { startedAt: undefined }],
    ['submittedAt missing', { submittedAt: undefined }],
    ['submittedAt a string', { submittedAt: 'now' }],
    ['submittedAt not finite', { submittedAt: Number.NaN }],
    ['timedOut missing', { timedOut: undefined }],
    ['timedOut a string', { timedOut: 'false' }],
    ['predictedPercent missing', { predictedPercent: undefined }],
    ['predictedPercent a string', { predictedPercent: '55' }],
    ['predictedPercent not finite', { predictedPercent: Number.NaN }],
    ['scope missing', { scope: undefined }],
    ['scope null', { scope: null }],
    ['scope a string', { scope: 'all' }],
    ['scope.decks missing', { scope: { tag: null, blueprint: null } }],
    ['scope.decks a string', { scope: { decks: 'a', tag: null, blueprint: null } }],
    ['scope.tag missing', { scope: { decks: null, blueprint: null } }],
    ['scope.tag a number', { scope: { decks: null, tag: 3, blueprint: null } }],
    ['scope.blueprint missing', { scope: { decks: null, tag: null } }],
    ['scope.blueprint a number', { scope: { decks: null, tag: null, blueprint: 1 } }],
  ];

  it.each(BAD)('rejects an exam whose %s', (_what, change) => {
    const x: Record<string, unknown> = { ...good(), ...change };
    expect(isExamState(x)).toBe(false);
  });

  it('accepts null where a field may be empty', () => {
    expect(
      isExamState({
        ...good(),
        submittedAt: null,
        predictedPercent: null,
        scope: { decks: null, tag: null, blueprint: null },
      }),
    ).toBe(true);
  });
});
