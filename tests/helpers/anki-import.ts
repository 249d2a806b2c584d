// Runs the Anki import against a real store in a temporary data directory.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importAnki } from '../../src/app/interop/import-anki.js';
import type { ImportReport } from '../../src/app/interop/import-report.js';
import { resolveSettings } from '../../src/core/settings.js';
import { loadDecks } from '../../src/decks/load.js';
import { importedRecordIds, writeImportLog } from '../../src/store/import-log.js';
import { Store } from '../../src/store/store.js';
import { buildPackage, type FixturePackage } from './anki-package.js';

export async function packageFile(p: FixturePackage, name = 'deck.apkg'): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'hr-anki-'));
  const file = join(dir, name);
  writeFileSync(file, await buildPackage(p));
  return file;
}

export function dataDir(): string {
  return mkdtempSync(join(tmpdir(), 'hr-anki-data-'));
}

export async function runImport(
  file: string,
  dir: string,
  now: number,
  opts: { dryRun?: boolean } = {},
): Promise<ImportReport> {
  const store = await Store.open({ dataDir: dir, device: 'dev1', now: () => now, readOnly: false });
  try {
    const loaded = await loadDecks([join(dir, 'decks')], {});
    return await importAnki(
      file,
      {
        dataDir: dir,
        settings: resolveSettings(store.settings),
        decks: loaded.decks.map((d) => d.deck),
        recordIds: () => importedRecordIds(dir),
        writeLog: opts.dryRun ? null : (recs) => writeImportLog(dir, recs, now),
      },
      now,
    );
  } finally {
    await store.close();
  }
}

export async function openStore(dir: string, now: number): Promise<Store> {
  return Store.open({ dataDir: dir, device: 'dev1', now: () => now, readOnly: true });
}
