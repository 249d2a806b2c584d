import { describe, expect, it } from 'vitest';
import { deckCards } from '../../../src/core/cards.js';
import type { Card } from '../../../src/core/model.js';
import { cardReducer, defaultGrade, startCard } from '../../../src/core/session.js';
import { deckOf } from '../helpers.js';

const pos = { file: 'x.yaml', line: 1, col: 1 };
const [single, multi, typed] = deckCards(
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
  ]),
) as [Card, Card, Card];

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

  it('single choice: a wrong pick suggests Again; submit with nothing chosen does nothing', () => {
    let s = startCard(single, 0, 'x');
    expect(cardReducer(s, { type: 'submit' })).toBe(s);
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
});
