// A deck's own new-per-day over two simulated days: set from the CLI, kept across restarts,
// shown on the deck's row, and the day turns over at day-starts-at (04:00) local.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, cliEnv } from './cli.js';
import { killAllTerminals, Tmux } from './tmux.js';

afterEach(killAllTerminals);

function cli(home: string, now: string, ...args: string[]): string {
  return execFileSync('node', [CLI, ...args], {
    env: { ...process.env, ...cliEnv(home, now) },
    encoding: 'utf8',
  });
}

function status(home: string, now: string) {
  return JSON.parse(cli(home, now, 'status', '--json')) as {
    new: number;
    decks: { id: string; new: number }[];
  };
}

/** Studies the deck until the session ends, answering each card as right as it can. */
async function studyDay(home: string, now: string): Promise<string> {
  const term = new Tmux();
  try {
    term.start(`node ${CLI} study sample`, cliEnv(home, now));
    await term.waitFor(/Flashcard|Multiple choice|Fill the gap|Type the answer|Session done/);
    for (let i = 0; i < 40; i++) {
      const s = term.screen();
      if (s.includes('Session done')) break;
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

describe('per-deck limits over two days', () => {
  it("holds a deck's own new-per-day across restarts and renews it the next study day", async () => {
    const home = join(mkdtempSync(join(tmpdir(), 'hr-decklimit-')), 'data');
    const day1 = '2026-03-02T10:00:00Z';
    expect(cli(home, day1, 'config', 'set', 'new-per-day', '2', '--deck', 'sample')).toBe(
      'new-per-day --deck sample = 2\n',
    );
    expect(cli(home, day1, 'config', 'get', 'new-per-day')).toBe('20\n');
    expect(cli(home, day1, 'config', 'get', 'new-per-day', '--deck', 'sample')).toBe('2\n');
    expect(status(home, day1)).toMatchObject({ new: 2, decks: [{ id: 'sample', new: 2 }] });

    const first = await studyDay(home, day1);
    expect(first).toMatch(/New cards\s+2/);
    expect(status(home, '2026-03-02T12:00:00Z')).toMatchObject({
      new: 0,
      decks: [{ id: 'sample', new: 0 }],
    });
    // A restart the same day hands out no more new cards, and says the limit holds them back.
    const again = await studyDay(home, '2026-03-02T13:00:00Z');
    expect(again).toMatch(/Cards studied\s+0/);
    expect(again).toMatch(/Daily limit reached: \d+ new cards/);

    // Still day 1 just before 04:00; day 2 brings the deck's own 2 again.
    expect(status(home, '2026-03-03T03:59:00Z').new).toBe(0);
    expect(status(home, '2026-03-03T04:00:00Z')).toMatchObject({ new: 2 });
    const second = await studyDay(home, '2026-03-03T08:00:00Z');
    expect(second).toMatch(/New cards\s+2/);
    expect(status(home, '2026-03-03T20:00:00Z').decks[0]?.new).toBe(0);

    // Reset: the deck follows the global 20 again, the same day.
    expect(
      cli(home, '2026-03-03T20:00:00Z', 'config', 'reset', 'new-per-day', '--deck', 'sample'),
    ).toBe('new-per-day --deck sample: follows the global setting\n');
    expect(status(home, '2026-03-03T20:00:00Z').new).toBeGreaterThan(0);
  }, 120_000);
});
