import { describe, expect, it } from 'vitest';
import {
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
});
