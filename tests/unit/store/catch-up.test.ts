// Bringing a snapshot up to date: only the bytes past its positions are read and applied
// while that is exact; anything else (a copy, a record out of order, a shorter or missing
// log) folds every log again, and the result always equals a full fold.
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldLogs } from '../../../src/core/fold.js';
import type { LogRecord } from '../../../src/core/model.js';
import {
  type CatchUpResult,
  catchUp,
  keepUnreadable,
  readAllLogs,
  refold,
  skippedLines,
} from '../../../src/store/catch-up.js';
import { realIo } from '../../../src/store/io.js';
import { emptySnapshot, type Snapshot } from '../../../src/store/snapshot.js';
import { line, mark, review, T0 } from '../../helpers/records.js';

const dataDir = () => mkdtempSync(join(tmpdir(), 'hr-catchup-'));
const LAPTOP = 'reviews-laptop.jsonl';
const PHONE = 'reviews-phone.jsonl';

/** The i-th review as the phone wrote it. */
const phone = (i: number) => ({ ...review(i), id: `phone-${i}` });

function write(dir: string, name: string, recs: unknown[]): void {
  writeFileSync(join(dir, name), recs.map((r) => (typeof r === 'string' ? r : line(r))).join(''));
}

const size = (dir: string, name: string) => readFileSync(join(dir, name)).length;

/** What a full fold of every log gives, positions and clock included. */
function full(dir: string, self: string, settings = {}): Snapshot {
  const snap = emptySnapshot(settings);
  refold(snap, dir, self, realIo);
  return snap;
}

const quiet: CatchUpResult = {
  refolded: false,
  mismatch: null,
  future: 0,
  bad: [],
  changed: false,
  clashes: [],
};

describe('catchUp', () => {
  it('applies every log into an empty snapshot without folding again', () => {
    const dir = dataDir();
    write(dir, LAPTOP, [review(1), review(3)]);
    write(dir, PHONE, [phone(2), phone(9)]);
    const snap = emptySnapshot();
    expect(catchUp(snap, dir, 'laptop', realIo)).toEqual({ ...quiet, changed: true });
    expect(snap.logs).toEqual({ [LAPTOP]: size(dir, LAPTOP), [PHONE]: size(dir, PHONE) });
    expect(snap.reviews).toBe(4);
    expect(snap).toEqual(full(dir, 'laptop'));
  });

  it("this device's clock follows its own records only", () => {
    const dir = dataDir();
    write(dir, LAPTOP, [review(1), review(3)]);
    write(dir, PHONE, [phone(9)]);
    const snap = emptySnapshot();
    catchUp(snap, dir, 'laptop', realIo);
    expect(snap.clock).toBe(review(3).at);
    const other = emptySnapshot();
    catchUp(other, dir, 'phone', realIo);
    expect(other.clock).toBe(phone(9).at);
    // A clock already ahead stays where it is.
    const ahead = { ...emptySnapshot(), clock: T0 + 1e9 };
    catchUp(ahead, dir, 'laptop', realIo);
    expect(ahead.clock).toBe(T0 + 1e9);
  });

  it('an unchanged directory changes nothing', () => {
    const dir = dataDir();
    write(dir, LAPTOP, [review(1)]);
    const snap = emptySnapshot();
    catchUp(snap, dir, 'laptop', realIo);
    const before = structuredClone(snap);
    expect(catchUp(snap, dir, 'laptop', realIo)).toEqual(quiet);
    expect(snap).toEqual(before);
  });

  it('reads only past the positions it has: lines before them are not judged again', () => {
    const dir = dataDir();
    write(dir, LAPTOP, ['not json\n', review(1)]);
    const snap = emptySnapshot();
    expect(catchUp(snap, dir, 'laptop', realIo).bad).toEqual([
      { file: LAPTOP, offset: 0, text: 'not json' },
    ]);
    appendFileSync(join(dir, LAPTOP), line(review(2)));
    expect(catchUp(snap, dir, 'laptop', realIo)).toEqual({ ...quiet, changed: true });
    expect(snap.reviews).toBe(2);
    expect(snap.logs[LAPTOP]).toBe(size(dir, LAPTOP));
  });

  it('a log that appears later is read from its start', () => {
    const dir = dataDir();
    write(dir, LAPTOP, [review(1)]);
    const snap = emptySnapshot();
    catchUp(snap, dir, 'laptop', realIo);
    write(dir, PHONE, [phone(5)]);
    expect(catchUp(snap, dir, 'laptop', realIo)).toEqual({ ...quiet, changed: true });
    expect(snap).toEqual(full(dir, 'laptop'));
  });

  it('a copy of a log folds everything again, and counts each record once', () => {
    const dir = dataDir();
    write(dir, LAPTOP, [review(1), review(2)]);
    const snap = emptySnapshot({ newPerDay: 3 });
    catchUp(snap, dir, 'laptop', realIo);
    write(dir, 'reviews-laptop-copy.jsonl', [review(1), review(2)]);
    expect(catchUp(snap, dir, 'laptop', realIo)).toEqual({
      ...quiet,
      refolded: true,
      changed: true,
    });
    expect(snap.reviews).toBe(2);
    expect(snap).toEqual(full(dir, 'laptop', { newPerDay: 3 }));
  });

  it('a record older than what is known about its card folds everything again', () => {
    const dir = dataDir();
    write(dir, LAPTOP, [review(8)]);
    const snap = emptySnapshot();
    catchUp(snap, dir, 'laptop', realIo);
    // review(1) is about the same card as review(8) (deck/c1), and earlier.
    write(dir, PHONE, [phone(1)]);
    expect(catchUp(snap, dir, 'laptop', realIo).refolded).toBe(true);
    expect(snap).toEqual(full(dir, 'laptop'));
    expect(snap.cards['deck/c1']).toEqual(review(8).after);
  });

  it('lines noted before a fold starts over are counted once', () => {
    const dir = dataDir();
    const future = { type: 'note', id: 'n1', at: T0 };
    write(dir, 'reviews-a.jsonl', [review(1), 'junk\n', future, review(2)]);
    write(dir, 'reviews-b.jsonl', [review(1)]);
    const result = catchUp(emptySnapshot(), dir, 'a', realIo);
    expect(result).toEqual({
      refolded: true,
      mismatch: null,
      future: 1,
      bad: [{ file: 'reviews-a.jsonl', offset: line(review(1)).length, text: 'junk' }],
      changed: true,
      clashes: [],
    });
  });

  it('a log shorter than remembered, or gone, is named and everything is folded again', () => {
    const dir = dataDir();
    write(dir, LAPTOP, [review(1), review(2)]);
    write(dir, PHONE, [phone(3)]);
    const snap = emptySnapshot({ newPerDay: 3 });
    catchUp(snap, dir, 'laptop', realIo);
    write(dir, LAPTOP, [review(1)]);
    expect(catchUp(snap, dir, 'laptop', realIo)).toEqual({
      ...quiet,
      refolded: true,
      changed: true,
      mismatch: `${LAPTOP} is shorter than the cache remembers, or gone`,
    });
    // The clock never goes back: records this device wrote stay strictly ordered.
    expect(snap).toEqual({ ...full(dir, 'laptop', { newPerDay: 3 }), clock: review(2).at });
    realIo.unlinkSync(join(dir, LAPTOP));
    realIo.unlinkSync(join(dir, PHONE));
    write(dir, 'reviews-tablet.jsonl', [review(4)]);
    snap.logs[LAPTOP] = 10;
    snap.logs[PHONE] = 10;
    expect(catchUp(snap, dir, 'laptop', realIo).mismatch).toBe(
      `${LAPTOP}, ${PHONE} are shorter than the cache remembers, or gone`,
    );
    expect(snap.logs).toEqual({ 'reviews-tablet.jsonl': size(dir, 'reviews-tablet.jsonl') });
    expect(snap.reviews).toBe(1);
  });

  it('a log remembered at position 0 that is gone is no loss', () => {
    const dir = dataDir();
    write(dir, LAPTOP, [review(1)]);
    const snap = emptySnapshot();
    catchUp(snap, dir, 'laptop', realIo);
    snap.logs[PHONE] = 0;
    expect(catchUp(snap, dir, 'laptop', realIo)).toEqual(quiet);
  });
});

describe('refold', () => {
  it('replaces progress with a fold of every log, keeping the settings', () => {
    const dir = dataDir();
    write(dir, LAPTOP, [review(1), mark(2)]);
    write(dir, PHONE, [phone(1), phone(3)]);
    const snap = {
      ...emptySnapshot({ newPerDay: 3 }),
      reviews: 99,
      cards: { 'x/y': review(0).after },
    };
    const result = { ...quiet, bad: [] as CatchUpResult['bad'] };
    refold(snap, dir, 'laptop', realIo, result);
    const logs: { device: string; records: LogRecord[] }[] = [
      { device: 'laptop', records: [review(1), mark(2)] },
      { device: 'phone', records: [phone(1), phone(3)] },
    ];
    expect(snap).toEqual({
      ...emptySnapshot({ newPerDay: 3 }),
      ...foldLogs(logs, 'laptop'),
      logs: { [LAPTOP]: size(dir, LAPTOP), [PHONE]: size(dir, PHONE) },
      clock: mark(2).at,
    });
  });

  it('readAllLogs names each log by device and notes its skipped lines', () => {
    const dir = dataDir();
    write(dir, PHONE, [phone(1), '{bad\n', { type: 'note', id: 'n', at: 1 }]);
    write(dir, LAPTOP, [review(2)]);
    writeFileSync(join(dir, 'other.txt'), 'x');
    const result: CatchUpResult = { ...quiet, bad: [] };
    expect(readAllLogs(dir, realIo, result)).toEqual({
      logs: [
        { device: 'laptop', records: [review(2)] },
        { device: 'phone', records: [phone(1)] },
      ],
      ends: { [LAPTOP]: size(dir, LAPTOP), [PHONE]: size(dir, PHONE) },
    });
    expect(result.future).toBe(1);
    expect(result.bad).toEqual([{ file: PHONE, offset: line(phone(1)).length, text: '{bad' }]);
    expect(readAllLogs(join(dir, 'missing'))).toEqual({ logs: [], ends: {} });
  });
});

describe('skippedLines', () => {
  const bad = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ file: LAPTOP, offset: i * 10, text: 'x' }));

  it('says nothing when nothing was skipped', () => {
    expect(skippedLines(quiet, true)).toEqual([]);
  });

  it('one notice for lines from a newer version, singular or plural', () => {
    expect(skippedLines({ ...quiet, future: 1 }, true)).toEqual([
      '1 log entry from a newer hyperrecall version was skipped (kept in the log); update hyperrecall to use them.',
    ]);
    expect(skippedLines({ ...quiet, future: 2 }, false)).toEqual([
      '2 log entries from a newer hyperrecall version were skipped (kept in the log); update hyperrecall to use them.',
    ]);
  });

  it('names up to three unreadable lines, and where a writer kept them', () => {
    expect(skippedLines({ ...quiet, bad: bad(1) }, true)).toEqual([
      `${LAPTOP}: an unreadable line at byte 0 was skipped (kept in the log and in ${LAPTOP}.unreadable-0).`,
    ]);
    expect(skippedLines({ ...quiet, bad: bad(3) }, false)).toEqual([
      `${LAPTOP}: an unreadable line at byte 0 was skipped (kept in the log).`,
      `${LAPTOP}: an unreadable line at byte 10 was skipped (kept in the log).`,
      `${LAPTOP}: an unreadable line at byte 20 was skipped (kept in the log).`,
    ]);
  });

  it('counts the rest', () => {
    const out = skippedLines({ ...quiet, future: 3, bad: bad(4) }, false);
    expect(out).toHaveLength(5);
    expect(out[0]).toMatch(/^3 log entries/);
    expect(out[4]).toBe('… and 1 more unreadable log lines.');
    expect(skippedLines({ ...quiet, bad: bad(9) }, false).at(-1)).toBe(
      '… and 6 more unreadable log lines.',
    );
  });
});

describe('keepUnreadable', () => {
  it('keeps each line in a file of its own beside its log', () => {
    const dir = dataDir();
    const kept = keepUnreadable(
      dir,
      [
        { file: LAPTOP, offset: 0, text: 'junk' },
        { file: PHONE, offset: 40, text: '{"half' },
      ],
      realIo,
    );
    expect(kept).toEqual([
      join(dir, `${LAPTOP}.unreadable-0`),
      join(dir, `${PHONE}.unreadable-40`),
    ]);
    expect(readFileSync(kept[0]!, 'utf8')).toBe('junk\n');
    expect(readFileSync(kept[1]!, 'utf8')).toBe('{"half\n');
  });

  it('never overwrites a file already kept, and goes on with the others', () => {
    const dir = dataDir();
    writeFileSync(join(dir, `${LAPTOP}.unreadable-0`), 'first\n');
    const kept = keepUnreadable(
      dir,
      [
        { file: LAPTOP, offset: 0, text: 'second' },
        { file: LAPTOP, offset: 9, text: 'third' },
      ],
      realIo,
    );
    expect(kept).toEqual([join(dir, `${LAPTOP}.unreadable-9`)]);
    expect(readFileSync(join(dir, `${LAPTOP}.unreadable-0`), 'utf8')).toBe('first\n');
    expect(readdirSync(dir).sort()).toEqual([`${LAPTOP}.unreadable-0`, `${LAPTOP}.unreadable-9`]);
  });
});
