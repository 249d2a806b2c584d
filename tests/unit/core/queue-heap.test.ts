import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SlotHeap } from '../../../src/core/queue-heap.js';

/** A heap over slots 0..n-1 ordered by a key array (ties by slot), beside a plain set. */
function model(n: number, keys: number[]) {
  const before = (a: number, b: number) => keys[a]! < keys[b]! || (keys[a] === keys[b] && a < b);
  const sorted = (slots: Iterable<number>) => [...slots].sort((a, b) => (before(a, b) ? -1 : 1));
  return { heap: new SlotHeap(n, before), sorted };
}

describe('SlotHeap', () => {
  it('keeps the best slot on top through pushes, removals and re-ranking', () => {
    const op = fc.oneof(
      fc.record({ t: fc.constant('push' as const), s: fc.nat(19) }),
      fc.record({ t: fc.constant('remove' as const), s: fc.nat(19) }),
      fc.record({ t: fc.constant('rekey' as const), s: fc.nat(19), k: fc.integer({ max: 5 }) }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 20, maxLength: 20 }),
        fc.uniqueArray(fc.nat(19)),
        fc.array(op, { maxLength: 80 }),
        (keys, initial, ops) => {
          const { heap, sorted } = model(20, keys);
          const present = new Set(initial);
          heap.fill(initial, initial.length);
          for (const o of ops) {
            if (o.t === 'push') {
              heap.push(o.s);
              present.add(o.s);
            } else if (o.t === 'remove') {
              heap.remove(o.s);
              present.delete(o.s);
            } else {
              // A key changes only while its slot is out of the heap, as the queue does it.
              const had = heap.has(o.s);
              heap.remove(o.s);
              keys[o.s] = o.k;
              if (had) heap.push(o.s);
            }
            expect(heap.size).toBe(present.size);
            expect(heap.peek()).toBe(present.size ? sorted(present)[0] : -1);
            for (let s = 0; s < 20; s++) expect(heap.has(s)).toBe(present.has(s));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('first(ok) is the best slot that ok accepts, whatever it refuses', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 30, maxLength: 30 }),
        fc.uniqueArray(fc.nat(29)),
        fc.uniqueArray(fc.nat(29)),
        (keys, slots, refused) => {
          const { heap, sorted } = model(30, keys);
          for (const s of slots) heap.push(s);
          const no = new Set(refused);
          const expected = sorted(slots).find((s) => !no.has(s)) ?? -1;
          expect(heap.first((s) => !no.has(s))).toBe(expected);
          // Looking does not disturb the heap.
          expect(heap.size).toBe(slots.length);
          expect(heap.peek()).toBe(slots.length ? sorted(slots)[0] : -1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('fill takes only the first count slots', () => {
    const { heap } = model(4, [3, 2, 1, 0]);
    heap.fill([0, 1, 2, 3], 2);
    expect([heap.size, heap.peek(), heap.has(2), heap.has(3)]).toEqual([2, 1, false, false]);
  });

  it('fill refuses a heap that is not empty', () => {
    const { heap } = model(3, [0, 1, 2]);
    heap.push(1);
    expect(() => heap.fill([0, 2], 2)).toThrow(/empty/);
  });
});
