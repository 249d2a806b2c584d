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

describe('readiness, edges', () => {
  const recallFromStability = (m: Memory) => m.stability;

  it('no cards: 0%, no tags', () => {
    expect(
      readiness(
        [],
        () => undefined,
        () => 1,
      ),
    ).toEqual({ percent: 0, cards: 0, byTag: {} });
  });

  it('a card still new counts 0 even if the recall function says otherwise', () => {
    const mem: Record<string, Memory> = { a: { ...newMemory(0), stability: 1 } };
    expect(readiness([card('a', [])], (k) => mem[k], recallFromStability).percent).toBe(0);
  });

  it('groups by exam objective only, tags sorted', () => {
    const cards = [
      card('a', ['lpic3-351.4', 'networking', 'kvm-1']),
      card('b', ['lpic3-351.1']),
      card('c', ['lpic3-351.4.2', 'x351.1', 'lpic3-351.1 ']),
    ];
    const mem: Record<string, Memory> = { a: reviewed(1), b: reviewed(0.25), c: reviewed(0.5) };
    const r = readiness(cards, (k) => mem[k], recallFromStability);
    expect(r).toEqual({
      percent: 58,
      cards: 3,
      byTag: {
        'lpic3-351.1': { percent: 25, cards: 1 },
        'lpic3-351.4': { percent: 100, cards: 1 },
        'lpic3-351.4.2': { percent: 50, cards: 1 },
      },
    });
    expect(Object.keys(r.byTag)).toEqual(['lpic3-351.1', 'lpic3-351.4', 'lpic3-351.4.2']);
  });

  it('rounds each percentage to a whole number', () => {
    const cards = ['a', 'b', 'c'].map((k) => card(k, ['lpic3-351.2']));
    const mem: Record<string, Memory> = { a: reviewed(1), b: reviewed(1) };
    const r = readiness(cards, (k) => mem[k], recallFromStability);
    expect(r.percent).toBe(67);
    expect(r.byTag['lpic3-351.2']).toEqual({ percent: 67, cards: 3 });
  });
});

describe('examDatePlan, edges', () => {
  const cards = ['a', 'b', 'c', 'd', 'e'].map((k) => card(k, []));

  it('counts cards in learning as seen (though not yet known), and rounds the daily pace up', () => {
    const mem: Record<string, Memory> = {
      a: { ...reviewed(1), phase: 'learning' },
      b: { ...newMemory(0) },
      c: reviewed(1),
    };
    expect(
      examDatePlan(
        cards,
        (k) => mem[k],
        () => 1,
        3,
      ),
    ).toEqual({ daysLeft: 3, forecastPercent: 20, unseen: 3, newPerDayNeeded: 1 });
  });

  it('on or after the exam day every unseen card is needed at once', () => {
    for (const daysLeft of [0, -2])
      expect(
        examDatePlan(
          cards,
          () => undefined,
          () => 1,
          daysLeft,
        ),
      ).toEqual({ daysLeft, forecastPercent: 0, unseen: 5, newPerDayNeeded: 5 });
  });

  it('a day left means all of them today', () => {
    expect(
      examDatePlan(
        cards,
        () => undefined,
        () => 1,
        1,
      ).newPerDayNeeded,
    ).toBe(5);
  });
});
