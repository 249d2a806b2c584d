// `import` through the built CLI: an Anki package with history becomes decks whose cards
// `cards --json` lists with due dates in the order the history implies, and studying one of
// them in a real terminal (tmux) appends its answer after the imported ones.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildPackage } from '../helpers/anki-package.js';
import { CLI, cliEnv } from './cli.js';
import { killAllTerminals, Tmux } from './tmux.js';

afterEach(killAllTerminals);

const NOW = '2026-03-02T10:00:00Z';
const T = Date.parse(NOW);
const DAY = 86_400_000;

async function ankiPackage(dir: string): Promise<string> {
  const file = join(dir, 'Capitals.apkg');
  const bytes = await buildPackage({
    format: 'anki21b',
    notes: [
      {
        guid: 'spain',
        shape: 'basic',
        deck: 'Geo::Capitals',
        fields: ['Capital of <b>Spain</b>?', 'Madrid'],
      },
      { guid: 'peru', shape: 'basic', deck: 'Geo::Capitals', fields: ['Capital of Peru?', 'Lima'] },
      {
        guid: 'chad',
        shape: 'cloze',
        deck: 'Geo::Capitals',
        fields: ['The capital of Chad is {{c1::NDjamena}}', ''],
      },
      {
        guid: 'mali',
        shape: 'reverse',
        deck: 'Geo::Capitals',
        fields: ['Mali', 'Bamako'],
        tags: ['africa'],
      },
    ],
    reviews: [
      { note: 0, ord: 0, at: T - 40 * DAY, ease: 3, type: 0 },
      { note: 0, ord: 0, at: T - 39 * DAY, ease: 3, type: 0 },
      { note: 0, ord: 0, at: T - 30 * DAY, ease: 4 },
      { note: 2, ord: 0, at: T - 6 * DAY, ease: 3, type: 0 },
      { note: 2, ord: 0, at: T - 5 * DAY, ease: 3, type: 0 },
      { note: 1, ord: 0, at: T - 4 * DAY, ease: 3, type: 0 },
      { note: 1, ord: 0, at: T - 3 * DAY, ease: 3, type: 0 },
      { note: 1, ord: 0, at: T - 2 * DAY, ease: 1 },
    ],
  });
  writeFileSync(file, bytes);
  return file;
}

function cli(home: string, ...args: string[]): string {
  return execFileSync('node', [CLI, ...args], {
    env: { ...process.env, ...cliEnv(home, NOW), COLUMNS: '80' },
    encoding: 'utf8',
  });
}

function reviewsIn(home: string): { key: string }[] {
  return readdirSync(home)
    .filter((f) => f.startsWith('reviews-'))
    .flatMap((f) => readFileSync(join(home, f), 'utf8').split('\n').filter(Boolean))
    .map((l) => JSON.parse(l) as { type: string; key: string })
    .filter((r) => r.type === 'review');
}

let term: Tmux | null = null;
afterEach(() => term?.kill());

describe('import through the built CLI', () => {
  it('imports a package, lists its cards in due order and studies one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hr-import-e2e-'));
    const home = join(dir, 'data');
    const file = await ankiPackage(dir);

    const dry = cli(home, 'import', file, '--dry-run');
    expect(dry).toContain('Dry run, nothing written');
    expect(dry).toContain('Geo::Capitals: would add 4 of 4 entries');
    const report = JSON.parse(cli(home, 'import', file, '--json')) as {
      reviews: { added: number };
    };
    expect(report.reviews).toMatchObject({ added: 8 });
    expect(cli(home, 'import', file)).toContain('reviews: added 0, 8 already imported');
    const lint = spawnSync('node', [CLI, 'lint', join(home, 'decks')], { encoding: 'utf8' });
    expect(lint.status).toBe(0);

    const cards = JSON.parse(
      cli(home, 'cards', 'deck:anki-geo-capitals', '--sort', 'due', '--json'),
    ) as {
      key: string;
      state: string;
      due: string | null;
    }[];
    const studied = cards.filter((c) => c.state !== 'new').map((c) => c.key.split('/')[1]);
    // Peru was forgotten two days ago, Chad learnt five days ago, Spain known for a month.
    expect(studied).toEqual(['n-70657275', 'n-63686164::c1', 'n-737061696e']);
    expect(
      cards
        .filter((c) => c.state === 'new')
        .map((c) => c.key.split('/')[1])
        .sort(),
    ).toEqual(['n-6d616c69', 'n-6d616c69::reverse']);

    const before = reviewsIn(home).length;
    term = new Tmux();
    term.start(`node ${CLI} study anki-geo-capitals`, cliEnv(home, NOW));
    expect(await term.waitFor('Capital of Peru?')).toContain('Flashcard');
    await term.press('Space');
    await term.waitFor('1 Again');
    await term.press('3');
    // The next card: one of Mali's two new cards.
    await term.waitFor(/Mali|Bamako|Session done/);
    await term.press('q');
    await term.waitFor(/Cards studied\s+1/);
    await term.press('q');
    await term.waitFor('[exit 0]');
    term.kill();
    const after = reviewsIn(home);
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)?.key).toBe('anki-geo-capitals/n-70657275');
  });

  it('export --apkg, then import into a fresh data directory: the same cards, the same memory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hr-import-rt-'));
    const home = join(dir, 'data');
    cli(home, 'import', await ankiPackage(dir));
    const exported = join(dir, 'back.apkg');
    cli(home, 'export', '--apkg', exported);
    const fresh = join(dir, 'fresh');
    const report = JSON.parse(cli(fresh, 'import', exported, '--json')) as {
      fsrs: { cards: number; stability: number; difficulty: number } | null;
    };
    // The export carries each card's FSRS memory; the replay of its revlog gives it again.
    // (the package stores it rounded).
    expect(report.fsrs?.cards).toBe(3);
    expect(report.fsrs?.stability).toBeLessThan(0.001);
    expect(report.fsrs?.difficulty).toBeLessThan(0.001);
    type Row = {
      front: string;
      state: string;
      stability: number;
      difficulty: number;
      reps: number;
      lapses: number;
    };
    const memory = (h: string) =>
      (JSON.parse(cli(h, 'cards', 'deck:anki-geo-capitals', '--json')) as Row[])
        .map((c) => [c.front, c.state, c.stability, c.difficulty, c.reps, c.lapses].join('|'))
        .sort();
    // Due dates may differ by fuzz, which is seeded by the card key (the guid, not the key,
    // survives the trip); every memory state is the same.
    expect(memory(fresh)).toEqual(memory(home));
  });
});
