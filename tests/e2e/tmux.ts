// Drives the built CLI in a real terminal: a private tmux server per test file.
import { execFileSync } from 'node:child_process';

/** Every terminal started and not yet killed: a test that times out still leaves none behind. */
const live = new Set<Tmux>();

export function killAllTerminals(): void {
  for (const t of live) t.kill();
}

/**
 * A typed question is on screen: its answer line starts with the prompt mark. Looked for at
 * the start of a line, since question text itself may hold "> " (`<graphics type> is`).
 */
export function onTypedQuestion(screen: string): boolean {
  return /^> /m.test(screen);
}

export class Tmux {
  private readonly socket = `hr-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private readonly session = 'e2e';

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  start(command: string, env: Record<string, string>, columns = 80, rows = 24): void {
    live.add(this);
    const exports = Object.entries(env)
      .map(([k, v]) => `${k}='${v}'`)
      .join(' ');
    this.tmux(
      'new-session',
      '-d',
      '-s',
      this.session,
      '-x',
      String(columns),
      '-y',
      String(rows),
      `env ${exports} ${command}; echo "[exit $?]"; sleep 60`,
    );
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', this.session);
  }

  keys(...keys: string[]): void {
    this.tmux('send-keys', '-t', this.session, ...keys);
  }

  async waitFor(pattern: RegExp | string, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const s = this.screen();
      if (typeof pattern === 'string' ? s.includes(pattern) : pattern.test(s)) return s;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; screen:\n${s}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Sends keys one at a time, waiting for the screen to change after each. */
  async press(...keys: string[]): Promise<void> {
    for (const k of keys) {
      const before = this.screen();
      this.keys(k);
      const deadline = Date.now() + 5000;
      while (this.screen() === before && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The pid of the program started in the pane (the shell's child). */
  programPid(): number {
    const shell = this.tmux('list-panes', '-t', this.session, '-F', '#{pane_pid}').trim();
    const out = execFileSync('pgrep', ['-P', shell], { encoding: 'utf8' }).trim();
    return Number(out.split('\n')[0]);
  }

  kill(): void {
    live.delete(this);
    try {
      this.tmux('kill-server');
    } catch {}
  }
}
