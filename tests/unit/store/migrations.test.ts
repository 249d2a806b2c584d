// Each migration step upgrades one version and keeps everything it does not change; a gap
// in the chain or a step that throws is a reason, never an exception.
import { describe, expect, it } from 'vitest';
import { migrateExamFile, migrateSnapshot } from '../../../src/store/migrations.js';
import { T0 } from '../../helpers/records.js';

describe('migrateSnapshot', () => {
  const v1 = {
    schema: 1,
    cards: { a: { lastReview: T0 }, b: { lastReview: null } },
    exams: [{ at: T0 - 5 }],
    lastAnswer: { at: T0 - 9 },
    settings: { newPerDay: 7 },
    logs: { 'reviews-dev1.jsonl': 10 },
  };

  it('1 -> 2 adds empty stamps and starts the clock at the latest time the file knows', () => {
    expect(migrateSnapshot(v1, 1, 2)).toEqual({
      ok: true,
      value: { ...v1, schema: 2, stamps: {}, clock: T0 },
    });
  });

  it('the clock comes from a card, an exam or the last answer, whichever is latest', () => {
    const clock = (x: Record<string, unknown>) => {
      const r = migrateSnapshot({ schema: 1, ...x }, 1, 2);
      return r.ok ? r.value.clock : r.reason;
    };
    expect(clock({ cards: { a: { lastReview: 5 }, b: { lastReview: 9 }, c: {} } })).toBe(9);
    expect(clock({ cards: { a: { lastReview: 9 } }, exams: [{ at: 3 }, { at: 12 }] })).toBe(12);
    expect(clock({ cards: { a: { lastReview: 9 } }, lastAnswer: { at: 15 } })).toBe(15);
    expect(clock({ exams: [{ at: 20 }], lastAnswer: { at: 15 } })).toBe(20);
    // Missing, null or unusable times count as nothing.
    expect(clock({})).toBe(0);
    expect(clock({ cards: { a: null }, exams: [null], lastAnswer: null })).toBe(0);
    expect(clock({ cards: { a: { lastReview: '99' } }, exams: [{ at: '99' }] })).toBe(0);
    expect(clock({ cards: { a: { lastReview: Number.POSITIVE_INFINITY } } })).toBe(0);
    expect(clock({ lastAnswer: { at: Number.NaN } })).toBe(0);
    expect(clock({ cards: { a: { lastReview: -5 } } })).toBe(0);
  });

  it('the current version is returned as it is', () => {
    const v2 = { ...v1, schema: 2 };
    expect(migrateSnapshot(v2, 2, 2)).toEqual({ ok: true, value: v2 });
  });

  it('a version with no upgrade is named', () => {
    expect(migrateSnapshot(v1, 0, 2)).toEqual({ ok: false, reason: 'no upgrade from version 0' });
    expect(migrateSnapshot(v1, 1, 4)).toEqual({ ok: false, reason: 'no upgrade from version 3' });
  });

  it('a step that throws becomes a reason', () => {
    const r = migrateSnapshot({ ...v1, exams: 5 }, 1, 2);
    expect(r.ok).toBe(false);
    expect((r as { reason: string }).reason).toMatch(
      /^upgrade from version 1 failed: TypeError: .*not iterable/,
    );
  });
});

describe('migrateExamFile', () => {
  it('1 -> 2 only adds the version', () => {
    const v1 = { exam: { id: 'e' }, savedAt: T0 };
    expect(migrateExamFile(v1, 1, 2)).toEqual({ ok: true, value: { ...v1, version: 2 } });
    expect(migrateExamFile(v1, 2, 2)).toEqual({ ok: true, value: v1 });
    expect(migrateExamFile(v1, 2, 3)).toEqual({ ok: false, reason: 'no upgrade from version 2' });
  });
});
