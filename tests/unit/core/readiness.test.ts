import { describe, expect, it } from 'vitest';
import type { Card, Memory } from '../../../src/core/model.js';
import { examDatePlan, readiness } from '../../../src/core/readiness.js';
import { newMemory } from '../../../src/core/scheduler.js';

const card = (key: string, tags: string[]): Card =>
  ({
    key,
    tags,
    deckId: 'd',
    entryId: key,
    entryKind: 'mcq',
    sibling: key,
    ordinal: 0,
    pos: { file: 'x', line: 1, col: 1 },
    face: { kind: 'flash', front: '', back: '' },
  }) as Card;

const reviewed = (r: number): Memory => ({ ...newMemory(0), phase: 'review', stability: r });

describe('readiness', () => {
  it('is the mean recall of the cards, never-studied cards counting as 0', () => {
    const cards = [
      card('a', ['lpic3-351.1']),
      card('b', ['lpic3-351.1', 'lpic3-351.4']),
      card('c', ['lpic3-351.4', 'misc']),
      card('d', []),
    ];
    const mem: Record<string, Memory> = { a: reviewed(0.9), b: reviewed(0.5), c: newMemory(0) };
    // The stand-in recall function reads the probability from `stability`.
    const r = readiness(
      cards,
      (k) => mem[k],
      (m) => m.stability,
    );
    expect(r.percent).toBe(35); // (0.9 + 0.5 + 0 + 0) / 4
    expect(r.byTag).toEqual({
      'lpic3-351.1': { percent: 70, cards: 2 },
      'lpic3-351.4': { percent: 25, cards: 2 },
    });
  });

  it('plans the pace to an exam date from the unseen cards', () => {
    const cards = ['a', 'b', 'c', 'd', 'e'].map((k) => card(k, []));
    const mem: Record<string, Memory> = { a: reviewed(0.8) };
    expect(
      examDatePlan(
        cards,
        (k) => mem[k],
        (m) => m.stability / 2,
        3,
      ),
    ).toEqual({ daysLeft: 3, forecastPercent: 8, unseen: 4, newPerDayNeeded: 2 });
    expect(
      examDatePlan(
        cards,
        (k) => mem[k],
        () => 1,
        0,
      ).newPerDayNeeded,
    ).toBe(4);
  });
});
