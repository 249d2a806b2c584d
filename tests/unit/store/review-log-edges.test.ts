// The review log at its edges: which files count as logs, files that are not regular files,
// a file that shrinks while it is read, unreadable lines at the length limit, torn tails
// longer than the tail buffer, and failures at each step of an append.
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NotAFileError, UnreadableError, WriteFailedError } from '../../../src/store/errors.js';
import { type Io, realIo } from '../../../src/store/io.js';
import {
  LOG_RE,
  LogWriter,
  listLogFiles,
  logFileName,
  readLog,
} from '../../../src/store/review-log.js';
import { faultyIo } from '../../helpers/faulty-io.js';
import { line, review, T0 } from '../../helpers/records.js';

const dataDir = () => mkdtempSync(join(tmpdir(), 'hr-log-edges-'));
const logPath = () => join(dataDir(), 'reviews-dev1.jsonl');

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

describe('which files are logs', () => {
  it('only reviews-<device>.jsonl, sorted', () => {
    const dir = dataDir();
    const names = [
      'reviews-phone.jsonl',
      'reviews-a_b-1.jsonl',
      'reviews-laptop.jsonl',
      'reviews-laptop.jsonl.torn-1',
      'reviews-laptop.jsonl.unreadable-0',
      'old-reviews-x.jsonl',
      'reviews-.jsonl',
      'reviews-Big.jsonl',
      'reviews-a.b.jsonl',
      'reviews-x.json',
      'state-dev1.json',
    ];
    for (const n of names) writeFileSync(join(dir, n), '');
    expect(listLogFiles(dir)).toEqual([
      'reviews-a_b-1.jsonl',
      'reviews-laptop.jsonl',
      'reviews-phone.jsonl',
    ]);
    expect(LOG_RE.test(logFileName('dev1'))).toBe(true);
  });

  it('a missing directory has none; a file in its place is a typed error', () => {
    const dir = dataDir();
    expect(listLogFiles(join(dir, 'none'))).toEqual([]);
    writeFileSync(join(dir, 'file'), '');
    const err = thrown(() => listLogFiles(join(dir, 'file')));
    expect(err).toBeInstanceOf(UnreadableError);
    expect((err as UnreadableError).code).toBe('ENOTDIR');
  });
});

describe.runIf(process.platform === 'linux')('a log that is not a regular file', () => {
  it('reading or writing it is a one-line error saying so', () => {
    const file = logPath();
    symlinkSync('/dev/null', file);
    const read = thrown(() => readLog(file));
    expect(read).toBeInstanceOf(NotAFileError);
    expect((read as Error).message).toBe(
      `${file} is not a regular file, not a review log. Move it away and try again.`,
    );
    expect(thrown(() => new LogWriter(file, T0))).toBeInstanceOf(NotAFileError);
  });
});

describe('readLog', () => {
  it('from the end or past it, reads nothing but says how big the file is', () => {
    const file = logPath();
    writeFileSync(file, line(review(1)));
    const size = line(review(1)).length;
    expect(readLog(file, size)).toEqual({
      records: [],
      future: { count: 0, types: [] },
      bad: [],
      end: size,
      size,
    });
    expect(readLog(file, size + 5)).toMatchObject({ records: [], end: size + 5, size });
  });

  it('a file that shrinks while it is read gives the lines read so far', () => {
    const file = logPath();
    writeFileSync(file, line(review(1)) + line(review(2)));
    // The size was taken before the file lost its last 100 bytes.
    const io: Io = {
      ...realIo,
      fstatSync: (fd) => {
        const st = realIo.fstatSync(fd);
        return Object.assign(Object.create(Object.getPrototypeOf(st)), st, {
          size: st.size + 100,
        });
      },
    };
    const chunk = readLog(file, 0, io);
    expect(chunk.records.map((r) => r.id)).toEqual([review(1).id, review(2).id]);
    expect(chunk.end).toBe(readFileSync(file).length);
  });

  it('keeps up to 1000 characters of an unreadable line', () => {
    const file = logPath();
    const exact = 'x'.repeat(1000);
    const over = 'y'.repeat(1001);
    writeFileSync(file, `${exact}\n${over}\n`);
    expect(readLog(file).bad.map((b) => b.text)).toEqual([exact, `${'y'.repeat(1000)}…`]);
  });

  it('a read that fails as on a directory is a typed error', () => {
    const file = logPath();
    writeFileSync(file, line(review(1)));
    const err = thrown(() => readLog(file, 0, faultyIo(realIo, { fail: { readSync: 'EISDIR' } })));
    expect(err).toBeInstanceOf(NotAFileError);
  });

  it('an fstat that fails is thrown, and the file is closed', () => {
    const file = logPath();
    writeFileSync(file, line(review(1)));
    const io = faultyIo(realIo, { fail: { fstatSync: 'EIO' } });
    expect(thrown(() => readLog(file, 0, io))).toMatchObject({ code: 'EIO' });
    expect(io.calls.closeSync).toBe(1);
  });
});

describe('LogWriter opening', () => {
  it('EPERM on open is a permission error', () => {
    const err = thrown(
      () => new LogWriter(logPath(), T0, faultyIo(realIo, { openWriteError: 'EPERM' })),
    );
    expect(err).toBeInstanceOf(UnreadableError);
    expect((err as UnreadableError).code).toBe('EPERM');
  });

  it('a torn tail longer than the tail buffer is found and kept whole', () => {
    const file = logPath();
    const tail = `{"type":"review","note":"${'z'.repeat(150_000)}`;
    writeFileSync(file, line(review(1)) + tail);
    const w = new LogWriter(file, T0);
    w.close();
    expect(readFileSync(w.tornTail!, 'utf8')).toBe(tail);
    expect(readFileSync(file, 'utf8')).toBe(line(review(1)));
  });

  it('a log that is one torn line is emptied, its bytes kept', () => {
    const file = logPath();
    writeFileSync(file, '{"type":"rev');
    const w = new LogWriter(file, T0);
    expect(w.size()).toBe(0);
    w.close();
    expect(readFileSync(w.tornTail!, 'utf8')).toBe('{"type":"rev');
    expect(readFileSync(file, 'utf8')).toBe('');
  });

  it('an empty log is left alone', () => {
    const file = logPath();
    writeFileSync(file, '');
    const w = new LogWriter(file, T0);
    expect(w.tornTail).toBeNull();
    w.close();
    expect(readdirSync(join(file, '..'))).toEqual(['reviews-dev1.jsonl']);
  });

  it('a tail that cannot be read is an unreadable log; nothing is cut and the file is closed', () => {
    const file = logPath();
    const text = `${line(review(1))}{"type":"rev`;
    writeFileSync(file, text);
    const io = faultyIo(realIo, { fail: { readSync: 'EIO' } });
    const err = thrown(() => new LogWriter(file, T0, io));
    expect(err).toBeInstanceOf(UnreadableError);
    expect((err as UnreadableError).code).toBe('EIO');
    expect(io.calls.closeSync).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(readdirSync(join(file, '..'))).toEqual(['reviews-dev1.jsonl']);
  });
});

describe('LogWriter appending', () => {
  it('nothing to append writes and syncs nothing', () => {
    const io = faultyIo(realIo, {});
    const w = new LogWriter(logPath(), T0, io);
    w.appendAll([]);
    expect(io.calls.writeSync).toBeUndefined();
    expect(io.calls.fdatasyncSync).toBeUndefined();
    w.close();
  });

  it('appends several records as consecutive lines with one sync', () => {
    const file = logPath();
    const io = faultyIo(realIo, {});
    const w = new LogWriter(file, T0, io);
    w.appendAll([review(1), review(2), review(3)]);
    expect(io.calls.fdatasyncSync).toBe(1);
    expect(w.size()).toBe(readFileSync(file).length);
    w.close();
    expect(readFileSync(file, 'utf8')).toBe(line(review(1)) + line(review(2)) + line(review(3)));
  });

  it('when the size cannot be taken, nothing was written and that is said', () => {
    const file = logPath();
    const plan: Parameters<typeof faultyIo>[1] = {};
    const w = new LogWriter(file, T0, faultyIo(realIo, plan));
    w.append(review(1));
    plan.fail = { fstatSync: 'EIO' };
    const err = thrown(() => w.append(review(2))) as WriteFailedError;
    expect(err).toBeInstanceOf(WriteFailedError);
    expect(err.rolledBack).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(line(review(1)));
    w.close();
  });

  it('a pending cut that fails again is still pending, and nothing is written after it', () => {
    const file = logPath();
    const plan: Parameters<typeof faultyIo>[1] = {};
    const io = faultyIo(realIo, plan);
    const w = new LogWriter(file, T0, io);
    w.append(review(1));
    const good = readFileSync(file).length;
    plan.spaceLeft = 7;
    plan.fail = { ftruncateSync: 'EIO' };
    expect((thrown(() => w.append(review(2))) as WriteFailedError).rolledBack).toBe(false);
    plan.spaceLeft = undefined;
    const writes = io.calls.writeSync;
    const again = thrown(() => w.append(review(3))) as WriteFailedError;
    expect(again.rolledBack).toBe(false);
    expect(io.calls.writeSync).toBe(writes);
    expect(w.size()).toBe(good);
    // The cut is made, then synced, before the next line goes in.
    plan.fail = { fdatasyncSync: { code: 'EIO', from: io.calls.fdatasyncSync! + 1 } };
    const synced = thrown(() => w.append(review(3))) as WriteFailedError;
    expect(synced.code).toBe('EIO');
    expect(readFileSync(file).length).toBe(good);
    plan.fail = {};
    w.append(review(3));
    expect(readFileSync(file, 'utf8')).toBe(line(review(1)) + line(review(3)));
    w.close();
  });

  it('a failed append whose take-back works but whose sync fails is still taken back', () => {
    const file = logPath();
    const plan: Parameters<typeof faultyIo>[1] = {};
    const w = new LogWriter(file, T0, faultyIo(realIo, plan));
    w.append(review(1));
    plan.syncError = 'EIO';
    const err = thrown(() => w.append(review(2))) as WriteFailedError;
    expect(err.rolledBack).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(line(review(1)));
    expect(w.size()).toBe(line(review(1)).length);
    w.close();
  });

  it('a closed writer has no size and can be closed again', () => {
    const io = faultyIo(realIo, {});
    const w = new LogWriter(logPath(), T0, io);
    w.append(review(1));
    w.close();
    expect(w.size()).toBe(0);
    w.close();
    expect(io.calls.closeSync).toBe(1);
  });
});
