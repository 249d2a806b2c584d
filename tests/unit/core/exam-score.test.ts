// Scoring a submitted exam: answers mapped back through the display order, per-deck and
// per-objective tallies (objective tags only), and the pass mark.
import { describe, expect, it } from 'vitest';
import { deckCards } from '../../../src/core/cards.js';
import { isRight, OBJECTIVE_TAG, scoreExam } from '../../../src/core/exam-score.js';
import type { Card } from '../../../src/core/model.js';
import { deckOf } from '../helpers.js';
import { basicEntry, examOf, MIN, mcq, T0, typed } from './exam-fixtures.js';

// Choices of `mcq`: 0 'right', 1 'also right' (right only when multi), 2 'wrong'.
const [single, multi, typedCard, flash] = deckCards(
  deckOf('a', [
    mcq('single', ['lpic3-351.1', 'kvm']),
    mcq('multi', ['lpic3-351.4'], true),
    typed('typed', ['lpic3-351.4', 'lpic3-351']),
    basicEntry('flash'),
  ]),
) as [Card, Card, Card, Card];
const [other] = deckCards(deckOf('b', [mcq('m', ['lpic3-352.1.2'])])) as [Card];
const byKey = new Map([single, multi, typedCard, flash, other].map((c) => [c.key, c]));
const cardOf = (k: string) => byKey.get(k) ?? null;

/** Display order used below: display 0 shows 'wrong', 1 'right', 2 'also right'. */
const ORDER = [2, 0, 1];

describe('isRight', () => {
  it('maps a multiple-choice answer back through the display order', () => {
    expect(isRight(single, [1], ORDER)).toBe(true);
    expect(isRight(single, [0], ORDER)).toBe(false);
    expect(isRight(single, [0], [0, 1, 2])).toBe(true);
  });

  it('multi-select is right only with exactly the right choices', () => {
    expect(isRight(multi, [1, 2], ORDER)).toBe(true);
    expect(isRight(multi, [1], ORDER)).toBe(false);
    expect(isRight(multi, [0, 1, 2], ORDER)).toBe(false);
  });

  it('grades a typed answer as the study screen does', () => {
    expect(isRight(typedCard, "virsh  list '--all'", [])).toBe(true);
    expect(isRight(typedCard, 'virsh list', [])).toBe(false);
  });

  it('an unanswered question, or an answer of the wrong kind, is wrong', () => {
    expect(isRight(single, null, ORDER)).toBe(false);
    expect(isRight(single, [], ORDER)).toBe(false);
    expect(isRight(typedCard, '   ', [])).toBe(false);
    expect(isRight(single, 'right', ORDER)).toBe(false);
    expect(isRight(typedCard, [0], [])).toBe(false);
    expect(isRight(flash, 'back a/flash', [])).toBe(false);
    expect(isRight(flash, [0], [])).toBe(false);
  });

  it('no answer is right even where choosing nothing would be', () => {
    // Decks refuse such a card; a card built some other way must not score a blank.
    const face = {
      kind: 'mcq' as const,
      question: 'Q',
      multi: false,
      choices: [{ text: 'no', correct: false }],
    };
    const noneRight: Card = { ...single, face };
    expect(isRight(noneRight, [], [0])).toBe(false);
    expect(isRight(noneRight, [0], [0])).toBe(false);
  });
});

describe('OBJECTIVE_TAG', () => {
  it.each(['lpic3-351.4', 'lpic3-305.1', 'a-1.2', 'lpic3-352.1.2', '305-10.11'])(
    '%s is an objective',
    (tag) => {
      expect(OBJECTIVE_TAG.test(tag)).toBe(true);
    },
  );

  it.each([
    'kvm',
    'lpic3-351',
    'lpic3-351.',
    'lpic3-351.x',
    'lpic3-.4',
    '-351.4',
    'LPIC3-351.4',
    'lpic_3-351.4',
    'x lpic3-351.4',
    'lpic3-351.4 x',
    'lpic3-351.4a',
    'lpic3-a351.4',
    'lpic3-351..4',
  ])('%s is not', (tag) => {
    expect(OBJECTIVE_TAG.test(tag)).toBe(false);
  });
});

/** An answered question: answered at `minutes` into the exam, on screen `minutes` s. */
const on = (minutes: number) => ({
  answered: true,
  answeredAt: T0 + minutes * MIN,
  tookMs: minutes * 1000,
});

describe('scoreExam', () => {
  const exam = () =>
    examOf(5, {
      id: 'e9',
      keys: [single.key, multi.key, typedCard.key, other.key, 'gone/card'],
      orders: [ORDER, ORDER, [], [0, 1, 2], [1, 0]],
      // Right, half of a multi-select (wrong), right, unanswered, answered but deleted.
      answers: [[1], [1], 'virsh list --all', null, [0]],
      answeredAt: [T0 + MIN, T0 + 2 * MIN, T0 + 3 * MIN, null, T0 + 4 * MIN],
      spentMs: [1000, 2000, 3000, 4000, 5000],
      passPercent: 40,
      durationMs: 30 * MIN,
      submittedAt: T0 + 5 * MIN,
      view: 'submitted',
      predictedPercent: 61,
      scope: { decks: ['a', 'b'], tag: null, blueprint: 'lpic3' },
    });

  it('scores each question and reports the answers in the cards own choice order', () => {
    const r = scoreExam(exam(), cardOf, T0 + 9 * MIN);
    expect(r).toEqual({
      id: 'e9',
      at: T0 + 5 * MIN,
      questions: 5,
      correct: 2,
      scorePercent: 40,
      passPercent: 40,
      passed: true,
      usedMs: 5 * MIN,
      timedOut: false,
      byDeck: {
        a: { correct: 2, total: 3, percent: 67 },
        b: { correct: 0, total: 1, percent: 0 },
      },
      // Only objective tags: not `kvm`, not `lpic3-351`.
      byTag: {
        'lpic3-351.1': { correct: 1, total: 1, percent: 100 },
        'lpic3-351.4': { correct: 1, total: 2, percent: 50 },
        'lpic3-352.1.2': { correct: 0, total: 1, percent: 0 },
      },
      results: [
        // Each with the order the exam showed its choices in, for the mistake review.
        { ...on(1), key: single.key, correct: true, answer: [0], order: [2, 0, 1] },
        { ...on(2), key: multi.key, correct: false, answer: [0], order: [2, 0, 1] },
        { ...on(3), key: typedCard.key, correct: true, answer: 'virsh list --all', order: [] },
        // Looked at for 4 s, never answered.
        {
          key: other.key,
          correct: false,
          answer: null,
          answered: false,
          answeredAt: null,
          tookMs: 4000,
          order: [0, 1, 2],
        },
        // A card gone from the decks counts as wrong and in no breakdown.
        { ...on(4), tookMs: 5000, key: 'gone/card', correct: false, answer: [1], order: [1, 0] },
      ],
      predictedPercent: 61,
      scope: { decks: ['a', 'b'], tag: null, blueprint: 'lpic3' },
    });
  });

  it('an exam saved before answer times were kept dates its answers at the submit time', () => {
    const old = { ...exam() };
    delete old.answeredAt;
    delete old.spentMs;
    const r = scoreExam(old, cardOf, T0 + 9 * MIN);
    expect(r.results.map((q) => [q.answered, q.answeredAt, q.tookMs])).toEqual([
      [true, T0 + 5 * MIN, 0],
      [true, T0 + 5 * MIN, 0],
      [true, T0 + 5 * MIN, 0],
      [false, null, 0],
      [true, T0 + 5 * MIN, 0],
    ]);
  });

  it("stores each question's forecast beside its outcome, for calibration", () => {
    const r = scoreExam({ ...exam(), predicted: [0.9, 0.25, 1, 0.5, 0.1] }, cardOf, T0);
    expect(r.predictions).toEqual([
      { key: single.key, p: 0.9, correct: true },
      { key: multi.key, p: 0.25, correct: false },
      { key: typedCard.key, p: 1, correct: true },
      { key: other.key, p: 0.5, correct: false },
      { key: 'gone/card', p: 0.1, correct: false },
    ]);
    expect('predictions' in scoreExam(exam(), cardOf, T0)).toBe(false);
  });

  it('passes at exactly the pass mark, not one point under', () => {
    expect(scoreExam({ ...exam(), passPercent: 40 }, cardOf, T0).passed).toBe(true);
    expect(scoreExam({ ...exam(), passPercent: 41 }, cardOf, T0).passed).toBe(false);
  });

  it('rounds the score to a whole percent', () => {
    // 2 of 3 right: 66.7 -> 67.
    const s = examOf(3, {
      keys: [single.key, typedCard.key, multi.key],
      orders: [ORDER, [], ORDER],
      answers: [[1], 'virsh list --all', [0]],
    });
    expect(scoreExam(s, cardOf, T0)).toMatchObject({ correct: 2, scorePercent: 67 });
  });

  it('an exam not yet submitted is dated now and counts the time used until now', () => {
    const s = { ...exam(), submittedAt: null, view: 'question' as const };
    expect(scoreExam(s, cardOf, T0 + 9 * MIN)).toMatchObject({ at: T0 + 9 * MIN, usedMs: 9 * MIN });
  });

  it('keeps timedOut and the display index of a choice with no display order', () => {
    // The card became multiple choice after the exam drew it as another kind: no order.
    const s = examOf(1, { keys: [single.key], orders: [[]], answers: [[2]], timedOut: true });
    expect(scoreExam(s, cardOf, T0)).toMatchObject({
      timedOut: true,
      correct: 0,
      results: [{ key: single.key, correct: false, answer: [2] }],
    });
  });

  it('an exam without questions scores 0 and fails', () => {
    const s = examOf(0, { passPercent: 1 });
    expect(scoreExam(s, cardOf, T0)).toMatchObject({
      questions: 0,
      correct: 0,
      scorePercent: 0,
      passed: false,
      byDeck: {},
      byTag: {},
      results: [],
    });
  });
});
