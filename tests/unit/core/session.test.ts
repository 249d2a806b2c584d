import { describe, expect, it } from 'vitest';
import { deckCards } from '../../../src/core/cards.js';
import { shuffledOrder } from '../../../src/core/grading.js';
import type { Card } from '../../../src/core/model.js';
import {
  type CardAction,
  type CardSession,
  cardReducer,
  choiceCount,
  defaultGrade,
  picksNeeded,
  startCard,
} from '../../../src/core/session.js';
import { deckOf } from '../helpers.js';

const pos = { file: 'x.yaml', line: 1, col: 1 };
const [single, multi, typed, flash, cloze] = deckCards(
  deckOf('d', [
    {
      id: 'm',
      type: 'mcq',
      question: 'Q',
      explanation: 'E',
      tags: [],
      pos,
      choices: [
        { text: 'right', correct: true },
        { text: 'w1', correct: false },
        { text: 'w2', correct: false },
      ],
    },
    {
      id: 'n',
      type: 'mcq',
      question: 'Q2',
      explanation: 'E',
      tags: [],
      pos,
      choices: [
        { text: 'r1', correct: true },
        { text: 'r2', correct: true },
        { text: 'w', correct: false },
      ],
    },
    {
      id: 't',
      type: 'typed',
      prompt: 'P',
      answer: 'virsh list --all',
      accept: [],
      match: 'command',
      tags: [],
      pos,
    },
    { id: 'f', type: 'basic', front: 'F', back: 'B', reverse: false, tags: [], pos },
    { id: 'c', type: 'cloze', text: 'A {{c1::b}}', tags: [], pos },
  ]),
) as [Card, Card, Card, Card, Card];

const run = (s: CardSession, ...actions: CardAction[]) => actions.reduce(cardReducer, s);

const displayIndexOf = (s: ReturnType<typeof startCard>, text: string) =>
  s.order.findIndex((src) => s.card.face.kind === 'mcq' && s.card.face.choices[src]?.text === text);

describe('cardReducer', () => {
  it('single choice: picking the right one and submitting suggests Good', () => {
    let s = startCard(single, 0, 'x');
    s = cardReducer(s, { type: 'pick', index: displayIndexOf(s, 'right') });
    s = cardReducer(s, { type: 'submit' });
    expect(s.phase).toBe('answer');
    expect(s.result).toEqual({ correct: true, suggested: 3 });
    expect(defaultGrade(s)).toBe(3);
  });

  it('single choice: a wrong pick suggests Again; submit with nothing chosen waits and says so', () => {
    let s = startCard(single, 0, 'x');
    const early = cardReducer(s, { type: 'submit' });
    expect(early.phase).toBe('question');
    expect(early.waiting).toEqual({ need: 1, have: 0 });
    s = cardReducer(s, { type: 'pick', index: displayIndexOf(s, 'w2') });
    s = cardReducer(s, { type: 'submit' });
    expect(s.result?.suggested).toBe(1);
  });

  it('multi-select: toggles, and only the exact set is right', () => {
    let s = startCard(multi, 0, 'x');
    s = cardReducer(s, { type: 'pick', index: displayIndexOf(s, 'r1') });
    s = cardReducer(s, { type: 'pick', index: displayIndexOf(s, 'w') });
    s = cardReducer(s, { type: 'pick', index: displayIndexOf(s, 'w') });
    expect(
      cardReducer(cardReducer(s, { type: 'pick', index: displayIndexOf(s, 'r2') }), {
        type: 'submit',
      }).result?.correct,
    ).toBe(true);
    expect(cardReducer(s, { type: 'submit' }).result?.correct).toBe(false);
  });

  it('arrows wrap around and select in single-choice mode', () => {
    let s = startCard(single, 0, 'x');
    s = cardReducer(s, { type: 'move', delta: -1 });
    expect(s.cursor).toBe(2);
    expect(s.chosen).toEqual([2]);
  });

  it('typed: builds the input, erases, and grades on submit', () => {
    let s = startCard(typed, 0, 'x');
    for (const ch of 'virsh list --allx') s = cardReducer(s, { type: 'type', text: ch });
    s = cardReducer(s, { type: 'erase' });
    s = cardReducer(s, { type: 'submit' });
    expect(s.result?.correct).toBe(true);
    expect(cardReducer(s, { type: 'type', text: 'z' })).toBe(s);
  });

  it('starts on the question with the choices shuffled by card and seed, nothing chosen', () => {
    expect(startCard(single, 5, 'x')).toEqual({
      card: single,
      phase: 'question',
      order: shuffledOrder(3, 'd/m#x'),
      cursor: 0,
      chosen: [],
      input: '',
      result: null,
      shownAt: 5,
      waiting: null,
    });
    expect(choiceCount(startCard(single, 5, 'x'))).toBe(3);
    expect(startCard(typed, 5, 'x').order).toEqual([]);
    expect(choiceCount(startCard(flash, 5, 'x'))).toBe(0);
  });

  it('flashcards and cloze cards turn over with reveal or submit, and suggest nothing', () => {
    for (const card of [flash, cloze]) {
      const s = startCard(card, 0, 'x');
      for (const a of ['reveal', 'submit'] as const)
        expect(cardReducer(s, { type: a }), `${card.key} ${a}`).toEqual({ ...s, phase: 'answer' });
      expect(defaultGrade(run(s, { type: 'reveal' }))).toBe(3);
    }
  });

  it('choices and text belong only to the kinds that have them', () => {
    for (const card of [flash, cloze]) {
      const s = startCard(card, 0, 'x');
      for (const a of [
        { type: 'move', delta: 1 },
        { type: 'pick', index: 0 },
        { type: 'toggle' },
        { type: 'type', text: 'x' },
        { type: 'erase' },
      ] as const)
        expect(cardReducer(s, a), `${card.key} ${a.type}`).toBe(s);
    }
    const t = run(startCard(typed, 0, 'x'), { type: 'type', text: 'ab' });
    for (const a of [
      { type: 'move', delta: 1 },
      { type: 'pick', index: 0 },
      { type: 'toggle' },
    ] as const)
      expect(cardReducer(t, a), a.type).toBe(t);
    const m = startCard(single, 0, 'x');
    for (const a of [{ type: 'type', text: 'x' }, { type: 'erase' }] as const)
      expect(cardReducer(m, a), a.type).toBe(m);
  });

  it('a multiple-choice or typed card needs an answer: reveal does not turn it over', () => {
    for (const card of [single, typed]) {
      const s = startCard(card, 0, 'x');
      expect(cardReducer(s, { type: 'reveal' })).toBe(s);
    }
    const blank = run(startCard(typed, 0, 'x'), { type: 'type', text: '   ' });
    expect(cardReducer(blank, { type: 'submit' })).toBe(blank);
  });

  it('the answer side takes no more card actions', () => {
    const s = run(startCard(multi, 0, 'x'), { type: 'pick', index: 0 }, { type: 'submit' });
    expect(s.phase).toBe('answer');
    for (const a of [
      { type: 'reveal' },
      { type: 'move', delta: 1 },
      { type: 'pick', index: 1 },
      { type: 'toggle' },
      { type: 'submit' },
      { type: 'type', text: 'x' },
      { type: 'erase' },
    ] as const)
      expect(cardReducer(s, a), a.type).toBe(s);
  });

  it('single choice: pick selects one, within the choices shown', () => {
    const s = startCard(single, 0, 'x');
    expect(run(s, { type: 'pick', index: 2 })).toEqual({ ...s, cursor: 2, chosen: [2] });
    expect(run(s, { type: 'pick', index: 2 }, { type: 'pick', index: 0 })).toEqual({
      ...s,
      cursor: 0,
      chosen: [0],
    });
    expect(cardReducer(s, { type: 'pick', index: -1 })).toBe(s);
    expect(cardReducer(s, { type: 'pick', index: 3 })).toBe(s);
  });

  it('single choice: the arrows move and select; toggle selects the cursor', () => {
    const s = startCard(single, 0, 'x');
    expect(run(s, { type: 'move', delta: 1 })).toEqual({ ...s, cursor: 1, chosen: [1] });
    expect(
      run(s, { type: 'move', delta: 1 }, { type: 'move', delta: 1 }, { type: 'move', delta: 1 }),
    ).toEqual({
      ...s,
      cursor: 0,
      chosen: [0],
    });
    expect(run(s, { type: 'toggle' })).toEqual({ ...s, chosen: [0] });
    expect(run(s, { type: 'toggle' }, { type: 'toggle' }).chosen).toEqual([0]);
  });

  it('multi-select: the arrows move without selecting; toggle and pick flip one choice, kept sorted', () => {
    const s = startCard(multi, 0, 'x');
    const moved = run(s, { type: 'move', delta: -1 });
    expect(moved).toEqual({ ...s, cursor: 2 });
    expect(run(moved, { type: 'toggle' })).toEqual({ ...s, cursor: 2, chosen: [2] });
    expect(run(moved, { type: 'toggle' }, { type: 'toggle' })).toEqual({
      ...s,
      cursor: 2,
      chosen: [],
    });
    expect(run(moved, { type: 'toggle' }, { type: 'pick', index: 0 })).toEqual({
      ...s,
      cursor: 0,
      chosen: [0, 2],
    });
    expect(
      run(s, { type: 'pick', index: 1 }, { type: 'pick', index: 2 }, { type: 'pick', index: 1 }),
    ).toEqual({
      ...s,
      cursor: 1,
      chosen: [2],
    });
    expect(cardReducer(s, { type: 'pick', index: 3 })).toBe(s);
  });

  it('grades the choices through the display order', () => {
    const s = startCard(single, 0, 'x');
    const right = displayIndexOf(s, 'right');
    const picked = run(s, { type: 'pick', index: right }, { type: 'submit' });
    expect(picked).toEqual({
      ...s,
      cursor: right,
      chosen: [right],
      phase: 'answer',
      result: { correct: true, suggested: 3 },
    });
  });

  it('typed: erasing stops at empty; the verdict and its details are kept', () => {
    let s = run(
      startCard(typed, 0, 'x'),
      { type: 'type', text: 'v' },
      { type: 'erase' },
      { type: 'erase' },
    );
    expect(s.input).toBe('');
    s = run(s, { type: 'type', text: 'virsh list' }, { type: 'submit' });
    expect(s.phase).toBe('answer');
    expect(s.result).toMatchObject({ correct: false, suggested: 1, typed: { correct: false } });
    expect(defaultGrade(s)).toBe(1);
  });

  it('before an answer, Enter would give Good', () => {
    expect(defaultGrade(startCard(single, 0, 'x'))).toBe(3);
  });
});

describe('choose two', () => {
  const [two] = deckCards(
    deckOf('d', [
      {
        id: 'two',
        type: 'mcq',
        question: 'Which two? Choose two.',
        tags: [],
        pos,
        choices: [
          { text: 'r1', correct: true },
          { text: 'r2', correct: true },
          { text: 'w1', correct: false },
          { text: 'w2', correct: false },
        ],
      },
    ]),
  ) as [Card];

  it('reads the stated count, in words or digits, else one', () => {
    expect(picksNeeded('Which two? Choose two.')).toBe(2);
    expect(picksNeeded('choose 3 of these')).toBe(3);
    expect(picksNeeded('Which one?')).toBe(1);
  });

  it('Enter waits for two picks, says how many are picked, then submits', () => {
    let s = startCard(two, 0, 'x');
    s = run(s, { type: 'pick', index: displayIndexOf(s, 'r1') }, { type: 'submit' });
    expect(s.phase).toBe('question');
    expect(s.waiting).toEqual({ need: 2, have: 1 });
    s = run(s, { type: 'pick', index: displayIndexOf(s, 'r2') });
    expect(s.waiting).toBeNull();
    s = run(s, { type: 'submit' });
    expect(s.result).toEqual({ correct: true, suggested: 3 });
  });

  it('three picks on a choose-two card wait too: one must go', () => {
    let s = startCard(two, 0, 'x');
    s = run(
      s,
      { type: 'pick', index: 0 },
      { type: 'pick', index: 1 },
      { type: 'pick', index: 2 },
      { type: 'submit' },
    );
    expect(s.phase).toBe('question');
    expect(s.waiting).toEqual({ need: 2, have: 3 });
  });

  it('a multi-select card that states no count takes any non-empty set', () => {
    let s = startCard(multi, 0, 'x');
    s = run(s, { type: 'submit' });
    expect(s.waiting).toEqual({ need: 1, have: 0 });
    s = run(s, { type: 'pick', index: displayIndexOf(s, 'r1') }, { type: 'submit' });
    expect(s.result?.correct).toBe(false);
  });
});
