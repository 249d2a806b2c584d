// The FSRS revlog CSV round-trips through the binding's own reader (convertCsvToFsrsItems):
// it yields exactly the items `optimize` builds from the log (core/optimizer/items.ts).
import { convertCsvToFsrsItems } from '@open-spaced-repetition/binding';
import { describe, expect, it } from 'vitest';
import { exportRevlog } from '../../../../src/app/interop/export-revlog.js';
import type { LogRecord, ReviewRecord } from '../../../../src/core/model.js';
import { trainingItems } from '../../../../src/core/optimizer/items.js';
import { cramRecord, markRecord, undoRecord } from '../../../../src/core/records.js';
import { REVLOG_CSV_HEADER, revlogCsv } from '../../../../src/decks/anki-export/revlog-csv.js';
import { simulateLog } from '../../../helpers/simulate.js';

const START = Date.parse('2026-01-05T08:00:00Z');

/** A simulated log with the records the CSV must leave out or cut at. */
function log(): LogRecord[] {
  const recs = simulateLog({ seed: 7, days: 45, newPerDay: 6, deck: 'sim', start: START });
  const reviews = recs.filter((r): r is ReviewRecord => r.type === 'review');
  const taken = reviews[40] as ReviewRecord;
  const late = reviews[reviews.length - 1] as ReviewRecord;
  const forgotten = (reviews.find((r) => r.key === 'sim/c3') as ReviewRecord).key;
  return [
    ...recs,
    undoRecord('u-1', taken.at + 1, taken),
    cramRecord({
      id: 'c-1',
      key: taken.key,
      at: late.at + 5,
      rating: 1,
      tookMs: 100,
      day: late.day,
    }),
    { ...late, id: 'x-1', at: late.at + 10, fed: false, mode: 'exam' } as ReviewRecord,
    markRecord('f-1', forgotten, 'forget', late.at + 20, late.day),
  ].sort((a, b) => a.at - b.at);
}

const shape = (items: { reviews: readonly (readonly [number, number])[] }[]) =>
  items.map((i) => JSON.stringify(i.reviews)).sort();

describe('export --revlog CSV', () => {
  it('has the header and one row per scheduling answer', () => {
    const csv = revlogCsv(log());
    const lines = csv.text.trimEnd().split('\n');
    expect(lines[0]).toBe(REVLOG_CSV_HEADER);
    expect(lines).toHaveLength(csv.rows + 1);
    for (const l of lines.slice(1)) expect(l).toMatch(/^\d+,\d{13},[1-4],[0-3],\d+$/);
  });

  it("round-trips through the binding's convertCsvToFsrsItems to the optimizer's own items", () => {
    const records = log();
    const csv = revlogCsv(records);
    const converted = convertCsvToFsrsItems(
      new TextEncoder().encode(csv.text),
      4,
      'Local',
      (ms) => -new Date(ms).getTimezoneOffset(),
    );
    const fromCsv = converted.map((item) => ({
      reviews: item.reviews.map((r) => [r.rating, r.deltaT] as const),
    }));
    const own = trainingItems(records).items;
    expect(own.length).toBeGreaterThan(100);
    expect(shape(fromCsv)).toEqual(shape(own));
  });

  it('keeps only the named decks when asked', () => {
    const records = log();
    const moved = records.map((r) =>
      r.type === 'review' && r.key === 'sim/c1' ? { ...r, key: 'other/c1' } : r,
    );
    const csv = exportRevlog(moved, ['other']);
    expect(csv.cards).toEqual(['other/c1']);
    expect(csv.rows).toBe(records.filter((r) => r.type === 'review' && r.key === 'sim/c1').length);
    expect(exportRevlog(moved, null).cards).toContain('other/c1');
  });

  it('leaves out undone, cram and measuring-only answers, and what came before a forget', () => {
    const records = log();
    const csv = revlogCsv(records);
    const times = new Set(
      csv.text
        .split('\n')
        .slice(1)
        .map((l) => Number(l.split(',')[1])),
    );
    const undone = records.find((r) => r.type === 'undo');
    const forgotten = csv.cards.indexOf('sim/c3');
    expect(undone && undone.type === 'undo' && times.has(undone.review.at)).toBe(false);
    for (const r of records)
      if (r.type === 'cram' || (r.type === 'review' && r.fed === false))
        expect(times.has(r.at)).toBe(false);
    expect(forgotten).toBe(-1);
  });
});
