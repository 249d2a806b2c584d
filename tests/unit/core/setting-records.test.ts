// Settings as records: last writer wins per (setting, deck) by time, then device, then id,
// so the settings are the same whatever order the logs are read in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldLogs } from '../../../src/core/fold.js';
import { classifyRecord } from '../../../src/core/records.js';
import {
  applySetting,
  deviceOfId,
  type SettingWinners,
  settingChanges,
  settingRecord,
  storedSettingsOf,
} from '../../../src/core/setting-records.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const rec = (device: string, at: number, setting: string, value: unknown, deck?: string) =>
  settingRecord(`${device}-${at.toString(36)}-0000000${at % 10}`, at, setting, value, deck);

describe('setting records', () => {
  it('are read back as records; shapes this version does not know are future, not fatal', () => {
    const r = rec('laptop', T0, 'newPerDay', 7);
    expect(classifyRecord(JSON.parse(JSON.stringify(r)))).toEqual({ kind: 'record', record: r });
    for (const odd of [
      { type: 'setting', id: 'x', at: 1 },
      { type: 'setting', id: 'x', at: 1, setting: '__proto__', value: 1 },
      { type: 'setting', id: 'x', at: 1, setting: 'newPerDay', value: 1, deck: '__proto__' },
      { type: 'setting', id: 'x', at: 1, setting: 'a/b', value: 1 },
    ])
      expect(classifyRecord(odd)).toEqual({ kind: 'future', type: 'setting' });
  });

  it('the device is read from the record id, device names with dashes included', () => {
    expect(deviceOfId('my-laptop-mm90cj8m-12a31815')).toBe('my-laptop');
    expect(deviceOfId('odd')).toBe('odd');
  });

  it('the latest time wins; a tie goes to the greater device id, then record id', () => {
    const w: SettingWinners = {};
    applySetting(w, rec('b', T0, 'newPerDay', 5));
    applySetting(w, rec('a', T0 + 1, 'newPerDay', 6));
    expect(storedSettingsOf(w)).toEqual({ newPerDay: 6 });
    applySetting(w, rec('c', T0 + 1, 'newPerDay', 8));
    applySetting(w, rec('a', T0, 'newPerDay', 1));
    expect(storedSettingsOf(w)).toEqual({ newPerDay: 8 });
  });

  it('null resets a setting; a deck slot is separate from the global one', () => {
    const w: SettingWinners = {};
    applySetting(w, rec('a', T0, 'newPerDay', 5));
    applySetting(w, rec('a', T0 + 1, 'newPerDay', 3, 'linux'));
    applySetting(w, rec('a', T0 + 2, 'reviewsPerDay', 30, 'linux'));
    expect(storedSettingsOf(w)).toEqual({
      newPerDay: 5,
      deckLimits: { linux: { newPerDay: 3, reviewsPerDay: 30 } },
    });
    applySetting(w, rec('a', T0 + 3, 'newPerDay', null));
    applySetting(w, rec('a', T0 + 4, 'newPerDay', null, 'linux'));
    applySetting(w, rec('a', T0 + 5, 'reviewsPerDay', null, 'linux'));
    expect(storedSettingsOf(w)).toEqual({});
  });

  it('settings from before records fill only the slots no record writes', () => {
    const w: SettingWinners = {};
    applySetting(w, rec('a', T0, 'newPerDay', 5));
    const legacy = { newPerDay: 9, fuzz: false, deckLimits: { x: { newPerDay: 1 } } };
    expect(storedSettingsOf(w, legacy)).toEqual({
      newPerDay: 5,
      fuzz: false,
      deckLimits: { x: { newPerDay: 1 } },
    });
  });

  it('a change of the stored settings is one record per changed slot', () => {
    expect(
      settingChanges(
        { newPerDay: 5, fuzz: true, deckLimits: { a: { newPerDay: 1 }, b: { reviewsPerDay: 2 } } },
        { newPerDay: 5, weights: [1, 2], deckLimits: { a: { newPerDay: 3 } } },
      ),
    ).toEqual([
      { setting: 'fuzz', value: null },
      { setting: 'weights', value: [1, 2] },
      { setting: 'newPerDay', value: 3, deck: 'a' },
      { setting: 'reviewsPerDay', value: null, deck: 'b' },
    ]);
  });

  it('any order, any duplication of the records gives the same settings (property)', () => {
    const one = fc.record({
      dev: fc.constantFrom('a', 'b', 'c-d'),
      at: fc.integer({ min: 0, max: 5 }),
      setting: fc.constantFrom('newPerDay', 'fuzz'),
      value: fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constant(null)),
      deck: fc.constantFrom(undefined, 'linux'),
      n: fc.nat(3),
    });
    fc.assert(
      fc.property(fc.array(one, { maxLength: 20 }), fc.nat(), (list, seed) => {
        const recs = list.map((x, i) =>
          settingRecord(
            `${x.dev}-${x.at}-${i.toString(16)}`,
            T0 + x.at,
            x.setting,
            x.value,
            x.deck,
          ),
        );
        const shuffled = [...recs, ...recs.filter((_, i) => i % 3 === seed % 3)].sort(
          (p, q) => ((p.id.length * 31 + seed) % 7) - ((q.id.length * 17 + seed) % 5),
        );
        const a = foldLogs([{ device: 'a', records: recs }], 'a').settingRecords;
        const b = foldLogs(
          [
            { device: 'b', records: shuffled.slice(0, 4) },
            { device: 'a', records: shuffled.slice(4) },
          ],
          'a',
        ).settingRecords;
        expect(storedSettingsOf(b)).toEqual(storedSettingsOf(a));
        expect(b).toEqual(a);
      }),
    );
  });
});
