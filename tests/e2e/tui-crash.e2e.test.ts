// kill -9 of a real study session in a terminal, right as an answer is given: the next
// start is a writer at once (the dead session's lock does not stand in the way), every
// answer that was acknowledged (the next card had appeared) is in the log, nothing is half
// there, and status and doctor agree with the log.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, cliEnv } from './cli.js';
import { killAllTerminals, Tmux } from './tmux.js';

// A test that times out never reaches its own cleanup: no terminal is left running.
afterEach(killAllTerminals);

let term: Tmux | null = null;
afterEach(() => term?.kill());

function cli(home: string, ...args: string[]) {
  const r = spawnSync('node', [CLI, ...args], {
    env: { ...process.env, ...cliEnv(home) },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The answers in the log, each a complete line. */
function logged(home: string): { key: string }[] {
  const text = readFileSync(join(home, 'reviews-e2e.jsonl'), 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { key: string });
}

describe('kill -9 in the middle of a study session', () => {
  it('loses no acknowledged answer; the next start writes at once; status and doctor agree', async () => {
    const home = join(mkdtempSync(join(tmpdir(), 'hr-tui-crash-')), 'data');
    term = new Tmux();
    term.start(`node ${CLI} study`, cliEnv(home));
    await term.waitFor('Flashcard');
    // Two answers acknowledged: each time the next card is on screen.
    await term.press('Space', '3');
    await term.waitFor('Multiple choice');
    await term.press('a', 'Enter', '1');
    await term.waitFor('choose two');
    await term.press('a', 'b', 'Enter');
    await term.waitFor(/Enter: (Again|Good)/);
    // The third answer and the kill go out together: it may or may not have been written.
    const pid = term.programPid();
    term.keys('3');
    execFileSync('kill', ['-9', String(pid)]);
    await term.waitFor(/\[exit 137\]/);
    term.kill();

    // Restart as a writer: not refused, and it answers one more card.
    term = new Tmux();
    term.start(`node ${CLI} study`, cliEnv(home));
    await term.waitFor(/Flashcard|Multiple choice|Fill the gap|Type the answer/);
    await term.press('q');
    await term.waitFor(/Cards studied\s+0/);
    await term.press('q');
    await term.waitFor('[exit 0]');
    term.kill();

    const log = logged(home);
    expect(log.length === 2 || log.length === 3).toBe(true);
    expect(log.slice(0, 2).map((r) => r.key)).toEqual([
      'sample/default-bridge',
      'sample/forward-without-mode',
    ]);
    const status = JSON.parse(cli(home, 'status', '--json').out) as { reviewedToday: number };
    expect(status.reviewedToday).toBe(log.length);
    const doctor = cli(home, 'doctor');
    expect(doctor.code).toBe(0);
    expect(doctor.out).toMatch(`reviews: ${log.length}`);
    expect(doctor.out.trim().endsWith('ok')).toBe(true);
  });
});
