// Leeches: cards that keep being forgotten. Anki's rule: a card becomes a leech when its
// lapses reach the threshold, and is flagged again every half-threshold lapses after that.
// Study answers and exam lapses go through the same check.
import type { MarkRecord, Memory } from './model.js';
import { markRecord } from './records.js';
import type { Settings } from './settings.js';

const REPEAT_DIVISOR = 2;

/** Whether the answer that turned `before` into `after` makes the card a leech (again). */
export function becameLeech(before: Memory | null, after: Memory, threshold: number): boolean {
  if (!before || after.lapses <= before.lapses || after.lapses < threshold) return false;
  const every = Math.max(1, Math.ceil(threshold / REPEAT_DIVISOR));
  return (after.lapses - threshold) % every === 0;
}

export interface LeechOutcome {
  lapses: number;
  action: 'suspend' | 'tag';
}

export interface LeechMarks {
  records: MarkRecord[];
  leech: LeechOutcome | null;
  /** What undoing the answer must take back: the leech mark only if this answer set it. */
  undo: { leech: boolean; suspended: boolean };
}

/**
 * The marks an answer writes when it makes the card a leech, at `at + 1` and `at + 2` (a
 * device's records have strictly increasing times). `wasLeech` is whether the card carried
 * the leech mark before; unknown, a card already past the threshold is taken to carry it.
 */
export function leechMarks(a: {
  key: string;
  before: Memory | null;
  after: Memory;
  settings: Pick<Settings, 'leechThreshold' | 'leechAction'>;
  wasLeech: boolean | undefined;
  at: number;
  day: number;
  newId: () => string;
}): LeechMarks {
  const threshold = a.settings.leechThreshold;
  if (!becameLeech(a.before, a.after, threshold))
    return { records: [], leech: null, undo: { leech: false, suspended: false } };
  const action = a.settings.leechAction;
  const records = [markRecord(a.newId(), a.key, 'leech', a.at + 1, a.day)];
  if (action === 'suspend') records.push(markRecord(a.newId(), a.key, 'suspend', a.at + 2, a.day));
  const was = a.wasLeech ?? (a.before !== null && a.before.lapses >= threshold);
  return {
    records,
    leech: { lapses: a.after.lapses, action },
    undo: { leech: !was, suspended: action === 'suspend' },
  };
}
