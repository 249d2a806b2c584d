// `study --cram` through the built CLI in a real terminal (tmux), over a data directory
// with some history (two studied cards, one suspended): every card in the run is answered,
// one with Again (it comes back), and afterwards `status --json` and `cards --json` show
// every card's schedule exactly as before; only today's answer count grew.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Memory } from '../../src/core/model.js';
import { markRecord, reviewRecord } from '../../src/core/records.js';
import { CLI, cliEnv } from './cli.js';
import { killAllTerminals, Tmux } from './tmux.js';

afterEach(killAllTerminals);

const NOW = Date.parse('2026-03-02T10:00:00Z');
const DAY_MS = 86_400_000;
const DAY = Math.floor(NOW / DAY_MS);

const mem = (over: Partial<Memory>): Memory => ({
  phase: 'review',
  due: NOW + 5 * DAY_MS,
  stability: 14,
  difficulty: 6,
  scheduledDays: 12,
  learningSteps: 0,
  reps: 5,
  lapses: 2,
  lastReview: NOW - 7 * DAY_MS,
  ...over,
});

function history(home: string): void {
  const t = NOW - 7 * DAY_MS;
  const answer = (id: string, key: string, at: number, after: Memory) =>
    reviewRecord({
      id,
      key,
      at,
      rating: 3,
      mode: 'study',
      tookMs: 2000,
      before: null,
      after,
      day: DAY - 7,
    });
  const records = [
    answer('h1', 'sample/default-bridge', t, mem({ lastReview: t })),
    answer('h2', 'sample/list-all-domains', t + 1, mem({ due: NOW - DAY_MS, lastReview: t + 1 })),
    markRecord('h3', 'sample/cpu-flags', 'suspend', t + 2, DAY - 7),
  ];
  writeFileSync(
    join(home, 'reviews-e2e.jsonl'),
    `${records.map((r) => JSON.stringify(r)).join('\n')}\n`,
  );
}

function json(home: string, ...args: string[]): unknown {
  const out = execFileSync('node', [CLI, ...args, '--json'], {
    env: { ...process.env, ...cliEnv(home), COLUMNS: '80' },
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

/** Every card's schedule as `cards --json` gives it, recall left out (it moves with the clock). */
function schedules(home: string) {
  const rows = json(home, 'cards') as Record<string, unknown>[];
  return rows.map(({ recall: _, ...rest }) => rest);
}

/** Shows the answer side of whatever card is on screen. */
async function reveal(term: Tmux): Promise<void> {
  const screen = await term.waitFor(
    /Flashcard|Multiple choice|Fill the gap|Type the answer|choose two/i,
  );
  if (screen.includes('Type the answer')) await term.press('x', 'Enter');
  else if (/choose two/i.test(screen)) await term.press('a', 'b', 'Enter');
  else if (screen.includes('Multiple choice')) await term.press('a', 'Enter');
  else await term.press('Space');
  await term.waitFor('1 Again');
}

/** The next card's question side (or the summary): the grade bar is gone. */
const NO_GRADES = /^(?![\s\S]*1 Again)[\s\S]*(left|Session done)/;

let term: Tmux | null = null;
afterEach(() => term?.kill());

describe('study --cram in a real terminal', () => {
  it('answers every card of the run and leaves every schedule as it was', async () => {
    const home = join(mkdtempSync(join(tmpdir(), 'hr-cram-')), 'data');
    mkdirSync(home, { recursive: true });
    history(home);
    const status = json(home, 'status') as Record<string, unknown>;
    const before = schedules(home);
    const total = before.filter((c) => !c.suspended).length;
    expect(status).toMatchObject({ reviewedToday: 0, due: 1 });

    term = new Tmux();
    term.start(`node ${CLI} study sample --cram`, cliEnv(home));
    const first = await term.waitFor('Cram: schedule unchanged');
    expect(first).toMatch(new RegExp(`${total} left`));
    await reveal(term);
    const bar = await term.waitFor('not rescheduled');
    expect(bar).not.toMatch(/Again \d|Good \d/);
    await term.press('1');
    await term.waitFor(NO_GRADES);
    // Again keeps the card in the run: every card is still left.
    expect(await term.waitFor('left')).toContain(`${total} left`);
    for (let left = total; left > 0; left--) {
      await reveal(term);
      await term.press('3');
      await term.waitFor(NO_GRADES);
      if (left > 1) expect(await term.waitFor('left')).toMatch(new RegExp(`\\b${left - 1} left`));
    }
    await term.waitFor('Session done');
    await term.waitFor(new RegExp(`Cards studied\\s+${total + 1}`));
    await term.press('q');
    await term.waitFor('[exit 0]');
    term.kill();

    const lines = readFileSync(join(home, 'reviews-e2e.jsonl'), 'utf8').trim().split('\n');
    const types = lines.map((l) => (JSON.parse(l) as { type: string }).type);
    expect(types.filter((t) => t === 'cram')).toHaveLength(total + 1);
    expect(types.filter((t) => t === 'review')).toHaveLength(2);
    expect(schedules(home)).toEqual(before);
    expect(json(home, 'status')).toEqual({ ...status, reviewedToday: total + 1, streak: 1 });
  });
});
