// Undo of the browser's forget: an `unforget` mark carries what the forget took (the
// memory, an exam introduction) and the fold puts it back, so forget + unforget folds to
// exactly the state before the forget; a card answered in between keeps that answer; a
// reader from before the mark skips it as a "future" line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyNewer, rebuildProgress } from '../../../src/core/fold.js';
import type { Grade, LogRecord, Memory } from '../../../src/core/model.js';
import { emptyProgress } from '../../../src/core/progress.js';
import { classifyRecord, markRecord, reviewRecord } from '../../../src/core/records.js';
import { newMemory, Scheduler } from '../../../src/core/scheduler.js';
import { resolveSettings } from '../../../src/core/settings.js';
import { classifyRecord as classifyBeforeCram } from './fixtures/records-before-cram.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const DAY = 20_514;
const sched = new Scheduler(resolveSettings({ fuzz: false }));

function answers(key: string, grades: readonly Grade[], start: number): LogRecord[] {
  let m: Memory | null = null;
  return grades.map((g, i) => {
    const at = start + i * 3_600_000;
    const after = sched.answer(m ?? newMemory(at), at, g, key);
    const rec = reviewRecord({
      id: `${key}-r${i}`,
      key,
      at,
      rating: g,
      mode: 'study',
      tookMs: 900,
      before: m,
      after,
      day: DAY,
    });
    m = after;
    return rec;
  });
}

describe('unforget', () => {
  it('forget then unforget folds to the state before the forget, exam introduction too', () => {
    const log = [
      ...answers('d/x', [3, 1, 3], T0),
      markRecord('m1', 'd/x', 'flag', T0 + 5e7, DAY),
      markRecord('m2', 'd/x', 'introduce', T0 + 5e7 + 1, DAY),
    ];
    const before = rebuildProgress(log);
    const memory = before.cards['d/x']!;
    const introduced = before.marks['d/x']!.introduced!;
    const forget = markRecord('m3', 'd/x', 'forget', T0 + 6e7, DAY);
    const unforget = markRecord('m4', 'd/x', 'unforget', T0 + 6e7 + 1, DAY, {
      memory,
      introduced,
    });
    const forgotten = rebuildProgress([...log, forget]);
    expect(forgotten.cards['d/x']).toBeUndefined();
    const back = rebuildProgress([...log, forget, unforget]);
    expect(back.cards).toEqual(before.cards);
    expect(back.marks).toEqual(before.marks);
    expect(back.days).toEqual(before.days);
    expect(back.lastAnswer).toEqual(before.lastAnswer);
    // One record at a time, as a start-up catching up applies them, gives the same.
    const step = emptyProgress();
    expect(applyNewer(step, [...log, forget, unforget], true)).toBe(true);
    expect(step).toEqual(back);
  });

  it('for any history, forget + unforget right after changes no card and no mark', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<Grade>(1, 2, 3, 4), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (grades, flagged) => {
          const log = answers('d/y', grades, T0);
          if (flagged) log.push(markRecord('f', 'd/y', 'flag', T0 + 9e7, DAY));
          const before = rebuildProgress(log);
          const was = { memory: before.cards['d/y']! };
          const after = rebuildProgress([
            ...log,
            markRecord('m1', 'd/y', 'forget', T0 + 1e8, DAY),
            markRecord('m2', 'd/y', 'unforget', T0 + 1e8 + 1, DAY, was),
          ]);
          expect(after.cards).toEqual(before.cards);
          expect(after.marks).toEqual(before.marks);
        },
      ),
    );
  });

  it('a card answered after the forget keeps that answer: the unforget changes nothing', () => {
    const log = answers('d/x', [3, 3], T0);
    const memory = rebuildProgress(log).cards['d/x']!;
    const forget = markRecord('m1', 'd/x', 'forget', T0 + 1e7, DAY);
    const fresh = answers('d/x', [4], T0 + 2e7).map((r) => ({ ...r, id: 'again' }));
    const unforget = markRecord('m2', 'd/x', 'unforget', T0 + 3e7, DAY, { memory });
    const withNew = rebuildProgress([...log, forget, ...fresh]);
    expect(rebuildProgress([...log, forget, ...fresh, unforget]).cards).toEqual(withNew.cards);
  });

  it('is read back; without its memory it is bad; a reader from before it skips it', () => {
    const memory = rebuildProgress(answers('d/x', [3], T0)).cards['d/x']!;
    const rec = markRecord('m2', 'd/x', 'unforget', T0, DAY, { memory, introduced: T0 - 5 });
    const line = JSON.parse(JSON.stringify(rec));
    expect(classifyRecord(line)).toEqual({ kind: 'record', record: rec });
    expect(classifyRecord({ ...line, memory: undefined })).toEqual({
      kind: 'bad',
      reason: 'an unforget without the memory it puts back',
    });
    expect(classifyRecord({ ...line, introduced: 'x' })).toMatchObject({ kind: 'bad' });
    expect(classifyBeforeCram(line)).toEqual({ kind: 'future', type: 'mark' });
  });
});
