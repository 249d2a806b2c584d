// Settings as records in this device's log (core/setting-records.ts): turning a change of
// the stored settings into records, writing the settings of a snapshot from before version 3
// as records once, and keeping the snapshot's `settings` equal to what the records imply.
import type { SettingRecord } from '../core/setting-record.js';
import {
  type SettingChange,
  type StoredSettings,
  settingChanges,
  settingRecord,
  slotOf,
  storedSettingsOf,
} from '../core/setting-records.js';
import type { Snapshot } from './snapshot.js';

/** Same shape as app/ids.ts recordId (the store may not import app): `<device>-<time>-<hex>`. */
function newId(device: string, at: number): string {
  const buf = new Uint8Array(4);
  globalThis.crypto.getRandomValues(buf);
  const hex = Array.from(buf, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${device}-${at.toString(36)}-${hex}`;
}

function recordsFor(changes: SettingChange[], device: string, at: number): SettingRecord[] {
  return changes.map((c) => settingRecord(newId(device, at), at, c.setting, c.value, c.deck));
}

/** The records that take the settings from what the snapshot says to `next`. */
export function changeRecords(
  snap: Snapshot,
  next: StoredSettings,
  device: string,
  at: number,
): SettingRecord[] {
  return recordsFor(settingChanges(snap.settings, next), device, at);
}

/**
 * Settings from before they were records, for the slots no record writes yet. Dated 0: a
 * setting made since, on any device, is a deliberate later choice and wins over them.
 */
export function legacyRecords(snap: Snapshot, device: string): SettingRecord[] {
  if (!snap.legacySettings) return [];
  const missing = settingChanges({}, snap.legacySettings).filter(
    (c) => !snap.settingRecords[slotOf(c)],
  );
  return recordsFor(missing, device, 0);
}

/** Recomputes the snapshot's settings from its setting records; returns them. */
export function deriveSettings(snap: Snapshot): StoredSettings {
  snap.settings = storedSettingsOf(snap.settingRecords, snap.legacySettings);
  return snap.settings;
}
