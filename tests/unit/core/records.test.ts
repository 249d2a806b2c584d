// A line of the log is a known record, a record from a newer version (kept, skipped), or
// not a record at all. Nothing a log line holds makes reading throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyRecord,
  examRecord,
  isExamSummary,
  isMemory,
  markRecord,
  recordKey,
  reviewRecord,
  undoRecord,
} from '../../../src/core/records.js';
import { newMemory } from '../../../src/core/scheduler.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const mem = { ...newMemory(T0), phase: 'learning' as const, reps: 1, lastReview: T0 };
const review = reviewRecord({
  id: 'd-1',
  key: 'deck/card',
  at: T0,
  rating: 3,
  mode: 'study',
  tookMs: 1234.6,
  before: null,
  after: mem,
  day: 20514,
});
const summary = {
  id: 'e-1',
  at: T0,
  questions: 2,
  correct: 1,
  scorePercent: 50,
  passPercent: 70,
  passed: false,
  usedMs: 1000,
  timedOut: false,
  byDeck: { deck: { correct: 1, total: 2, percent: 50 } },
  byTag: {},
  predictedPercent: null,
  scope: { decks: ['deck'], tag: null, blueprint: null },
};

const kind = (x: unknown) => classifyRecord(x).kind;

describe('record factories', () => {
  it('a review rounds its answer time and leaves out an unknown verdict', () => {
    expect(review.tookMs).toBe(1235);
    expect('correct' in review).toBe(false);
    expect(reviewRecord({ ...review, tookMs: -5, correct: false })).toMatchObject({
      tookMs: 0,
      correct: false,
    });
  });

  it('every record says which card it is about', () => {
    expect(recordKey(review)).toBe('deck/card');
    expect(recordKey(undoRecord('u', T0 + 1, review))).toBe('deck/card');
    expect(recordKey(markRecord('m', 'deck/x', 'flag', T0, 1))).toBe('deck/x');
    expect(recordKey(examRecord(summary))).toBeNull();
    expect(examRecord(summary)).toEqual({ type: 'exam', id: 'e-1', at: T0, summary });
  });
});

describe('classifyRecord', () => {
  it('accepts what the factories make', () => {
    for (const r of [
      review,
      undoRecord('u', T0 + 1, review),
      markRecord('m', 'deck/x', 'suspend', T0, 1),
      examRecord(summary),
    ])
      expect(classifyRecord(JSON.parse(JSON.stringify(r)))).toEqual({ kind: 'record', record: r });
  });

  it('a record type, mark, rating or mode from a newer version is future, not fatal', () => {
    expect(classifyRecord({ type: 'setting', id: 'x', at: 1 })).toEqual({
      kind: 'future',
      type: 'setting',
    });
    expect(kind({ ...markRecord('m', 'k', 'flag', 1, 1), mark: 'pin' })).toBe('future');
    expect(kind({ ...review, rating: 0 })).toBe('future');
    expect(kind({ ...review, mode: 'cram' })).toBe('future');
    expect(kind(undoRecord('u', 2, { ...review, mode: 'cram' as 'study' }))).toBe('future');
    // Fields a newer version adds are kept and ignored.
    expect(kind({ ...review, device: 'laptop', v: 3 })).toBe('record');
  });

  it('malformed lines are bad, with a reason', () => {
    const bad: unknown[] = [
      null,
      42,
      'text',
      [],
      {},
      { type: 'review', at: 1 },
      { id: 'x', at: 'yesterday', type: 'review' },
      { id: 'x', at: 1 },
      { ...review, key: '' },
      { ...review, day: 'monday' },
      { ...review, tookMs: null },
      { ...review, before: { phase: 'new' } },
      { ...review, after: null },
      { ...review, after: { ...mem, due: Number.NaN } },
      { ...review, after: { ...mem, phase: 'graduated' } },
      { ...review, correct: 'yes' },
      { type: 'undo', id: 'u', at: 2 },
      { type: 'undo', id: 'u', at: 2, review: { ...review, type: 'mark' } },
      { type: 'undo', id: 'u', at: 2, review: { ...review, after: 7 } },
      { type: 'mark', id: 'm', at: 1, key: 'k', mark: 'flag' },
      { type: 'mark', id: 'm', at: 1, day: 1, mark: 'flag' },
      { type: 'exam', id: 'e', at: 1 },
      { type: 'exam', id: 'e', at: 1, summary: { ...summary, byDeck: { x: { correct: 1 } } } },
      { type: 'exam', id: 'e', at: 1, summary: { ...summary, scope: null } },
    ];
    for (const x of bad) {
      const c = classifyRecord(x);
      expect(c.kind, JSON.stringify(x)).toBe('bad');
      if (c.kind === 'bad') expect(c.reason.length).toBeGreaterThan(3);
    }
  });

  it('never throws, whatever JSON a line holds', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (x) => {
        expect(['record', 'future', 'bad']).toContain(classifyRecord(x).kind);
      }),
    );
  });
});

describe('shape checks', () => {
  it('isMemory needs every field with the right type', () => {
    expect(isMemory(mem)).toBe(true);
    expect(isMemory({ ...mem, lastReview: null })).toBe(true);
    for (const field of Object.keys(mem)) {
      const broken: Record<string, unknown> = { ...mem };
      delete broken[field];
      expect(isMemory(broken), field).toBe(false);
    }
    expect(isMemory({ ...mem, reps: '1' })).toBe(false);
    expect(isMemory({ ...mem, lastReview: 'x' })).toBe(false);
  });

  it('isExamSummary needs every field of a finished exam', () => {
    expect(isExamSummary(summary)).toBe(true);
    for (const field of Object.keys(summary)) {
      const broken: Record<string, unknown> = { ...summary };
      delete broken[field];
      expect(isExamSummary(broken), field).toBe(false);
    }
    expect(isExamSummary({ ...summary, predictedPercent: 81 })).toBe(true);
    expect(isExamSummary({ ...summary, scope: { ...summary.scope, decks: null } })).toBe(true);
    expect(isExamSummary({ ...summary, scope: { ...summary.scope, decks: [''] } })).toBe(false);
    expect(isExamSummary({ ...summary, scope: { ...summary.scope, tag: 3 } })).toBe(false);
    expect(isExamSummary({ ...summary, scope: { ...summary.scope, blueprint: 3 } })).toBe(false);
    expect(isExamSummary({ ...summary, scope: { decks: ['d'], tag: 't', blueprint: 'b' } })).toBe(
      true,
    );
    expect(isExamSummary({ ...summary, scope: { ...summary.scope, decks: 'd' } })).toBe(false);
    const tally = { correct: 1, total: 2, percent: 50 };
    for (const field of Object.keys(tally)) {
      const broken: Record<string, unknown> = { ...tally };
      delete broken[field];
      expect(isExamSummary({ ...summary, byTag: { t: broken } }), field).toBe(false);
    }
    expect(isExamSummary({ ...summary, byTag: { t: 5 } })).toBe(false);
    expect(isExamSummary({ ...summary, byTag: { t: tally } })).toBe(true);
  });

  it('every phase a memory can be in is accepted', () => {
    for (const phase of ['new', 'learning', 'review', 'relearning'])
      expect(isMemory({ ...mem, phase }), phase).toBe(true);
    expect(isMemory([])).toBe(false);
    expect(isMemory(null)).toBe(false);
  });
});
