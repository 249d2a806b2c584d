import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, cliEnv } from './cli.js';
import { killAllTerminals, Tmux } from './tmux.js';

// A test that times out never reaches its own cleanup: no terminal is left running.
afterEach(killAllTerminals);

const env = (home: string) => cliEnv(home);

function statusJson(home: string) {
  const out = execFileSync('node', [CLI, 'status', '--json'], {
    env: { ...process.env, ...env(home) },
    encoding: 'utf8',
  });
  return JSON.parse(out) as { new: number; learning: number; due: number; reviewedToday: number };
}

let term: Tmux | null = null;
afterEach(() => term?.kill());

describe('the built CLI in a real terminal', () => {
  it('answers three cards, quits, and finds the progress on the next start', async () => {
    const home = join(mkdtempSync(join(tmpdir(), 'hr-e2e-')), 'data');
    expect(statusJson(home)).toMatchObject({ new: 13, learning: 0, reviewedToday: 0 });

    term = new Tmux();
    term.start(`node ${CLI}`, env(home));
    await term.waitFor(/All decks\s+13\s+0\s+0/);
    await term.press('Enter');
    await term.waitFor('Flashcard');
    await term.press('Space', '3');
    await term.waitFor('Multiple choice');
    await term.press('a', 'Enter', 'Enter');
    await term.waitFor('choose two');
    await term.press('a', 'b', 'Enter', '1');
    await term.waitFor('Fill the gap');
    await term.press('q');
    await term.waitFor(/Cards studied\s+3/);
    await term.press('q');
    const after = await term.waitFor('[exit 0]');
    expect(after).toMatch(/hyperrecall: 3 cards/);
    term.kill();

    const log = readFileSync(join(home, 'reviews-e2e.jsonl'), 'utf8').trim().split('\n');
    expect(log).toHaveLength(3);
    expect(log.map((l) => (JSON.parse(l) as { key: string }).key)).toEqual([
      'sample/default-bridge',
      'sample/forward-without-mode',
      'sample/cpu-flags',
    ]);
    // Three new cards introduced and the reverse of the first one buried for today.
    expect(statusJson(home)).toMatchObject({ new: 9, learning: 3, reviewedToday: 3 });

    term = new Tmux();
    term.start(`node ${CLI}`, env(home));
    await term.waitFor(/All decks\s+9\s+3\s+0/);
    expect(term.screen()).toMatch(/3 today/);
    await term.press('q');
    await term.waitFor('[exit 0]');
  });

  it('refuses a second interactive instance and exits 2 without a terminal', async () => {
    const home = join(mkdtempSync(join(tmpdir(), 'hr-e2e-')), 'data');
    term = new Tmux();
    term.start(`node ${CLI}`, env(home));
    await term.waitFor('All decks');
    const second = new Tmux();
    try {
      second.start(`node ${CLI}`, env(home));
      const s = await second.waitFor('[exit');
      // The message wraps at the pane's width.
      expect(s.replace(/\n/g, '')).toMatch(
        /Another hyperrecall session \(pid \d+ on .*\) is using/,
      );
      expect(s).toContain('[exit 1]');
    } finally {
      second.kill();
    }
    let code = 0;
    let stderr = '';
    try {
      execFileSync('node', [CLI, 'study'], {
        env: { ...process.env, ...env(home) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (err) {
      const e = err as { status: number; stderr: Buffer };
      code = e.status;
      stderr = e.stderr.toString();
    }
    expect(code).toBe(2);
    expect(stderr).toContain("'hyperrecall study' needs an interactive terminal");
  });
});
