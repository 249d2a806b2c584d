// Leeches: cards that keep being forgotten. Anki's rule: a card becomes a leech when its
// lapses reach the threshold, and is flagged again every half-threshold lapses after that.
// Study answers and exam lapses go through the same check.
import { questionText } from './cards.js';
import type { Card, MarkRecord, Memory } from './model.js';
import { markRecord } from './records.js';
import { oneLine } from './sanitize.js';
import type { Settings } from './settings.js';

const REPEAT_DIVISOR = 2;
/** Enough of the question to recognise the card, short enough for a 40-column notice. */
const FRONT_CHARS = 32;

/** The card's front on one line, shortened at a word where it can be. */
export function shortFront(card: Card, max = FRONT_CHARS): string {
  const text = oneLine(questionText(card)).replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The notice after an answer made a card a leech. It names the card (it has already left
 * the screen, and a suspended one will not come back by itself) and where to re-read it.
 */
export function leechNotice(card: Card, lapses: number, action: 'suspend' | 'tag'): string {
  const done = action === 'suspend' ? 'suspended' : 'tagged';
  const source = oneLine(card.ref ?? card.pos.file);
  return `Leech: "${shortFront(card)}" (${lapses} lapses), ${done}. Re-read ${source}.`;
}

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
