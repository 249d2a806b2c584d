import { describe, expect, it } from 'vitest';
import { formatInterval } from '../../../src/core/format.js';
import type { Grade } from '../../../src/core/model.js';
import { newMemory, Scheduler } from '../../../src/core/scheduler.js';
import { resolveSettings } from '../../../src/core/settings.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const MIN = 60_000;
const DAY = 86_400_000;
const settings = resolveSettings({ fuzz: false, dayStartsAt: 0 });

describe('Scheduler (TZ=UTC, day starts at midnight, no fuzz)', () => {
  const s = new Scheduler(settings);

  it('previews the learning steps of a new card as Anki shows them', () => {
    const p = s.preview(newMemory(T0), T0);
    expect(([1, 2, 3, 4] as Grade[]).map((g) => formatInterval(p[g].intervalMs))).toEqual([
      '1m',
      '6m',
      '10m',
      '8d',
    ]);
    expect(p[3].memory.phase).toBe('learning');
    expect(p[4].memory.phase).toBe('review');
  });

  it('answer() gives exactly the previewed outcome', () => {
    const m = newMemory(T0);
    for (const g of [1, 2, 3, 4] as Grade[])
      expect(s.answer(m, T0, g)).toEqual(s.preview(m, T0)[g].memory);
  });

  it('follows a golden sequence: Good, Good graduates to review, a lapse relearns', () => {
    let m = s.answer(newMemory(T0), T0, 3);
    expect(m.due - T0).toBe(10 * MIN);
    m = s.answer(m, T0 + 10 * MIN, 3);
    expect(m.phase).toBe('review');
    expect(m.scheduledDays).toBe(2);
    const t2 = m.due;
    m = s.answer(m, t2, 1);
    expect(m.phase).toBe('relearning');
    expect(m.lapses).toBe(1);
    expect(m.due - t2).toBe(10 * MIN);
    m = s.answer(m, t2 + 10 * MIN, 3);
    expect(m.phase).toBe('review');
    expect(m.reps).toBe(4);
  });

  it('clamps a review that is earlier than the last one (clock skew)', () => {
    const m = s.answer(newMemory(T0), T0, 3);
    expect(() => s.answer(m, T0 - DAY, 3)).not.toThrow();
  });

  it('retrievability is 0 for a new card and falls with time for a reviewed one', () => {
    expect(s.retrievability(newMemory(T0), T0)).toBe(0);
    const m = s.answer(newMemory(T0), T0, 4);
    const r1 = s.retrievability(m, T0 + DAY);
    const r30 = s.retrievability(m, T0 + 30 * DAY);
    expect(r1).toBeGreaterThan(r30);
    expect(r1).toBeLessThanOrEqual(1);
  });

  it('counts intervals in study days: a review late at night is due at the same local time', () => {
    const late = new Scheduler(resolveSettings({ fuzz: false, dayStartsAt: 4 }));
    const at = Date.parse('2026-03-02T02:00:00Z'); // before 04:00: still the study day of 1 March
    const m = late.answer(newMemory(at), at, 4);
    expect(m.scheduledDays).toBe(8);
    expect(m.due - at).toBe(8 * DAY);
  });
});

describe('retrievability', () => {
  it('matches ts-fsrs get_retrievability', async () => {
    const { fsrs, generatorParameters } = await import('ts-fsrs');
    const settings0 = resolveSettings({ fuzz: false, dayStartsAt: 0 });
    const s = new Scheduler(settings0);
    const f = fsrs(generatorParameters({ enable_fuzz: false }));
    let m = s.answer(newMemory(T0), T0, 3);
    m = s.answer(m, T0 + 10 * MIN, 3);
    m = s.answer(m, T0 + 3 * DAY, 4);
    for (const later of [0, 1, 5, 17, 90]) {
      const now = T0 + 3 * DAY + later * DAY + 3 * 3_600_000;
      const card = {
        due: new Date(m.due),
        stability: m.stability,
        difficulty: m.difficulty,
        elapsed_days: 0,
        scheduled_days: m.scheduledDays,
        learning_steps: m.learningSteps,
        reps: m.reps,
        lapses: m.lapses,
        state: 2,
        last_review: new Date(m.lastReview!),
      };
      expect(s.retrievability(m, now)).toBeCloseTo(
        f.get_retrievability(card, new Date(now), false),
        10,
      );
    }
  });
});
