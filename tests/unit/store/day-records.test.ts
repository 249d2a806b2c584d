// The records of one study day, found by searching the logs' bytes for the day's number:
// exactly the records whose "day" (or, for an undo, its review's) is that day, from every
// log, in time order; never a record of a day whose number contains it or sits in it.
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LogRecord } from '../../../src/core/model.js';
import { markRecord, reviewRecord, undoRecord } from '../../../src/core/records.js';
import { readDayRecords } from '../../../src/store/day-records.js';
import { line, memory, T0 } from '../../helpers/records.js';

/** Days whose numbers sit inside one another, and inside the times and ids around them. */
const DAYS = [5, 55, 555, 20605, 120605, 2060];

type Spec = {
  kind: 'review' | 'mark' | 'undo';
  day: number;
  min: number;
  log: 0 | 1;
  spaced: boolean;
};

const spec: fc.Arbitrary<Spec> = fc.record({
  kind: fc.constantFrom('review' as const, 'review' as const, 'mark' as const, 'undo' as const),
  day: fc.constantFrom(...DAYS),
  min: fc.nat(200_000),
  log: fc.constantFrom(0 as const, 1 as const),
  // A hand-written line with spaces around the colon.
  spaced: fc.boolean(),
});

function build(specs: Spec[]): { recs: { rec: LogRecord; log: number; spaced: boolean }[] } {
  const recs: { rec: LogRecord; log: number; spaced: boolean }[] = [];
  specs.forEach((s, i) => {
    const at = T0 + s.min * 60_000 + i;
    const id = `d${s.log}-${s.min}${i}`;
    const review = reviewRecord({
      id,
      key: `deck${s.day}/c${i}`,
      at,
      rating: 3,
      mode: 'study',
      tookMs: s.day,
      before: null,
      after: memory(at),
      day: s.day,
    });
    const rec: LogRecord =
      s.kind === 'review'
        ? review
        : s.kind === 'mark'
          ? markRecord(id, `d/${s.day}`, 'flag', at, s.day)
          : undoRecord(`${id}u`, at + 1, review);
    recs.push({ rec, log: s.log, spaced: s.spaced });
  });
  return { recs };
}

const dayOf = (rec: LogRecord) =>
  rec.type === 'undo'
    ? rec.review.day
    : rec.type === 'review' || rec.type === 'mark'
      ? rec.day
      : null;

const byTime = (a: LogRecord, b: LogRecord) =>
  a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe('readDayRecords', () => {
  it('property: exactly the records of the day asked, from every log, in time order', () => {
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 40 }), fc.boolean(), (specs, torn) => {
        const dir = mkdtempSync(join(tmpdir(), 'hr-dayrec-'));
        const { recs } = build(specs);
        const files = ['reviews-laptop.jsonl', 'reviews-phone.jsonl'].map((n) => join(dir, n));
        for (const f of files) writeFileSync(f, '');
        for (const { rec, log, spaced } of recs) {
          const text = line(rec);
          appendFileSync(files[log]!, spaced ? text.replace(/"day":/g, '"day" :  ') : text);
        }
        // An unfinished last line was never acknowledged: it is not read.
        if (torn) appendFileSync(files[0]!, line(recs[0]?.rec ?? {}).slice(0, -1));
        for (const day of DAYS) {
          const want = recs
            .map((r) => r.rec)
            .filter((r) => dayOf(r) === day)
            .sort(byTime);
          expect(readDayRecords(dir, day)).toEqual(want);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('none from a directory without logs or that does not exist; a lone line without its newline is not read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hr-dayrec-'));
    expect(readDayRecords(dir, 5)).toEqual([]);
    const long = reviewRecord({
      id: 'x5',
      key: 'deck/long',
      at: T0,
      rating: 3,
      mode: 'study',
      tookMs: 1,
      before: null,
      after: memory(T0),
      day: 5,
    });
    writeFileSync(join(dir, 'reviews-a.jsonl'), line(long).slice(0, -1));
    expect(readDayRecords(dir, 5)).toEqual([]);
    appendFileSync(join(dir, 'reviews-a.jsonl'), '\n');
    expect(readDayRecords(dir, 5)).toEqual([long]);
    expect(readDayRecords(join(dir, 'missing'), 5)).toEqual([]);
  });
});
