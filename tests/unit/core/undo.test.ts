// Undo takes back exactly what an answer did: the memory, and the leech and suspend marks
// it set (defect 12), never a leech mark the card had before.
import { describe, expect, it } from 'vitest';
import { planAnswer } from '../../../src/core/answering.js';
import { deckCards } from '../../../src/core/cards.js';
import { rebuildProgress } from '../../../src/core/fold.js';
import type { CardMarks, LogRecord, Memory } from '../../../src/core/model.js';
import { reviewRecord } from '../../../src/core/records.js';
import { newMemory, Scheduler } from '../../../src/core/scheduler.js';
import { resolveSettings } from '../../../src/core/settings.js';
import { canUndo, lastAnswerUndo, undoRecords } from '../../../src/core/undo.js';
import { basic, deckOf } from '../helpers.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const DAY = 86_400_000;
const settings = resolveSettings({ fuzz: false, leechThreshold: 4 });
const scheduler = new Scheduler(settings);
const [card] = deckCards(deckOf('d', [basic('c')]));

const withLapses = (lapses: number): Memory => ({
  ...newMemory(T0 - DAY),
  phase: 'review',
  stability: 3,
  difficulty: 5,
  reps: 10,
  lapses,
  lastReview: T0 - DAY,
  due: T0 - 1000,
  scheduledDays: 3,
});

let n = 0;
const newId = () => `r-${n++}`;

/** The log up to a card with `lapses`, then one Again, then its undo: the marks left. */
function lapseThenUndo(
  lapses: number,
  marks?: CardMarks,
  leechAction: 'suspend' | 'tag' = 'suspend',
) {
  const m = withLapses(lapses);
  const ctx = { scheduler, settings: { ...settings, leechAction }, newId };
  const seed: LogRecord = reviewRecord({
    id: newId(),
    key: card!.key,
    at: T0 - DAY,
    rating: 3,
    mode: 'study',
    tookMs: 1,
    before: null,
    after: m,
    day: 1,
  });
  const p = planAnswer(
    {
      card: card!,
      grade: 1,
      shown: m,
      current: m,
      at: T0,
      tookMs: 1,
      mode: 'study',
      ...(marks ? { marks } : {}),
    },
    ctx,
  );
  if (!p.ok) throw new Error('refused');
  const before: LogRecord[] = marks?.leech
    ? [{ type: 'mark', id: newId(), at: T0 - 10, key: card!.key, mark: 'leech', day: 1 }]
    : [];
  const log = [seed, ...before, ...p.records];
  const answered = rebuildProgress(log);
  const undone = rebuildProgress([...log, ...undoRecords(p.undo, T0 + 100, 4, newId)]);
  return { answered, undone, m };
}

describe('defect 12: undo takes back the marks an answer set', () => {
  it('defect 12: undoing the answer that made a leech removes the leech mark and the suspension', () => {
    const { answered, undone, m } = lapseThenUndo(3);
    expect(answered.marks[card!.key]).toEqual({ leech: true, suspended: true });
    expect(undone.marks[card!.key]).toBeUndefined();
    expect(undone.cards[card!.key]).toEqual(m);
  });

  it('defect 12: with leech-action tag, the tag goes too', () => {
    const { answered, undone } = lapseThenUndo(3, undefined, 'tag');
    expect(answered.marks[card!.key]).toEqual({ leech: true });
    expect(undone.marks[card!.key]).toBeUndefined();
  });

  it('a card that was a leech before keeps its mark: known from its marks, or else its lapses', () => {
    // Threshold 4, every 2 after: the 6th lapse flags it again.
    expect(lapseThenUndo(5, { leech: true }).undone.marks[card!.key]).toEqual({ leech: true });
    expect(lapseThenUndo(5).undone.marks[card!.key]).toEqual({ leech: true });
  });
});

describe('lastAnswerUndo: the undo entry of the last answer found in the log after a restart', () => {
  const review = (before: Memory, after: Memory) =>
    reviewRecord({
      id: 'r',
      key: 'd/c',
      at: T0,
      rating: 1,
      mode: 'study',
      tookMs: 1,
      before,
      after,
      day: 1,
    });

  it('knows from the settings whether that answer made a leech', () => {
    const r = review(withLapses(3), withLapses(4));
    expect(lastAnswerUndo(r, settings)).toEqual({
      kind: 'answer',
      review: r,
      suspended: true,
      leech: true,
    });
    expect(lastAnswerUndo(r, { ...settings, leechAction: 'tag' })).toMatchObject({
      suspended: false,
      leech: true,
    });
    const again = review(withLapses(5), withLapses(6));
    expect(lastAnswerUndo(again, settings)).toMatchObject({ suspended: true, leech: false });
    const plain = review(withLapses(0), withLapses(1));
    expect(lastAnswerUndo(plain, settings)).toMatchObject({ suspended: false, leech: false });
  });
});

describe('canUndo: an answer is taken back only while the card is as it left it', () => {
  const m = withLapses(0);
  const p = planAnswer(
    { card: card!, grade: 3, shown: m, current: m, at: T0, tookMs: 1, mode: 'study' },
    { scheduler, settings, newId },
  );
  if (!p.ok) throw new Error('refused');

  it('defect 12: a later exam lapse on the same card makes the study answer stale', () => {
    expect(canUndo(p.undo, p.review.after)).toBe(true);
    const lapsed = scheduler.answer(p.review.after, T0 + 3600_000, 1, card!.key);
    expect(canUndo(p.undo, lapsed)).toBe(false);
    expect(canUndo(p.undo, null)).toBe(false);
    expect(canUndo({ kind: 'mark', key: 'd/c', undo: 'unbury' }, null)).toBe(true);
  });
});
