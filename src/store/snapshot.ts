// The snapshot (`state-<device>.json`): a cache of what the review logs imply (settings
// included: they are records in the logs), and how far into each log it has read. Read through `readSnapshot`, which
// upgrades older versions and says plainly when a file cannot be used.
import type { CardMarks, ReviewRecord } from '../core/model.js';
import { emptyProgress, type Progress } from '../core/progress.js';
import { isExamSummary, isMemory } from '../core/records.js';
import { classifySetting, type StoredSettings } from '../core/setting-records.js';
import { migrateSnapshot } from './migrations.js';

export type { StoredSettings };

export const SNAPSHOT_VERSION = 3;

export interface Snapshot extends Progress {
  schema: number;
  /** Bytes of each log file already folded in. */
  logs: Record<string, number>;
  /** The latest record time this device wrote: its records get strictly later times. */
  clock: number;
  /** What the setting records imply (with `legacySettings` under them): a cache. */
  settings: StoredSettings;
  /**
   * Settings kept from before they were records (a version-2 snapshot, or salvaged from a
   * damaged one): a writer writes them into its log once and drops them (store/settings-log.ts).
   */
  legacySettings?: StoredSettings;
}

export function emptySnapshot(legacy: StoredSettings = {}): Snapshot {
  const snap: Snapshot = {
    schema: SNAPSHOT_VERSION,
    ...emptyProgress(),
    logs: {},
    clock: 0,
    settings: { ...legacy },
  };
  if (Object.keys(legacy).length > 0) snap.legacySettings = legacy;
  return snap;
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => !!x && typeof x === 'object' && !Array.isArray(x);
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
/** Every value of a record passes `ok`. A plain loop: the cards record has 100,000 keys. */
function allOf(x: unknown, ok: (v: unknown) => boolean): boolean {
  if (!isObj(x)) return false;
  for (const k in x) if (!ok(x[k])) return false;
  return true;
}

function isMarks(x: unknown): x is CardMarks {
  if (!isObj(x)) return false;
  const flag = (v: unknown) => v === undefined || typeof v === 'boolean';
  return (
    flag(x.suspended) &&
    flag(x.flagged) &&
    flag(x.leech) &&
    (x.buriedDay === undefined || isNum(x.buriedDay))
  );
}

function isDay(x: unknown): boolean {
  return (
    isObj(x) &&
    isNum(x.reviews) &&
    isNum(x.newCards) &&
    isNum(x.reviewCards) &&
    isNum(x.passed) &&
    isNum(x.reviewPassed) &&
    isNum(x.ms)
  );
}

function isLastAnswer(x: unknown): x is ReviewRecord | null {
  return x === null || (isObj(x) && x.type === 'review' && typeof x.id === 'string' && isNum(x.at));
}

function isSettingRecord(x: unknown): boolean {
  return (
    isObj(x) &&
    x.type === 'setting' &&
    typeof x.id === 'string' &&
    isNum(x.at) &&
    classifySetting(x).kind === 'record'
  );
}

/** What is wrong with a current-version snapshot, or null when every part is usable. */
export function snapshotProblem(x: Obj): string | null {
  if (!allOf(x.cards, isMemory)) return 'a card state is malformed';
  if (!allOf(x.marks, isMarks)) return 'a card mark is malformed';
  if (!allOf(x.days, isDay)) return 'a daily count is malformed';
  if (!Array.isArray(x.exams) || !x.exams.every(isExamSummary)) return 'an exam is malformed';
  if (!allOf(x.logs, isNum) || !allOf(x.stamps, isNum)) return 'the log positions are malformed';
  if (!isNum(x.reviews) || !isNum(x.clock)) return 'a counter is malformed';
  if (!isLastAnswer(x.lastAnswer)) return 'the last answer is malformed';
  if (!isObj(x.settings)) return 'the settings are malformed';
  if (!allOf(x.settingRecords, isSettingRecord)) return 'a setting record is malformed';
  if (x.legacySettings !== undefined && !isObj(x.legacySettings))
    return 'the settings from before version 3 are malformed';
  return null;
}

export type SnapshotRead =
  | { ok: true; snapshot: Snapshot; migratedFrom: number | null }
  | { ok: false; newer: number }
  | { ok: false; newer: null; reason: string; settings: StoredSettings | null };

/**
 * Interprets parsed JSON: the current version as is, an older one upgraded, a newer one
 * refused (this version would drop what it does not know), anything else rejected with
 * whatever settings could be salvaged from it.
 */
export function readSnapshot(x: unknown): SnapshotRead {
  const salvage = isObj(x) && isObj(x.settings) ? (x.settings as StoredSettings) : null;
  if (!isObj(x)) return { ok: false, newer: null, reason: 'not a JSON object', settings: null };
  const schema = x.schema;
  if (!Number.isInteger(schema) || (schema as number) < 1)
    return { ok: false, newer: null, reason: 'no schema version', settings: salvage };
  if ((schema as number) > SNAPSHOT_VERSION) return { ok: false, newer: schema as number };
  const migrated = migrateSnapshot(x, schema as number, SNAPSHOT_VERSION);
  if (!migrated.ok) return { ok: false, newer: null, reason: migrated.reason, settings: salvage };
  const problem = snapshotProblem(migrated.value);
  if (problem) return { ok: false, newer: null, reason: problem, settings: salvage };
  return {
    ok: true,
    snapshot: migrated.value as unknown as Snapshot,
    migratedFrom: schema === SNAPSHOT_VERSION ? null : (schema as number),
  };
}
