// The browser's forget: a `forget` mark folds to a new card, keeping the answers in the log
// and the day counts as they were; other marks stay; a later answer starts from new; an
// older reader skips the mark as "future"; an undo of an answer from before it is stale.
import { describe, expect, it } from 'vitest';
import { applyNewer, rebuildProgress } from '../../../src/core/fold.js';
import type { Memory } from '../../../src/core/model.js';
import { emptyProgress } from '../../../src/core/progress.js';
import { classifyRecord, MARK_KINDS, markRecord, reviewRecord } from '../../../src/core/records.js';
import { canUndo } from '../../../src/core/undo.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const DAY = 20_514;
const mem = (phase: Memory['phase'], at: number, reps: number): Memory => ({
  phase,
  due: at + 86_400_000,
  stability: 3,
  difficulty: 5,
  scheduledDays: 1,
  learningSteps: 0,
  reps,
  lapses: 1,
  lastReview: at,
});
const answer = (id: string, at: number, before: Memory | null, after: Memory) =>
  reviewRecord({
    id,
    key: 'd/x',
    at,
    rating: 3,
    mode: 'study',
    tookMs: 900,
    before,
    after,
    day: DAY,
  });

const first = answer('r1', T0, null, mem('review', T0, 1));
const flag = markRecord('m1', 'd/x', 'flag', T0 + 5, DAY);
const forget = markRecord('m2', 'd/x', 'forget', T0 + 10, DAY);

describe('forget', () => {
  it('makes the card new, keeps the day counts, the review total and its flag', () => {
    const before = rebuildProgress([first, flag]);
    const p = rebuildProgress([first, flag, forget]);
    expect(before.cards['d/x']).toBeDefined();
    expect(p.cards['d/x']).toBeUndefined();
    expect(p.days).toEqual(before.days);
    expect(p.reviews).toBe(1);
    expect(p.marks['d/x']).toEqual({ flagged: true });
  });

  it('drops an exam introduction: the card is plain new again', () => {
    const intro = markRecord('m0', 'd/x', 'introduce', T0 + 1, DAY);
    expect(rebuildProgress([first, intro, forget]).marks['d/x']).toBeUndefined();
  });

  it('an answer after it starts from new; applied one by one equals the full fold', () => {
    const again = answer('r2', T0 + 20, null, mem('learning', T0 + 20, 1));
    const all = [first, flag, forget, again];
    const full = rebuildProgress(all);
    expect(full.cards['d/x']).toEqual(again.after);
    const step = emptyProgress();
    expect(applyNewer(step, all, true)).toBe(true);
    expect(step).toEqual(full);
    // A copy of the forget read again is not newer: the caller refolds.
    expect(applyNewer(step, [forget], true)).toBe(false);
  });

  it('an answer from before it can no longer be undone over it', () => {
    const p = rebuildProgress([first, forget]);
    const entry = { kind: 'answer' as const, review: first, suspended: false };
    expect(canUndo(entry, p.cards['d/x'] ?? null)).toBe(false);
  });

  it('is a mark this version knows; a version without it skips the line as future', () => {
    expect(MARK_KINDS).toContain('forget');
    expect(classifyRecord(forget)).toEqual({ kind: 'record', record: forget });
    // What an older reader sees: a mark name outside its list is "future", never fatal.
    const older: readonly string[] = MARK_KINDS.filter((k) => k !== 'forget');
    expect(older.includes(forget.mark)).toBe(false);
    expect(classifyRecord({ ...forget, mark: 'forget-v2' })).toEqual({
      kind: 'future',
      type: 'mark',
    });
  });
});
