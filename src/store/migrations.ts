// Versioned migrations for the files the store writes. Each step turns version n into n+1
// and is kept forever, so a file from any earlier version upgrades: settings (and later
// optimised weights) must never be reset by an upgrade.

type Obj = Record<string, unknown>;
type Step = (x: Obj) => Obj;
export type Migrated = { ok: true; value: Obj } | { ok: false; reason: string };

function run(steps: Record<number, Step>, x: Obj, from: number, to: number): Migrated {
  let value = x;
  for (let v = from; v < to; v++) {
    const step = steps[v];
    if (!step) return { ok: false, reason: `no upgrade from version ${v}` };
    try {
      value = step(value);
    } catch (err) {
      return { ok: false, reason: `upgrade from version ${v} failed: ${String(err)}` };
    }
  }
  return { ok: true, value };
}

const num = (x: unknown): number => (typeof x === 'number' && Number.isFinite(x) ? x : 0);

/** The latest time a version-1 snapshot knows of, to start this device's record clock. */
function latestTime(x: Obj): number {
  let t = 0;
  for (const m of Object.values((x.cards as Record<string, Obj>) ?? {}))
    t = Math.max(t, num(m?.lastReview));
  for (const e of (x.exams as Obj[]) ?? []) t = Math.max(t, num(e?.at));
  return Math.max(t, num((x.lastAnswer as Obj | null)?.at));
}

const SNAPSHOT_STEPS: Record<number, Step> = {
  // 1 -> 2: per-card record times (for telling new records from copies) and this device's
  // record clock. Version 1 kept neither; both start from what the file already says.
  1: (x) => ({ ...x, schema: 2, stamps: {}, clock: latestTime(x) }),
  // 2 -> 3: settings became records in the logs. The file's settings are kept aside for a
  // writer to write as records once (store/settings-log.ts); until then they show as before.
  2: (x) => {
    const settings = x.settings && typeof x.settings === 'object' ? (x.settings as Obj) : {};
    // No log positions: a version-2 reader skipped other devices' setting records as
    // future lines, so every log is folded again once.
    const out: Obj = { ...x, schema: 3, logs: {}, settingRecords: {}, settings: { ...settings } };
    if (Object.keys(settings).length > 0) out.legacySettings = settings;
    return out;
  },
};

export function migrateSnapshot(x: Obj, from: number, to: number): Migrated {
  return run(SNAPSHOT_STEPS, x, from, to);
}

const EXAM_FILE_STEPS: Record<number, Step> = {
  // 1 -> 2: version 1 files carried no version number; the content is unchanged.
  1: (x) => ({ ...x, version: 2 }),
};

export function migrateExamFile(x: Obj, from: number, to: number): Migrated {
  return run(EXAM_FILE_STEPS, x, from, to);
}
