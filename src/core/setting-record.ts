// The setting record's type, a leaf so model.ts can name it in LogRecord without a cycle.

/**
 * One setting changed (core/setting-records.ts folds them: last writer wins). `value` is the
 * stored JSON value; null takes the setting back to its default (for a deck: the deck follows
 * the global setting again). The field is `setting`, not `key`: every other record's `key`
 * names a card, and readers search the logs for it.
 */
export interface SettingRecord {
  type: 'setting';
  id: string;
  at: number;
  /** The stored field (`newPerDay`), as in `Settings`. */
  setting: string;
  value: unknown;
  /** Set for a deck's own limit (`newPerDay` or `reviewsPerDay` of this deck id). */
  deck?: string;
}
