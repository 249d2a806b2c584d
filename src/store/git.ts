// The system `git`, run in the data directory without a shell. Every failure becomes one
// GitError whose message is a single line a user can act on; `kind` lets the caller decide
// (retry a rejected push, tell "offline" from "refused") without parsing the text again.
import { execFile } from 'node:child_process';
import type { Readable } from 'node:stream';
import { oneLine } from '../core/sanitize.js';
import { StoreError } from './errors.js';

export type GitErrorKind =
  | 'missing'
  | 'not-initialised'
  | 'offline'
  | 'refused'
  | 'non-fast-forward'
  | 'unrelated'
  | 'timeout'
  | 'failed';

export class GitError extends StoreError {
  constructor(
    readonly kind: GitErrorKind,
    message: string,
    dir: string,
    /** git's own first error line, sanitised; empty when git did not run. */
    readonly gitLine = '',
  ) {
    super(message, { path: dir, hint: '' });
    this.name = 'GitError';
  }
}

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Standard output as bytes: blobs need not be UTF-8. */
  raw: Buffer;
}

export interface GitOptions {
  env: NodeJS.ProcessEnv;
  /** Milliseconds before git is stopped; a network call gets the longer default. */
  timeoutMs?: number;
  /** Written to git's standard input. */
  input?: Buffer | Readable;
  /** Exit codes that are answers, not failures (`diff --quiet` says 1 for "differs"). */
  okCodes?: number[];
}

const LOCAL_TIMEOUT_MS = 60_000;
export const NETWORK_TIMEOUT_MS = 120_000;

/** The environment git runs in: never prompts, English messages, this directory only. */
export function gitEnv(base: NodeJS.ProcessEnv, batch: boolean): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', LANG: 'C' };
  // Inherited from a hook or a script, these would point git at another repository.
  for (const k of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY'])
    delete env[k];
  // A sync that runs by itself (on start and quit) must not wait on an SSH passphrase.
  if (batch && !env.GIT_SSH_COMMAND) env.GIT_SSH_COMMAND = 'ssh -o BatchMode=yes';
  return env;
}

/** Runs `git args` in `dir`; throws GitError unless the exit code is 0 or in `okCodes`. */
export function git(dir: string, args: string[], opts: GitOptions): Promise<GitResult> {
  const fromEnv = Number(opts.env.HYPERRECALL_GIT_TIMEOUT_MS);
  const timeout = opts.timeoutMs ?? (fromEnv > 0 ? fromEnv : LOCAL_TIMEOUT_MS);
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      args,
      {
        cwd: dir,
        env: opts.env,
        timeout,
        maxBuffer: 512 * 1024 * 1024,
        encoding: 'buffer',
      },
      (err, rawOut, rawErr) => {
        const stdout = rawOut.toString('utf8');
        const stderr = rawErr.toString('utf8');
        if (!err) return resolve({ code: 0, stdout, stderr, raw: rawOut });
        const e = err as NodeJS.ErrnoException & { code?: unknown; killed?: boolean };
        if (e.code === 'ENOENT' && (e as { path?: string }).path === 'git')
          return reject(
            new GitError(
              'missing',
              'sync needs git, which is not installed: apt-get install git',
              dir,
            ),
          );
        if (e.code === 'ENOENT')
          return reject(
            new GitError('failed', `the data directory ${oneLine(dir)} is missing`, dir),
          );
        if (e.killed || (e as { signal?: string }).signal === 'SIGTERM')
          return reject(
            new GitError(
              'timeout',
              `git ${args[0]} took too long and was stopped; nothing is lost, run sync again`,
              dir,
            ),
          );
        const code = typeof e.code === 'number' ? e.code : -1;
        if (opts.okCodes?.includes(code)) return resolve({ code, stdout, stderr, raw: rawOut });
        reject(classify(dir, args, stderr || stdout));
      },
    );
    child.stdin?.on('error', () => {}); // git may exit before reading all its input
    const input = opts.input;
    if (input === undefined || Buffer.isBuffer(input)) child.stdin?.end(input);
    else if (child.stdin) input.pipe(child.stdin);
  });
}

/** git's first line that says what went wrong, without its `fatal: ` or `error: ` prefix. */
export function firstErrorLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trim());
  // The push's own verdict first, then git's, then what the server said.
  const pick =
    lines.find((l) => l.startsWith('! [')) ??
    lines.find((l) => /^(fatal|error):/i.test(l)) ??
    lines.find((l) => /^remote:\s*\S/i.test(l)) ??
    lines.find((l) => l !== '') ??
    '';
  return hideSecrets(oneLine(pick.replace(/^(fatal|error):\s*/i, ''))).slice(0, 300);
}

/** `https://user:token@host/x` -> `https://***@host/x`: a message may end up in a bug report. */
export function hideSecrets(text: string): string {
  return text.replace(/(\w+:\/\/)[^\s/@]+@/g, '$1***@');
}

const REFUSED =
  /\[remote rejected\]|hook declined|permission denied|access denied|forbidden|\b40[13]\b|authentication failed|read-only/i;
const OFFLINE =
  /could not resolve host|unable to access|connection refused|network is unreachable|connection timed out|timed out|no route to host|does not appear to be a git repository|could not read from remote|unable to look up|temporary failure in name resolution|ssh: connect to host|host key verification failed|repository .* not found|no such file or directory/i;

function classify(dir: string, args: string[], text: string): GitError {
  const line = firstErrorLine(text);
  if (/not a git repository/i.test(text))
    return new GitError(
      'not-initialised',
      'this data directory does not sync yet: run hyperrecall sync --init REMOTE',
      dir,
      line,
    );
  if (/refusing to merge unrelated histories/i.test(text))
    return new GitError(
      'unrelated',
      "the remote's history is not this data directory's; if it is the right remote, run hyperrecall sync --init REMOTE again",
      dir,
      line,
    );
  const network = args[0] === 'push' || args[0] === 'fetch' || args[0] === 'ls-remote';
  // Another device pushed in between: refused by git as not a fast-forward, or lost the
  // race for the ref lock on the server.
  if (network && /non-fast-forward|fetch first|cannot lock ref|incorrect old value/i.test(text))
    return new GitError('non-fast-forward', `the remote moved on (${line})`, dir, line);
  if (network && REFUSED.test(text))
    return new GitError(
      'refused',
      `the remote refused the records (${line}); they stay committed here and go with the next sync`,
      dir,
      line,
    );
  if (network && OFFLINE.test(text))
    return new GitError(
      'offline',
      `the remote cannot be reached (${line}); nothing is lost: your records are kept here and the next sync catches up`,
      dir,
      line,
    );
  return new GitError('failed', `git ${args[0]} failed: ${line}`, dir, line);
}
