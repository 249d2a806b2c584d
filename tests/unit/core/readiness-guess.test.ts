// Readiness as the expected score: recall, else a guess; and defect 10, a wrong answer never
// raises it. The scheduler is the real one, so the property covers what FSRS does to a card
// after Again.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextDayStart } from '../../../src/core/clock.js';
import type { Card, CardFace, Grade, Memory } from '../../../src/core/model.js';
import { guessChance, knownRecall, readiness, rightChance } from '../../../src/core/readiness.js';
import { newMemory, Scheduler } from '../../../src/core/scheduler.js';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/settings.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const DAY = 86_400_000;

const choices = (n: number, right: number) =>
  Array.from({ length: n }, (_, i) => ({ text: `c${i}`, correct: i < right }));
const single = (n: number): CardFace => ({
  kind: 'mcq',
  question: 'q',
  choices: choices(n, 1),
  multi: false,
});
const multi = (n: number, right: number): CardFace => ({
  kind: 'mcq',
  question: 'q',
  choices: choices(n, right),
  multi: true,
});
const typedFace: CardFace = { kind: 'typed', prompt: 'p', answer: 'a', accept: [], match: 'text' };

const card = (key: string, face: CardFace, tags: string[] = []): Card => ({
  key,
  deckId: 'd',
  entryId: key,
  entryKind: face.kind === 'typed' ? 'typed' : 'mcq',
  sibling: key,
  face,
  tags,
  pos: { file: 'x', line: 1, col: 1 },
  ordinal: 0,
});

const review = (stability: number): Memory => ({
  ...newMemory(0),
  phase: 'review',
  stability,
  lastReview: 0,
});

describe('guessing', () => {
  it('one of the choices for a single answer, that many of them for multi-select, none typed', () => {
    expect(guessChance(single(4))).toBe(0.25);
    expect(guessChance(single(2))).toBe(0.5);
    expect(guessChance(multi(4, 2))).toBe(1 / 6);
    expect(guessChance(multi(5, 2))).toBe(1 / 10);
    expect(guessChance(multi(6, 3))).toBe(1 / 20);
    expect(guessChance(multi(8, 4))).toBe(1 / 70);
    expect(guessChance(multi(3, 3))).toBe(1);
    expect(guessChance(typedFace)).toBe(0);
    expect(guessChance({ kind: 'flash', front: 'f', back: 'b' })).toBe(0);
  });

  it('a right answer is known, or else guessed: r + (1 - r) g', () => {
    expect(rightChance(card('a', single(4)), 0)).toBe(0.25);
    expect(rightChance(card('a', single(4)), 0.6)).toBeCloseTo(0.7, 12);
    expect(rightChance(card('a', single(4)), 1)).toBe(1);
    expect(rightChance(card('a', typedFace), 0.6)).toBe(0.6);
  });

  it('readiness is the mean chance over the cards, per objective too, with its name', () => {
    const cards = [
      card('a', single(4), ['lpic3-351.2']),
      card('b', multi(3, 2), ['lpic3-351.2', 'lpic3-351.4']),
      card('c', typedFace, ['lpic3-351.4']),
      card('d', single(2)),
    ];
    const mem: Record<string, Memory> = { a: review(0.6), c: review(0.9) };
    // Stand-in recall: the stability is the probability.
    const r = readiness(
      cards,
      (k) => mem[k],
      (m) => m.stability,
      { 'lpic3-351.2': 'Xen' },
    );
    // a: 0.6 + 0.4/4 = 0.7; b: 1/C(3,2) = 1/3; c: 0.9; d: 1/2 -> mean 2.4333 / 4 = 0.6083
    expect(r.percent).toBe(61);
    expect(r.byTag).toEqual({
      'lpic3-351.2': { percent: 52, cards: 2, name: 'Xen' }, // (0.7 + 0.3333) / 2
      'lpic3-351.4': { percent: 62, cards: 2 }, // (0.3333 + 0.9) / 2
    });
  });

  it('a name on Object.prototype is no objective name', () => {
    const r = readiness(
      [card('a', single(4), ['x-1.1']), card('b', single(4), ['constructor-1.1'])],
      () => undefined,
      () => 1,
    );
    expect(r.byTag['x-1.1']).toEqual({ percent: 25, cards: 1 });
    expect(r.byTag['constructor-1.1']).toEqual({ percent: 25, cards: 1 });
  });

  it('only a card in review counts what it knows: new, learning and relearning count 0', () => {
    const recall = () => 0.9;
    expect(knownRecall(undefined, recall)).toBe(0);
    for (const phase of ['new', 'learning', 'relearning'] as const)
      expect(knownRecall({ ...review(5), phase }, recall)).toBe(0);
    expect(knownRecall(review(5), recall)).toBe(0.9);
  });
});

/** Settings with learning and relearning steps (an Again then always lands on a step). */
const settingsArb: fc.Arbitrary<Settings> = fc
  .record({
    learn: fc.constantFrom(['1m', '10m'], ['10m'], ['1m', '10m', '1h'], ['30m', '1d']),
    relearn: fc.constantFrom(['10m'], ['1m', '1h'], ['1d']),
    retention: fc.constantFrom(0.8, 0.9, 0.95),
  })
  .map(
    ({ learn, relearn, retention }): Settings => ({
      ...DEFAULT_SETTINGS,
      learningSteps: [...learn] as Settings['learningSteps'],
      relearningSteps: [...relearn] as Settings['relearningSteps'],
      desiredRetention: retention,
    }),
  );

/** A card's history: grades with gaps from a minute to four months. */
const historyArb = fc.array(
  fc.record({
    grade: fc.constantFrom<Grade>(1, 2, 3, 4),
    gap: fc.integer({ min: 60_000, max: 120 * DAY }),
  }),
  { maxLength: 12 },
);

const faceArb = fc.oneof(
  fc.integer({ min: 2, max: 8 }).map(single),
  fc
    .integer({ min: 2, max: 8 })
    .chain((n) => fc.integer({ min: 2, max: n }).map((k) => multi(n, k))),
  fc.constant(typedFace),
);

function replay(s: Scheduler, key: string, history: { grade: Grade; gap: number }[]) {
  let m = newMemory(T0);
  let at = T0;
  for (const h of history) {
    at += h.gap;
    m = s.answer(m, at, h.grade, key);
  }
  return { m, at };
}

describe('defect 10: a failed exam does not raise readiness', () => {
  it('defect 10: a wrong answer (exam lapse or study Again) never raises readiness, for any memory', () => {
    fc.assert(
      fc.property(
        settingsArb,
        historyArb,
        faceArb,
        fc.integer({ min: 0, max: 400 * DAY }),
        fc.integer({ min: 0, max: 60 * DAY }),
        fc.boolean(),
        (settings, history, face, wait, examIn, fromExam) => {
          const s = new Scheduler(settings);
          const c = card('d/k', face, ['lpic3-351.1']);
          const { m: before, at: last } = replay(s, c.key, history);
          const at = last + wait + 1;
          // An exam answer on a card never studied leaves it new; any other wrong answer is
          // an Again at the time it was given.
          const after =
            fromExam && before.phase === 'new' ? before : s.answer(before, at, 1, c.key);
          for (const measured of [nextDayStart(at, settings.dayStartsAt), at + examIn]) {
            const r = (m: Memory) =>
              readiness(
                [c],
                () => m,
                (x) => s.retrievability(x, measured),
              );
            const chance = (m: Memory) =>
              rightChance(
                c,
                knownRecall(m, (x) => s.retrievability(x, measured)),
              );
            expect(chance(after)).toBeLessThanOrEqual(chance(before));
            expect(r(after).percent).toBeLessThanOrEqual(r(before).percent);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('defect 10: an overdue card failed in an exam does not look better known the next morning', () => {
    const s = new Scheduler(DEFAULT_SETTINGS);
    const c = card('d/k', single(4));
    let m = s.answer(newMemory(T0), T0, 3, c.key);
    m = s.answer(m, T0 + 10 * 60_000, 3, c.key);
    m = s.answer(m, T0 + 3 * DAY, 3, c.key);
    expect(m.phase).toBe('review');
    const failedAt = T0 + 90 * DAY;
    const lapsed = s.answer(m, failedAt, 1, c.key);
    const morning = nextDayStart(failedAt, DEFAULT_SETTINGS.dayStartsAt);
    const at = (x: Memory) =>
      readiness(
        [c],
        () => x,
        (y) => s.retrievability(y, morning),
      ).percent;
    // FSRS alone would say the fresh relearning step is well recalled the next morning.
    expect(s.retrievability(lapsed, morning)).toBeGreaterThan(s.retrievability(m, morning));
    expect(at(lapsed)).toBeLessThanOrEqual(at(m));
    expect(at(lapsed)).toBe(25); // only the guess is left
  });
});
