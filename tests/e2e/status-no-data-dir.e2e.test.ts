// `status` before any data directory exists: it creates none, and keeps its answer where
// the next `status` finds it (a shell prompt runs it before every command).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, cliEnv } from './cli.js';

describe.runIf(process.getuid !== undefined)('status with no data directory yet', () => {
  it('creates no data directory and answers the next time from its kept answer', () => {
    const root = mkdtempSync(join(tmpdir(), 'hr-e2e-'));
    const home = join(root, 'data');
    const decks = join(root, 'decks');
    mkdirSync(decks);
    const cards = Array.from(
      { length: 30 },
      (_, i) => `  - id: c${i}\n    type: basic\n    front: Q${i}?\n    back: A${i}`,
    );
    writeFileSync(
      join(decks, 'own.yaml'),
      `id: own\ntitle: Own deck\ncards:\n${cards.join('\n')}\n`,
    );
    const spareRoot = join(root, 'tmp');
    mkdirSync(spareRoot);
    const env = { ...process.env, ...cliEnv(home), HYPERRECALL_DECKS: decks, TMPDIR: spareRoot };
    const status = () => {
      const r = spawnSync('node', [CLI, 'status', '--json'], { env, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as { new: number };
    };
    expect(status().new).toBe(20);
    expect(existsSync(home)).toBe(false);
    // The answer was kept: a changed copy of it is what the next run prints.
    const uid = process.getuid?.();
    const [kept] = spawnSync(
      'find',
      [join(spareRoot, `hyperrecall-${uid}`), '-name', 'status-e2e.json'],
      {
        encoding: 'utf8',
      },
    ).stdout.split('\n');
    const entry = JSON.parse(readFileSync(kept!, 'utf8'));
    writeFileSync(kept!, JSON.stringify({ ...entry, status: { ...entry.status, new: 4242 } }));
    expect(status().new).toBe(4242);
    expect(existsSync(home)).toBe(false);
    // An edited deck is a new answer.
    writeFileSync(
      join(decks, 'own.yaml'),
      `id: own\ntitle: Own deck\ncards:\n${cards.slice(0, 5).join('\n')}\n`,
    );
    expect(status().new).toBe(5 + 13);
  });
});
