import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LogRecord, ReviewRecord } from '../../../src/core/model.js';
import { newMemory } from '../../../src/core/scheduler.js';
import { tableAnswers } from '../../../src/core/stats/answer-table.js';
import { answerIndexFile, answerTable } from '../../../src/store/answer-index.js';
import { type Io, realIo } from '../../../src/store/io.js';

let n = 0;
const review = (key: string, at: number): ReviewRecord => ({
  type: 'review',
  id: `r${++n}`,
  key,
  at,
  rating: 3,
  mode: 'study',
  tookMs: 1000,
  before: null,
  after: { ...newMemory(0), phase: 'learning' },
  day: 1,
});
const lines = (recs: LogRecord[]) => recs.map((r) => `${JSON.stringify(r)}\n`).join('');

/** An Io that counts the bytes read from review logs. */
function counting(): { io: Io; logBytes: () => number } {
  let bytes = 0;
  const io: Io = {
    ...realIo,
    readSync: (fd, buffer, offset, length, position) => {
      const got = realIo.readSync(fd, buffer, offset, length, position);
      // Reads at 0 are the heads compared with the cache; the rest are log lines.
      if (position !== 0) bytes += got;
      return got;
    },
  };
  return { io, logBytes: () => bytes };
}

describe('the answer index cache', () => {
  it('is written on the first run and read back; only appended lines are parsed after', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hr-idx-'));
    const log = join(dir, 'reviews-dev.jsonl');
    writeFileSync(log, lines([review('d/a', 1), review('d/b', 2)]));
    expect(tableAnswers(answerTable(dir), () => true).map((a) => a.key)).toEqual(['d/a', 'd/b']);
    expect(existsSync(answerIndexFile(dir))).toBe(true);

    const tail = lines([review('d/c', 3)]);
    appendFileSync(log, tail);
    const c = counting();
    const t = answerTable(dir, c.io);
    expect(tableAnswers(t, () => true).map((a) => a.key)).toEqual(['d/a', 'd/b', 'd/c']);
    // Only the appended line was read from the log.
    expect(c.logBytes()).toBe(Buffer.byteLength(tail));
    const again = counting();
    answerTable(dir, again.io);
    expect(again.logBytes()).toBe(0);
  });

  it('a log replaced or cut short, or a broken cache file: everything is read again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hr-idx-'));
    const log = join(dir, 'reviews-dev.jsonl');
    writeFileSync(log, lines([review('d/a', 1), review('d/b', 2)]));
    answerTable(dir);
    // Same length, other content.
    writeFileSync(log, lines([review('d/x', 1), review('d/y', 2)]));
    expect(tableAnswers(answerTable(dir), () => true).map((a) => a.key)).toEqual(['d/x', 'd/y']);
    writeFileSync(log, lines([review('d/z', 1)]));
    expect(tableAnswers(answerTable(dir), () => true).map((a) => a.key)).toEqual(['d/z']);
    writeFileSync(answerIndexFile(dir), readFileSync(answerIndexFile(dir)).subarray(0, 20));
    expect(tableAnswers(answerTable(dir), () => true).map((a) => a.key)).toEqual(['d/z']);
  });

  it('a second device log adds its answers in time order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hr-idx-'));
    writeFileSync(join(dir, 'reviews-one.jsonl'), lines([review('d/a', 10), review('d/a', 30)]));
    answerTable(dir);
    writeFileSync(join(dir, 'reviews-two.jsonl'), lines([review('d/b', 20)]));
    expect(tableAnswers(answerTable(dir), () => true).map((a) => a.at)).toEqual([10, 20, 30]);
  });
});
