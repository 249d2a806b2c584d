import { describe, expect, it } from 'vitest';
import type { ReviewRecord } from '../../../../src/core/model.js';
import { recomputed, replay, scheduleHistories } from '../../../../src/core/optimizer/memory.js';
import { markRecord, undoRecord } from '../../../../src/core/records.js';
import { Scheduler } from '../../../../src/core/scheduler.js';
import { resolveSettings } from '../../../../src/core/settings.js';
import { simulateLog, TRUE_W } from '../../../helpers/simulate.js';

const log = simulateLog({
  seed: 4,
  days: 40,
  newPerDay: 6,
  deck: 'sim',
  start: Date.parse('2026-01-05T08:00:00Z'),
});
const latest = (h: ReviewRecord[]) => h[h.length - 1] as ReviewRecord;

describe('memory recomputed from the log', () => {
  it('replaying with the weights the log was made with gives back every stored memory', () => {
    const same = new Scheduler(resolveSettings({ fuzz: false }));
    const histories = scheduleHistories(log);
    expect(histories.size).toBe(240);
    for (const [key, h] of histories) expect(replay(key, h, same)).toEqual(latest(h).after);
  });

  it('new weights change stability and difficulty; due dates move only with reschedule', () => {
    const fitted = new Scheduler(resolveSettings({ fuzz: false, weights: TRUE_W }));
    let changed = 0;
    let moved = 0;
    for (const [key, h] of scheduleHistories(log)) {
      const stored = latest(h).after;
      const kept = recomputed(stored, replay(key, h, fitted), false);
      if (!kept) continue;
      changed++;
      expect(kept.due).toBe(stored.due);
      expect(kept.stability).not.toBe(stored.stability);
      const moving = recomputed(stored, replay(key, h, fitted), true);
      if (moving && moving.due !== stored.due) moved++;
    }
    expect(changed).toBeGreaterThan(200);
    expect(moved).toBeGreaterThan(100);
  });

  it('a forget starts the history over; an undone answer is not replayed', () => {
    const h = [...(scheduleHistories(log).get('sim/c0') ?? [])];
    const last = latest(h);
    const forget = markRecord('m-1', 'sim/c0', 'forget', h[1]?.at ?? 0, 0);
    const undo = undoRecord('u-1', last.at + 1, last);
    const got = scheduleHistories([...log, forget, undo]).get('sim/c0') ?? [];
    expect(got.map((r) => r.id)).toEqual(h.slice(2, -1).map((r) => r.id));
  });

  it('an unforget right after the forget puts the history back', () => {
    const h = scheduleHistories(log).get('sim/c1') ?? [];
    const last = latest(h);
    const forget = markRecord('m-1', 'sim/c1', 'forget', last.at + 10, 0);
    const unforget = markRecord('m-2', 'sim/c1', 'unforget', last.at + 20, 0, {
      memory: last.after,
    });
    expect(scheduleHistories([...log, forget]).get('sim/c1')).toBeUndefined();
    expect(scheduleHistories([...log, forget, unforget]).get('sim/c1')).toEqual(h);
  });
});
