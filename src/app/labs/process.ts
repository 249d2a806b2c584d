// One process of a lab: argv straight to execve (never a shell), its own process group so a
// timeout kills everything it started, a time limit and a cap on the output kept.
import { type ChildProcess, spawn as nodeSpawn, type SpawnOptions } from 'node:child_process';

export type SpawnFn = (file: string, args: readonly string[], opts: SpawnOptions) => ChildProcess;

export interface ProcessLimits {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Bytes of stdout and stderr kept together; the rest is read and dropped. */
  capBytes: number;
  spawn?: SpawnFn;
}

export interface ProcessResult {
  stdout: string;
  stderr: string;
  /** Exit code; null when killed or when it could not start. */
  code: number | null;
  timedOut: boolean;
  /** Output went past the cap and was cut. */
  truncated: boolean;
  /** Why it could not start (ENOENT...). */
  error?: string;
}

export const LAB_TIMEOUT_MS = 10_000;
export const LAB_OUTPUT_CAP = 64 * 1024;

/** Processes still running: killed when hyperrecall exits, since their group is their own. */
const live = new Set<ChildProcess>();
let exitHooked = false;

function track(child: ChildProcess): void {
  live.add(child);
  child.once('close', () => live.delete(child));
  if (exitHooked) return;
  exitHooked = true;
  process.once('exit', () => {
    for (const c of live) killGroup(c);
  });
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

export function runProcess(argv: readonly string[], limits: ProcessLimits): Promise<ProcessResult> {
  const spawn = limits.spawn ?? nodeSpawn;
  return new Promise((resolve) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let kept = 0;
    let truncated = false;
    let timedOut = false;
    let settled = false;
    let child: ChildProcess;
    const finish = (code: number | null, error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(grace);
      resolve({
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        code: timedOut ? null : code,
        timedOut,
        truncated,
        ...(error === undefined ? {} : { error }),
      });
    };
    let grace: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
      // A grandchild holding the pipes open must not keep the learner waiting.
      grace = setTimeout(() => finish(null), 2000);
    }, limits.timeoutMs);
    try {
      child = spawn(argv[0]!, argv.slice(1), {
        cwd: limits.cwd,
        env: limits.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        shell: false,
        detached: true,
        windowsHide: true,
      });
    } catch (e) {
      finish(null, e instanceof Error ? e.message : String(e));
      return;
    }
    track(child);
    const keep = (into: Buffer[]) => (chunk: Buffer) => {
      const room = limits.capBytes - kept;
      if (room <= 0) {
        truncated = true;
        return;
      }
      const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
      if (part.length < chunk.length) truncated = true;
      into.push(part);
      kept += part.length;
    };
    child.stdout?.on('data', keep(out));
    child.stderr?.on('data', keep(err));
    child.on('error', (e) => finish(null, e.message));
    child.on('close', (code) => finish(code));
  });
}
