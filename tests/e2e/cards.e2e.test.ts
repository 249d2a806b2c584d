// `hyperrecall cards` through the built CLI: queries over a log written beforehand (a card
// in review with lapses, a flagged one, a suspended one, one in learning), --json's shape,
// sorting, a bad query's located error, and that it writes nothing.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Memory } from '../../src/core/model.js';
import { markRecord, reviewRecord } from '../../src/core/records.js';
import { CLI, cliEnv } from './cli.js';

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
  lapses: 3,
  lastReview: NOW - 7 * DAY_MS,
  ...over,
});

let home = '';
let written: (string | number)[][] = [];
const listing = () => readdirSync(home).map((f) => [f, statSync(join(home, f)).mtimeMs]);
beforeAll(() => {
  home = join(mkdtempSync(join(tmpdir(), 'hr-cards-')), 'data');
  mkdirSync(home, { recursive: true });
  const t = NOW - 7 * DAY_MS;
  const records = [
    reviewRecord({
      id: 'e2e-1',
      key: 'sample/default-bridge',
      at: t,
      rating: 3,
      mode: 'study',
      tookMs: 2000,
      before: null,
      after: mem({ lastReview: t }),
      day: DAY - 7,
    }),
    reviewRecord({
      id: 'e2e-2',
      key: 'sample/list-all-domains',
      at: t + 1,
      rating: 1,
      mode: 'study',
      tookMs: 2000,
      before: null,
      after: mem({
        phase: 'learning',
        due: NOW - 60_000,
        scheduledDays: 0,
        stability: 0.5,
        lapses: 0,
        reps: 1,
        lastReview: t + 1,
      }),
      day: DAY - 7,
    }),
    markRecord('e2e-3', 'sample/default-bridge', 'flag', t + 2, DAY - 7),
    markRecord('e2e-4', 'sample/cpu-flags', 'suspend', t + 3, DAY - 7),
  ];
  writeFileSync(
    join(home, 'reviews-e2e.jsonl'),
    `${records.map((r) => JSON.stringify(r)).join('\n')}\n`,
  );
  written = listing();
});

function cards(...args: string[]) {
  const r = spawnSync('node', [CLI, 'cards', ...args], {
    env: { ...process.env, ...cliEnv(home), COLUMNS: '80' },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const keys = (...args: string[]) => {
  const r = cards(...args, '--json');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return (JSON.parse(r.out) as { key: string }[]).map((c) => c.key);
};

describe('hyperrecall cards', () => {
  it('--json: an array of cards with the documented fields', () => {
    const r = cards('is:flagged', '--json');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as Record<string, unknown>[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      key: 'sample/default-bridge',
      deck: 'sample',
      kind: 'basic',
      state: 'review',
      due: new Date(NOW + 5 * DAY_MS).toISOString(),
      dueDays: 5,
      interval: 12,
      stability: 14,
      difficulty: 6,
      lapses: 3,
      reps: 5,
      suspended: false,
      buried: false,
      flagged: true,
      leech: false,
    });
    expect(typeof list[0]!.front).toBe('string');
    expect(list[0]!.recall).toBeGreaterThan(0.8);
    expect(list[0]!.recall).toBeLessThan(1);
  });

  it('queries: is:, prop:, deck:, words, -, or', () => {
    expect(keys('is:suspended')).toEqual(['sample/cpu-flags']);
    expect(keys('is:learn')).toEqual(['sample/list-all-domains']);
    expect(keys('is:due')).toEqual(['sample/list-all-domains']);
    expect(keys('prop:ivl>=10')).toEqual(['sample/default-bridge']);
    expect(keys('prop:lapses>2')).toEqual(['sample/default-bridge']);
    expect(keys('prop:due<=5', 'is:review')).toEqual(['sample/default-bridge']);
    expect(keys('is:flagged', 'or', 'is:suspended')).toEqual([
      'sample/default-bridge',
      'sample/cpu-flags',
    ]);
    const all = keys();
    expect(all.length).toBeGreaterThan(5);
    expect(keys('deck:SAM')).toEqual(all);
    expect(keys('deck:other')).toEqual([]);
    expect(keys('-is:new')).toHaveLength(2);
    expect(keys('is:new').length).toBe(all.length - 2);
  });

  it('--sort and --desc order the cards; new cards have no interval and come last', () => {
    const byIvl = keys('--sort', 'interval', '--desc');
    expect(byIvl.slice(0, 2)).toEqual(['sample/default-bridge', 'sample/list-all-domains']);
    expect(keys('--sort', 'card')).toEqual([...keys()].sort());
  });

  it('a bad query exits 2 and points at the bad term', () => {
    const r = cards('deck:sample', 'is:dew');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^hyperrecall: cards: unknown is: value 'dew' at column 16 \(is:new, /);
    expect(cards('--sort', 'size').err).toMatch(/unknown --sort column 'size' \(card, deck,/);
    const typo = cards('--jsn');
    expect(typo.code).toBe(2);
    expect(typo.err).toMatch(/unknown option '--jsn'/);
  });

  it('a table that fits 80 columns without --json; writes nothing to the data directory', () => {
    const r = cards('is:flagged');
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^card\s+state\s+due\s+ivl\s+recall/);
    expect(lines[1]).toMatch(/review flag\s+in 5d\s+12d/);
    expect(lines.at(-1)).toBe('1 card(s)');
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
    // After every query of this file: still only the log written before the first.
    expect(listing()).toEqual(written);
    expect(written).toHaveLength(1);
  });
});
