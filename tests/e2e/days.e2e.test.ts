// Three simulated study days with new-per-day = 3: limits hold across restarts and the
// day turns over at day-starts-at (04:00) local time.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, cliEnv } from './cli.js';
import { killAllTerminals, Tmux } from './tmux.js';

// A test that times out never reaches its own cleanup: no terminal is left running.
afterEach(killAllTerminals);

const env = (home: string, now: string) => cliEnv(home, now);

function cli(home: string, now: string, ...args: string[]): string {
  return execFileSync('node', [CLI, ...args], {
    env: { ...process.env, ...env(home, now) },
    encoding: 'utf8',
  });
}

function status(home: string, now: string) {
  return JSON.parse(cli(home, now, 'status', '--json')) as {
    new: number;
    due: number;
    learning: number;
    reviewedToday: number;
    streak: number;
  };
}

/** Studies until the session ends, answering every card as right as it can. */
async function studyDay(home: string, now: string): Promise<string> {
  const term = new Tmux();
  try {
    term.start(`node ${CLI} study`, env(home, now));
    await term.waitFor(/Flashcard|Multiple choice|Fill the gap|Type the answer|Session done/);
    for (let i = 0; i < 60; i++) {
      const s = term.screen();
      if (s.includes('Session done')) break;
      // A "Choose two" card waits for two picks before Enter submits.
      if (/choose two/i.test(s)) await term.press('a', 'b', 'Enter', '3');
      else if (s.includes('Multiple choice')) await term.press('a', 'Enter', '3');
      else if (s.includes('Type the answer')) await term.press('x', 'Enter', '3');
      else await term.press('Space', '3');
    }
    const done = await term.waitFor('Session done');
    await term.press('q');
    await term.waitFor('[exit 0]');
    return done;
  } finally {
    term.kill();
  }
}

describe('three study days', () => {
  it('holds new-per-day across restarts and turns the day at 04:00 local', async () => {
    const home = join(mkdtempSync(join(tmpdir(), 'hr-days-')), 'data');
    expect(cli(home, '2026-03-02T09:00:00Z', 'config', 'set', 'new-per-day', '3')).toContain(
      'new-per-day = 3',
    );
    expect(status(home, '2026-03-02T10:00:00Z')).toMatchObject({
      new: 3,
      due: 0,
      reviewedToday: 0,
      streak: 0,
    });

    const day1 = await studyDay(home, '2026-03-02T10:00:00Z');
    expect(day1).toMatch(/New cards\s+3/);
    const after1 = status(home, '2026-03-02T12:00:00Z');
    expect(after1).toMatchObject({ new: 0, streak: 1 });
    expect(after1.reviewedToday).toBeGreaterThanOrEqual(3);
    // A restart the same day must not hand out more new cards.
    const again = await studyDay(home, '2026-03-02T13:00:00Z');
    expect(again).toMatch(/Cards studied\s+0/);

    // Just before 04:00 it is still day 1; at 04:00 day 2 begins with 3 new cards.
    expect(status(home, '2026-03-03T03:59:00Z')).toMatchObject({ new: 0, streak: 1 });
    expect(status(home, '2026-03-03T04:00:00Z')).toMatchObject({
      new: 3,
      reviewedToday: 0,
      streak: 1,
    });

    const day2 = await studyDay(home, '2026-03-03T08:00:00Z');
    expect(day2).toMatch(/New cards\s+3/);
    expect(status(home, '2026-03-03T20:00:00Z')).toMatchObject({ new: 0, streak: 2 });

    expect(status(home, '2026-03-04T04:00:00Z')).toMatchObject({ new: 3, streak: 2 });
    await studyDay(home, '2026-03-04T09:00:00Z');
    const after3 = status(home, '2026-03-04T21:00:00Z');
    expect(after3).toMatchObject({ new: 0, streak: 3 });
    // Day 1's cards graduated with intervals of days: some are due again by day 4.
    expect(status(home, '2026-03-05T05:00:00Z').due).toBeGreaterThan(0);
  });
});
