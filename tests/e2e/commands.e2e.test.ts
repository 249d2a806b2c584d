// The non-interactive commands of the built CLI: output, exit codes, messages.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, cliEnv } from './cli.js';

function run(home: string, ...args: string[]) {
  const r = spawnSync('node', [CLI, ...args], {
    env: { ...process.env, ...cliEnv(home) },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const home = () => join(mkdtempSync(join(tmpdir(), 'hr-cmd-')), 'data');

describe('hyperrecall commands', () => {
  it('--help lists every command; --version prints the version; a bad command exits 2', () => {
    const h = run(home(), '--help');
    expect(h.code).toBe(0);
    for (const c of [
      'study',
      'exam',
      'status',
      'stats',
      'decks',
      'lint',
      'config',
      'doctor',
      'unsuspend',
    ])
      expect(h.out).toMatch(new RegExp(`^  ${c}\\b`, 'm'));
    expect(run(home(), '--version').out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const bad = run(home(), 'frobnicate');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('hyperrecall --help');
  });

  it('lint reports file:line:col and exits 1 on errors; --strict also fails on warnings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hr-lint-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'id: bad\ntitle: Bad\ncards:\n  - id: a\n    type: basic\n    front: F\n');
    const r = run(home(), 'lint', bad);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/bad\.yaml:4:5 error: missing field 'back'/);
    const warn = join(dir, 'warn.yaml');
    writeFileSync(
      warn,
      'id: warn\ntitle: Warn\ncards:\n  - {id: a, type: basic, front: Is virbr0 the bridge?, back: virbr0}\n',
    );
    expect(run(home(), 'lint', warn).code).toBe(0);
    const strict = run(home(), 'lint', '--strict', warn);
    expect(strict.code).toBe(1);
    expect(strict.out).toMatch(/warn\.yaml:4:5 warning: 'a': the answer appears in the question/);
    // A personal deck (not under the shipped folder) is only advised to cite a source.
    expect(strict.out).toMatch(/warn\.yaml:4:5 hint: 'a' has no ref/);
  });

  it('config refuses a bad value with the valid range (exit 2) and keeps a good one', () => {
    const h = home();
    const bad = run(h, 'config', 'set', 'desired-retention', '1.5');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('0.70 to 0.99');
    expect(run(h, 'config', 'set', 'desired-retention', '0.85').out).toContain(
      'desired-retention = 0.85',
    );
    expect(run(h, 'config', 'get', 'desired-retention').out.trim()).toBe('0.85');
    expect(run(h, 'config', 'reset', 'desired-retention').out).toContain('= 0.9');
  });

  it('decks --json and status --json follow the documented shapes', () => {
    const decks = JSON.parse(run(home(), 'decks', '--json').out) as Record<string, unknown>[];
    expect(decks[0]).toMatchObject({
      id: 'sample',
      entries: 6,
      cards: 13,
      kinds: { basic: 1, mcq: 2, cloze: 1, typed: 1, terms: 1 },
    });
    const status = JSON.parse(run(home(), 'status', '--json').out) as Record<string, unknown>;
    expect(Object.keys(status)).toEqual(
      expect.arrayContaining(['due', 'new', 'learning', 'reviewedToday', 'streak', 'decks']),
    );
  });

  it('doctor reports a healthy empty store and exits 0', () => {
    const r = run(home(), 'doctor');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/reviews: 0/);
    expect(r.out.trim().endsWith('ok')).toBe(true);
  });
});

describe('status cache', () => {
  it('answers from the cache only while data, decks and study day are unchanged', () => {
    const h = home();
    const decksDir = mkdtempSync(join(tmpdir(), 'hr-status-decks-'));
    const deck = (n: number) =>
      `id: s\ntitle: S\ncards:\n${Array.from({ length: n }, (_, i) => `  - {id: c${i}, type: basic, front: "F${i}", back: B, ref: r}\n`).join('')}`;
    writeFileSync(join(decksDir, 's.yaml'), deck(5));
    const status = (now = '2026-03-02T10:00:00Z') => {
      const r = spawnSync('node', [CLI, 'status', '--json'], {
        env: { ...process.env, ...cliEnv(h, now), HYPERRECALL_BUILTIN_DECKS: decksDir },
        encoding: 'utf8',
      });
      return JSON.parse(r.stdout) as { new: number };
    };
    expect(run(h, 'config', 'set', 'new-per-day', '4').code).toBe(0);
    expect(status().new).toBe(4);
    expect(status().new).toBe(4); // from the cache
    expect(run(h, 'config', 'set', 'new-per-day', '2').code).toBe(0);
    expect(status().new).toBe(2); // settings changed the data files
    expect(run(h, 'config', 'set', 'new-per-day', '20').code).toBe(0);
    expect(status().new).toBe(5);
    writeFileSync(join(decksDir, 's.yaml'), deck(7));
    expect(status().new).toBe(7); // a deck changed
    expect(status('2026-03-03T05:00:00Z').new).toBe(7); // another study day recomputes too
  });
});
