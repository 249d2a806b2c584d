// One card's records from every log, found by searching the bytes for its key: each record
// once, in time order; never another card's, never a torn last line, never a broken one.
import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LogRecord, ReviewRecord } from '../../../src/core/model.js';
import { examRecord, markRecord, undoRecord } from '../../../src/core/records.js';
import { recordsAbout } from '../../../src/store/history.js';
import { realIo } from '../../../src/store/io.js';
import { examSummary, line, memory, review, T0 } from '../../helpers/records.js';

const dataDir = () => mkdtempSync(join(tmpdir(), 'hr-history-'));

/** A review of `key` at T0 + `min` minutes. */
function answer(id: string, key: string, min: number): ReviewRecord {
  return { ...review(0), id, key, at: T0 + min * 60_000, after: memory(T0 + min * 60_000) };
}

const ids = (recs: LogRecord[]) => recs.map((r) => r.id);

describe('recordsAbout', () => {
  it("gathers one card's records from every log, in time order, ties by id", () => {
    const dir = dataDir();
    const a1 = answer('a1', 'd/a', 1);
    const b1 = answer('b1', 'd/b', 2);
    const a3 = answer('a3', 'd/a', 3);
    const z3 = answer('z3', 'd/a', 3);
    const m2 = markRecord('m2', 'd/a', 'flag', T0 + 2 * 60_000, 100);
    const u4 = undoRecord('u4', T0 + 4 * 60_000, a3);
    writeFileSync(join(dir, 'reviews-laptop.jsonl'), [a1, b1, z3, u4].map(line).join(''));
    writeFileSync(join(dir, 'reviews-phone.jsonl'), [m2, a3].map(line).join(''));
    writeFileSync(join(dir, 'notes.jsonl'), line(answer('x', 'd/a', 0)));
    expect(ids(recordsAbout(dir, 'd/a', realIo))).toEqual(['a1', 'm2', 'a3', 'z3', 'u4']);
    expect(recordsAbout(dir, 'd/b', realIo)).toEqual([b1]);
    expect(recordsAbout(dir, 'd/none', realIo)).toEqual([]);
  });

  it('ignores lines of other cards whose key or other fields hold this key', () => {
    const dir = dataDir();
    const exam = examRecord({
      ...examSummary('e1', T0),
      scope: { decks: ['d/a'], tag: null, blueprint: null },
    });
    writeFileSync(
      join(dir, 'reviews-dev1.jsonl'),
      [
        answer('r1', 'd/a/b', 1),
        answer('r2', 'x-d/a', 2),
        markRecord('d/a', 'd/b', 'flag', T0, 100),
        exam,
        answer('r3', 'd/a', 3),
      ]
        .map(line)
        .join(''),
    );
    expect(ids(recordsAbout(dir, 'd/a', realIo))).toEqual(['r3']);
    expect(ids(recordsAbout(dir, 'd/a/b', realIo))).toEqual(['r1']);
  });

  it('returns a record once even when its line names the key twice', () => {
    const dir = dataDir();
    writeFileSync(
      join(dir, 'reviews-dev1.jsonl'),
      line(answer('d/a', 'd/a', 1)) + line(answer('r2', 'd/a', 2)),
    );
    expect(ids(recordsAbout(dir, 'd/a', realIo))).toEqual(['d/a', 'r2']);
  });

  it('skips a torn last line, even one that parses, and lines that are not records', () => {
    const dir = dataDir();
    const file = join(dir, 'reviews-dev1.jsonl');
    writeFileSync(file, line(answer('r1', 'd/a', 1)));
    appendFileSync(file, '{"type":"review","key":"d/a", broken\n');
    appendFileSync(file, line({ ...answer('r2', 'd/a', 2), after: { phase: 'x' } }));
    appendFileSync(file, line(answer('r3', 'd/a', 3)));
    appendFileSync(file, JSON.stringify(answer('r4', 'd/a', 4)));
    expect(ids(recordsAbout(dir, 'd/a', realIo))).toEqual(['r1', 'r3']);
  });

  it('finds a key on the first line and on the last complete line', () => {
    const dir = dataDir();
    writeFileSync(
      join(dir, 'reviews-dev1.jsonl'),
      [answer('r1', 'd/a', 1), answer('r2', 'd/b', 2), answer('r3', 'd/a', 3)].map(line).join(''),
    );
    expect(ids(recordsAbout(dir, 'd/a', realIo))).toEqual(['r1', 'r3']);
  });

  it('a key with characters JSON escapes is found as it is written', () => {
    const dir = dataDir();
    const key = 'd/"quoted"\\é';
    writeFileSync(join(dir, 'reviews-dev1.jsonl'), line(answer('r1', key, 1)));
    expect(ids(recordsAbout(dir, key, realIo))).toEqual(['r1']);
  });

  it('a log that cannot be read is passed over; the others still count', () => {
    const dir = dataDir();
    mkdirSync(join(dir, 'reviews-a.jsonl'));
    writeFileSync(join(dir, 'reviews-b.jsonl'), line(answer('r1', 'd/a', 1)));
    expect(ids(recordsAbout(dir, 'd/a', realIo))).toEqual(['r1']);
    expect(recordsAbout(join(dir, 'missing'), 'd/a', realIo)).toEqual([]);
  });
});
