// `refit` marks (optimize: memory recomputed with new weights) set a card's memory, but only
// over the memory they were computed from: an answer given in between, on this device or
// another, stays the truth. A refit without a memory is a bad line.
import { describe, expect, it } from 'vitest';
import { foldLogs, rebuildProgress } from '../../../src/core/fold.js';
import type { Memory } from '../../../src/core/model.js';
import { classifyRecord, markRecord, reviewRecord } from '../../../src/core/records.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const DAY = 20_514;
const mem = (at: number, reps: number, stability: number): Memory => ({
  phase: 'review',
  due: at + 86_400_000,
  stability,
  difficulty: 5,
  scheduledDays: 1,
  learningSteps: 0,
  reps,
  lapses: 0,
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

const a1 = answer('r1', T0, null, mem(T0, 1, 3));
const refit = (id: string, at: number, memory: Memory) =>
  markRecord(id, 'd/x', 'refit', at, DAY, { memory });

describe('refit marks', () => {
  it('set the recomputed memory over the one it came from', () => {
    const p = rebuildProgress([a1, refit('m1', T0 + 1000, mem(T0, 1, 1.2))]);
    expect(p.cards['d/x']?.stability).toBe(1.2);
    expect(p.reviews).toBe(1);
  });

  it('leave a memory from a later answer alone (another device answered meanwhile)', () => {
    const a2 = answer('r2', T0 + 500, a1.after, mem(T0 + 500, 2, 9));
    const p = foldLogs(
      [
        { device: 'a', records: [a1, refit('m1', T0 + 1000, mem(T0, 1, 1.2))] },
        { device: 'b', records: [a2] },
      ],
      'a',
    );
    expect(p.cards['d/x']?.stability).toBe(9);
  });

  it('are bad without the memory they set', () => {
    const bare = markRecord('m1', 'd/x', 'refit', T0, DAY);
    expect(classifyRecord(JSON.parse(JSON.stringify(bare))).kind).toBe('bad');
    const full = refit('m2', T0, mem(T0, 1, 1.2));
    expect(classifyRecord(JSON.parse(JSON.stringify(full))).kind).toBe('record');
  });
});
