import { describe, expect, it } from 'vitest';
import { deckCards } from '../../../src/core/cards.js';
import {
  allocate,
  drawByBlueprint,
  drawByDeck,
  type ExamState,
  examCounts,
  examReducer,
  isExamCard,
  remainingMs,
  resumeExam,
  scoreExam,
  startExam,
} from '../../../src/core/exam.js';
import type { Card, Entry } from '../../../src/core/model.js';
import { deckOf } from '../helpers.js';

const pos = { file: 'x.yaml', line: 1, col: 1 };
const T0 = Date.parse('2026-03-02T10:00:00Z');

function mcq(id: string, tags: string[] = [], multi = false): Entry {
  return {
    id,
    type: 'mcq',
    question: `Q ${id}`,
    explanation: 'E',
    tags,
    pos,
    choices: [
      { text: 'right', correct: true },
      { text: 'also right', correct: multi },
      { text: 'wrong', correct: false },
    ],
  };
}

function typed(id: string, tags: string[] = []): Entry {
  return {
    id,
    type: 'typed',
    prompt: `P ${id}`,
    answer: 'virsh list --all',
    accept: [],
    match: 'command',
    tags,
    pos,
  };
}

const deckA = deckCards(
  deckOf('a', [
    mcq('m1', ['lpic3-351.1']),
    mcq('m2', ['lpic3-351.4'], true),
    typed('t1', ['lpic3-351.4']),
  ]),
);
const deckB = deckCards(
  deckOf('b', [
    mcq('m3', ['lpic3-351.4']),
    { id: 'x', type: 'basic', front: 'f', back: 'b', reverse: false, tags: [], pos },
  ]),
);
const all = [...deckA, ...deckB];
const byKey = new Map(all.map((c) => [c.key, c]));

function exam(cards: Card[] = all.filter(isExamCard), minutes = 10): ExamState {
  return startExam({
    id: 'e1',
    cards,
    minutes,
    passPercent: 70,
    now: T0,
    scope: { decks: null, tag: null, blueprint: null },
    predictedPercent: 40,
  });
}

/** The display index showing the choice with this text. */
function letter(s: ExamState, i: number, text: string): number {
  const card = byKey.get(s.keys[i]!)!;
  return s.orders[i]!.findIndex(
    (src) => card.face.kind === 'mcq' && card.face.choices[src]!.text === text,
  );
}

describe('exam reducer', () => {
  it('navigates, flags, answers, and never runs past the ends', () => {
    let s = exam();
    expect(s.keys).toHaveLength(4);
    s = examReducer(s, { type: 'prev' });
    expect(s.index).toBe(0);
    s = examReducer(s, { type: 'flag' });
    s = examReducer(s, { type: 'choose', index: 1, multi: false });
    s = examReducer(s, { type: 'choose', index: 2, multi: false });
    expect(s.answers[0]).toEqual([2]);
    for (let i = 0; i < 5; i++) s = examReducer(s, { type: 'next' });
    expect(s.view).toBe('overview');
    expect(s.overviewCursor).toBe(3);
    expect(examCounts(s)).toEqual({ answered: 1, unanswered: 3, flagged: 1 });
    s = examReducer(s, { type: 'overviewMove', delta: -2 });
    s = examReducer(s, { type: 'goto', index: s.overviewCursor });
    expect(s.index).toBe(1);
    expect(s.view).toBe('question');
  });

  it('multi-select toggles; typed answers build up and erase', () => {
    let s = exam();
    s = examReducer(s, { type: 'choose', index: 0, multi: true });
    s = examReducer(s, { type: 'choose', index: 2, multi: true });
    s = examReducer(s, { type: 'choose', index: 0, multi: true });
    expect(s.answers[0]).toEqual([2]);
    s = examReducer(s, { type: 'next' });
    for (const ch of 'abc') s = examReducer(s, { type: 'type', text: ch });
    s = examReducer(s, { type: 'erase' });
    expect(s.answers[1]).toBe('ab');
  });

  it('submits only after confirmation, and gives no feedback before', () => {
    let s = exam();
    s = examReducer(s, { type: 'confirmSubmit', now: T0 });
    expect(s.view).toBe('question');
    s = examReducer(s, { type: 'askSubmit' });
    expect(s.view).toBe('confirm');
    s = examReducer(s, { type: 'back' });
    s = examReducer(s, { type: 'askSubmit' });
    s = examReducer(s, { type: 'confirmSubmit', now: T0 + 60_000 });
    expect(s.view).toBe('submitted');
    expect(examReducer(s, { type: 'next' })).toBe(s);
  });

  it('submits by itself when the time is up, at the deadline', () => {
    let s = exam(undefined, 1);
    s = examReducer(s, { type: 'tick', now: T0 + 59_000 });
    expect(s.view).toBe('question');
    s = examReducer(s, { type: 'tick', now: T0 + 61_000 });
    expect(s).toMatchObject({ view: 'submitted', timedOut: true, submittedAt: T0 + 60_000 });
  });

  it('a resumed exam keeps the time that was left when it was quit', () => {
    const s = exam(undefined, 10);
    const quitAt = T0 + 4 * 60_000;
    const later = T0 + 3 * 86_400_000;
    const r = resumeExam(s, quitAt, later);
    expect(remainingMs(r, later)).toBe(6 * 60_000);
    expect(remainingMs(r, later + 60_000)).toBe(5 * 60_000);
  });
});

describe('scoring', () => {
  it('scores right, wrong and unanswered, with breakdowns per deck and objective', () => {
    const cards = [byKey.get('a/m1')!, byKey.get('a/m2')!, byKey.get('a/t1')!, byKey.get('b/m3')!];
    let s = exam(cards);
    s = examReducer(s, { type: 'choose', index: letter(s, 0, 'right'), multi: false });
    s = examReducer(s, { type: 'next' });
    s = examReducer(s, { type: 'choose', index: letter(s, 1, 'right'), multi: true }); // only one of two
    s = examReducer(s, { type: 'next' });
    for (const ch of 'virsh list   --all') s = examReducer(s, { type: 'type', text: ch });
    s = examReducer(s, { type: 'askSubmit' });
    s = examReducer(s, { type: 'confirmSubmit', now: T0 + 120_000 });
    const r = scoreExam(s, (k) => byKey.get(k) ?? null, T0 + 120_000);
    expect(r).toMatchObject({
      questions: 4,
      correct: 2,
      scorePercent: 50,
      passed: false,
      usedMs: 120_000,
      predictedPercent: 40,
    });
    expect(r.byDeck).toEqual({
      a: { correct: 2, total: 3, percent: 67 },
      b: { correct: 0, total: 1, percent: 0 },
    });
    expect(r.byTag).toEqual({
      'lpic3-351.1': { correct: 1, total: 1, percent: 100 },
      'lpic3-351.4': { correct: 1, total: 3, percent: 33 },
    });
    expect(r.results.map((q) => q.correct)).toEqual([true, false, true, false]);
    expect(r.results[0]!.answer).toEqual([0]);
  });
});

describe('drawing questions', () => {
  it('allocate splits by weight and hands over what a small group cannot take', () => {
    expect(
      allocate(10, [
        { weight: 1, available: 100 },
        { weight: 1, available: 100 },
      ]),
    ).toEqual([5, 5]);
    expect(
      allocate(10, [
        { weight: 9, available: 2 },
        { weight: 1, available: 100 },
      ]),
    ).toEqual([2, 8]);
    expect(
      allocate(7, [
        { weight: 6, available: 50 },
        { weight: 4, available: 50 },
        { weight: 3, available: 50 },
      ]),
    ).toEqual([3, 2, 2]);
    expect(
      allocate(50, [
        { weight: 1, available: 3 },
        { weight: 1, available: 4 },
      ]),
    ).toEqual([3, 4]);
  });

  it('draws only mcq and typed cards, in proportion to deck size, and says when there are too few', () => {
    const d = drawByDeck(all, 10, 1);
    expect(d.cards).toHaveLength(4);
    expect(d.cards.every(isExamCard)).toBe(true);
    expect(d.notes[0]).toMatch(/Only 4 exam questions/);
  });

  it('blueprint proportions hold over many draws', () => {
    const many: Card[] = [];
    for (const tag of ['t-1.1', 't-1.2', 't-1.3'])
      many.push(
        ...deckCards(
          deckOf(
            `d${tag.replace(/\W/g, '')}`,
            Array.from({ length: 40 }, (_, i) => mcq(`q${i}`, [tag])),
          ),
        ),
      );
    const bp = { title: 'x', objectives: { 't-1.1': 6, 't-1.2': 3, 't-1.3': 1 } };
    const totals = { 't-1.1': 0, 't-1.2': 0, 't-1.3': 0 };
    for (let seed = 1; seed <= 200; seed++) {
      const d = drawByBlueprint(many, 20, bp, seed);
      expect(d.cards).toHaveLength(20);
      expect(new Set(d.cards.map((c) => c.key)).size).toBe(20);
      for (const c of d.cards)
        totals[c.tags.find((t) => t.startsWith('t-')) as keyof typeof totals]++;
    }
    expect(totals).toEqual({ 't-1.1': 2400, 't-1.2': 1200, 't-1.3': 400 });
  });

  it('an objective with no questions is reported and its weight goes to the others', () => {
    const d = drawByBlueprint(
      all,
      3,
      { title: 'x', objectives: { 'lpic3-351.4': 1, 'lpic3-353.3': 5 } },
      3,
    );
    expect(d.cards).toHaveLength(3);
    expect(d.notes).toContain(
      'No questions for objective lpic3-353.3; its weight went to the others.',
    );
  });
});
