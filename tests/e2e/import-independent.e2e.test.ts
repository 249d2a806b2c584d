// `import` and `export --apkg` through the built CLI with a package from anki-apkg-export
// (npm), an exporter we did not write: the import gives lint-clean decks, a second import
// adds nothing, and its cards come back the same after export --apkg and an import into a
// fresh data directory.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { independentPackageFile, loadIndependentExporter } from '../helpers/anki-apkg-export.js';
import { CLI, cliEnv } from './cli.js';

const NOW = '2026-03-02T10:00:00Z';

beforeAll(() => {
  loadIndependentExporter();
});

function cli(home: string, ...args: string[]): string {
  return execFileSync('node', [CLI, ...args], {
    env: { ...process.env, ...cliEnv(home, NOW), COLUMNS: '80' },
    encoding: 'utf8',
  });
}

interface Report {
  format: string;
  notes: number;
  decks: { title: string; entries: number; added: number }[];
  entries: Record<string, number>;
  media: { references: number; names: string[]; inPackage: number };
}

type Row = { kind: string; front: string; state: string; tags: string[] };

function cards(home: string, deck: string): string[] {
  const rows = JSON.parse(cli(home, 'cards', `deck:${deck}`, '--json')) as Row[];
  return rows.map((c) => [c.kind, c.front, c.state, [...c.tags].sort().join(' ')].join('|')).sort();
}

describe('a package written by anki-apkg-export, through the built CLI', () => {
  it('imports, adds nothing the second time, and survives export --apkg and an import into a fresh data directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hr-independent-e2e-'));
    const home = join(dir, 'data');
    const file = await independentPackageFile(dir, {
      name: 'Geo::Capitals',
      media: { 'flag.png': new Uint8Array([1, 2, 3]) },
      notes: [
        { front: 'Capital of <b>Spain</b>?', back: 'Madrid', tags: ['europe'] },
        { front: 'Capital of Peru? <img src="flag.png">', back: 'Lima', tags: ['andes'] },
        { front: 'Capital of Chad?', back: 'N&#39;Djamena' },
      ],
    });

    const report = JSON.parse(cli(home, 'import', file, '--json')) as Report;
    expect(report.format).toBe('anki2');
    expect(report.decks).toEqual([
      expect.objectContaining({ title: 'Geo::Capitals', entries: 3, added: 3 }),
    ]);
    expect(report.entries).toMatchObject({ basic: 3, other: 0 });
    expect(report.media).toEqual({ references: 1, names: ['flag.png'], inPackage: 1 });
    const lint = spawnSync('node', [CLI, 'lint', join(home, 'decks')], { encoding: 'utf8' });
    expect(lint.status, lint.stdout + lint.stderr).toBe(0);

    const again = JSON.parse(cli(home, 'import', file, '--json')) as Report;
    expect(again.decks.map((d) => d.added)).toEqual([0]);

    const mine = cards(home, 'anki-geo-capitals');
    expect(mine).toEqual([
      'basic|Capital of Chad?|new|',
      'basic|Capital of Peru? [image flag.png]|new|andes',
      'basic|Capital of Spain?|new|europe',
    ]);

    const exported = join(dir, 'back.apkg');
    cli(home, 'export', '--apkg', exported, 'anki-geo-capitals');
    const fresh = join(dir, 'fresh');
    const back = JSON.parse(cli(fresh, 'import', exported, '--json')) as Report;
    expect(back.decks.map((d) => [d.title, d.added])).toEqual([['Geo::Capitals', 3]]);
    expect(cards(fresh, 'anki-geo-capitals')).toEqual(mine);
  });
});
