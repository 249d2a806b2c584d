// Needs the queue view and the collection to pass moved-up cards and marks (queue-view.ts,
// collection.ts): a new card missed in an exam is studied next; a leech answer undone after
// a restart takes its marks back.
import { describe, expect, it } from 'vitest';
import { examReducer } from '../../../src/core/exam.js';
import { ALL } from '../../../src/core/ports.js';
import { answer, closeAll, ok, openFixture, T0, undone } from './fixture.js';

const DAY = 86_400_000;

describe('defect 9 and 12 through the collection', () => {
  it('defect 9: a new card missed in an exam is the next new card a study session shows', async () => {
    const { c, exams } = await openFixture();
    const first = c.next(ALL, T0, 0)!.key;
    const r = exams.start(
      { scope: ALL, questions: 60, minutes: 30, passPercent: 70, blueprint: null },
      T0,
    );
    if ('error' in r) throw new Error(r.error);
    // Only the last question answered, wrong ("nope" or its first wrong choice).
    const i = r.exam.keys.length - 1;
    const key = r.exam.keys[i]!;
    expect(key).not.toBe(first);
    const face = exams.card(key)!.face;
    let s = { ...r.exam, index: i };
    if (face.kind === 'typed') s = examReducer(s, { type: 'type', text: 'nope', now: T0 + 1000 });
    else if (face.kind === 'mcq') {
      const bad = face.choices.findIndex((x) => !x.correct);
      s = examReducer(s, {
        type: 'choose',
        index: s.orders[i]!.indexOf(bad),
        multi: face.multi,
        now: T0 + 1000,
      });
    }
    s = examReducer(examReducer(s, { type: 'askSubmit' }), {
      type: 'confirmSubmit',
      now: T0 + 2000,
    });
    expect(ok(exams.finish(s, T0 + 2000)).schedule?.movedUp).toBe(1);
    expect(c.next(ALL, T0 + 3000, 0)?.key).toBe(key);
    expect(c.queueInput(ALL, T0 + 3000).introduced?.(key)).toBe(true);
  });

  it('defect 12: after a restart, undoing the answer that made a leech takes the marks back', async () => {
    const { c, dir, store } = await openFixture();
    expect(c.setSetting('leech-threshold', '1')).toBeNull();
    const card = c.card('sample/list-all-domains')!;
    answer(c, card, 4, T0 - 3 * DAY);
    answer(c, card, 1, T0);
    expect(store.progress.marks[card.key]).toEqual({ leech: true, suspended: true });
    await closeAll();
    const again = await openFixture(dir);
    expect(undone(again.c.undo(T0 + 1000))?.key).toBe(card.key);
    expect(again.store.progress.marks[card.key]).toBeUndefined();
  });
});
