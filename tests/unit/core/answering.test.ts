// Answering: compute from the state the card had when shown, refuse when it changed since,
// and return exactly the records to append and what undo needs. Also the leech rule and
// the records that take an answer, bury or suspend back.
import { describe, expect, it } from 'vitest';
import { type AnswerRequest, planAnswer } from '../../../src/core/answering.js';
import { deckCards } from '../../../src/core/cards.js';
import { studyDay } from '../../../src/core/clock.js';
import { becameLeech } from '../../../src/core/leech.js';
import type { Memory } from '../../../src/core/model.js';
import { newMemory, Scheduler } from '../../../src/core/scheduler.js';
import { resolveSettings } from '../../../src/core/settings.js';
import { undoKey, undoRecords } from '../../../src/core/undo.js';
import { deckOf } from '../helpers.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const settings = resolveSettings({ fuzz: false, leechThreshold: 4 });
const scheduler = new Scheduler(settings);
const [card] = deckCards(
  deckOf('d', [
    {
      id: 'c',
      type: 'basic',
      front: 'F',
      back: 'B',
      reverse: false,
      tags: [],
      pos: { file: 'd.yaml', line: 1, col: 1 },
    },
  ]),
);

let n = 0;
const ctx = { scheduler, settings, newId: () => `dev-${n++}` };
const req = (over: Partial<AnswerRequest> = {}): AnswerRequest => ({
  card: card!,
  grade: 3,
  shown: null,
  current: null,
  at: T0,
  tookMs: 900,
  mode: 'study',
  ...over,
});

const withLapses = (lapses: number, phase: Memory['phase'] = 'review'): Memory => ({
  ...newMemory(T0 - 86_400_000),
  phase,
  stability: 3,
  difficulty: 5,
  reps: 10,
  lapses,
  lastReview: T0 - 86_400_000,
  due: T0 - 1000,
  scheduledDays: 3,
});

describe('planAnswer', () => {
  it('a first answer: one review record from no state to the scheduled one', () => {
    const p = planAnswer(req({ correct: true }), ctx);
    if (!p.ok) throw new Error('refused');
    expect(p.records).toEqual([p.review]);
    expect(p.review).toMatchObject({
      type: 'review',
      key: 'd/c',
      at: T0,
      rating: 3,
      mode: 'study',
      tookMs: 900,
      correct: true,
      before: null,
      day: studyDay(T0, settings.dayStartsAt),
    });
    expect(p.review.after).toEqual(scheduler.answer(newMemory(T0), T0, 3, 'd/c'));
    expect(p.undo).toEqual({ kind: 'answer', review: p.review, suspended: false, leech: false });
    expect(p.leech).toBeNull();
  });

  it('refuses when the card changed after it was shown ("card was modified")', () => {
    const shown = withLapses(0);
    expect(planAnswer(req({ shown, current: { ...shown, reps: 11 } }), ctx)).toEqual({
      ok: false,
      reason: 'modified',
    });
    expect(planAnswer(req({ shown: null, current: shown }), ctx).ok).toBe(false);
    expect(planAnswer(req({ shown, current: null }), ctx).ok).toBe(false);
    for (const field of ['phase', 'due', 'lapses', 'lastReview', 'stability'] as const) {
      const changed = { ...shown, [field]: field === 'phase' ? 'learning' : 12345 };
      expect(planAnswer(req({ shown, current: changed }), ctx).ok, field).toBe(false);
    }
    expect(planAnswer(req({ shown, current: { ...shown } }), ctx).ok).toBe(true);
  });

  it('a lapse that reaches the threshold makes a leech: marked and suspended, one ms apart', () => {
    const m = withLapses(3);
    const p = planAnswer(req({ grade: 1, shown: m, current: m }), ctx);
    if (!p.ok) throw new Error('refused');
    expect(p.leech).toEqual({ lapses: 4, action: 'suspend' });
    expect(p.records.map((r) => [r.type, r.type === 'mark' ? r.mark : r.type, r.at])).toEqual([
      ['review', 'review', T0],
      ['mark', 'leech', T0 + 1],
      ['mark', 'suspend', T0 + 2],
    ]);
    expect(p.undo).toMatchObject({ kind: 'answer', suspended: true });
  });

  it('with leech-action tag, a leech is only marked', () => {
    const m = withLapses(3);
    const tagging = { ...ctx, settings: { ...settings, leechAction: 'tag' as const } };
    const p = planAnswer(req({ grade: 1, shown: m, current: m }), tagging);
    if (!p.ok) throw new Error('refused');
    expect(p.leech).toEqual({ lapses: 4, action: 'tag' });
    expect(p.records).toHaveLength(2);
    expect(p.undo).toMatchObject({ suspended: false });
  });
});

describe('becameLeech (Anki: at the threshold, then every half threshold)', () => {
  const lapse = (before: number, after: number, threshold: number) =>
    becameLeech(withLapses(before), withLapses(after), threshold);

  it('counts lapses, not answers', () => {
    expect(becameLeech(null, withLapses(8), 8)).toBe(false);
    expect(lapse(8, 8, 8)).toBe(false);
    expect(lapse(6, 7, 8)).toBe(false);
    expect(lapse(7, 8, 8)).toBe(true);
    expect(lapse(8, 9, 8)).toBe(false);
    expect(lapse(11, 12, 8)).toBe(true);
    expect(lapse(15, 16, 8)).toBe(true);
    expect(lapse(4, 5, 5)).toBe(true);
    expect(lapse(5, 6, 5)).toBe(false);
    expect(lapse(7, 8, 5)).toBe(true);
    expect(lapse(0, 1, 1)).toBe(true);
    expect(lapse(1, 2, 1)).toBe(true);
  });
});

describe('undo', () => {
  const m = withLapses(0);
  const p = planAnswer(req({ shown: m, current: m }), ctx);
  if (!p.ok) throw new Error('refused');

  it('an answer is taken back with an undo record that carries it', () => {
    const recs = undoRecords(p.undo, T0 + 10, 4, () => 'u1');
    expect(recs).toEqual([{ type: 'undo', id: 'u1', at: T0 + 10, review: p.review }]);
    expect(undoKey(p.undo)).toBe('d/c');
  });

  it('a leech suspension is lifted together with the answer that caused it', () => {
    const recs = undoRecords(
      { ...p.undo, suspended: true } as typeof p.undo,
      T0 + 10,
      4,
      () => 'u',
    );
    expect(
      recs.map((r) => (r.type === 'mark' ? `${r.mark}@${r.at}` : `${r.type}@${r.at}`)),
    ).toEqual([`undo@${T0 + 10}`, `unsuspend@${T0 + 11}`]);
  });

  it('a bury or suspend by hand is taken back with the opposite mark on that study day', () => {
    const entry = { kind: 'mark' as const, key: 'd/c', undo: 'unbury' as const };
    expect(undoKey(entry)).toBe('d/c');
    expect(undoRecords(entry, T0, 4, () => 'm')).toEqual([
      { type: 'mark', id: 'm', key: 'd/c', mark: 'unbury', at: T0, day: studyDay(T0, 4) },
    ]);
  });
});
