// Settings as log records, so a change made on one device reaches every other device that
// reads its log. Each (setting, deck) pair is a slot; the slot's value is that of its last
// writer: the latest `at`, then the device named in the record id, then the record id. That
// is a total order, so the result is the same whatever order the logs are read in.
// A reader from before these records skips them as "future" lines (its default branch).
import type { SettingRecord } from './setting-record.js';

export type { SettingRecord };

/** The settings as stored: field name to JSON value (core/settings.ts resolves them). */
export type StoredSettings = Record<string, unknown>;

/** The winning record of each slot: what the logs say the settings are. */
export type SettingWinners = Record<string, SettingRecord>;

// Field names only: never `__proto__` or a path, so a record cannot reach an object's prototype.
const SETTING_NAME = /^[A-Za-z][A-Za-z0-9]{0,63}$/;
const UNSAFE_DECKS = new Set(['__proto__', 'constructor', 'prototype']);

export function settingRecord(
  id: string,
  at: number,
  setting: string,
  value: unknown,
  deck?: string,
): SettingRecord {
  const rec: SettingRecord = { type: 'setting', id, at, setting, value: value ?? null };
  if (deck !== undefined) rec.deck = deck;
  return rec;
}

type Obj = Record<string, unknown>;
export type JudgedSetting =
  | { kind: 'record'; record: SettingRecord }
  | { kind: 'future'; type: string };

/**
 * Judges a parsed line whose type is `setting` (id and time already checked). A shape this
 * version does not know (a newer version's scope, say) is skipped as "future", never fatal.
 */
export function classifySetting(x: Obj): JudgedSetting {
  const named = typeof x.setting === 'string' && SETTING_NAME.test(x.setting);
  const deckOk =
    x.deck === undefined ||
    (typeof x.deck === 'string' && x.deck !== '' && !UNSAFE_DECKS.has(x.deck));
  if (!named || !('value' in x) || !deckOk) return { kind: 'future', type: 'setting' };
  return { kind: 'record', record: x as unknown as SettingRecord };
}

/** The slot a record writes: `newPerDay`, or `newPerDay/<deck>` (names hold no slash). */
export function slotOf(rec: { setting: string; deck?: string }): string {
  return rec.deck === undefined ? rec.setting : `${rec.setting}/${rec.deck}`;
}

/** The device in a record id (`<device>-<time base 36>-<hex>`); the whole id if it has no such tail. */
export function deviceOfId(id: string): string {
  return id.replace(/-[0-9a-z]+-[0-9a-f]+$/, '');
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Positive when `a` is written later than `b`: by time, then device, then record id. */
export function compareWriters(a: SettingRecord, b: SettingRecord): number {
  return a.at - b.at || cmp(deviceOfId(a.id), deviceOfId(b.id)) || cmp(a.id, b.id);
}

/** Last writer wins: commutative and idempotent, so applying in any order is exact. */
export function applySetting(winners: SettingWinners, rec: SettingRecord): void {
  const slot = slotOf(rec);
  const cur = winners[slot];
  if (!cur || compareWriters(rec, cur) > 0) winners[slot] = rec;
}

const isObj = (x: unknown): x is Obj => !!x && typeof x === 'object' && !Array.isArray(x);

/**
 * The settings the winners imply, in the shape the store always kept. `legacy` (settings
 * from before they were records, not yet written as records) fills the slots no record
 * writes, as those records will once a writer opens the store.
 */
export function storedSettingsOf(winners: SettingWinners, legacy?: StoredSettings): StoredSettings {
  const out: Obj = {};
  const deckLimits: Record<string, Obj> = {};
  if (legacy) {
    for (const [k, v] of Object.entries(legacy)) if (k !== 'deckLimits') out[k] = v;
    if (isObj(legacy.deckLimits))
      for (const [deck, v] of Object.entries(legacy.deckLimits))
        if (isObj(v)) deckLimits[deck] = { ...v };
  }
  for (const rec of Object.values(winners)) {
    if (rec.deck === undefined) {
      if (rec.setting === 'deckLimits') continue;
      if (rec.value === null) delete out[rec.setting];
      else out[rec.setting] = rec.value;
      continue;
    }
    const own = deckLimits[rec.deck] ?? {};
    if (rec.value === null) delete own[rec.setting];
    else own[rec.setting] = rec.value;
    if (Object.keys(own).length > 0) deckLimits[rec.deck] = own;
    else delete deckLimits[rec.deck];
  }
  if (Object.keys(deckLimits).length > 0) out.deckLimits = deckLimits;
  return out as StoredSettings;
}

export interface SettingChange {
  setting: string;
  value: unknown;
  deck?: string;
}

const same = (a: unknown, b: unknown): boolean =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The slots that differ between two stored settings, as records would write them. */
export function settingChanges(prev: StoredSettings, next: StoredSettings): SettingChange[] {
  const out: SettingChange[] = [];
  const p = prev as Obj;
  const n = next as Obj;
  for (const k of new Set([...Object.keys(p), ...Object.keys(n)])) {
    if (k === 'deckLimits' || !SETTING_NAME.test(k)) continue;
    if (!same(p[k], n[k])) out.push({ setting: k, value: n[k] ?? null });
  }
  const pd = isObj(p.deckLimits) ? p.deckLimits : {};
  const nd = isObj(n.deckLimits) ? n.deckLimits : {};
  for (const deck of new Set([...Object.keys(pd), ...Object.keys(nd)])) {
    if (deck === '' || UNSAFE_DECKS.has(deck)) continue;
    const a = isObj(pd[deck]) ? (pd[deck] as Obj) : {};
    const b = isObj(nd[deck]) ? (nd[deck] as Obj) : {};
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)]))
      if (SETTING_NAME.test(k) && !same(a[k], b[k]))
        out.push({ setting: k, value: b[k] ?? null, deck });
  }
  return out;
}
