// Daily limits and due dates follow the local study day in every time zone, across DST.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { deckCards } from '../../../src/core/cards.js';
import { studyDay } from '../../../src/core/clock.js';
import type { CardMarks, Grade, Memory } from '../../../src/core/model.js';
import { isHidden } from '../../../src/core/progress.js';
import { counts, nextCard, type QueueInput } from '../../../src/core/queue.js';
import { newMemory, Scheduler } from '../../../src/core/scheduler.js';
import { resolveSettings } from '../../../src/core/settings.js';
import { basic, cardsOf, deckOf } from '../helpers.js';

const saved = process.env.TZ;
afterEach(() => {
  process.env.TZ = saved;
});

const ZONES = ['UTC', 'Pacific/Auckland', 'America/Los_Angeles', 'Asia/Kolkata'];
const HOUR = 3_600_000;

/** A tiny simulation: answers with Good, counts per study day like the store does. */
function simulate(tz: string, startLocal: [number, number, number, number], hours: number) {
  process.env.TZ = tz;
  const settings = resolveSettings({ newPerDay: 3, fuzz: false, dayStartsAt: 4 });
  const sched = new Scheduler(settings);
  const cards = cardsOf('d', 40);
  const mem: Record<string, Memory> = {};
  const perDay = new Map<number, number>();
  const [y, m, d, h] = startLocal;
  let now = new Date(y, m, d, h).getTime();
  const end = now + hours * HOUR;
  while (now < end) {
    const day = studyDay(now, 4);
    const input: QueueInput = {
      cards,
      memory: (k) => mem[k],
      now,
      settings,
      today: { newDone: perDay.get(day) ?? 0, reviewsDone: 0 },
    };
    const card = nextCard(input);
    if (card) {
      const before = mem[card.key];
      if (!before) perDay.set(day, (perDay.get(day) ?? 0) + 1);
      mem[card.key] = sched.answer(before ?? newMemory(now), now, 3, card.key);
    }
    now += card ? 60_000 : HOUR;
  }
  return perDay;
}

describe.each(ZONES)('study days in %s', (tz) => {
  it('introduces at most new-per-day cards per study day, and again after 04:00 local', () => {
    const perDay = simulate(tz, [2026, 5, 10, 20], 60);
    expect([...perDay.values()].every((n) => n <= 3)).toBe(true);
    expect(perDay.size).toBeGreaterThanOrEqual(3);
  });

  it('the day turns over at 04:00 local, not at midnight', () => {
    process.env.TZ = tz;
    const settings = resolveSettings({ newPerDay: 1, dayStartsAt: 4 });
    const cards = cardsOf('d', 5);
    const at = (h: number, dd = 16) => new Date(2026, 5, dd, h, 30).getTime();
    const today = (t: number) => ({
      newDone: studyDay(t, 4) === studyDay(at(22, 15), 4) ? 1 : 0,
      reviewsDone: 0,
    });
    const q = (t: number): QueueInput => ({
      cards,
      memory: () => undefined,
      now: t,
      settings,
      today: today(t),
    });
    expect(counts(q(at(0))).new).toBe(0); // 00:30: still yesterday's study day
    expect(counts(q(at(3))).new).toBe(0);
    expect(counts(q(at(4))).new).toBe(1); // 04:30: a new day
  });
});

describe('across DST', () => {
  it('Los Angeles spring-forward: limits hold and the day still turns at 04:00', () => {
    const perDay = simulate('America/Los_Angeles', [2026, 2, 7, 12], 72);
    expect([...perDay.values()].every((n) => n <= 3)).toBe(true);
    expect(perDay.size).toBe(4);
  });
  it('Auckland autumn change (April): limits hold', () => {
    const perDay = simulate('Pacific/Auckland', [2026, 3, 4, 12], 72);
    expect([...perDay.values()].every((n) => n <= 3)).toBe(true);
  });
});

describe('property: the queue over random days of study', () => {
  it('never serves a suspended or buried card, never exceeds the limits, never loses a due card', () => {
    const cards = deckCards(
      deckOf(
        'p',
        Array.from({ length: 10 }, (_, i) => basic(`e${i}`, { reverse: i % 3 === 0 } as never)),
      ),
    );
    const settings = resolveSettings({
      newPerDay: 4,
      reviewsPerDay: 5,
      fuzz: false,
      dayStartsAt: 4,
    });
    const sched = new Scheduler(settings);
    const step = fc.oneof(
      fc.record({ kind: fc.constant('answer' as const), grade: fc.constantFrom(1, 2, 3, 4) }),
      fc.record({ kind: fc.constantFrom('bury' as const, 'suspend' as const) }),
      fc.record({ kind: fc.constant('wait' as const), hours: fc.integer({ min: 1, max: 60 }) }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 80 }), (steps) => {
        process.env.TZ = 'UTC';
        const mem: Record<string, Memory> = {};
        const marks: Record<string, CardMarks> = {};
        const days = new Map<number, { newDone: number; reviewsDone: number }>();
        let now = Date.parse('2026-03-02T10:00:00Z');
        for (const s of steps) {
          const day = studyDay(now, 4);
          const today = days.get(day) ?? { newDone: 0, reviewsDone: 0 };
          days.set(day, today);
          const input: QueueInput = {
            cards,
            memory: (k) => mem[k],
            now,
            settings,
            today,
            hidden: (k) => isHidden(marks[k], day),
          };
          const card = nextCard(input);
          if (card) {
            expect(isHidden(marks[card.key], day)).toBe(false);
          } else {
            const c = counts(input);
            expect(c.new + c.due).toBe(0);
            const learningNow = cards.some((x) => {
              const m = mem[x.key];
              return (
                !isHidden(marks[x.key], day) &&
                m &&
                (m.phase === 'learning' || m.phase === 'relearning') &&
                m.due <= now
              );
            });
            expect(learningNow).toBe(false);
          }
          if (s.kind === 'wait') now += s.hours * 3_600_000;
          else if (card && s.kind === 'answer') {
            const before = mem[card.key];
            if (!before || before.phase === 'new') today.newDone++;
            else if (before.phase === 'review') today.reviewsDone++;
            mem[card.key] = sched.answer(before ?? newMemory(now), now, s.grade as Grade, card.key);
            now += 60_000;
          } else if (card && s.kind === 'bury')
            marks[card.key] = { ...marks[card.key], buriedDay: day };
          else if (card && s.kind === 'suspend')
            marks[card.key] = { ...marks[card.key], suspended: true };
          expect(today.newDone).toBeLessThanOrEqual(4);
          expect(today.reviewsDone).toBeLessThanOrEqual(5);
        }
      }),
      { numRuns: 150 },
    );
  });
});
