// Small decks and exam states shared by the exam tests (tests/unit/core/exam-*.test.ts).
import { deckCards } from '../../../src/core/cards.js';
import type { ExamState } from '../../../src/core/exam-state.js';
import type { Card, Entry } from '../../../src/core/model.js';
import { deckOf } from '../helpers.js';

export const pos = { file: 'x.yaml', line: 1, col: 1 };
export const T0 = Date.parse('2026-03-02T10:00:00Z');
export const MIN = 60_000;

/** A multiple-choice entry: choice 0 is right, choice 1 is right only when `multi`. */
export function mcq(id: string, tags: string[] = [], multi = false): Entry {
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

export function typed(id: string, tags: string[] = []): Entry {
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

export function basicEntry(id: string, tags: string[] = []): Entry {
  return { id, type: 'basic', front: 'f', back: 'b', reverse: false, tags, pos };
}

/** `n` multiple-choice cards in deck `deck`, each tagged with `tags`. */
export function mcqDeck(deck: string, n: number, tags: string[] = []): Card[] {
  return deckCards(
    deckOf(
      deck,
      Array.from({ length: n }, (_, i) => mcq(`q${i}`, tags)),
    ),
  );
}

/** A hand-built exam over `n` questions, as it would be read back from disk. */
export function examOf(n: number, over: Partial<ExamState> = {}): ExamState {
  return {
    id: 'e1',
    keys: Array.from({ length: n }, (_, i) => `d/q${i}`),
    orders: Array.from({ length: n }, () => [2, 0, 1]),
    answers: Array.from({ length: n }, () => null),
    flags: Array.from({ length: n }, () => false),
    index: 0,
    view: 'question',
    overviewCursor: 0,
    durationMs: 10 * MIN,
    usedBeforeMs: 0,
    resumedAt: T0,
    passPercent: 70,
    startedAt: T0,
    submittedAt: null,
    timedOut: false,
    scope: { decks: null, tag: null, blueprint: null },
    predictedPercent: null,
    ...over,
  };
}
