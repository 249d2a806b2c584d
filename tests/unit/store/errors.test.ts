import { describe, expect, it } from 'vitest';
import {
  errnoCode,
  LockLostError,
  NotAFileError,
  NotALockError,
  StoreError,
  StoreLockedError,
  UnreadableError,
  WriteFailedError,
} from '../../../src/store/errors.js';
import { errnoError } from '../../helpers/faulty-io.js';

const path = '/data/hr/state-dev1.json';

describe('store errors', () => {
  it('a failed write says what happened in plain words and what to do', () => {
    const cases: [string, string][] = [
      ['ENOSPC', 'the disk is full (ENOSPC). Free some space and try again'],
      ['EDQUOT', 'your disk quota is used up (EDQUOT). Free some space and try again'],
      ['EROFS', 'the file system is read-only (EROFS). Remount it read-write'],
      ['EACCES', 'permission was denied (EACCES). Check the owner and permissions'],
      ['EPERM', 'permission was denied (EPERM).'],
      ['EIO', 'the disk reported an input/output error (EIO). Check the disk'],
      ['EFBIG', 'the file is too large for this file system (EFBIG).'],
      ['EISDIR', 'a directory is in the way (EISDIR). Move the directory away'],
      ['EMFILE', 'the system refused (EMFILE). Try again'],
    ];
    for (const [code, words] of cases) {
      const err = new WriteFailedError(path, errnoError(code, 'write'));
      expect(err).toBeInstanceOf(StoreError);
      expect(err.code).toBe(code);
      expect(err.path).toBe(path);
      expect(err.hint.length).toBeGreaterThan(0);
      expect(err.message).toContain(`Could not save to ${path}: ${words}`);
      expect(err.message).toMatch(/; nothing was half-written\.$/);
    }
  });

  it('a write that stopped without an errno still reads as a sentence', () => {
    const err = new WriteFailedError(path, new Error('write made no progress'), false);
    expect(err.code).toBeNull();
    expect(err.message).toBe(
      `Could not save to ${path}: the disk stopped accepting data. Free some space and try again; the unfinished part will be cut off before the next save.`,
    );
  });

  it('every message is one line, even for a path with control characters', () => {
    const nasty = '/data/evil\n\x1b]0;pwned\x07/reviews.jsonl';
    const owner = { pid: 42, host: 'box\nfake', startTicks: 1, token: 't', since: 0 };
    const errors: StoreError[] = [
      new WriteFailedError(nasty, errnoError('ENOSPC', 'write')),
      new UnreadableError(nasty, errnoError('EACCES', 'open')),
      new NotAFileError(nasty, 'a review log'),
      new NotALockError(nasty),
      new StoreLockedError(nasty, nasty, owner),
      new StoreLockedError(nasty, nasty, null),
      new LockLostError(nasty),
    ];
    for (const err of errors) {
      expect(err.message).not.toMatch(/[\n\r\x1b\x07]/);
      expect(err.message).toContain('/data/evil');
      expect(err.path).toBe(nasty);
    }
  });

  it('the lock errors name the owner and the data directory', () => {
    const owner = { pid: 4242, host: 'laptop', startTicks: 9, token: 't', since: 0 };
    expect(new StoreLockedError('/d', '/d/lock-x', owner).message).toBe(
      'Another hyperrecall session (pid 4242 on laptop, since 1970-01-01T00:00:00.000Z) is using /d. Quit that session first.',
    );
    const lost = new LockLostError('/d', '/d/lock-x');
    expect(lost.path).toBe('/d/lock-x');
    expect(lost.message).toBe(
      'Another hyperrecall session took over /d; this one stopped writing. Everything answered so far is saved.',
    );
  });

  it('a plain StoreError takes just a path', () => {
    const err = new StoreError('the store was opened read-only', '/d');
    expect(err).toMatchObject({ path: '/d', code: null, hint: '' });
  });

  it('each write error has its own words and hint, in full', () => {
    const cases: [string | null, string, string][] = [
      ['ENOSPC', 'the disk is full', 'Free some space and try again'],
      ['EDQUOT', 'your disk quota is used up', 'Free some space and try again'],
      [
        'EROFS',
        'the file system is read-only',
        'Remount it read-write or choose another --data-dir',
      ],
      ['EACCES', 'permission was denied', 'Check the owner and permissions of the data directory'],
      ['EPERM', 'permission was denied', 'Check the owner and permissions of the data directory'],
      ['EIO', 'the disk reported an input/output error', 'Check the disk (dmesg) and try again'],
      [
        'EFBIG',
        'the file is too large for this file system',
        'Move the data directory to another file system',
      ],
      ['EISDIR', 'a directory is in the way', 'Move the directory away and try again'],
      ['EXDEV', 'the system refused', 'Try again'],
      [null, 'the disk stopped accepting data', 'Free some space and try again'],
    ];
    for (const [code, what, hint] of cases) {
      const cause = code ? errnoError(code, 'write') : new Error('short');
      const err = new WriteFailedError(path, cause);
      const tag = code ? ` (${code})` : '';
      expect(err.message).toBe(
        `Could not save to ${path}: ${what}${tag}. ${hint}; nothing was half-written.`,
      );
      expect(err.hint).toBe(hint);
      expect(err.code).toBe(code);
      expect(err.cause).toBe(cause);
      expect(err.name).toBe('WriteFailedError');
      expect(err.rolledBack).toBe(true);
    }
  });

  it('each read error has its own words and hint, in full', () => {
    const cases: [string | null, string, string][] = [
      ['EACCES', 'permission was denied', 'Check its owner and permissions'],
      ['EPERM', 'permission was denied', 'Check its owner and permissions'],
      ['EIO', 'the disk reported an input/output error', 'Check the disk (dmesg) and try again'],
      ['ENOTDIR', 'a file is where a directory should be', 'Check the data directory'],
      ['EMFILE', 'the system refused', 'Try again'],
      [null, 'an unknown error', 'Try again'],
    ];
    for (const [code, what, hint] of cases) {
      const cause = code ? errnoError(code, 'open') : new Error('odd');
      const err = new UnreadableError(path, cause);
      const tag = code ? ` (${code})` : '';
      expect(err.message).toBe(`Could not read ${path}: ${what}${tag}. ${hint}.`);
      expect(err).toMatchObject({ name: 'UnreadableError', path, code, hint, cause });
    }
  });

  it('a path that is not a regular file says what it is instead', () => {
    const dir = new NotAFileError('/d/reviews-x.jsonl', 'a review log');
    expect(dir).toMatchObject({
      name: 'NotAFileError',
      code: 'EISDIR',
      hint: 'Move it away and try again',
      message: '/d/reviews-x.jsonl is a directory, not a review log. Move it away and try again.',
    });
    const fifo = new NotAFileError('/d/reviews-x.jsonl', 'a review log', false);
    expect(fifo.code).toBeNull();
    expect(fifo.message).toBe(
      '/d/reviews-x.jsonl is not a regular file, not a review log. Move it away and try again.',
    );
  });

  it('the lock errors carry their names, codes and hints', () => {
    const owner = { pid: 7, host: 'h', startTicks: null, token: 't', since: Number.NaN };
    const held = new StoreLockedError('/d', '/d/lock-x', owner);
    expect(held).toMatchObject({
      name: 'StoreLockedError',
      path: '/d/lock-x',
      code: null,
      hint: 'Quit that session first',
      dataDir: '/d',
      lockPath: '/d/lock-x',
      owner,
    });
    expect(held.message).toContain('since an unknown time');
    const anon = new StoreLockedError('/d', '/d/lock-x', null);
    expect(anon.message).toBe(
      'Another hyperrecall session is using /d. Quit the other session first; if none is running, try again in 10 seconds.',
    );
    expect(anon.hint).toBe(
      'Quit the other session first; if none is running, try again in 10 seconds',
    );
    const lost = new LockLostError('/d');
    expect(lost).toMatchObject({
      name: 'LockLostError',
      path: '/d',
      code: null,
      hint: 'Quit this session; the other one has your progress',
    });
    expect(new NotALockError('/d/lock-x')).toMatchObject({
      name: 'NotALockError',
      path: '/d/lock-x',
      code: 'EEXIST',
      hint: 'If no hyperrecall is running, remove it',
    });
  });

  it('a StoreError keeps its cause and details', () => {
    const cause = new Error('root');
    const err = new StoreError('m', { path: '/p', code: 'EIO', hint: 'h', cause });
    expect(err).toMatchObject({ name: 'StoreError', path: '/p', code: 'EIO', hint: 'h', cause });
    expect(new StoreError('m', { path: '/p', hint: 'h' }).code).toBeNull();
    expect('cause' in new StoreError('m', { path: '/p', hint: 'h' })).toBe(false);
  });

  it('errnoCode takes only a string code', () => {
    expect(errnoCode(errnoError('EIO', 'x'))).toBe('EIO');
    expect(errnoCode({ code: 5 })).toBeNull();
    expect(errnoCode(null)).toBeNull();
    expect(errnoCode(undefined)).toBeNull();
    expect(errnoCode('EIO')).toBeNull();
  });
});
