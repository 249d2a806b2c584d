// The cram run's order and queue: stable for a run, different between runs, suspended and
// buried cards left out of `all` (as Anki's filtered decks leave them), flagged and leech
// picks by hand; Again puts the card back three places on, or last when fewer are left.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGAIN_AFTER, afterAnswer, cramOrder } from '../../../src/core/cram.js';
import type { CardMarks } from '../../../src/core/model.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const KEYS = Array.from({ length: 30 }, (_, i) => `d/k${i}`);
const none = () => undefined;

describe('cramOrder', () => {
  it('is a stable shuffle of the run: same start, same order; another start, another', () => {
    const a = cramOrder(KEYS, 'all', none, T0, 4);
    expect(cramOrder([...KEYS].reverse(), 'all', none, T0, 4)).toEqual(a);
    expect([...a].sort()).toEqual([...KEYS].sort());
    expect(a).not.toEqual(KEYS);
    expect(cramOrder(KEYS, 'all', none, T0 + 1, 4)).not.toEqual(a);
  });

  it('leaves out suspended cards and cards buried today, and those done in the run', () => {
    const day = 20_514; // the study day of T0 with days starting at 04:00
    const marks: Record<string, CardMarks> = {
      'd/k1': { suspended: true },
      'd/k2': { buriedDay: day },
      'd/k3': { buriedDay: day - 1 },
      'd/k4': { flagged: true, suspended: true },
      'd/k5': { leech: true, suspended: true },
    };
    const m = (k: string) => marks[k];
    const all = cramOrder(KEYS, 'all', m, T0, 4, new Set(['d/k6']));
    expect(all).not.toContain('d/k1');
    expect(all).not.toContain('d/k2');
    expect(all).toContain('d/k3');
    expect(all).not.toContain('d/k6');
    expect(all).toHaveLength(KEYS.length - 5);
    expect(cramOrder(KEYS, 'flagged', m, T0, 4)).toEqual(['d/k4']);
    expect(cramOrder(KEYS, 'leeches', m, T0, 4)).toEqual(['d/k5']);
  });
});

describe('afterAnswer', () => {
  it('drops the card answered; Again puts it back AGAIN_AFTER cards on', () => {
    expect(afterAnswer(['a', 'b', 'c', 'd', 'e'], false)).toEqual(['b', 'c', 'd', 'e']);
    expect(AGAIN_AFTER).toBe(3);
    expect(afterAnswer(['a', 'b', 'c', 'd', 'e'], true)).toEqual(['b', 'c', 'd', 'a', 'e']);
    expect(afterAnswer(['a', 'b'], true)).toEqual(['b', 'a']);
    expect(afterAnswer(['a'], true)).toEqual(['a']);
    expect(afterAnswer([], true)).toEqual([]);
  });

  it('keeps every card of the run until it is answered other than Again', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 60 }), (agains) => {
        let q: string[] = ['a', 'b', 'c', 'd'];
        const passed = new Set<string>();
        for (const again of agains) {
          if (q.length === 0) break;
          if (!again) passed.add(q[0]!);
          q = afterAnswer(q, again);
          expect(new Set(q).size).toBe(q.length);
          expect([...q, ...passed].sort()).toEqual(['a', 'b', 'c', 'd']);
        }
      }),
    );
  });
});
