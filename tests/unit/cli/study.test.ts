// `study` flags: at most one custom study, counts of 1 to 9999, an objective by tag or code.
import { describe, expect, it } from 'vitest';
import { customOf, objectiveTag } from '../../../src/cli/commands/study.js';
import { UsageError } from '../../../src/cli/context.js';
import { cardsOf } from '../helpers.js';

describe('study flags', () => {
  it('reads one custom study and refuses two or a bad count', () => {
    expect(customOf({ home: false })).toBeUndefined();
    expect(customOf({ home: false, flagged: true })).toEqual({ kind: 'flagged' });
    expect(customOf({ home: false, ahead: '3' })).toEqual({ kind: 'ahead', days: 3 });
    expect(customOf({ home: false, moreNew: '15' })).toEqual({ kind: 'more-new', count: 15 });
    expect(() => customOf({ home: false, flagged: true, leeches: true })).toThrow(UsageError);
    expect(() => customOf({ home: false, ahead: '0' })).toThrow(/--ahead takes a whole number/);
  });

  it('--cram is a cram of the scope begun now, narrowed by --flagged or --leeches', () => {
    const T = 1_772_000_000_000;
    expect(customOf({ home: false, cram: true }, T)).toEqual({
      kind: 'cram',
      pick: 'all',
      since: T,
    });
    expect(customOf({ home: false, cram: true, all: true }, T)).toMatchObject({ pick: 'all' });
    expect(customOf({ home: false, cram: true, flagged: true }, T)).toMatchObject({
      pick: 'flagged',
    });
    expect(customOf({ home: false, cram: true, leeches: true }, T)).toMatchObject({
      pick: 'leeches',
    });
    expect(() => customOf({ home: false, cram: true, ahead: '2' }, T)).toThrow(
      '--cram goes with --flagged or --leeches, not --ahead or --more-new',
    );
    expect(() => customOf({ home: false, cram: true, flagged: true, leeches: true }, T)).toThrow(
      UsageError,
    );
  });

  it('finds an objective by its tag or its code alone, and lists them when it cannot', () => {
    const cards = cardsOf('d', 2).map((c, i) => ({
      ...c,
      tags: i === 0 ? ['lpic3-351.4'] : ['lpic3-351.5', 'kvm'],
    }));
    expect(objectiveTag(cards, '351.4')).toBe('lpic3-351.4');
    expect(objectiveTag(cards, 'lpic3-351.5')).toBe('lpic3-351.5');
    expect(() => objectiveTag(cards, '999')).toThrow(
      "no card is tagged with objective '999'; objectives: lpic3-351.4, lpic3-351.5",
    );
  });
});
