// `hyperrecall stats --json` as built, over a simulated learner's log (60 days, 6 new cards
// a day): the output parses with the documented zod schema, and its figures hang together.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StatsJson } from '../../src/cli/commands/stats-schema.js';
import { simulateLog } from '../helpers/simulate.js';
import { CLI, cliEnv } from './cli.js';

const START = Date.parse('2026-01-01T08:00:00Z');
const NOW = '2026-03-02T10:00:00Z';
const log = simulateLog({ seed: 3, days: 60, newPerDay: 6, deck: 'sim', start: START });
const cards = new Set(log.map((r) => ('key' in r ? r.key : ''))).size;

/** A data directory with the log and a deck holding every simulated card. */
function home(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'hr-stats-e2e-')), 'data');
  mkdirSync(join(dir, 'decks'), { recursive: true });
  writeFileSync(join(dir, 'reviews-sim.jsonl'), log.map((r) => `${JSON.stringify(r)}\n`).join(''));
  const entries = Array.from(
    { length: cards + 5 },
    (_, i) => `  - {id: c${i}, type: basic, front: "Q${i}?", back: "A${i}", ref: sim}`,
  );
  writeFileSync(
    join(dir, 'decks', 'sim.yaml'),
    ['id: sim', 'title: Simulated', 'tags: [lpic3-351.1]', 'cards:', ...entries, ''].join('\n'),
  );
  return dir;
}

function run(dir: string, args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, ...cliEnv(dir, NOW) },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('stats --json', () => {
  const dir = home();

  it('every deck: the documented shape, and the series agree with each other', () => {
    const r = run(dir, ['stats', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const s = StatsJson.parse(JSON.parse(r.out));
    expect(s.scope).toEqual({ deck: null, objective: null });
    expect(s.choices.decks.map((d) => d.id)).toContain('sim');
    expect(s.choices.objectives).toContain('lpic3-351.1');
    expect(s.reviews).toBeGreaterThan(500);
    expect(s.tomorrow.reviews).toBe(s.forecast[1]);
    expect(s.forecastYear.slice(0, 30)).toEqual(s.forecast);
    expect(s.retention.actual).toBe(s.trueRetention.month.total.rate);
    expect(s.retention.actual).toBeGreaterThan(0.6);
    expect(s.calendar.cells.at(-1)!.answers).toBe(s.reviewedToday);
    expect(s.calendar.currentStreak).toBe(s.streak);
    expect(s.counts.total).toBeGreaterThan(cards + 5); // the sim deck and the fixture deck
    const studied = s.counts.learning + s.counts.review + s.counts.relearning;
    expect(s.distributions.cards).toBe(studied);
    expect(s.distributions.retrievability.reduce((n, b) => n + b.count, 0)).toBe(studied);
    expect(s.hardest.lowestRecall.length).toBe(10);
  });

  it('one deck and one objective', () => {
    const deck = StatsJson.parse(JSON.parse(run(dir, ['stats', '--json', '--deck', 'sim']).out));
    expect(deck.scope).toEqual({ deck: 'sim', objective: null });
    expect(deck.counts.total).toBe(cards + 5);
    const obj = run(dir, ['stats', '--json', '--objective', '351.1']);
    expect(obj.err).toBe('');
    const o = StatsJson.parse(JSON.parse(obj.out));
    expect(o.scope).toEqual({ deck: null, objective: 'lpic3-351.1' });
    expect(o.reviews).toBe(deck.reviews);
  });

  it('an unknown deck or objective is a usage error that names it', () => {
    const r = run(dir, ['stats', '--objective', '999.9']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/999\.9/);
  });
});
