import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canScroll,
  clampTop,
  follow,
  maxTop,
  pageBy,
  scrollBy,
  windowAt,
} from '../../../src/ui/components/viewport-math.js';

/** Lines the window takes on screen: shown rows plus one line per marker. */
const lines = (w: ReturnType<typeof windowAt>) =>
  w.end - w.top + (w.above > 0 ? 1 : 0) + (w.below > 0 ? 1 : 0);

describe('windowAt', () => {
  it('shows everything, without markers, when the content fits', () => {
    expect(windowAt(5, 8, 8)).toEqual({ top: 0, end: 8, above: 0, below: 0 });
  });

  it('gives the last line to "↓ n more" at the top, and both ends a marker in the middle', () => {
    expect(windowAt(0, 20, 8)).toEqual({ top: 0, end: 7, above: 0, below: 13 });
    expect(windowAt(5, 20, 8)).toEqual({ top: 5, end: 11, above: 5, below: 9 });
    expect(windowAt(13, 20, 8)).toEqual({ top: 13, end: 20, above: 13, below: 0 });
    expect(maxTop(20, 8)).toBe(13);
  });

  it('never uses top 1: it would hide row 0 behind a marker and show nothing more', () => {
    expect(clampTop(1, 20, 8)).toBe(0);
    expect(windowAt(1, 20, 8).top).toBe(0);
  });

  it('fills exactly the height whenever content is hidden, and counts what it hides', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.integer({ min: 3, max: 40 }), fc.nat(250), (total, h, top) => {
        const w = windowAt(top, total, h);
        if (total <= h) expect(lines(w)).toBe(total);
        else expect(lines(w)).toBe(h);
        expect(w.above + (w.end - w.top) + w.below).toBe(total);
      }),
    );
  });
});

describe('scrolling', () => {
  it('scrolling down from the top then back up shows every row, no row skipped', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 150 }), fc.integer({ min: 3, max: 30 }), (total, h) => {
        const seen = new Set<number>();
        const see = (t: number) => {
          const w = windowAt(t, total, h);
          for (let r = w.top; r < w.end; r++) seen.add(r);
          return w;
        };
        let top = 0;
        let before = see(top);
        while (canScroll(top, 1, total, h)) {
          top = scrollBy(top, 1, total, h);
          const w = see(top);
          // One new row, or two on the last step, when the bottom marker's line frees up.
          const added = w.end - before.end;
          if (w.below > 0) expect(added).toBe(1);
          else expect([1, 2]).toContain(added);
          before = w;
        }
        expect(seen.size).toBe(total);
        while (canScroll(top, -1, total, h)) top = scrollBy(top, -1, total, h);
        expect(top).toBe(0);
      }),
    );
  });

  it('pages move by what was shown and reach both ends', () => {
    let top = 0;
    const seen: number[] = [];
    while (canScroll(top, 1, 50, 10)) {
      top = pageBy(top, 1, 50, 10);
      seen.push(top);
    }
    expect(seen).toEqual([9, 17, 25, 33, 41]);
    expect(windowAt(top, 50, 10).end).toBe(50);
    while (canScroll(top, -1, 50, 10)) top = pageBy(top, -1, 50, 10);
    expect(top).toBe(0);
  });
});

describe('follow', () => {
  it('leaves the window alone while the range shows', () => {
    expect(follow(5, 6, 8, 40, 10)).toBe(5);
  });

  it('scrolls as little as needed to show a range, from below or above', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 120 }),
        fc.integer({ min: 3, max: 20 }),
        fc.nat(150),
        fc.nat(150),
        fc.integer({ min: 1, max: 4 }),
        (total, h, top0, at, size) => {
          const from = at % total;
          const to = Math.min(total, from + size);
          const top = clampTop(top0, total, h);
          const next = follow(top, from, to, total, h);
          const w = windowAt(next, total, h);
          // The start always shows; the whole range when it fits in the window.
          expect(w.top <= from && from < w.end).toBe(true);
          if (to - from <= h - 2) expect(to <= w.end).toBe(true);
        },
      ),
    );
  });

  it('puts a cursor moving down on the last shown line', () => {
    expect(windowAt(follow(0, 12, 13, 40, 10), 40, 10)).toMatchObject({ top: 5, end: 13 });
  });
});
