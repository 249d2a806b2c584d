// Cram records: this version reads them back as written and judges broken ones; a version
// from before they existed (the fixture is its reader, verbatim) skips them as "future",
// and the store's existing notice says so once, whatever their number.
import { describe, expect, it } from 'vitest';
import type { LogRecord } from '../../../src/core/model.js';
import {
  classifyRecord,
  cramRecord,
  cramUndoRecord,
  isCramRecord,
  markRecord,
  recordKey,
  reviewRecord,
} from '../../../src/core/records.js';
import { type CatchUpResult, skippedLines } from '../../../src/store/catch-up.js';
import { classifyRecord as classifyBeforeCram } from './fixtures/records-before-cram.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const DAY = 20_514;
const cram = cramRecord({
  id: 'c1',
  key: 'd/x',
  at: T0,
  rating: 1,
  tookMs: 1234.6,
  correct: false,
  day: DAY,
});
const undo = cramUndoRecord('c2', T0 + 5, cram);
/** As the log holds them: one JSON line each, parsed back. */
const reread = (rec: LogRecord): unknown => JSON.parse(JSON.stringify(rec));

describe('cram records', () => {
  it('are built with a rounded answer time and the card key at the top', () => {
    expect(cram).toEqual({
      type: 'cram',
      id: 'c1',
      key: 'd/x',
      at: T0,
      rating: 1,
      tookMs: 1235,
      correct: false,
      day: DAY,
    });
    expect(undo).toEqual({ type: 'cram-undo', id: 'c2', at: T0 + 5, key: 'd/x', cram });
    expect(recordKey(cram)).toBe('d/x');
    expect(recordKey(undo)).toBe('d/x');
  });

  it('read back as the same records', () => {
    expect(classifyRecord(reread(cram))).toEqual({ kind: 'record', record: cram });
    expect(classifyRecord(reread(undo))).toEqual({ kind: 'record', record: undo });
  });

  it('isCramRecord tells them from the answers the schedule uses', () => {
    const review = reviewRecord({
      id: 'r1',
      key: 'd/x',
      at: T0,
      rating: 3,
      mode: 'study',
      tookMs: 900,
      before: null,
      after: {
        phase: 'learning',
        due: T0,
        stability: 1,
        difficulty: 5,
        scheduledDays: 0,
        learningSteps: 1,
        reps: 1,
        lapses: 0,
        lastReview: T0,
      },
      day: DAY,
    });
    expect(isCramRecord(cram)).toBe(true);
    expect(isCramRecord(undo)).toBe(true);
    expect(isCramRecord(review)).toBe(false);
    expect(isCramRecord(markRecord('m1', 'd/x', 'flag', T0, DAY))).toBe(false);
  });

  it('a broken one is bad and named; an unknown rating is from a newer version', () => {
    expect(classifyRecord({ ...cram, key: '' })).toEqual({
      kind: 'bad',
      reason: 'a cram answer without a card key',
    });
    expect(classifyRecord({ ...cram, day: 'x' })).toEqual({
      kind: 'bad',
      reason: 'a cram answer without a study day',
    });
    expect(classifyRecord({ ...cram, correct: 'yes' })).toEqual({
      kind: 'bad',
      reason: 'a malformed verdict',
    });
    expect(classifyRecord({ ...undo, cram: { ...cram, type: 'review' } })).toEqual({
      kind: 'bad',
      reason: 'a cram undo without the answer it takes back',
    });
    expect(classifyRecord({ ...undo, key: 'd/other' })).toMatchObject({ kind: 'bad' });
    expect(classifyRecord({ ...cram, rating: 5 })).toEqual({ kind: 'future', type: 'cram' });
    expect(classifyRecord({ ...undo, cram: { ...cram, rating: 0 } })).toEqual({
      kind: 'future',
      type: 'cram-undo',
    });
  });

  it('a version from before cram skips both as future lines, with one notice for all', () => {
    const lines = [cram, undo, cramRecord({ ...cram, id: 'c3', at: T0 + 9 })].map(reread);
    const judged = lines.map((l) => classifyBeforeCram(l));
    expect(judged).toEqual([
      { kind: 'future', type: 'cram' },
      { kind: 'future', type: 'cram-undo' },
      { kind: 'future', type: 'cram' },
    ]);
    const result: CatchUpResult = {
      refolded: false,
      mismatch: null,
      future: judged.filter((j) => j.kind === 'future').length,
      bad: [],
      changed: false,
    };
    expect(skippedLines(result, false)).toEqual([
      '3 log entries from a newer hyperrecall version were skipped (kept in the log); update hyperrecall to use them.',
    ]);
  });
});
