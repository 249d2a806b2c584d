// Child processes for tests: build a TypeScript entry with esbuild, run it with node,
// read its output line by line and wait (polling, with a timeout) for a line.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

/** Bundles `entry` into a runnable .mjs in a temporary folder; returns its path. */
export async function bundle(entry: string): Promise<string> {
  const out = join(mkdtempSync(join(tmpdir(), 'hr-bundle-')), 'entry.mjs');
  await build({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    format: 'esm',
    platform: 'node',
    logLevel: 'warning',
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
  return out;
}

export class Child {
  readonly lines: string[] = [];
  readonly proc: ChildProcessWithoutNullStreams;
  exited = false;
  private partial = '';

  /** Runs `node script ...args`; with `runner` null, runs `script` itself. */
  constructor(script: string, args: string[], runner: string | null = process.execPath) {
    const [cmd, argv] = runner ? [runner, [script, ...args]] : [script, args];
    this.proc = spawn(cmd, argv, { stdio: 'pipe' });
    this.proc.stdout.on('data', (d: Buffer) => {
      const text = this.partial + d.toString();
      const parts = text.split('\n');
      this.partial = parts.pop() ?? '';
      this.lines.push(...parts);
    });
    this.proc.stderr.on('data', (d: Buffer) => process.stderr.write(d));
    this.proc.on('exit', () => {
      this.exited = true;
    });
  }

  get pid(): number {
    return this.proc.pid ?? -1;
  }

  send(line: string): void {
    this.proc.stdin.write(`${line}\n`);
  }

  /** The first line (from `from` on) that matches, polling until `timeoutMs`. */
  async waitFor(match: RegExp, timeoutMs = 10_000, from = 0): Promise<string> {
    const found = await poll(() => this.lines.slice(from).find((l) => match.test(l)), timeoutMs);
    if (found === undefined)
      throw new Error(
        `no line matching ${match} within ${timeoutMs} ms; got ${JSON.stringify(this.lines)}`,
      );
    return found;
  }

  /** Sends SIGKILL and resolves once the process is gone (and reaped). */
  async kill(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
    this.proc.kill('SIGKILL');
    await gone;
  }
}

/** Calls `probe` every 20 ms until it returns something other than undefined or false. */
export async function poll<T>(probe: () => T | undefined | false, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined && v !== false) return v as T;
    if (Date.now() > until) return undefined;
    await new Promise((r) => setTimeout(r, 20));
  }
}
