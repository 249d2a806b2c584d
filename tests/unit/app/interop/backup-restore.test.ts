// export --json then import FILE.json: the restored data directory shows the same cards and
// statistics; a second restore adds nothing; restoring into a directory with progress of its
// own keeps both; a bad backup is refused whole with one line and nothing written.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browseCollection } from '../../../../src/app/browser.js';
import { writeExportFile } from '../../../../src/app/interop/export-file.js';
import { backupText, buildBackup } from '../../../../src/app/interop/export-json.js';
import {
  previewRestore,
  readBackup,
  restoreBackup,
} from '../../../../src/app/interop/restore-json.js';
import { openCollection } from '../../../../src/app/open.js';
import { cardJson } from '../../../../src/core/search/browse.js';
import { simulateLog } from '../../../helpers/simulate.js';

const START = Date.parse('2026-01-05T08:00:00Z');
const NOW = Date.parse('2026-02-20T09:00:00Z');
const ROOT = resolve(import.meta.dirname, '../../../..');
const tmp = (p: string) => mkdtempSync(join(tmpdir(), `hr-${p}-`));

function deckDir(): string {
  const dir = tmp('decks');
  const cards = Array.from(
    { length: 300 },
    (_, i) => `  - id: c${i}\n    type: basic\n    front: Q${i}\n    back: A${i}\n`,
  ).join('');
  writeFileSync(join(dir, 'sim.yaml'), `id: sim\ntitle: Simulated\ncards:\n${cards}`);
  return dir;
}

const DECKS = deckDir();
const ctxFor = (dataDir: string, device = 'dev1') => ({
  root: ROOT,
  dataDir,
  device,
  deckDirs: [DECKS],
  now: () => NOW,
});

/** A data directory with 40 days of simulated study and one setting changed. */
async function studied(device = 'dev1', seed = 3): Promise<string> {
  const dir = tmp('data');
  const recs = simulateLog({ seed, days: 40, newPerDay: 5, deck: 'sim', start: START, device });
  writeFileSync(
    join(dir, `reviews-${device}.jsonl`),
    recs.map((r) => `${JSON.stringify(r)}\n`).join(''),
  );
  const { collection, store } = await openCollection(ctxFor(dir, device), false);
  expect(collection.setSetting('new-per-day', '7')).toBeNull();
  await store.close();
  return dir;
}

async function view(dir: string, device = 'dev9') {
  const { collection, store } = await openCollection(ctxFor(dir, device), true);
  try {
    const found = browseCollection(collection, '', { column: 'due', desc: false }, NOW);
    if (!found.ok) throw new Error(found.message);
    return {
      cards: JSON.stringify(found.rows.map(cardJson)),
      stats: JSON.stringify(collection.stats(NOW)),
      settings: collection.settings().newPerDay,
      // Restored settings are also written as a record of the restoring device: not counted.
      records: store.readAllRecords().filter((r) => r.type !== 'setting').length,
    };
  } finally {
    await store.close();
  }
}

async function backupOf(dir: string): Promise<string> {
  const { store } = await openCollection(ctxFor(dir), true);
  try {
    const file = join(tmp('out'), 'backup.json');
    writeExportFile(
      file,
      Buffer.from(backupText(buildBackup(store, { app: 'test', device: 'dev1', now: NOW }))),
      {
        dataDir: dir,
        force: false,
      },
    );
    return file;
  } finally {
    await store.close();
  }
}

describe('JSON backup and restore', () => {
  it('restores into a fresh data directory: the same cards --json and stats --json, settings too', async () => {
    const a = await studied();
    const file = await backupOf(a);
    const b = join(tmp('fresh'), 'data');
    const preview = await previewRestore(
      { dataDir: b, device: 'dev2', now: () => NOW },
      readFileSync(file, 'utf8'),
      file,
    );
    expect(existsSync(b)).toBe(false);
    const result = await restoreBackup(
      { dataDir: b, device: 'dev2', now: () => NOW },
      readFileSync(file, 'utf8'),
      file,
    );
    expect(result.added).toBeGreaterThan(500);
    expect(result.present).toBe(0);
    expect(result.settingsApplied).toContain('newPerDay');
    expect(preview).toEqual({ ...result, logFile: null });
    const [va, vb] = [await view(a, 'dev1'), await view(b, 'dev2')];
    expect(vb.cards).toBe(va.cards);
    expect(vb.stats).toBe(va.stats);
    expect(vb.settings).toBe(7);
    // Restoring the same backup again adds nothing.
    const again = await restoreBackup(
      { dataDir: b, device: 'dev2', now: () => NOW + 1 },
      readFileSync(file, 'utf8'),
      file,
    );
    expect(again).toMatchObject({ added: 0, present: result.added, logFile: null });
    expect((await view(b, 'dev2')).records).toBe(va.records);
  });

  it('into a directory with progress of its own: both histories kept, its settings kept and listed', async () => {
    const a = await studied('dev1', 3);
    const file = await backupOf(a);
    const c = await studied('other', 11);
    const { collection, store } = await openCollection(ctxFor(c, 'other'), false);
    collection.setSetting('new-per-day', '12');
    await store.close();
    const before = await view(c, 'other');
    const result = await restoreBackup(
      { dataDir: c, device: 'other', now: () => NOW },
      readFileSync(file, 'utf8'),
      file,
    );
    expect(result.settingsKept).toEqual(['newPerDay']);
    const after = await view(c, 'other');
    expect(after.records).toBe(before.records + (await view(a)).records);
    expect(after.settings).toBe(12);
  });

  it('refuses a bad backup whole, in one line, writing nothing', async () => {
    const a = await studied();
    const file = await backupOf(a);
    const good = JSON.parse(readFileSync(file, 'utf8'));
    const target = tmp('target');
    const cases: [string, string, RegExp][] = [
      ['not json', '{"format":', /is not JSON/],
      ['foreign', JSON.stringify({ hello: 1 }), /is not a hyperrecall backup/],
      [
        'newer',
        JSON.stringify({ ...good, version: 99 }),
        /version 99 backup, newer than this hyperrecall reads/,
      ],
      ['shape', JSON.stringify({ ...good, log: 'x' }), /: log: /],
      [
        'bad record',
        JSON.stringify({
          ...good,
          log: [...good.log, { type: 'review', id: 'z', at: 1, rating: 3, mode: 'study' }],
        }),
        /log\.\d+: a review/,
      ],
      [
        'cut',
        JSON.stringify({ ...good, log: good.log.slice(0, -50) }),
        /does not give the card state/,
      ],
    ];
    for (const [name, text, message] of cases) {
      const f = join(tmp('bad'), `${name}.json`);
      writeFileSync(f, text);
      const err = await restoreBackup(
        { dataDir: target, device: 'dev2', now: () => NOW },
        text,
        f,
      ).catch((e: Error) => e);
      expect(err, name).toBeInstanceOf(Error);
      expect((err as Error).message, name).toMatch(message);
      expect((err as Error).message).not.toContain('\n');
    }
    expect(readdirSync(target)).toEqual([]);
    expect(() => readBackup(readFileSync(file, 'utf8'), file)).not.toThrow();
  });

  it('never writes an export over a file without --force, nor inside the data directory', async () => {
    const a = await studied();
    const file = await backupOf(a);
    expect(() => writeExportFile(file, Buffer.from('x'), { dataDir: a, force: false })).toThrow(
      /exists; add --force/,
    );
    expect(readFileSync(file, 'utf8')).not.toBe('x');
    writeExportFile(file, Buffer.from('x'), { dataDir: a, force: true });
    expect(readFileSync(file, 'utf8')).toBe('x');
    expect(() =>
      writeExportFile(join(a, 'b.json'), Buffer.from('x'), { dataDir: a, force: true }),
    ).toThrow(/inside the data directory/);
    expect(() =>
      writeExportFile(join(a, 'nope', 'b.json'), Buffer.from('x'), {
        dataDir: tmp('d'),
        force: false,
      }),
    ).toThrow(/does not exist; create it first/);
    mkdirSync(join(tmp('x'), 'dir'), { recursive: true });
    expect(() => writeExportFile(tmpdir(), Buffer.from('x'), { dataDir: a, force: true })).toThrow(
      /is a directory/,
    );
  });
});
