// Settings are records in the device's log: a change on one device is seen on another that
// reads its log, and settings from before (a version-2 snapshot, the 0.1 fixture) are written
// as records once by the first writer.
import { copyFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../../src/core/settings.js';
import { Store } from '../../../src/store/store.js';
import { review, T0 } from '../../helpers/records.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'hr-settings-log-'));
const open = (dataDir: string, device: string, readOnly = false, now = T0) =>
  Store.open({ dataDir, device, now: () => now, readOnly });
const settingLines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((r) => r.type === 'setting');

describe('settings as records', () => {
  it('a change is a record in this device’s log, and another device that reads the log has it', async () => {
    const a = tmp();
    const b = tmp();
    const sa = await open(a, 'a');
    sa.setSettings({ newPerDay: 4, deckLimits: { linux: { newPerDay: 2 } } });
    await sa.close();
    expect(settingLines(join(a, 'reviews-a.jsonl'))).toMatchObject([
      { type: 'setting', setting: 'newPerDay', value: 4 },
      { type: 'setting', setting: 'newPerDay', value: 2, deck: 'linux' },
    ]);
    const sb = await open(b, 'b', false, T0 + 1000);
    sb.setSettings({ fuzz: false });
    await sb.close();
    copyFileSync(join(a, 'reviews-a.jsonl'), join(b, 'reviews-a.jsonl'));
    const again = await open(b, 'b', false, T0 + 2000);
    expect(again.settings).toEqual({
      newPerDay: 4,
      fuzz: false,
      deckLimits: { linux: { newPerDay: 2 } },
    });
    expect(resolveSettings(again.settings).deckLimits).toEqual({ linux: { newPerDay: 2 } });
    expect(again.verify()).toEqual([]);
    // The later writer wins wherever the logs are read: B sets new-per-day after A did.
    again.setSettings({ ...again.settings, newPerDay: 11 });
    await again.close();
    copyFileSync(join(b, 'reviews-b.jsonl'), join(a, 'reviews-b.jsonl'));
    const ra = await open(a, 'a', true);
    expect(ra.settings).toEqual({
      newPerDay: 11,
      fuzz: false,
      deckLimits: { linux: { newPerDay: 2 } },
    });
    await ra.close();
  });

  it('settings of a version-2 snapshot are written as records once; a reader shows them and writes nothing', async () => {
    const dir = tmp();
    const s = await open(dir, 'dev1');
    s.append(review(1));
    await s.close();
    const state = JSON.parse(readFileSync(join(dir, 'state-dev1.json'), 'utf8'));
    const { settingRecords: _r, legacySettings: _l, ...rest } = state;
    const v2 = { ...rest, schema: 2, settings: { newPerDay: 7, examDate: null } };
    writeFileSync(join(dir, 'state-dev1.json'), JSON.stringify(v2));
    const log = join(dir, 'reviews-dev1.jsonl');
    const r = await open(dir, 'dev1', true);
    expect(r.settings).toEqual({ newPerDay: 7, examDate: null });
    await r.close();
    expect(settingLines(log)).toEqual([]);
    const w = await open(dir, 'dev1');
    expect(w.settings).toEqual({ newPerDay: 7 });
    expect(w.verify()).toEqual([]);
    await w.close();
    // Dated 0: a setting made since on any device is a later choice and wins.
    expect(settingLines(log)).toMatchObject([{ setting: 'newPerDay', value: 7, at: 0 }]);
    const again = await open(dir, 'dev1');
    await again.close();
    expect(settingLines(log)).toHaveLength(1);
  });

  it('the 0.1 data directory’s settings become records in its log', async () => {
    const dir = join(tmp(), 'data');
    cpSync(join(import.meta.dirname, '../../fixtures/store-v1'), dir, { recursive: true });
    const s = await open(dir, 'old', false, Date.parse('2026-03-02T11:00:00Z'));
    expect(s.settings).toEqual({ newPerDay: 7, desiredRetention: 0.85 });
    expect(s.progress.reviews).toBe(2);
    await s.close();
    expect(settingLines(join(dir, 'reviews-old.jsonl'))).toMatchObject([
      { setting: 'newPerDay', value: 7 },
      { setting: 'desiredRetention', value: 0.85 },
    ]);
  });
});
