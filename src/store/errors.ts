// What the store tells a user when the disk, the file system or another session gets in
// the way. Each message is one line that names the path and says what to do; `code` and
// `hint` let the CLI and the UI choose an exit code or a shorter wording without parsing
// the text. Paths go through `oneLine`: a file name is untrusted text too.
import { oneLine } from '../core/sanitize.js';

export interface StoreErrorDetails {
  path: string;
  /** The errno code behind the failure (`ENOSPC`), or null when there is none. */
  code?: string | null;
  /** What the user can do, as a short sentence. */
  hint: string;
  cause?: unknown;
}

export class StoreError extends Error {
  readonly path: string;
  readonly code: string | null;
  readonly hint: string;

  /** `details` may be just the path, for a message that already says what to do. */
  constructor(message: string, details: StoreErrorDetails | string) {
    const d = typeof details === 'string' ? { path: details, hint: '' } : details;
    super(message, d.cause === undefined ? undefined : { cause: d.cause });
    this.name = 'StoreError';
    this.path = d.path;
    this.code = d.code ?? null;
    this.hint = d.hint;
  }
}

/** The errno code of a thrown value, if it has one. */
export function errnoCode(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

interface Plain {
  what: string;
  hint: string;
}

/** Plain words for the errors a write can meet. */
function explainWrite(code: string | null): Plain {
  switch (code) {
    case 'ENOSPC':
      return { what: 'the disk is full', hint: 'Free some space and try again' };
    case 'EDQUOT':
      return { what: 'your disk quota is used up', hint: 'Free some space and try again' };
    case 'EROFS':
      return {
        what: 'the file system is read-only',
        hint: 'Remount it read-write or choose another --data-dir',
      };
    case 'EACCES':
    case 'EPERM':
      return {
        what: 'permission was denied',
        hint: 'Check the owner and permissions of the data directory',
      };
    case 'EIO':
      return {
        what: 'the disk reported an input/output error',
        hint: 'Check the disk (dmesg) and try again',
      };
    case 'EFBIG':
      return {
        what: 'the file is too large for this file system',
        hint: 'Move the data directory to another file system',
      };
    case 'EISDIR':
      return { what: 'a directory is in the way', hint: 'Move the directory away and try again' };
    case null:
      return { what: 'the disk stopped accepting data', hint: 'Free some space and try again' };
    default:
      return { what: 'the system refused', hint: 'Try again' };
  }
}

export class WriteFailedError extends StoreError {
  /** False when the unfinished bytes could not be taken back; the next write retries it. */
  readonly rolledBack: boolean;

  constructor(path: string, cause: unknown, rolledBack = true) {
    const code = errnoCode(cause);
    const { what, hint } = explainWrite(code);
    const tag = code ? ` (${code})` : '';
    const after = rolledBack
      ? 'nothing was half-written.'
      : 'the unfinished part will be cut off before the next save.';
    super(`Could not save to ${oneLine(path)}: ${what}${tag}. ${hint}; ${after}`, {
      path,
      code,
      hint,
      cause,
    });
    this.name = 'WriteFailedError';
    this.rolledBack = rolledBack;
  }
}

/** Who holds a lock, as its `owner.json` says. */
export interface LockOwner {
  pid: number;
  host: string;
  /** Process start time in clock ticks since boot (Linux), to tell a reused pid apart. */
  startTicks: number | null;
  token: string;
  /** Epoch ms when the lock was taken. */
  since: number;
}

export class StoreLockedError extends StoreError {
  constructor(
    readonly dataDir: string,
    readonly lockPath: string,
    readonly owner: LockOwner | null,
  ) {
    const hint = owner
      ? 'Quit that session first'
      : 'Quit the other session first; if none is running, try again in 10 seconds';
    const who = owner
      ? `(pid ${owner.pid} on ${oneLine(owner.host)}, since ${sinceText(owner.since)}) `
      : '';
    super(`Another hyperrecall session ${who}is using ${oneLine(dataDir)}. ${hint}.`, {
      path: lockPath,
      code: null,
      hint,
    });
    this.name = 'StoreLockedError';
  }
}

function sinceText(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : 'an unknown time';
}

export class LockLostError extends StoreError {
  constructor(
    readonly dataDir: string,
    lockPath: string = dataDir,
  ) {
    const hint = 'Quit this session; the other one has your progress';
    super(
      `Another hyperrecall session took over ${oneLine(dataDir)}; this one stopped writing. Everything answered so far is saved.`,
      { path: lockPath, code: null, hint },
    );
    this.name = 'LockLostError';
  }
}

/** Something that is not a lock directory sits where the lock goes. */
export class NotALockError extends StoreError {
  constructor(lockPath: string) {
    const hint = 'If no hyperrecall is running, remove it';
    super(`${oneLine(lockPath)} is a file, not hyperrecall's lock; ${hint.toLowerCase()}.`, {
      path: lockPath,
      code: 'EEXIST',
      hint,
    });
    this.name = 'NotALockError';
  }
}

/** A path that should be a regular file (the review log) is a directory or a device. */
export class NotAFileError extends StoreError {
  constructor(path: string, what: string, isDirectory = true) {
    const hint = 'Move it away and try again';
    const is = isDirectory ? 'a directory' : 'not a regular file';
    super(`${oneLine(path)} is ${is}, not ${what}. ${hint}.`, {
      path,
      code: isDirectory ? 'EISDIR' : null,
      hint,
    });
    this.name = 'NotAFileError';
  }
}

function explainRead(code: string | null): Plain {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return { what: 'permission was denied', hint: 'Check its owner and permissions' };
    case 'EIO':
      return {
        what: 'the disk reported an input/output error',
        hint: 'Check the disk (dmesg) and try again',
      };
    case 'ENOTDIR':
      return { what: 'a file is where a directory should be', hint: 'Check the data directory' };
    default:
      return { what: code ? 'the system refused' : 'an unknown error', hint: 'Try again' };
  }
}

export class UnreadableError extends StoreError {
  constructor(path: string, cause: unknown) {
    const code = errnoCode(cause);
    const { what, hint } = explainRead(code);
    const tag = code ? ` (${code})` : '';
    super(`Could not read ${oneLine(path)}: ${what}${tag}. ${hint}.`, {
      path,
      code,
      hint,
      cause,
    });
    this.name = 'UnreadableError';
  }
}
