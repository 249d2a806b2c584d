import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NotAFileError,
  StoreError,
  UnreadableError,
  WriteFailedError,
} from '../../../src/store/errors.js';
import { realIo } from '../../../src/store/io.js';
import { LogWriter, logDevice, readLog } from '../../../src/store/review-log.js';
import { faultyIo } from '../../helpers/faulty-io.js';
import { line, mark, review, T0 } from '../../helpers/records.js';

function logPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'hr-log-')), 'reviews-dev1.jsonl');
}

/** Runs `fn`, which must throw; returns what it threw. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

describe('LogWriter.append writes the whole line or nothing', () => {
  it('disk full in the middle of a line: throws, leaves the file as it was, and a retry works', () => {
    const file = logPath();
    const plan: { spaceLeft?: number } = {};
    const w = new LogWriter(file, T0, faultyIo(realIo, plan));
    w.append(review(1));
    w.append(review(2));
    const before = readFileSync(file);
    plan.spaceLeft = Math.floor(line(review(3)).length / 2);
    const err = thrown(() => w.append(review(3)));
    expect(err).toBeInstanceOf(WriteFailedError);
    expect((err as WriteFailedError).code).toBe('ENOSPC');
    expect((err as WriteFailedError).rolledBack).toBe(true);
    expect((err as Error).message).toBe(
      `Could not save to ${file}: the disk is full (ENOSPC). Free some space and try again; nothing was half-written.`,
    );
    expect(readFileSync(file)).toEqual(before);
    expect(w.size()).toBe(before.length);
    plan.spaceLeft = Number.POSITIVE_INFINITY; // space freed
    w.append(review(3));
    w.close();
    expect(readFileSync(file, 'utf8')).toBe(line(review(1)) + line(review(2)) + line(review(3)));
    expect(readLog(file).records.map((r) => r.id)).toEqual([1, 2, 3].map((i) => review(i).id));
  });

  it('short writes are continued until the line is complete', () => {
    const file = logPath();
    const io = faultyIo(realIo, { maxWrite: 5 });
    const w = new LogWriter(file, T0, io);
    w.append(review(1));
    w.append(mark(2));
    w.close();
    expect(readFileSync(file, 'utf8')).toBe(line(review(1)) + line(mark(2)));
    expect(io.calls.writeSync).toBeGreaterThan(20);
    expect(io.calls.fdatasyncSync).toBe(2);
  });

  it('a write that makes no progress fails instead of looping', () => {
    const file = logPath();
    const plan = { maxWrite: 5 };
    const w = new LogWriter(file, T0, faultyIo(realIo, plan));
    w.append(review(1));
    plan.maxWrite = 0;
    const err = thrown(() => w.append(review(2)));
    expect(err).toBeInstanceOf(WriteFailedError);
    expect((err as WriteFailedError).code).toBeNull();
    expect(readFileSync(file, 'utf8')).toBe(line(review(1)));
  });

  it('EIO on fdatasync: the line is taken back and not acknowledged', () => {
    const file = logPath();
    const plan: { syncError?: string } = {};
    const w = new LogWriter(file, T0, faultyIo(realIo, plan));
    w.append(review(1));
    plan.syncError = 'EIO';
    const err = thrown(() => w.append(review(2)));
    expect((err as WriteFailedError).code).toBe('EIO');
    expect((err as Error).message).toContain('input/output error');
    expect(readFileSync(file, 'utf8')).toBe(line(review(1)));
    plan.syncError = undefined;
    w.append(review(2));
    expect(readFileSync(file, 'utf8')).toBe(line(review(1)) + line(review(2)));
  });

  it('when the take-back fails too, the next append cuts the partial line first', () => {
    const file = logPath();
    const plan: Parameters<typeof faultyIo>[1] = {};
    const w = new LogWriter(file, T0, faultyIo(realIo, plan));
    w.append(review(1));
    const good = readFileSync(file).length;
    plan.spaceLeft = 10;
    plan.fail = { ftruncateSync: 'EIO' };
    const err = thrown(() => w.append(review(2))) as WriteFailedError;
    expect(err.rolledBack).toBe(false);
    expect(err.message).toContain('the unfinished part will be cut off before the next save');
    expect(readFileSync(file).length).toBe(good + 10);
    expect(w.size()).toBe(good);
    // Still cannot cut: nothing is appended after the partial line.
    plan.spaceLeft = undefined;
    expect((thrown(() => w.append(review(3))) as WriteFailedError).rolledBack).toBe(false);
    expect(readFileSync(file).length).toBe(good + 10);
    plan.fail = {};
    w.append(review(2));
    expect(readFileSync(file, 'utf8')).toBe(line(review(1)) + line(review(2)));
    expect(readLog(file).bad).toEqual([]);
  });

  it('appendAll writes all records or none', () => {
    const file = logPath();
    const plan: { spaceLeft?: number } = {};
    const w = new LogWriter(file, T0, faultyIo(realIo, plan));
    plan.spaceLeft = line(review(1)).length + 3;
    expect(() => w.appendAll([review(1), mark(1)])).toThrow(WriteFailedError);
    expect(readFileSync(file, 'utf8')).toBe('');
    plan.spaceLeft = undefined;
    w.appendAll([review(1), mark(1)]);
    expect(readLog(file).records).toHaveLength(2);
  });

  it('refuses to append after close', () => {
    const w = new LogWriter(logPath(), T0);
    w.close();
    expect(() => w.append(review(1))).toThrow(/closed/);
  });
});

describe('LogWriter opening a log', () => {
  it('a directory at the log path is a typed, one-line error', () => {
    const file = logPath();
    mkdirSync(file);
    const err = thrown(() => new LogWriter(file, T0));
    expect(err).toBeInstanceOf(NotAFileError);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toBe(
      `${file} is a directory, not a review log. Move it away and try again.`,
    );
  });

  it('a log it may not open is a typed error; a read-only file system too', () => {
    const denied = faultyIo(realIo, { openWriteError: 'EACCES' });
    const err = thrown(() => new LogWriter(logPath(), T0, denied));
    expect(err).toBeInstanceOf(UnreadableError);
    expect((err as Error).message).toMatch(/^Could not read .*: permission was denied/);
    const ro = thrown(() => new LogWriter(logPath(), T0, faultyIo(realIo, { readOnly: true })));
    expect(ro).toBeInstanceOf(WriteFailedError);
    expect((ro as WriteFailedError).code).toBe('EROFS');
  });

  it('cuts an unfinished last line and keeps its bytes in a side file', () => {
    const file = logPath();
    writeFileSync(file, `${line(review(1))}${line(review(2))}{"type":"rev`);
    const w = new LogWriter(file, T0);
    expect(w.tornTail).toBe(`${file}.torn-${T0}`);
    expect(readFileSync(`${file}.torn-${T0}`, 'utf8')).toBe('{"type":"rev');
    expect(readFileSync(file, 'utf8')).toBe(line(review(1)) + line(review(2)));
    w.append(review(3));
    w.close();
    expect(readLog(file).records).toHaveLength(3);
    // A second torn tail in the same millisecond gets its own side file.
    appendFileSync(file, 'xyz');
    expect(new LogWriter(file, T0).tornTail).toBe(`${file}.torn-${T0}-1`);
  });

  it('a complete log is left alone', () => {
    const file = logPath();
    writeFileSync(file, line(review(1)));
    expect(new LogWriter(file, T0).tornTail).toBeNull();
    expect(readdirSync(join(file, '..'))).toEqual(['reviews-dev1.jsonl']);
  });

  it('on a full disk the torn tail is not cut: the open fails and says why', () => {
    const file = logPath();
    const text = `${line(review(1))}{"type":"rev`;
    writeFileSync(file, text);
    const plan: { spaceLeft?: number } = { spaceLeft: 4 };
    const err = thrown(() => new LogWriter(file, T0, faultyIo(realIo, plan)));
    expect(err).toBeInstanceOf(WriteFailedError);
    expect((err as WriteFailedError).path).toBe(`${file}.torn-${T0}`);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(readdirSync(join(file, '..'))).toEqual(['reviews-dev1.jsonl']);
    plan.spaceLeft = undefined;
    const w = new LogWriter(file, T0, faultyIo(realIo, plan));
    expect(readFileSync(w.tornTail!, 'utf8')).toBe('{"type":"rev');
    expect(readFileSync(file, 'utf8')).toBe(line(review(1)));
  });

  it('if the cut itself fails, the log keeps its tail and no side file is left', () => {
    const file = logPath();
    const text = `${line(review(1))}{"type":"rev`;
    writeFileSync(file, text);
    const io = faultyIo(realIo, { fail: { ftruncateSync: 'EIO' } });
    expect(() => new LogWriter(file, T0, io)).toThrow(WriteFailedError);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(readdirSync(join(file, '..'))).toEqual(['reviews-dev1.jsonl']);
  });
});

const future = [
  { type: 'note', id: 'n1', at: T0, text: 'from a newer version' },
  { ...mark(3), mark: 'pin' },
  { ...review(4), mode: 'drill' },
  { ...review(5), rating: 5 },
  { type: 'undo', id: 'u1', at: T0, review: { ...review(6), mode: 'drill' } },
];

describe('readLog', () => {
  it('a missing log reads as empty', () => {
    expect(readLog(logPath())).toEqual({
      records: [],
      future: { count: 0, types: [] },
      bad: [],
      end: 0,
      size: 0,
    });
  });

  it('skips and counts records from a newer version, never throws', () => {
    const file = logPath();
    const extra = { ...review(2), device: 'phone', confidence: 0.7 };
    writeFileSync(file, [review(1), ...future, extra, mark(7)].map(line).join(''));
    const chunk = readLog(file);
    expect(chunk.records.map((r) => r.id)).toEqual([review(1).id, extra.id, mark(7).id]);
    // Extra fields from a newer version do not make a known record unreadable.
    expect(chunk.records[1]).toMatchObject({ device: 'phone' });
    expect(chunk.future).toEqual({ count: 5, types: ['mark', 'note', 'review', 'undo'] });
    expect(chunk.bad).toEqual([]);
    expect(chunk.end).toBe(readFileSync(file).length);
  });

  it('reports lines that are not records with their byte offsets, and reads on', () => {
    const file = logPath();
    const lines = [
      line(review(1)),
      'this is not json\n',
      line({ ...review(2), key: 'deck/é' }),
      '[1,2]\n',
      line({ ...review(3), after: { phase: 'review' } }),
      '\n',
      '   \n',
      line({ type: 'exam', id: 'e1', at: T0, summary: { id: 'e1' } }),
      line(review(4)),
    ];
    writeFileSync(file, lines.join(''));
    const at = (i: number) => Buffer.byteLength(lines.slice(0, i).join(''));
    const chunk = readLog(file);
    expect(chunk.records.map((r) => r.id)).toEqual([review(1).id, review(2).id, review(4).id]);
    expect(chunk.bad).toEqual([
      { offset: at(1), text: 'this is not json', reason: 'not valid JSON' },
      { offset: at(3), text: '[1,2]', reason: 'not a JSON object' },
      {
        offset: at(4),
        text: lines[4]!.trimEnd(),
        reason: 'a review with a malformed new state',
      },
      {
        offset: at(7),
        text: lines[7]!.trimEnd(),
        reason: 'an exam record with a malformed summary',
      },
    ]);
  });

  it('leaves a torn last line unconsumed, and reads it once it is complete', () => {
    const file = logPath();
    const whole = line(review(2));
    writeFileSync(file, line(review(1)) + whole.slice(0, 20));
    const first = readLog(file);
    expect(first.records).toHaveLength(1);
    expect(first.end).toBe(line(review(1)).length);
    expect(first.size).toBe(line(review(1)).length + 20);
    expect(first.bad).toEqual([]);
    appendFileSync(file, whole.slice(20));
    const next = readLog(file, first.end);
    expect(next.records.map((r) => r.id)).toEqual([review(2).id]);
    expect(next.end).toBe(readFileSync(file).length);
  });

  it('a directory or an unreadable log is a typed error', () => {
    const dir = logPath();
    mkdirSync(dir);
    expect(() => readLog(dir)).toThrow(NotAFileError);
    const file = logPath();
    writeFileSync(file, line(review(1)));
    const denied = thrown(() =>
      readLog(file, 0, faultyIo(realIo, { fail: { openSync: 'EACCES' } })),
    );
    expect(denied).toBeInstanceOf(UnreadableError);
    expect((denied as Error).message).toBe(
      `Could not read ${file}: permission was denied (EACCES). Check its owner and permissions.`,
    );
    const eio = thrown(() => readLog(file, 0, faultyIo(realIo, { fail: { readSync: 'EIO' } })));
    expect(eio).toBeInstanceOf(UnreadableError);
    expect((eio as UnreadableError).code).toBe('EIO');
  });

  it('a line longer than the read buffer is read whole', () => {
    const file = logPath();
    const huge = 'x'.repeat(9 * 1024 * 1024);
    writeFileSync(file, `${line(review(1))}${huge}\n${line(review(2))}`);
    const chunk = readLog(file);
    expect(chunk.records.map((r) => r.id)).toEqual([review(1).id, review(2).id]);
    expect(chunk.bad).toHaveLength(1);
    expect(chunk.bad[0]!.offset).toBe(line(review(1)).length);
    expect(chunk.bad[0]!.text.length).toBeLessThan(2000);
  });

  it('short reads give the same result as whole reads (property)', () => {
    const kinds = fc.oneof(
      fc.nat(500).map((i) => line(review(i))),
      fc.nat(500).map((i) => line(mark(i))),
      fc.constantFrom(...future.map(line), 'not json\n', '\n', '{"id":"x","at":1}\n'),
    );
    fc.assert(
      fc.property(
        fc.array(kinds, { maxLength: 30 }),
        fc.string({ maxLength: 30 }).filter((s) => !s.includes('\n')),
        fc.integer({ min: 1, max: 64 }),
        fc.nat(200),
        (lines, torn, maxRead, startAt) => {
          const file = logPath();
          writeFileSync(file, lines.join('') + torn);
          const whole = readLog(file);
          const start = Math.min(startAt, whole.end);
          // Only line starts are valid positions to resume from.
          let from = 0;
          let offset = 0;
          for (const l of lines) {
            offset += Buffer.byteLength(l);
            if (offset <= start) from = offset;
          }
          const expected = readLog(file, from);
          const shortReads = readLog(file, from, faultyIo(realIo, { maxRead }));
          expect(shortReads).toEqual(expected);
          expect(whole.end).toBe(Buffer.byteLength(lines.join('')));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('log names', () => {
  it('the device of a log file', () => {
    expect(logDevice('reviews-my-laptop.jsonl')).toBe('my-laptop');
  });

  it('nothing else is created by reading', () => {
    const file = logPath();
    readLog(file);
    expect(existsSync(file)).toBe(false);
  });
});
