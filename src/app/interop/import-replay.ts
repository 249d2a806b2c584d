// Anki's review history -> hyperrecall review records, the memory of each card recomputed by
// replaying its answers through our FSRS scheduler (Anki's own intervals came from its own
// settings and, often, SM-2). Record ids come from the revlog, so a second import of the
// same history finds them already in the log.
import { studyDay } from '../../core/clock.js';
import type { Grade, LogRecord, Memory } from '../../core/model.js';
import { markRecord, reviewRecord } from '../../core/records.js';
import { newMemory, Scheduler } from '../../core/scheduler.js';
import type { Settings } from '../../core/settings.js';
import type { AnkiCollection } from '../../decks/anki/types.js';

/** Anki's revlog kinds (rslib RevlogReviewKind). */
const MANUAL = 4;

export interface Replay {
  /** Reviews and marks in time order, each card's answers in the order given. */
  records: LogRecord[];
  memories: Map<string, Memory>;
  counts: {
    reviews: number;
    /** Revlog rows of cards the package no longer has (Anki keeps them after a delete). */
    orphanReviews: number;
    /** Cards Anki had scheduled whose history is not in the package: they start as new. */
    withoutHistory: number;
    suspended: number;
    buried: number;
    flagged: number;
    leeches: number;
  };
  /** Mean absolute difference from Anki's FSRS memory state, where the package has one. */
  fsrs: { cards: number; stability: number; difficulty: number } | null;
}

const id36 = (n: number | string) => Number(n).toString(36);

export function replayHistory(
  col: AnkiCollection,
  keys: ReadonlyMap<string, string>,
  settings: Settings,
  now: number,
): Replay {
  const rollover = col.rollover;
  const scheduler = new Scheduler({ ...settings, dayStartsAt: rollover });
  const out: Replay = {
    records: [],
    memories: new Map(),
    counts: {
      reviews: 0,
      orphanReviews: 0,
      withoutHistory: 0,
      suspended: 0,
      buried: 0,
      flagged: 0,
      leeches: 0,
    },
    fsrs: null,
  };
  for (const r of col.reviews) {
    const key = keys.get(r.cardId);
    if (key === undefined) {
      out.counts.orphanReviews++;
      continue;
    }
    const day = studyDay(r.at, rollover);
    const rid = `anki-${id36(r.at)}-${id36(r.cardId)}`;
    if (r.ease < 1 || r.ease > 4) {
      // A manual entry that reset the card (Forget, ease factor 0) starts it over; other
      // manual entries (set due date, reschedule) carry no answer and are left out.
      if (r.kind === MANUAL && r.factor === 0 && out.memories.has(key)) {
        out.memories.delete(key);
        out.records.push(markRecord(`${rid}-forget`, key, 'forget', r.at, day));
      }
      continue;
    }
    const before = out.memories.get(key) ?? null;
    const after = scheduler.answer(before ?? newMemory(r.at), r.at, r.ease as Grade, key);
    out.memories.set(key, after);
    out.records.push(
      reviewRecord({
        id: rid,
        key,
        at: r.at,
        rating: r.ease as Grade,
        mode: 'study',
        tookMs: r.tookMs,
        before,
        after,
        day,
      }),
    );
    out.counts.reviews++;
  }
  markCards(col, keys, now, out);
  out.fsrs = fsrsDifference(col, keys, out.memories);
  return out;
}

function markCards(
  col: AnkiCollection,
  keys: ReadonlyMap<string, string>,
  now: number,
  out: Replay,
): void {
  const day = studyDay(now, col.rollover);
  const leechNotes = new Set(
    col.notes.filter((n) => n.tags.some((t) => t.toLowerCase() === 'leech')).map((n) => n.id),
  );
  const mark = (key: string, kind: 'suspend' | 'bury' | 'flag' | 'leech', idPart: string) =>
    out.records.push(markRecord(`anki-${kind}-${idPart}`, key, kind, now, day));
  for (const c of col.cards) {
    const key = keys.get(c.id);
    if (key === undefined) continue;
    if (c.type > 0 && !out.memories.has(key)) out.counts.withoutHistory++;
    const part = id36(c.id);
    if (c.queue === -1) {
      mark(key, 'suspend', part);
      out.counts.suspended++;
    }
    // Buried until Anki's next day: here, until the end of today's study day.
    if (c.queue === -2 || c.queue === -3) {
      mark(key, 'bury', `${part}-${day}`);
      out.counts.buried++;
    }
    if ((c.flags & 7) !== 0) {
      mark(key, 'flag', part);
      out.counts.flagged++;
    }
    if (leechNotes.has(c.noteId)) {
      mark(key, 'leech', part);
      out.counts.leeches++;
    }
  }
}

function fsrsDifference(
  col: AnkiCollection,
  keys: ReadonlyMap<string, string>,
  memories: ReadonlyMap<string, Memory>,
): Replay['fsrs'] {
  let n = 0;
  let ds = 0;
  let dd = 0;
  for (const c of col.cards) {
    const m = c.fsrs ? memories.get(keys.get(c.id) ?? '') : undefined;
    if (!c.fsrs || !m) continue;
    n++;
    ds += Math.abs(m.stability - c.fsrs.stability);
    dd += Math.abs(m.difficulty - c.fsrs.difficulty);
  }
  return n === 0 ? null : { cards: n, stability: ds / n, difficulty: dd / n };
}
