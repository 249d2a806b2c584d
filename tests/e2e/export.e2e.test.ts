// export and restore through the built CLI: a JSON backup restored into a fresh data
// directory gives the same `cards --json` and `stats --json`; an exported package opens
// with sql.js and imports back with the same cards; bad paths are one line each.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { simulateLog } from '../helpers/simulate.js';
import { CLI, cliEnv } from './cli.js';

const NOW = '2026-02-25T10:00:00Z';

function run(home: string, device: string, ...args: string[]) {
  const r = spawnSync('node', [CLI, ...args], {
    env: { ...process.env, ...cliEnv(home, NOW), HYPERRECALL_DEVICE: device, COLUMNS: '80' },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A data directory with a deck of its own and 40 days of simulated study on it. */
function studied(root: string): string {
  const home = join(root, 'a');
  mkdirSync(join(home, 'decks'), { recursive: true });
  const cards = Array.from(
    { length: 80 },
    (_, i) => `  - {id: c${i}, type: basic, front: "Q${i}", back: "A${i}"}`,
  );
  writeFileSync(
    join(home, 'decks', 'sim.yaml'),
    `id: sim\ntitle: Sim\ncards:\n${cards.join('\n')}\n`,
  );
  const recs = simulateLog({
    seed: 4,
    days: 40,
    newPerDay: 2,
    deck: 'sim',
    start: Date.parse('2026-01-10T09:00:00Z'),
    device: 'e2e',
  });
  writeFileSync(
    join(home, 'reviews-e2e.jsonl'),
    recs.map((r) => `${JSON.stringify(r)}\n`).join(''),
  );
  return home;
}

describe('export through the built CLI', () => {
  it('export --json, then import FILE.json into a fresh data directory: same cards --json and stats --json', () => {
    const root = mkdtempSync(join(tmpdir(), 'hr-export-e2e-'));
    const a = studied(root);
    expect(run(a, 'e2e', 'config', 'set', 'new-per-day', '9').code).toBe(0);
    const file = join(root, 'backup.json');
    const exported = run(a, 'e2e', 'export', '--json', file);
    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(/^wrote .*backup\.json: backup of 80 cards and \d+ log records/);
    const b = join(root, 'b');
    cpSync(join(a, 'decks'), join(b, 'decks'), { recursive: true });
    const restored = run(b, 'laptop', 'import', file);
    expect(restored.err).toBe('');
    expect(restored.out).toMatch(
      /^restored .*: \d+ log record\(s\) added, 0 already here; 80 card\(s\) with progress\nsettings from the backup: new-per-day\n$/,
    );
    for (const cmd of [
      ['cards', '--json'],
      ['stats', '--json'],
      ['config', 'get', 'new-per-day'],
    ])
      expect(run(b, 'laptop', ...cmd).out, cmd.join(' ')).toBe(run(a, 'e2e', ...cmd).out);
  });

  it('export --apkg writes a package sql.js opens, and importing it gives the same cards', async () => {
    const root = mkdtempSync(join(tmpdir(), 'hr-export-e2e-'));
    const a = studied(root);
    const file = join(root, 'sim.apkg');
    const r = run(a, 'e2e', 'export', '--apkg', file, 'sim');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/: 80 notes, 80 cards, \d+ review log entries/);
    const SQL = await initSqlJs();
    const db = new SQL.Database(unzipSync(readFileSync(file))['collection.anki2']);
    expect(db.exec('PRAGMA integrity_check')[0]?.values).toEqual([['ok']]);
    expect(db.exec('SELECT ver FROM col')[0]?.values).toEqual([[11]]);
    const c = join(root, 'c');
    expect(run(c, 'e2e', 'import', file).code).toBe(0);
    // Same card, same memory; due dates may move within the fuzz, which the import's replay
    // seeds by its own card ids.
    type Row = {
      front: string;
      state: string;
      stability: number | null;
      difficulty: number | null;
      reps: number;
      lapses: number;
    };
    const memories = (home: string) =>
      (JSON.parse(run(home, 'e2e', 'cards', '--json').out) as Row[])
        .map((x) => `${x.front} ${x.state} ${x.stability} ${x.difficulty} ${x.reps} ${x.lapses}`)
        .sort();
    expect(memories(c)).toEqual(memories(a));
  });

  it('bad paths and usage give one line each and write nothing', () => {
    const root = mkdtempSync(join(tmpdir(), 'hr-export-e2e-'));
    const a = studied(root);
    writeFileSync(join(root, 'taken.apkg'), 'mine');
    const cases: [string[], number, RegExp][] = [
      [
        ['export', '--apkg', join(root, 'taken.apkg')],
        1,
        /taken\.apkg exists; add --force to replace it/,
      ],
      [
        ['export', '--json', join(a, 'b.json')],
        1,
        /is inside the data directory .*; write the export somewhere else/,
      ],
      [
        ['export', '--revlog', join(root, 'no', 'r.csv')],
        1,
        /the folder .*no does not exist; create it first/,
      ],
      [['export'], 2, /exactly one of --apkg FILE, --revlog FILE or --json FILE/],
      [['export', '--revlog', join(root, 'r.csv'), 'nosuch'], 2, /unknown deck 'nosuch'/],
      [['import', join(root, 'missing.json')], 1, /cannot read .*missing\.json \(ENOENT\)/],
      [['import', join(root, 'taken.json')], 1, /taken\.json is not JSON/],
    ];
    writeFileSync(join(root, 'taken.json'), 'mine');
    for (const [args, code, message] of cases) {
      const r = run(a, 'e2e', ...args);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.err.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.err, args.join(' ')).toMatch(message);
    }
    expect(readFileSync(join(root, 'taken.apkg'), 'utf8')).toBe('mine');
  });
});
