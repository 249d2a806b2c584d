// The statistics read the answer table in table order when each card's answers are in time
// order (a log written card by card), sort them when a card's are not, and look each card
// up once for the forecast, counts and studied cards: none of it may change a figure.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Memory, ReviewRecord } from '../../../../src/core/model.js';
import { emptyProgress } from '../../../../src/core/progress.js';
import { newMemory } from '../../../../src/core/scheduler.js';
import {
  appendRecords,
  emptyTable,
  tableAnswers,
  tableAnswerView,
} from '../../../../src/core/stats/answer-table.js';
import { answersOf } from '../../../../src/core/stats/answers.js';
import { cardCounts, distributions, hardestCards } from '../../../../src/core/stats/cards.js';
import { dueForecast } from '../../../../src/core/stats/due.js';
import { computeStats, HARDEST } from '../../../../src/core/stats.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-02T10:00:00Z');
const SETTINGS = { dayStartsAt: 4, desiredRetention: 0.9 };
const KEYS = ['d/a', 'd/b', 'd/c', 'd/d', 'd/e'];
const PHASES: Memory['phase'][] = ['new', 'learning', 'review', 'relearning'];

const mem = (phase: Memory['phase'], scheduledDays: number): Memory => ({
  ...newMemory(0),
  phase,
  scheduledDays,
});

/** Answers at distinct times over the last 400 days (some within a quarter hour). */
const answersArb = fc.uniqueArray(
  fc.record({
    key: fc.constantFrom(...KEYS),
    at: fc.integer({ min: T0 - 400 * DAY, max: T0 }),
    rating: fc.constantFrom(1, 2, 3, 4),
    phase: fc.constantFrom(...PHASES),
    interval: fc.constantFrom(0, 3, 20, 21, 60),
    fed: fc.boolean(),
  }),
  { selector: (a) => a.at, minLength: 1, maxLength: 60 },
);

type Gen = ReturnType<typeof answersArb.generate>['value'][number];
const record = (a: Gen, i: number): ReviewRecord => ({
  type: 'review',
  id: `r${i}`,
  key: a.key,
  at: a.at,
  rating: a.rating as ReviewRecord['rating'],
  mode: a.fed ? 'study' : 'exam',
  ...(a.fed ? {} : { fed: false, correct: a.rating > 1 }),
  tookMs: 1000 + i,
  before: mem(a.phase, a.interval),
  after: mem('review', a.interval + 1),
  day: Math.floor((a.at - 4 * 3_600_000) / DAY),
});

function statsOf(answers: Iterable<ReturnType<typeof answersOf>[number]>) {
  const p = emptyProgress();
  return computeStats(p, T0, SETTINGS, {
    keys: KEYS,
    answers,
    newTomorrow: 0,
    kindOf: (key) => (key < 'd/c' ? 'basic' : 'mcq'),
    recall: () => 0.5,
  });
}

const byTime = (x: { at: number }, y: { at: number }) => x.at - y.at;

describe('the order the answer table is read in', () => {
  it('card by card (each card in time order) gives the figures time order gives', () => {
    fc.assert(
      fc.property(answersArb, (gen) => {
        const timeOrder = [...gen].sort(byTime).map(record);
        const cardOrder = KEYS.flatMap((k) => timeOrder.filter((r) => r.key === k));
        const t = emptyTable();
        appendRecords(t, cardOrder);
        const view = tableAnswerView(t, () => true);
        expect(statsOf(view)).toEqual(statsOf(answersOf(timeOrder)));
      }),
    );
  });

  it('a card whose answers are out of time order puts every answer in time order', () => {
    fc.assert(
      fc.property(answersArb, (gen) => {
        const timeOrder = [...gen].sort(byTime).map(record);
        // One card's answers last, newest first: its order is broken.
        const late = timeOrder.filter((r) => r.key === 'd/a').reverse();
        const t = emptyTable();
        appendRecords(t, [...timeOrder.filter((r) => r.key !== 'd/a'), ...late]);
        const seen = Array.from(
          tableAnswerView(t, () => true),
          (a) => a.at,
        );
        if (late.length > 1) expect(seen).toEqual(tableAnswers(t, () => true).map((a) => a.at));
        expect(statsOf(tableAnswerView(t, () => true))).toEqual(statsOf(answersOf(timeOrder)));
      }),
    );
  });

  it('the series over the cards are those of their own functions', () => {
    const memory = fc.record({
      phase: fc.constantFrom(...PHASES),
      due: fc.integer({ min: T0 - 5 * DAY, max: T0 + 400 * DAY }),
      stability: fc.double({ min: 0.1, max: 400, noNaN: true }),
      difficulty: fc.double({ min: 1, max: 10, noNaN: true }),
      scheduledDays: fc.integer({ min: 0, max: 400 }),
      lapses: fc.integer({ min: 0, max: 9 }),
    });
    const marks = fc.record(
      { suspended: fc.boolean(), buriedDay: fc.integer({ min: 20_500, max: 20_520 }) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...KEYS), memory),
        fc.dictionary(fc.constantFrom(...KEYS), marks),
        (ms, mk) => {
          const p = { ...emptyProgress(), marks: mk, cards: {} as Record<string, Memory> };
          for (const [k, m] of Object.entries(ms))
            p.cards[k] = { ...newMemory(0), ...m, lastReview: T0 - 3 * DAY };
          const recall = (m: Memory) => Math.min(1, m.stability / 400);
          const s = computeStats(p, T0, SETTINGS, {
            keys: KEYS,
            answers: [],
            newTomorrow: 0,
            kindOf: () => 'basic',
            recall,
          });
          const today = Math.floor((T0 - 4 * 3_600_000) / DAY);
          expect(s.forecastYear).toEqual(dueForecast(KEYS, p, today, 4, 365));
          expect(s.counts).toEqual(cardCounts(KEYS, p, today));
          expect(s.distributions).toEqual(distributions(KEYS, p, recall));
          expect(s.hardest).toEqual(hardestCards(KEYS, p, recall, HARDEST));
        },
      ),
    );
  });
});
